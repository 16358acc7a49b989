import { print } from 'graphql';
import { randomBytes, randomUUID } from 'node:crypto';
import { deleteExpiredKeys } from '../src/server/idempotency-store';
import { keyOwner, requestHash } from '../src/server/idempotency';
import { Role } from '../src/core/viewer';
import { CancelBookingDocument, CreatePhysicalBookingDocument, type CreatePhysicalBookingInput } from './generated/graphql';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { at, confirmedPhysical, seedModel, type Party, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  // A short wait, so that the test of a claim that never finishes does not take the default ten seconds.
  app = await startTestApp({ IDEMPOTENCY_WAIT_SECONDS: '2' });
});
afterAll(() => app.close());

const CREATE = print(CreatePhysicalBookingDocument);
const newKey = () => `key-${randomBytes(8).toString('hex')}`;

interface Answer {
  status: number;
  body: string;
  replayed: boolean;
}

/** Posts a GraphQL body to `url` (the in-process API unless told), with an Idempotency-Key when one is given. */
async function post(body: string, token: string | null, key?: string, url = app.url): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (key !== undefined) headers['idempotency-key'] = key;
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text(), replayed: res.headers.get('idempotent-replayed') === 'true' };
}

const createBody = (input: CreatePhysicalBookingInput) => JSON.stringify({ query: CREATE, variables: { input } });

const parsed = (a: Answer) =>
  JSON.parse(a.body) as {
    data?: { createPhysicalBooking?: { booking: { id: string } | null; userErrors: { code: string }[] } } | null;
    errors?: { extensions?: { code?: string } }[];
  };

async function count(sql: string, params: unknown[]): Promise<number> {
  const [{ n }] = await app.orm.em.getConnection().execute<{ n: string }[]>(sql, params);
  return Number(n);
}
const bookingsOf = (modelId: string) => count('select count(*) as n from booking where model_id = ?', [modelId]);
const historyOf = (modelId: string) =>
  count('select count(*) as n from booking_change c join booking b on b.id = c.booking_id where b.model_id = ?', [modelId]);
const storedKeys = (key: string) => count('select count(*) as n from idempotency_key where key = ?', [key]);

let s: Scenario;
beforeAll(async () => {
  s = await seedPricedScenario(app);
});

/** A confirmed booking of a fresh model of the scenario's agency, `day` days after at(0). */
async function freshBooking(day = 0): Promise<{ model: Party; input: CreatePhysicalBookingInput }> {
  const model = await seedModel(app, s.agency);
  return { model, input: { ...confirmedPhysical(s, 24 * day + 10, 24 * day + 12), modelId: model.id } };
}

