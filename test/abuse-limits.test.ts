import { print } from 'graphql';
import { BookingsDocument, CreatePhysicalBookingDocument } from './generated/graphql';
import { at, seedScenario } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** Fails when a response gives away internals: a stack trace, a source path or SQL. */
function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/stacktrace/i);
  expect(body).not.toMatch(/at \/|node_modules|\.ts:\d/);
  expect(body).not.toMatch(/insert into|select |delete from|update "/i);
}

const body = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

/** Posts a document as the admin (or as `token`) and returns the status and parsed body, checked for internals. */
async function post(raw: string, token: string | null = app.adminToken): Promise<{ status: number; body: Body }> {
  const res = await app.raw(raw, token);
  expectNoInternals(res.body);
  return { status: res.status, body: JSON.parse(res.body) as Body };
}

/** Checks an HTTP 400 whose every error carries `code`, with no data; returns the errors. */
function expect400(res: { status: number; body: Body }, code: string) {
  expect(res.status).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors?.length).toBeGreaterThan(0);
  expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(res.body.errors!.map(() => code));
  return res.body.errors!;
}

/** Checks an HTTP 200 answered without any error. */
function expectOk(res: { status: number; body: Body }) {
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.body.data as Record<string, unknown>;
}

async function bookingCount(): Promise<number> {
  let count = 0;
  for (let after: string | null = null; ; ) {
    const page: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await app.gql(BookingsDocument, { first: 100, after })).bookings;
    const { edges, pageInfo } = page;
    count += edges.length;
    if (!pageInfo.hasNextPage) return count;
    after = pageInfo.endCursor;
  }
}

describe('malformed requests', () => {
  it.each<[string, string, string]>([
    ['a body that is not JSON', 'BAD_REQUEST', '{"query": "{ viewer { role } }"'],
    ['an empty body', 'BAD_REQUEST', ''],
    ['a JSON array (batching is off)', 'BAD_REQUEST', '[{"query": "{ viewer { role } }"}]'],
    ['a query that is not a string', 'BAD_REQUEST', '{"query": 42}'],
    ['variables that are not an object', 'BAD_REQUEST', body('{ viewer { role } }', 'x')],
    ['a GraphQL syntax error', 'GRAPHQL_PARSE_FAILED', body('{ viewer { role ')],
    ['an unknown field', 'GRAPHQL_VALIDATION_FAILED', body('{ viewer { role salary } }')],
    ['first: "ten"', 'BAD_USER_INPUT', body('query($n: Int) { models(first: $n) { edges { cursor } } }', { n: 'ten' })],
    ['a missing required variable', 'BAD_USER_INPUT', body('query($id: ID!) { model(id: $id) { id } }', {})],
  ])('answers %s with HTTP 400 and %s', async (_name, code, raw) => {
    expect400(await post(raw), code);
  });

  it.each(['tomorrow', '2030-13-45T00:00:00Z', '2030-06-03 09:00', ''])(
    'refuses the DateTime %j in variables with HTTP 400 BAD_USER_INPUT naming the field, and writes nothing',
    async (start) => {
      const s = await seedScenario(app);
      const before = await bookingCount();
      const input = { modelId: s.model.id, brandId: s.brand.id, title: 'Lookbook', start, end: at(17), location: { name: 'Studio 5', timeZone: 'Europe/Paris' } };
      const errors = expect400(await post(body(print(CreatePhysicalBookingDocument), { input }), s.agency.token), 'BAD_USER_INPUT');
      expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('"input.start"')]);
      expect(await bookingCount()).toBe(before);
    },
  );

  it.each<[string, Record<string, string>]>([
    ['a plain GET (refused as a possible cross-site request)', {}],
    ['a preflighted GET', { 'apollo-require-preflight': 'true' }],
  ])('answers %s without a query with HTTP 400 BAD_REQUEST', async (_name, headers) => {
    const res = await fetch(app.url, { headers: { ...headers, authorization: `Bearer ${app.adminToken}` } });
    const text = await res.text();
    expectNoInternals(text);
    expect400({ status: res.status, body: JSON.parse(text) as Body }, 'BAD_REQUEST');
  });

  it('answers a body over 1 MiB with HTTP 413, and one of exactly 1 MiB normally', async () => {
    const padded = (size: number) => {
      const shell = body('{ viewer { role } }', { pad: '' });
      return body('{ viewer { role } }', { pad: 'x'.repeat(size - Buffer.byteLength(shell)) });
    };
    const tooLarge = await post(padded(1024 * 1024 + 1));
    expect(tooLarge).toEqual({ status: 413, body: { errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }] } });
    expect(expectOk(await post(padded(1024 * 1024)))).toEqual({ viewer: { role: 'ADMIN' } });
  });
});

