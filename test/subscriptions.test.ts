import {
  BookingChangedDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  CreateLockoutDocument,
  CreatePhysicalBookingDocument,
  ModelCalendarChangedDocument,
  RemoveLockoutDocument,
  OptionRankChangedDocument,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { decodeJwt, SignJWT } from 'jose';
import { signToken, TOKEN_AUDIENCE, TOKEN_ISSUER, tokenKey } from '../src/core/tokens';
import { Role } from '../src/core/viewer';
import { postTo, startApiProcess, type ApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { at, seedAgency, seedModel, type Party, type Scenario } from './support/factories';
import WebSocket from 'ws';
import { connect, subscribe, wsUrlOf, type Subscription } from './support/live';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_JWT_SECRET } from './support/test-secret';

let app: TestApp;
const connections: ReturnType<typeof connect>[] = [];
// A short clock tolerance, so that a token's end (its exp plus the tolerance) comes within a test's time.
const TOLERANCE_SECONDS = 2;
beforeAll(async () => {
  app = await startTestApp({ JWT_CLOCK_TOLERANCE: `${TOLERANCE_SECONDS}s` });
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.client.dispose()));
  await app.close();
});

/** A connection signed in as `token`, closed after the file. */
function live(token: string | null, url = app.url) {
  const conn = connect(url, token);
  connections.push(conn);
  return conn;
}

function slot(s: Scenario, start: number, end: number, title = 'Fitting'): CreatePhysicalBookingInput {
  return { modelId: s.model.id, title, start: at(start), end: at(end), location: { name: 'Atelier', timeZone: 'Europe/Paris' } };
}

async function placeOption(s: Scenario, brand: Party, start: number, end: number, title = 'Fitting'): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input: slot(s, start, end, title) }, brand.token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

const codeOf = (sub: Subscription<unknown>) => sub.received[0]?.errors?.[0]?.extensions?.code;

/** `promise`, or a failure naming `what` once `ms` have passed without it. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('signing in on connect', () => {
  it('closes a connection without a token with 4401', async () => {
    const closed = await live(null).closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/Bearer/);
  });

  it('closes a connection with a bad token with 4401', async () => {
    expect((await live('not-a-token').closed).code).toBe(4401);
  });

  /** An admin token that expired `ago` seconds before now. */
  const expiredToken = (ago: number) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ role: Role.ADMIN })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject('test-admin')
      .setIssuedAt(now - 60)
      .setExpirationTime(now - ago)
      .sign(tokenKey(TEST_JWT_SECRET));
  };

  it('closes a connection with 4401 when its token has expired past the clock tolerance, as HTTP refuses it', async () => {
    const expired = await expiredToken(TOLERANCE_SECONDS + 5);
    expect((await app.raw('{"query":"{ viewer { role } }"}', expired)).status).toBe(401);
    const conn = live(expired);
    let acknowledged = false;
    void conn.connected.then(() => (acknowledged = true));
    expect(await within(conn.closed, 5000, 'the socket was not closed')).toEqual({ code: 4401, reason: 'Unauthorized: invalid or expired token' });
    expect(acknowledged).toBe(false);
  });

  it('accepts a token just past its exp as HTTP does (within the clock tolerance), and closes the socket when HTTP stops accepting it', async () => {
    const token = await expiredToken(0);
    const end = (decodeJwt(token).exp! + TOLERANCE_SECONDS) * 1000;
    expect((await app.raw('{"query":"{ viewer { role } }"}', token)).status).toBe(200);
    const conn = live(token);
    const closedAt = conn.closed.then((closed) => ({ closed, at: Date.now() }));
    await within(conn.connected, 1000, 'the socket was not signed in');
    const { closed, at: when } = await within(closedAt, end + 2000 - Date.now(), 'the socket was not closed at the end of its token');
    expect(closed).toEqual({ code: 4401, reason: 'Unauthorized: the token has expired' });
    expect(when).toBeGreaterThanOrEqual(end);
    // HTTP refuses the same token from that moment on.
    expect((await app.raw('{"query":"{ viewer { role } }"}', token)).status).toBe(401);
  });

  it('refuses, before the upgrade, a page from an origin CORS_ORIGINS does not allow (none here)', async () => {
    const status = (origin?: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(wsUrlOf(app.url), 'graphql-transport-ws', origin ? { origin } : {});
        socket.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          socket.terminate();
        });
        socket.on('open', () => {
          resolve(101);
          socket.close();
        });
        socket.on('error', () => undefined);
      });
    expect(await status('https://elsewhere.example')).toBe(403);
    expect(await status()).toBe(101);
  });

  it('refuses a query over the socket: queries and mutations stay on HTTP', async () => {
    const conn = live(app.adminToken);
    await conn.connected;
    const errors = await new Promise<unknown>((resolve) => {
      conn.client.subscribe({ query: '{ viewer { role } }' }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
    });
    expect(JSON.stringify(errors)).toMatch(/BAD_REQUEST/);
  });

  it('holds a subscription to the depth limit of the HTTP endpoint', async () => {
    const conn = live(app.adminToken);
    await conn.connected;
    const deep = `subscription { bookingChanged(id: "x") { model { bookings { edges { node { model { bookings { edges { node { model { bookings { edges { node { id } } } } } } } } } } } } } }`;
    const errors = await new Promise<unknown>((resolve) => {
      conn.client.subscribe({ query: deep }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
    });
    expect(JSON.stringify(errors)).toMatch(/QUERY_TOO_DEEP/);
  });
});