describe('Idempotency-Key on a mutation', () => {
  it('the same request twice with one key: one booking and one history line, the same status and body byte for byte, the second marked replayed', async () => {
    const { model, input } = await freshBooking();
    const key = newKey();
    const first = await post(createBody(input), s.agency.token, key);
    const again = await post(createBody(input), s.agency.token, key);
    expect(first.status).toBe(200);
    expect(parsed(first).data?.createPhysicalBooking?.booking?.id).toBeDefined();
    expect(again.status).toBe(first.status);
    expect(again.body).toBe(first.body);
    expect([first.replayed, again.replayed]).toEqual([false, true]);
    expect(await bookingsOf(model.id)).toBe(1);
    expect(await historyOf(model.id)).toBe(1);
  });

  it('the same variables in another key order are the same request', async () => {
    const { model, input } = await freshBooking();
    const key = newKey();
    const first = await post(createBody(input), s.agency.token, key);
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as CreatePhysicalBookingInput;
    const again = await post(JSON.stringify({ variables: { input: reordered }, query: CREATE }), s.agency.token, key);
    expect(again.body).toBe(first.body);
    expect(again.replayed).toBe(true);
    expect(await bookingsOf(model.id)).toBe(1);
  });

  it('the same key with different variables, or another operation, is refused with IDEMPOTENCY_KEY_REUSED (422) and runs nothing', async () => {
    const { model, input } = await freshBooking();
    const key = newKey();
    expect((await post(createBody(input), s.agency.token, key)).status).toBe(200);
    const otherInput = await post(createBody({ ...input, title: 'Another title' }), s.agency.token, key);
    expect(otherInput.status).toBe(422);
    expect(parsed(otherInput)).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'IDEMPOTENCY_KEY_REUSED' } })] });
    const bookingId = parsed(otherInput).data?.createPhysicalBooking?.booking?.id;
    expect(bookingId).toBeUndefined();
    const otherOperation = await post(
      JSON.stringify({ query: print(CancelBookingDocument), variables: { id: randomUUID(), reason: 'no' } }),
      s.agency.token,
      key,
    );
    expect(otherOperation.status).toBe(422);
    expect(parsed(otherOperation).errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await bookingsOf(model.id)).toBe(1);
    expect(await historyOf(model.id)).toBe(1);
  });

  it('keys are per viewer: the same key from another agency, or from the brand, runs independently', async () => {
    const key = newKey();
    const { input } = await freshBooking();
    const other = await seedPricedScenario(app);
    const otherInput = { ...confirmedPhysical(other, 10, 12) };
    const mine = await post(createBody(input), s.agency.token, key);
    const theirs = await post(createBody(otherInput), other.agency.token, key);
    expect([mine.status, theirs.status]).toEqual([200, 200]);
    expect([mine.replayed, theirs.replayed]).toEqual([false, false]);
    expect(parsed(theirs).data?.createPhysicalBooking?.booking?.id).not.toBe(parsed(mine).data?.createPhysicalBooking?.booking?.id);
    expect(await bookingsOf(other.model.id)).toBe(1);
    // The scenario's brand sends the very same request under the same key: its own run, answered by its rights.
    const brand = await post(createBody(input), s.brand.token, key);
    expect(brand.replayed).toBe(false);
    expect(await storedKeys(key)).toBe(3);
  });

  it('an answer with userErrors is stored too: the retry gets the same PHYSICAL_CLASH even after the clash is gone, and books nothing', async () => {
    const { model, input } = await freshBooking();
    const blocker = await post(createBody(input), s.agency.token);
    const blockerId = parsed(blocker).data!.createPhysicalBooking!.booking!.id;
    const key = newKey();
    const clashing = createBody({ ...input, title: 'Clashing' });
    const first = await post(clashing, s.agency.token, key);
    expect(parsed(first).data?.createPhysicalBooking?.userErrors.map((e) => e.code)).toEqual(['PHYSICAL_CLASH']);
    await app.gql(CancelBookingDocument, { id: blockerId, reason: 'freed' }, s.agency.token);
    const again = await post(clashing, s.agency.token, key);
    expect(again.body).toBe(first.body);
    expect(again.replayed).toBe(true);
    expect(await bookingsOf(model.id)).toBe(1);
    // Without the key the request runs again, and now the slot is free.
    const unkeyed = await post(clashing, s.agency.token);
    expect(parsed(unkeyed).data?.createPhysicalBooking?.userErrors).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['256 characters', 'k'.repeat(256)],
    ['a space', 'two words'],
    ['a tab', 'tab\there'],
  ])('a key with %s is refused with 400 BAD_REQUEST before anything runs', async (_name, key) => {
    const { model, input } = await freshBooking();
    const res = await post(createBody(input), s.agency.token, key);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })] });
    expect(await bookingsOf(model.id)).toBe(0);
  });

  it('a key of 255 visible ASCII characters is taken', async () => {
    const { model, input } = await freshBooking();
    const key = `${newKey()}!~"{}`.padEnd(255, 'z');
    expect((await post(createBody(input), s.agency.token, key)).status).toBe(200);
    expect((await post(createBody(input), s.agency.token, key)).replayed).toBe(true);
    expect(await bookingsOf(model.id)).toBe(1);
  });

  it('an anonymous mutation with a key is refused with 401 UNAUTHENTICATED: keys are kept per viewer', async () => {
    const { input } = await freshBooking();
    const res = await post(createBody(input), null, newKey());
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a key on a query is ignored: the query runs each time and nothing is stored', async () => {
    const key = newKey();
    const query = JSON.stringify({ query: '{ viewer { role } }' });
    const first = await post(query, s.agency.token, key);
    const again = await post(query, s.agency.token, key);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect([first.replayed, again.replayed]).toEqual([false, false]);
    expect(await storedKeys(key)).toBe(0);
  });

  it('a request refused for its variables (HTTP 400) leaves the key free: its claim is given up', async () => {
    const { model, input } = await freshBooking();
    const key = newKey();
    const bad = await post(JSON.stringify({ query: CREATE, variables: { input: { ...input, start: 'not an instant' } } }), s.agency.token, key);
    expect(bad.status).toBe(400);
    expect(await storedKeys(key)).toBe(0);
    expect((await post(createBody(input), s.agency.token, key)).replayed).toBe(false);
    expect(await bookingsOf(model.id)).toBe(1);
  });
});