describe('query depth (limit 10)', () => {
  const atLimit = '{ bookings(first: 1) { edges { node { model { bookings(first: 1) { edges { node { model { agency { id } } } } } } } } } }';
  const overLimit = '{ bookings(first: 1) { edges { node { model { bookings(first: 1) { edges { node { model { bookings(first: 1) { edges { cursor } } } } } } } } } } }';

  it('answers a query 10 fields deep', async () => {
    expect(expectOk(await post(body(atLimit)))).toEqual({ bookings: { edges: expect.any(Array) } });
  });

  it.each<[string, string | null]>([
    ['the admin', 'admin'],
    ['an anonymous caller', null],
  ])('refuses one 11 fields deep from %s with HTTP 400 QUERY_TOO_DEEP', async (_name, who) => {
    const errors = expect400(await post(body(overLimit), who ? app.adminToken : null), 'QUERY_TOO_DEEP');
    expect(errors).toEqual([{ message: expect.stringContaining('depth limit of 10'), extensions: { code: 'QUERY_TOO_DEEP' } }]);
  });

  it('does not count introspection, which schema tools nest deeply', async () => {
    const introspection = '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }';
    expect(expectOk(await post(body(introspection)))).toEqual({ __schema: { types: expect.any(Array) } });
  });
});

describe('aliases (limit 15)', () => {
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`;

  it('answers 15 aliases', async () => {
    const data = expectOk(await post(body(aliased(15))));
    expect(Object.keys(data)).toHaveLength(15);
    expect(data.a14).toEqual({ role: 'ADMIN' });
  });

  it('refuses 16 with HTTP 400 TOO_MANY_ALIASES', async () => {
    const errors = expect400(await post(body(aliased(16))), 'TOO_MANY_ALIASES');
    expect(errors).toEqual([{ message: expect.stringContaining('Aliases limit of 15'), extensions: { code: 'TOO_MANY_ALIASES' } }]);
  });
});

describe('query cost (limit 5000, lists scaled by first)', () => {
  const modelsWithBookings = (outer: string, inner: string) => `models${outer} { edges { node { bookings${inner} { edges { node { id } } } } } }`;
  const wide = 'id title status type start end createdAt model { id } brand { id }';
  const wideModelsWithBookings = (outer: string, inner: string) => `models${outer} { edges { node { bookings${inner} { edges { node { ${wide} } } } } } }`;

  it('refuses 100 models × 100 bookings with HTTP 400 QUERY_TOO_COSTLY, its cost and the limit', async () => {
    // bookings: 1 + 100 × (edges 1 + node 1 + id 1) = 301; models: 1 + 100 × (edges 1 + node 1 + 301) = 30,301.
    const errors = expect400(await post(body(`{ ${modelsWithBookings('(first: 100)', '(first: 100)')} }`)), 'QUERY_TOO_COSTLY');
    expect(errors).toEqual([{ message: expect.stringContaining('30301'), extensions: { code: 'QUERY_TOO_COSTLY', cost: 30301, maxCost: 5000 } }]);
  });

  it('answers the same query for 5 × 5', async () => {
    const s = await seedScenario(app);
    const data = expectOk(await post(body(`{ ${modelsWithBookings('(first: 5)', '(first: 5)')} }`), s.agency.token));
    expect(data).toEqual({ models: { edges: [{ node: { bookings: { edges: [] } } }] } });
  });

  it('scales by first given in a variable', async () => {
    const query = `query($n: Int) { ${modelsWithBookings('(first: $n)', '(first: $n)')} }`;
    const refused = expect400(await post(body(query, { n: 100 })), 'QUERY_TOO_COSTLY');
    expect(refused[0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 30301, maxCost: 5000 });
    expect(expectOk(await post(body(query, { n: 5 })))).toEqual({ models: { edges: expect.any(Array) } });
  });

  it('remembers a cost by the values of the variables it reads, never for other values', async () => {
    // Costed once per value of $n, whatever the other variable says: a cheap value then a costly one, then again.
    const query = `query($n: Int, $agency: ID) { ${modelsWithBookings('(first: $n, agencyId: $agency)', '(first: $n)')} }`;
    for (let round = 0; round < 2; round += 1) {
      for (const agency of [null, '00000000-0000-4000-8000-000000000000']) {
        expect(expectOk(await post(body(query, { n: 5, agency })))).toEqual({ models: { edges: expect.any(Array) } });
        expect(expect400(await post(body(query, { n: 100, agency })), 'QUERY_TOO_COSTLY')[0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 30301, maxCost: 5000 });
      }
    }
  });

  it('costs a list without first, or with a first variable left unset, as the default page of 20', async () => {
    const costOf = async (query: string, variables?: Record<string, unknown>) =>
      expect400(await post(body(query, variables)), 'QUERY_TOO_COSTLY')[0].extensions?.cost;
    // 20 models × 20 bookings × 13 fields: 1 + 20 × (2 + 1 + 20 × 13) = 5,261.
    expect(await costOf(`{ ${wideModelsWithBookings('(first: 20)', '(first: 20)')} }`)).toBe(5261);
    expect(await costOf(`{ ${wideModelsWithBookings('', '')} }`)).toBe(5261);
    expect(await costOf(`query($n: Int) { ${wideModelsWithBookings('(first: $n)', '(first: $n)')} }`, {})).toBe(5261);
  });

  it('refuses a costly query whose cost reads no argument every time it comes, and answers a cheap one every time', async () => {
    // 50 × 55 spreads of two fields: a fixed cost of 5,501 (the viewer and 2,750 × role and actsFor), over the limit.
    const spreads = (name: string, n: number) => Array.from({ length: n }, () => `...${name}`).join(' ');
    const costly = `{ viewer { ...F2 } } fragment F2 on ViewerInfo { ${spreads('F1', 50)} } fragment F1 on ViewerInfo { ${spreads('F0', 55)} } fragment F0 on ViewerInfo { role actsFor }`;
    for (let i = 0; i < 2; i += 1) {
      expect(expect400(await post(body(costly)), 'QUERY_TOO_COSTLY')[0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 5501, maxCost: 5000 });
    }
    for (let i = 0; i < 2; i += 1) expect(expectOk(await post(body('{ viewer { role } }')))).toEqual({ viewer: { role: 'ADMIN' } });
  });

  it('costs a list behind @include or @skip on a variable by the variables sent, each time', async () => {
    for (const [directive, leftOut, askedFor] of [
      ['@include(if: $v)', false, true],
      ['@skip(if: $v)', true, false],
    ] as const) {
      const query = `query($v: Boolean!) { viewer { role } ${modelsWithBookings(`(first: 100) ${directive}`, '(first: 100)')} }`;
      // Left out, the list costs nothing and the query is answered...
      expect(expectOk(await post(body(query, { v: leftOut })))).toEqual({ viewer: { role: 'ADMIN' } });
      // ...asked for, the same text costs what the list costs (30,301, and 2 for the viewer), and is refused.
      expect(expect400(await post(body(query, { v: askedFor })), 'QUERY_TOO_COSTLY')[0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 30303, maxCost: 5000 });
    }
  });

  it('refuses fragments that multiply each other past what can be costed with HTTP 400 QUERY_TOO_COSTLY', async () => {
    // 100 × 100 spreads of a shallow fragment: few tokens, little depth, 10,000 fields.
    const spreads = (name: string) => Array.from({ length: 100 }, () => `...${name}`).join(' ');
    const query = `{ viewer { ...F2 } } fragment F2 on ViewerInfo { ${spreads('F1')} } fragment F1 on ViewerInfo { ${spreads('F0')} } fragment F0 on ViewerInfo { role }`;
    const errors = expect400(await post(body(query)), 'QUERY_TOO_COSTLY');
    expect(errors).toEqual([{ message: expect.any(String), extensions: { code: 'QUERY_TOO_COSTLY', maxCost: 5000 } }]);
  });
});

describe('document size (limit 2000 tokens)', () => {
  // Everything but the status list is 18 tokens; each listed status is one more (commas are not tokens).
  const tokens = (n: number) => `{ bookings(first: 1, status: [${'OPTION, '.repeat(n - 18)}]) { pageInfo { hasNextPage } } }`;

  it('answers a document of exactly 2000 tokens', async () => {
    expect(expectOk(await post(body(tokens(2000))))).toEqual({ bookings: { pageInfo: { hasNextPage: expect.any(Boolean) } } });
  });

  it('refuses one of 2001 tokens with HTTP 400 TOO_MANY_TOKENS', async () => {
    const errors = expect400(await post(body(tokens(2001))), 'TOO_MANY_TOKENS');
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining('2000 tokens'), extensions: { code: 'TOO_MANY_TOKENS' } })]);
  });

  it('refuses one field repeated 1,995 times, which would make field merging quadratic, with HTTP 400', async () => {
    const errors = expect400(await post(body(`{ viewer { ${'role '.repeat(1995)}} }`)), 'GRAPHQL_VALIDATION_FAILED');
    expect(errors).toEqual([{ message: 'Validation aborted.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });
});