describe("a token's expiry", () => {
  it('closes a socket with 4401 once its token expires, and keeps open one whose token lives on', async () => {
    const agency = await seedAgency(app);
    const model = await seedModel(app, agency);
    const brief = await signToken(TEST_JWT_SECRET, { role: Role.AGENCY, agencyId: agency.id }, '2s', app.config.jwtMaxLifetimeSeconds);
    // The moment HTTP stops accepting it: its exp plus the clock tolerance.
    const expiresAt = (decodeJwt(brief).exp! + TOLERANCE_SECONDS) * 1000;
    const expiring = live(brief);
    const lasting = live(agency.token);
    let closedAt = 0;
    let lastingClosed = false;
    void lasting.closed.then(() => (lastingClosed = true));
    const expiringClosed = expiring.closed.then((closed) => ((closedAt = Date.now()), closed));
    const [gone, kept] = await within(
      Promise.all([expiring, lasting].map((conn) => subscribe(conn, ModelCalendarChangedDocument, { modelId: model.id }))),
      5000,
      'both sockets were not signed in',
    );

    // Closed within two seconds of the expiry, and not before it.
    const windowEnd = expiresAt + 2000;
    const closed = await within(expiringClosed, windowEnd - Date.now(), 'the socket was not closed at its token\'s expiry');
    expect(closed).toEqual({ code: 4401, reason: 'Unauthorized: the token has expired' });
    expect(closedAt).toBeGreaterThanOrEqual(expiresAt);

    // The socket opened beside it (its token lives 30 days, longer than one timer holds) outlasts that window, still
    // told of changes.
    await new Promise((resolve) => setTimeout(resolve, windowEnd - Date.now()));
    expect(lastingClosed).toBe(false);
    const placed = (await app.gql(CreateLockoutDocument, { input: { modelId: model.id, kind: 'HOLIDAY', reason: 'Away', start: at(24), end: at(48) } }, model.token)).createLockout;
    expect(placed.userErrors).toEqual([]);
    await kept.waitFor((r) => r.data?.modelCalendarChanged.lockout?.lockoutId === placed.lockout!.id);
    expect(lastingClosed).toBe(false);
    // The expired one's subscription ended with its socket (graphql-ws hands the close to the error sink), unfed.
    await gone.completed;
    expect(gone.received.filter((r) => r.data)).toEqual([]);
  });
});

