import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { encodeCursor } from '../src/common/pagination';
import { CreatePhysicalBookingDocument } from './generated/graphql';
import { confirmedPhysical, type Scenario } from './support/factories';
import { past, seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let s: Scenario;
beforeAll(async () => {
  app = await startTestApp();
  s = await seedPricedScenario(app);
});
afterAll(() => app.close());

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** Fails when a response gives away internals: a stack trace, a source path or SQL. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/stacktrace/i);
  expect(text).not.toMatch(/at \/|node_modules|\.ts:\d/);
  expect(text).not.toMatch(/insert into|select |delete from|update "|SQLSTATE|22008|22P05/i);
}

/** Posts a JSON body (as the admin unless told) and returns the status and parsed body, checked for internals. */
async function post(payload: unknown, token: string | null = app.adminToken): Promise<{ status: number; body: Body }> {
  const res = await app.raw(JSON.stringify(payload), token);
  expectNoInternals(res.body);
  return { status: res.status, body: JSON.parse(res.body) as Body };
}

/** The error codes of an answer, in order. */
const codes = (body: Body) => (body.errors ?? []).map((e) => e.extensions?.code);

/** Sends a request with an arbitrary request target, which fetch would normalise away. */
function rawTarget(target: string, method = 'GET'): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path: target, headers: { 'apollo-require-preflight': 'true' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The server still answers an ordinary query. */
async function expectStillServing(): Promise<void> {
  const res = await post({ query: '{ viewer { role } }' });
  expect(res).toEqual({ status: 200, body: { data: { viewer: { role: 'ADMIN' } } } });
}

describe('odd request targets', () => {
  it.each(['//', '//x:y', '/%', '//graphql', '/graphql/../graphql', '/%00', '*', 'http://[::1', '/?%', '//x:99999/graphql'])(
    'answers the target %j with a 4xx in the API error shape and keeps serving',
    async (target) => {
      const res = await rawTarget(target);
      expectNoInternals(res.body);
      expect([400, 404]).toContain(res.status);
      const body = JSON.parse(res.body) as Body;
      expect(body.errors).toEqual([{ message: expect.any(String), extensions: { code: res.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST' } }]);
      await expectStillServing();
    },
  );

  it('answers an unknown path with HTTP 404 NOT_FOUND and a query string on /graphql normally', async () => {
    expect(await rawTarget('/nope?x=1')).toEqual({ status: 404, body: expect.stringContaining('"code":"NOT_FOUND"') });
    const res = await rawTarget(`/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res).toEqual({ status: 200, body: '{"data":{"__typename":"Query"}}\n' });
  });
});

describe('operations that cannot be resolved or executed', () => {
  it('answers an operationName the document does not define with HTTP 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const res = await post({ query: '{ viewer { role } }', operationName: 'A' });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  });

  it('answers a document of two operations sent without an operationName with HTTP 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const res = await post({ query: 'query A { viewer { role } } query B { viewer { role } }' });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  });

  it.each(['subscription { bookingChanged(id: "x") { id } }', 'subscription S { modelCalendarChanged(modelId: "x") { modelId } }'])(
    'refuses %j over HTTP (subscriptions are served over WebSocket) with HTTP 400 GRAPHQL_VALIDATION_FAILED',
    async (query) => {
      const res = await post({ query });
      expect(res.status).toBe(400);
      expect(codes(res.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.body.errors?.[0].message).toMatch(/subscription is served over WebSocket/);
    },
  );
});

describe('persisted queries', () => {
  const query = '{ viewer { role } }';
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('answers a hash that does not match the query text with HTTP 400 BAD_REQUEST', async () => {
    const res = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['BAD_REQUEST']);
  });

  it('answers an unsupported persisted query version with HTTP 400 PERSISTED_QUERY_NOT_SUPPORTED', async () => {
    const res = await post({ query, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(query) } } });
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, then registers and serves the query by its hash', async () => {
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const unknown = await post({ extensions: { persistedQuery } });
    expect(codes(unknown.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((await post({ query, extensions: { persistedQuery } })).body).toEqual({ data: { viewer: { role: 'ADMIN' } } });
    expect((await post({ extensions: { persistedQuery } })).body).toEqual({ data: { viewer: { role: 'ADMIN' } } });
  });
});

describe('variables that do not coerce', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['a String where an Int is expected', 'query($n: Int) { models(first: $n) { edges { cursor } } }', { n: 'x' }],
    ['a float where an Int is expected', 'query($n: Int) { models(first: $n) { edges { cursor } } }', { n: 1.5 }],
    ['an Int past 32 bits', 'query($n: Int) { models(first: $n) { edges { cursor } } }', { n: 2 ** 53 }],
    ['a DateTime that is not a date', 'query($f: DateTime!, $t: DateTime!) { agencyStatement(from: $f, to: $t) { owedToAgency { bookings } } }', { f: 'not-a-date', t: '2030-01-01T00:00:00Z' }],
    ['an ID given an object', 'query($id: ID!) { model(id: $id) { id } }', { id: { x: 1 } }],
    ['an ID given a list', 'query($id: ID!) { model(id: $id) { id } }', { id: ['a'] }],
    ['an unknown enum value', 'query($t: BookingType) { bookings(type: $t) { edges { cursor } } }', { t: 'BOGUS' }],
    ['an input object with an unknown field', 'mutation($i: CreateBrandInput!) { createBrand(input: $i) { userErrors { code } } }', { i: { name: 'x', evil: 1 } }],
  ])('refuses %s with HTTP 400 BAD_USER_INPUT', async (_name, query, variables) => {
    const res = await post({ query, variables });
    expect(res.status).toBe(400);
    expect(codes(res.body).length).toBeGreaterThan(0);
    expect(new Set(codes(res.body))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('refuses more than 50 bad variables with HTTP 400 BAD_USER_INPUT only', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `v${i}`);
    // Each variable is used (unused ones fail validation first), in one list argument so that no limit applies.
    const query = `query(${names.map((n) => `$${n}: BookingStatus!`).join(', ')}) { bookings(first: 1, status: [${names.map((n) => `$${n}`).join(', ')}]) { edges { cursor } } }`;
    const res = await post({ query, variables: Object.fromEntries(names.map((n) => [n, 7])) });
    expect(res.status).toBe(400);
    expect(codes(res.body).length).toBeGreaterThan(0);
    expect(new Set(codes(res.body))).toEqual(new Set(['BAD_USER_INPUT']));
  });
});

describe('instants outside the span the API keeps (1900..9999)', () => {
  const YEAR_0 = '0000-01-01T00:00:00Z';
  const LATER = '2030-01-01T00:00:00Z';

  const agencyStatement = 'query($a: ID, $f: DateTime!, $t: DateTime!) { agencyStatement(agencyId: $a, from: $f, to: $t) { owedToAgency { bookings } } }';
  const brandStatement = 'query($a: ID, $f: DateTime!, $t: DateTime!) { brandStatement(brandId: $a, from: $f, to: $t) { charges { title } } }';
  const earnings = 'query($a: ID!, $f: DateTime!, $t: DateTime!) { model(id: $a) { earnings(from: $f, to: $t) { bookings } } }';

  it.each<[string, string, () => Record<string, unknown>, string, string[]]>([
    ['agencyStatement from year 0', agencyStatement, () => ({ a: s.agency.id, f: YEAR_0, t: LATER }), 'from', ['agencyStatement']],
    ['agencyStatement from 1899', agencyStatement, () => ({ a: s.agency.id, f: '1899-12-31T00:00:00Z', t: LATER }), 'from', ['agencyStatement']],
    ['brandStatement from year 0', brandStatement, () => ({ a: s.brand.id, f: YEAR_0, t: LATER }), 'from', ['brandStatement']],
    ['brandStatement to the last day of 9999', brandStatement, () => ({ a: s.brand.id, f: LATER, t: '9999-12-31T12:00:00Z' }), 'to', ['brandStatement']],
    ['model.earnings from year 0', earnings, () => ({ a: s.model.id, f: YEAR_0, t: LATER }), 'from', ['model', 'earnings']],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_name, query, variables, argumentName, path) => {
    const res = await post({ query, variables: variables() });
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([{ message: expect.any(String), path, locations: expect.any(Array), extensions: { code: 'BAD_USER_INPUT', argumentName } }]);
  });

  it('refuses a page cursor whose key is in year 0 with BAD_USER_INPUT naming `after`', async () => {
    const after = encodeCursor({ key: '0000-01-01T00:00:00.000Z', id: s.model.id });
    for (const list of ['models', 'brands', 'agencies', 'bookings']) {
      const res = await post({ query: `query($after: String) { ${list}(first: 1, after: $after) { edges { cursor } } }`, variables: { after } });
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: [list], extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } })]);
    }
  });
});

describe('text the database cannot store', () => {
  const setRateCard = 'mutation($input: SetRateCardInput!) { setRateCard(input: $input) { rateCard { id } userErrors { code field } } }';
  const card = (extra: Record<string, unknown>) => ({ agencyId: s.agency.id, currency: 'EUR', hourlyRate: 100, halfDayRate: 400, dayRate: 800, ...extra });

  it.each<[string, 'deliverablePrices' | 'usageMonthlyFees', string]>([
    ['a NUL byte', 'deliverablePrices', 'IMA\u0000GE'],
    ['a lone surrogate', 'usageMonthlyFees', 'WEB\ud800'],
    ['an over-long key', 'deliverablePrices', 'K'.repeat(51)],
  ])('refuses a rate card whose price key has %s with INVALID_INPUT at that key', async (_name, list, key) => {
    const input = card({ [list]: [{ key: 'VIDEO', amount: 1 }, { key, amount: 2 }] });
    const res = await post({ query: setRateCard, variables: { input } }, s.agency.token);
    expect(res).toEqual({
      status: 200,
      body: { data: { setRateCard: { rateCard: null, userErrors: [{ code: 'INVALID_INPUT', field: ['input', list, '1', 'key'] }] } } },
    });
  });

  it('refuses completing a booking with an actual end past the span the API keeps with INVALID_INPUT, and it stays confirmed', async () => {
    // Work that has started (completion waits for it), confirmed with a price.
    const booking = (await app.gql(CreatePhysicalBookingDocument, { input: { ...confirmedPhysical(s, 9, 17), start: past(9), end: past(17) } }, s.agency.token)).createPhysicalBooking.booking!;
    const complete = 'mutation($input: CompleteBookingInput!) { completeBooking(input: $input) { booking { status } userErrors { code field } } }';
    const res = await post({ query: complete, variables: { input: { id: booking.id, actualEnd: '9999-12-31T12:00:00Z' } } }, s.agency.token);
    expect(res).toEqual({ status: 200, body: { data: { completeBooking: { booking: null, userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'actualEnd'] }] } } } });
    const read = await post({ query: 'query($id: ID!) { booking(id: $id) { status } }', variables: { id: booking.id } });
    expect(read.body.data).toEqual({ booking: { status: 'CONFIRMED' } });
  });
});