describe('keys over time', () => {
  it('the cleanup keeps a key for the retention and deletes it after; then the key runs a new request', async () => {
    const { model, input } = await freshBooking();
    const key = newKey();
    expect((await post(createBody(input), s.agency.token, key)).status).toBe(200);
    const hours = app.config.idempotencyKeyHours;
    const [{ created }] = await app.orm.em.getConnection().execute<{ created: Date }[]>('select created_at as created from idempotency_key where key = ?', [key]);
    const later = (h: number) => new Date(new Date(created).getTime() + h * 3600_000);
    await deleteExpiredKeys(app.orm.em, hours, later(hours - 1));
    expect(await storedKeys(key)).toBe(1);
    expect((await post(createBody(input), s.agency.token, key)).replayed).toBe(true);
    expect(await deleteExpiredKeys(app.orm.em, hours, later(hours + 1))).toBeGreaterThanOrEqual(1);
    expect(await storedKeys(key)).toBe(0);
    const next = await post(createBody({ ...input, start: at(100), end: at(102) }), s.agency.token, key);
    expect(next.replayed).toBe(false);
    expect(parsed(next).data?.createPhysicalBooking?.userErrors).toEqual([]);
    expect(await bookingsOf(model.id)).toBe(2);
  });

  it('a key past its retention that the cleanup has not reached yet starts a new life', async () => {
    const { model, input } = await freshBooking();
    const key = newKey();
    await post(createBody(input), s.agency.token, key);
    await app.orm.em
      .getConnection()
      .execute(`update idempotency_key set created_at = now() - make_interval(hours => ?) where key = ?`, [app.config.idempotencyKeyHours + 1, key]);
    const next = await post(createBody({ ...input, start: at(200), end: at(202) }), s.agency.token, key);
    expect(next.status).toBe(200);
    expect(next.replayed).toBe(false);
    expect(await bookingsOf(model.id)).toBe(2);
  });
});