describe("a model's calendar", () => {
  it("tells her agency of a brand's new option in full, in the zone asked for", async () => {
    const s = await seedPricedScenario(app);
    const sub = await subscribe(live(s.agency.token), ModelCalendarChangedDocument, { modelId: s.model.id, timeZone: 'Asia/Tokyo' });
    const id = await placeOption(s, s.brand, 9, 17, 'SS31 lookbook');
    const got = await sub.waitFor((r) => r.data?.modelCalendarChanged.entry?.bookingId === id);
    expect(got.data!.modelCalendarChanged).toMatchObject({
      modelId: s.model.id,
      lockout: null,
      onCalendar: true,
      entry: { busy: false, status: 'OPTION', localStart: { timeZone: 'Asia/Tokyo', dateTime: '2030-06-03T18:00:00' }, booking: { id, title: 'SS31 lookbook', brand: { id: s.brand.id } } },
    });
  });

  it("shows a brand another brand's booking only as a busy block, with no title, client or price", async () => {
    const s = await seedPricedScenario(app);
    const other = await subscribe(live(s.otherBrand.token), ModelCalendarChangedDocument, { modelId: s.model.id });
    const own = await subscribe(live(s.brand.token), ModelCalendarChangedDocument, { modelId: s.model.id });
    const id = await placeOption(s, s.brand, 9, 17, 'Secret campaign');
    await app.gql(ConfirmBookingDocument, { id }, s.agency.token);

    const mine = await own.waitFor((r) => r.data?.modelCalendarChanged.entry?.status === 'CONFIRMED');
    expect(mine.data!.modelCalendarChanged.entry).toMatchObject({ bookingId: id, busy: false, booking: { title: 'Secret campaign' } });
    expect(mine.data!.modelCalendarChanged.entry!.booking!.quote!.brandTotal).not.toBeNull();

    const theirs = await other.waitFor((r) => r.data?.modelCalendarChanged.entry?.status === 'CONFIRMED');
    expect(theirs.data!.modelCalendarChanged.entry).toMatchObject({ bookingId: null, busy: true, booking: null, start: at(9), end: at(17) });
    // Nothing of it in anything the other brand received, not even in the event that placed it.
    const everything = JSON.stringify(other.received);
    for (const secret of [id, 'Secret campaign', s.brand.id]) expect(everything).not.toContain(secret);
    expect(other.received.every((r) => r.data?.modelCalendarChanged.entry?.busy === true)).toBe(true);
  });

  it("refuses a model following another model's calendar, and tells her nothing of it", async () => {
    const s = await seedPricedScenario(app);
    const otherModel = await seedModel(app, s.agency);
    const sub = await subscribe(live(otherModel.token), ModelCalendarChangedDocument, { modelId: s.model.id });
    await sub.completed;
    expect(codeOf(sub)).toBe('FORBIDDEN');
    await placeOption(s, s.brand, 9, 17);
    expect(sub.received).toHaveLength(1);
  });

  it('tells her own calendar to the model', async () => {
    const s = await seedPricedScenario(app);
    const sub = await subscribe(live(s.model.token), ModelCalendarChangedDocument, { modelId: s.model.id });
    const id = await placeOption(s, s.brand, 9, 17);
    await app.gql(CancelBookingDocument, { id, reason: 'plans changed' }, s.brand.token);
    const left = await sub.waitFor((r) => r.data?.modelCalendarChanged.onCalendar === false);
    expect(left.data!.modelCalendarChanged.entry).toMatchObject({ bookingId: id, status: 'RELEASED' });
  });

  it('tells a lockout placed and lifted: in full to her agency, to a brand only as a busy range', async () => {
    const s = await seedPricedScenario(app);
    const agency = await subscribe(live(s.agency.token), ModelCalendarChangedDocument, { modelId: s.model.id });
    const brand = await subscribe(live(s.brand.token), ModelCalendarChangedDocument, { modelId: s.model.id });
    const placed = (await app.gql(CreateLockoutDocument, { input: { modelId: s.model.id, kind: 'HOLIDAY', reason: 'Family wedding', start: at(24), end: at(48) } }, s.model.token))
      .createLockout;
    expect(placed.userErrors).toEqual([]);
    const lockoutId = placed.lockout!.id;
    await app.gql(RemoveLockoutDocument, { input: { id: lockoutId } }, s.model.token);

    const lifted = await agency.waitFor((r) => r.data?.modelCalendarChanged.lockout?.lockoutId === lockoutId && !r.data.modelCalendarChanged.onCalendar);
    expect(lifted.data!.modelCalendarChanged).toMatchObject({ entry: null, lockout: { busy: false, kind: 'HOLIDAY', reason: 'Family wedding', start: at(24) } });
    const busy = await brand.waitFor((r) => r.data?.modelCalendarChanged.onCalendar === false);
    expect(busy.data!.modelCalendarChanged.lockout).toEqual({ lockoutId: null, busy: true, kind: null, reason: null, start: at(24), end: at(48) });
    expect(JSON.stringify(brand.received)).not.toMatch(/Family wedding|HOLIDAY/);
    expect(JSON.stringify(brand.received)).not.toContain(lockoutId);
  });
});

describe('a booking', () => {
  it('tells the brand when the agency confirms its option', async () => {
    const s = await seedPricedScenario(app);
    const id = await placeOption(s, s.brand, 9, 17);
    const sub = await subscribe(live(s.brand.token), BookingChangedDocument, { id });
    await app.gql(ConfirmBookingDocument, { id }, s.agency.token);
    const got = await sub.waitFor((r) => r.data?.bookingChanged.status === 'CONFIRMED');
    expect(got.data!.bookingChanged).toMatchObject({ id, status: 'CONFIRMED' });
  });

  it("refuses another brand following a booking it may not see", async () => {
    const s = await seedPricedScenario(app);
    const id = await placeOption(s, s.brand, 9, 17);
    const sub = await subscribe(live(s.otherBrand.token), BookingChangedDocument, { id });
    await sub.completed;
    expect(codeOf(sub)).toBe('FORBIDDEN');
  });
});

describe("an option's rank", () => {
  it('tells the holder of the 2nd option that it is 1st once the 1st is released, and nothing of the 1st', async () => {
    const s = await seedPricedScenario(app);
    const first = await placeOption(s, s.brand, 9, 17);
    const second = await placeOption(s, s.otherBrand, 10, 12);
    const sub = await subscribe(live(s.otherBrand.token), OptionRankChangedDocument, { modelId: s.model.id });
    const byBooking = await subscribe(live(s.otherBrand.token), OptionRankChangedDocument, { bookingId: second });
    await app.gql(CancelBookingDocument, { id: first, reason: 'went elsewhere' }, s.brand.token);
    for (const stream of [sub, byBooking]) {
      const got = await stream.waitFor((r) => r.data?.optionRankChanged.booking.id === second);
      expect(got.data!.optionRankChanged).toMatchObject({ rank: 1, booking: { id: second, status: 'OPTION', brand: { id: s.otherBrand.id } } });
    }
    // A new option of the other brand over it is not told either; one of its own is (and, told after it, bounds the wait).
    const third = await placeOption(s, s.brand, 11, 13);
    const fourth = await placeOption(s, s.otherBrand, 11, 12);
    const got = await sub.waitFor((r) => r.data?.optionRankChanged.booking.id === fourth);
    expect(got.data!.optionRankChanged.rank).toBe(3);
    for (const hidden of [first, third]) expect(JSON.stringify(sub.received)).not.toContain(hidden);
  });

  it('refuses following the rank of an option the viewer may not see', async () => {
    const s = await seedPricedScenario(app);
    const first = await placeOption(s, s.brand, 9, 17);
    const sub = await subscribe(live(s.otherBrand.token), OptionRankChangedDocument, { bookingId: first });
    await sub.completed;
    expect(codeOf(sub)).toBe('FORBIDDEN');
  });
});

describeOnServer('across API processes', ONE_CONNECTION, () => {
  let processes: ApiProcess[] = [];
  beforeAll(async () => {
    processes = await Promise.all([startApiProcess(app.db.url), startApiProcess(app.db.url)]);
  });
  afterAll(() => Promise.all(processes.map((p) => p.stop())));

  it('tells a subscriber on one process of a change made through another', async () => {
    const [a, b] = processes;
    const s = await seedPricedScenario(app);
    const sub = await subscribe(live(s.agency.token, b.url), ModelCalendarChangedDocument, { modelId: s.model.id });
    const res = await postTo(a.url, CreatePhysicalBookingDocument, { input: slot(s, 9, 17, 'Across') }, s.brand.token);
    const id = res.data!.createPhysicalBooking.booking!.id;
    const got = await sub.waitFor((r) => r.data?.modelCalendarChanged.entry?.bookingId === id);
    expect(got.data!.modelCalendarChanged.entry?.booking).toMatchObject({ title: 'Across' });
    // Heard once, though process B hears its own LISTEN and nothing else: no duplicates either way.
    expect(sub.received.filter((r) => r.data?.modelCalendarChanged.entry?.bookingId === id)).toHaveLength(1);
  });

  it('reconnects when its LISTEN connection drops, and tells what was committed meanwhile', async () => {
    const [a, b] = processes;
    const s = await seedPricedScenario(app);
    const sub = await subscribe(live(s.agency.token, b.url), ModelCalendarChangedDocument, { modelId: s.model.id });
    const dropped = await app.orm.em.getConnection().execute<{ pid: number }[]>(
      `select pg_terminate_backend(pid) as pid from pg_stat_activity where application_name = 'twinbook-events' and datname = current_database()`,
    );
    expect(dropped.length).toBeGreaterThanOrEqual(2);
    const res = await postTo(a.url, CreatePhysicalBookingDocument, { input: slot(s, 9, 17, 'While away') }, s.brand.token);
    const id = res.data!.createPhysicalBooking.booking!.id;
    const got = await sub.waitFor((r) => r.data?.modelCalendarChanged.entry?.bookingId === id, 20_000);
    expect(got.data!.modelCalendarChanged.entry?.booking).toMatchObject({ title: 'While away' });
  });

  it('closes its subscriptions when a process stops', async () => {
    const s = await seedPricedScenario(app);
    const extra = await startApiProcess(app.db.url);
    const conn = live(s.agency.token, extra.url);
    await subscribe(conn, ModelCalendarChangedDocument, { modelId: s.model.id });
    await extra.stop();
    expect((await conn.closed).code).toBe(1001);
  });
});