describe('a key whose first request is still running', () => {
  /** A claim on `key` for this exact request, as a process running it would hold; `ageSeconds` since it was claimed. */
  async function pendingClaim(key: string, body: string, ageSeconds: number): Promise<string> {
    const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
    const viewer = keyOwner({ role: Role.AGENCY, subject: 'test', agencyId: s.agency.id });
    const token = randomUUID();
    await app.orm.em
      .getConnection()
      .execute(
        `insert into idempotency_key (viewer, key, request_hash, claim_token, created_at, claimed_at) values (?, ?, ?, ?, now(), now() - make_interval(secs => ?))`,
        [viewer, key, requestHash(query, null, variables), token, ageSeconds],
      );
    return token;
  }

  it('a retry waits for the first request and answers what it stored', async () => {
    const { model, input } = await freshBooking();
    const key = newKey();
    const body = createBody(input);
    await pendingClaim(key, body, 0);
    const retry = post(body, s.agency.token, key);
    await new Promise((r) => setTimeout(r, 300));
    const stored = '{"data":{"createPhysicalBooking":{"booking":null,"userErrors":[]}}}';
    await app.orm.em
      .getConnection()
      .execute(`update idempotency_key set completed_at = now(), status_code = 200, response_body = ? where key = ?`, [stored, key]);
    const answer = await retry;
    expect(answer).toEqual({ status: 200, body: `${stored}\n`, replayed: true });
    expect(await bookingsOf(model.id)).toBe(0);
  });

  it('past the wait, the retry is told IDEMPOTENCY_KEY_IN_USE (409, Retry-After) and runs nothing', async () => {
    const { model, input } = await freshBooking();
    const key = newKey();
    const body = createBody(input);
    await pendingClaim(key, body, 0);
    const started = Date.now();
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.agency.token}`, 'idempotency-key': key },
      body,
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect(Date.now() - started).toBeGreaterThanOrEqual(app.config.idempotencyWaitSeconds * 1000 - 100);
    expect(await bookingsOf(model.id)).toBe(0);
  });

  it('a claim left unfinished past the claim timeout (its process died) is taken over: the retry runs once', async () => {
    const { model, input } = await freshBooking();
    const key = newKey();
    const body = createBody(input);
    await pendingClaim(key, body, app.config.idempotencyClaimSeconds + 5);
    const taken = await post(body, s.agency.token, key);
    expect(taken.status).toBe(200);
    expect(taken.replayed).toBe(false);
    expect(parsed(taken).data?.createPhysicalBooking?.userErrors).toEqual([]);
    expect((await post(body, s.agency.token, key)).body).toBe(taken.body);
    expect(await bookingsOf(model.id)).toBe(1);
  });

  it('a dead claim is not taken over by a different request under its key', async () => {
    const { model, input } = await freshBooking();
    const key = newKey();
    await pendingClaim(key, createBody(input), app.config.idempotencyClaimSeconds + 5);
    const other = await post(createBody({ ...input, title: 'Other' }), s.agency.token, key);
    expect(other.status).toBe(422);
    expect(await bookingsOf(model.id)).toBe(0);
  });
});

/** Sends each key's request `copies` times at once, spread round-robin over `targets`; returns the answers by key. */
async function race(targets: string[], requests: { key: string; body: string }[], copies: number): Promise<Answer[][]> {
  return Promise.all(
    requests.map(({ key, body }) => Promise.all(Array.from({ length: copies }, (_, i) => post(body, s.agency.token, key, targets[i % targets.length])))),
  );
}

/** Asserts one run per key: the same status and body for every copy, one booking and one history line per model. */
async function expectOneRunEach(models: Party[], answers: Answer[][]): Promise<void> {
  for (const copies of answers) {
    expect(copies.map((a) => a.status)).toEqual(copies.map(() => 200));
    expect(new Set(copies.map((a) => a.body)).size).toBe(1);
    expect(copies.filter((a) => !a.replayed)).toHaveLength(1);
    expect(parsed(copies[0]).data?.createPhysicalBooking?.userErrors).toEqual([]);
  }
  const counts = await Promise.all(models.map(async (m) => [await bookingsOf(m.id), await historyOf(m.id)]));
  expect(counts).toEqual(models.map(() => [1, 1]));
}

describe('the same key sent at once', () => {
  it('on one in-process API: 8 keys, each request sent 3 times at once, one run each', async () => {
    const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => freshBooking(i)));
    const answers = await race([app.url], runs.map((r) => ({ key: newKey(), body: createBody(r.input) })), 3);
    await expectOneRunEach(runs.map((r) => r.model), answers);
  });

  describeOnServer('across two API processes on one database', ONE_CONNECTION, () => {
    let processes: ApiProcess[] = [];
    beforeAll(async () => {
      processes = await Promise.all([startApiProcess(app.db.url), startApiProcess(app.db.url)]);
    }, 180_000);
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop()));
    });

    it('rounds of 5 keys, each request sent to both processes at once (twice to each): one booking and one history line per key, four identical answers', async () => {
      const targets = processes.map((p) => p.url);
      const deadline = Date.now() + 20_000;
      let rounds = 0;
      for (let round = 0; round < 12 && Date.now() < deadline; round++) {
        const runs = await Promise.all(Array.from({ length: 5 }, (_, i) => freshBooking(round * 5 + i)));
        const answers = await race(targets, runs.map((r) => ({ key: newKey(), body: createBody(r.input) })), 4);
        await expectOneRunEach(runs.map((r) => r.model), answers);
        rounds += 1;
      }
      expect(rounds).toBeGreaterThanOrEqual(3);
    }, 60_000);
  });
});
