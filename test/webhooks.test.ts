import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import {
  CancelBookingDocument,
  ConfirmBookingDocument,
  CreateLockoutDocument,
  CreatePhysicalBookingDocument,
  CreateWebhookEndpointDocument,
  DeleteWebhookEndpointDocument,
  ReplayWebhookDeliveryDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookEndpointDocument,
  WebhookDeliveriesDocument,
  WebhookEndpointsDocument,
  type CreatePhysicalBookingInput,
  type CreateWebhookEndpointInput,
} from './generated/graphql';
import type { PeriodicJob } from '../src/core/periodic';
import { Role } from '../src/core/viewer';
import { createLogger } from '../src/logger';
import { pendingWebhookDeliveries } from '../src/modules/webhook/webhook-outbox';
import { verifyWebhookSignature } from '../src/modules/webhook/webhook-signing';
import { systemLookup, type WebhookLookup } from '../src/modules/webhook/webhook-request';
import { startWebhookWorker, type WebhookWorkerOptions } from '../src/modules/webhook/webhook-worker';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { ONE_CONNECTION, itOnServer } from './support/engine';
import { at, seedAgency, type Party, type Scenario } from './support/factories';
import { HOOKS_TEST_CERT, HOOKS_TEST_HOST, HOOKS_TEST_KEY } from './support/hooks-test-tls';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

// Fast retries and few of them, a worker that looks every second, and leases short enough for a restart test.
const WEBHOOK_ENV = { WEBHOOK_RETRY_BASE_MS: '300', WEBHOOK_MAX_ATTEMPTS: '4', WEBHOOK_WORKER_SECONDS: '1', WEBHOOK_LEASE_SECONDS: '3', WEBHOOK_TIMEOUT_MS: '2500' };

// The workers resolve hooks.test to this machine (every other name as the system does), and trust its certificate.
const hooksTestLookups: string[] = [];
const lookup: WebhookLookup = async (hostname) => {
  if (hostname !== HOOKS_TEST_HOST) return systemLookup(hostname);
  hooksTestLookups.push(hostname);
  return [{ address: '127.0.0.1', family: 4 }];
};
const WORKER_OPTIONS: WebhookWorkerOptions = { lookup, ca: HOOKS_TEST_CERT };

let app: TestApp;
let worker: PeriodicJob;
const startWorker = (config = app.config) => {
  worker = startWebhookWorker(app.orm.em, config, createLogger('silent'), WORKER_OPTIONS);
};
beforeAll(async () => {
  app = await startTestApp(WEBHOOK_ENV);
  startWorker();
});
afterAll(async () => {
  await worker.stop();
  await app.close();
});

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
  /** The host name the client sent in TLS (SNI), over https. */
  servername?: string | false | null;
}

/**
 * A webhook receiver on 127.0.0.1: answers each request with what `answer` says for it (its index from 0), or never.
 * Over https it is reached as https://hooks.test:<port>, a name the workers resolve to 127.0.0.1.
 */
interface Receiver {
  url: string;
  got: Received[];
  /** TCP connections accepted, whether or not a request came on them. */
  connections: number;
  close(): Promise<void>;
}

async function receiver(answer: (n: number, body: Received['body']) => number | 'hang' = () => 200, tls = false): Promise<Receiver> {
  const got: Received[] = [];
  const onRequest: RequestListener = (req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as Received['body'];
      const n = got.length;
      got.push({ headers: req.headers, raw, body, servername: tls ? (req.socket as TLSSocket).servername : undefined });
      const status = answer(n, body);
      if (status === 'hang') return;
      res.writeHead(status).end();
    });
  };
  const server: Server = tls ? createTlsServer({ key: HOOKS_TEST_KEY, cert: HOOKS_TEST_CERT }, onRequest) : createServer(onRequest);
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: tls ? `https://${HOOKS_TEST_HOST}:${port}/hooks` : `http://127.0.0.1:${port}/hooks`,
    got,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
async function listen(answer?: Parameters<typeof receiver>[0], tls = false): Promise<Receiver> {
  const r = await receiver(answer, tls);
  receivers.push(r);
  return r;
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ALL_TYPES = ['booking.created', 'booking.confirmed', 'booking.cancelled', 'booking.released', 'lockout.created', 'payout.approved'];

async function register(owner: Party, url: string, events = ALL_TYPES, extra: Partial<CreateWebhookEndpointInput> = {}) {
  const res = (await app.gql(CreateWebhookEndpointDocument, { input: { url, events, description: 'test', ...extra } }, owner.token)).createWebhookEndpoint;
  expect(res.userErrors).toEqual([]);
  return { id: res.endpoint!.id, secret: res.secret! };
}

function option(s: Scenario, start: number, brand: Party = s.brand): CreatePhysicalBookingInput {
  return { modelId: s.model.id, brandId: brand.id, title: 'Casting', start: at(start), end: at(start + 8), location: { name: 'Studio 2', timeZone: 'Europe/Paris' } };
}

async function placeOption(s: Scenario, start: number, brand: Party = s.brand): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input: option(s, start, brand) }, brand.token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function deliveriesOf(owner: Party, endpointId: string) {
  const edges = (await app.gql(WebhookDeliveriesDocument, { first: 10 }, owner.token)).webhookEndpoints.edges;
  return edges.find((e) => e.node.id === endpointId)!.node.deliveries!.edges.map((e) => e.node);
}

describe('a delivery', () => {
  it('is a signed POST of {id, type, occurredAt, data} that verifies with the secret and with no other', async () => {
    const s = await seedPricedScenario(app);
    const r = await listen();
    const { secret } = await register(s.agency, r.url, ['booking.created']);
    const bookingId = await placeOption(s, 9);
    await waitFor('the delivery', () => r.got.length === 1);
    const [{ headers, raw, body }] = r.got;
    const [event] = await app.orm.em.fork().execute<{ id: string }[]>('select id from domain_event where booking_id = ?', [bookingId]);
    expect(body).toMatchObject({ id: event.id, type: 'booking.created', data: { bookingId, modelId: s.model.id, status: 'OPTION', bookingType: 'PHYSICAL', title: 'Casting', start: at(9) } });
    expect(new Date(body.occurredAt).toISOString()).toBe(body.occurredAt);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['twinbook-event-id']).toBe(event.id);
    const signature = headers['twinbook-signature'] as string;
    expect(signature).toMatch(new RegExp(`^t=${headers['twinbook-timestamp']},v1=[0-9a-f]{64}$`));
    expect(verifyWebhookSignature(secret, signature, raw)).toBe(true);
    expect(verifyWebhookSignature(`${secret}x`, signature, raw)).toBe(false);
    expect(verifyWebhookSignature(secret, signature, raw.replace('OPTION', 'CONFIRMED'))).toBe(false);
  });

  it('to a receiver that fails twice arrives on the third try with the same event id, and the log shows each attempt', async () => {
    const s = await seedPricedScenario(app);
    const r = await listen((n) => (n === 0 ? 500 : n === 1 ? 503 : 204));
    const { id } = await register(s.brand, r.url, ['booking.created']);
    await placeOption(s, 9);
    await waitFor('three attempts', () => r.got.length === 3);
    expect(new Set(r.got.map((g) => g.body.id)).size).toBe(1);
    expect(new Set(r.got.map((g) => g.raw)).size).toBe(1);
    await waitFor('the log', async () => (await deliveriesOf(s.brand, id))[0]?.status === 'DELIVERED');
    const [delivery] = await deliveriesOf(s.brand, id);
    expect(delivery).toMatchObject({ eventId: r.got[0].body.id, eventType: 'booking.created', attemptCount: 3, nextAttemptAt: null });
    expect(delivery.attempts.map((a) => [a.httpStatus, a.error])).toEqual([
      [500, 'HTTP 500'],
      [503, 'HTTP 503'],
      [204, null],
    ]);
    expect(delivery.attempts[0].nextAttemptAt).not.toBeNull();
    expect(delivery.attempts[2].nextAttemptAt).toBeNull();
    expect(await pendingWebhookDeliveries(app.orm.em)).toBeGreaterThanOrEqual(0);
  });

  it('that keeps failing is marked FAILED after the last attempt; a replay sends the same event id again', async () => {
    const s = await seedPricedScenario(app);
    let accept = false;
    const r = await listen(() => (accept ? 200 : 500));
    const { id } = await register(s.agency, r.url, ['lockout.created']);
    await app.gql(UpdateWebhookEndpointDocument, { input: { id, description: 'lockouts' } }, s.agency.token);
    const placed = await app.gql(CreateLockoutDocument, { input: { modelId: s.model.id, start: at(9), end: at(33), kind: 'HOLIDAY', reason: 'Off' } }, s.agency.token);
    expect(placed.createLockout.userErrors).toEqual([]);
    await waitFor('FAILED', async () => (await deliveriesOf(s.agency, id))[0]?.status === 'FAILED', 60_000);
    const [failed] = await deliveriesOf(s.agency, id);
    expect(failed.attemptCount).toBe(app.config.webhookMaxAttempts);
    expect(r.got.length).toBe(app.config.webhookMaxAttempts);
    accept = true;
    const replayed = (await app.gql(ReplayWebhookDeliveryDocument, { id: failed.id }, s.agency.token)).replayWebhookDelivery;
    expect(replayed.userErrors).toEqual([]);
    expect(replayed.delivery).toMatchObject({ id: failed.id, eventId: failed.eventId, status: 'PENDING' });
    await waitFor('the replay', async () => (await deliveriesOf(s.agency, id))[0]?.status === 'DELIVERED');
    expect(r.got.at(-1)!.body.id).toBe(failed.eventId);
    expect((await deliveriesOf(s.agency, id))[0].attempts).toHaveLength(app.config.webhookMaxAttempts + 1);
    // Only the owner replays it.
    const other = await seedAgency(app);
    expect((await app.gql(ReplayWebhookDeliveryDocument, { id: failed.id }, other.token)).replayWebhookDelivery.userErrors).toMatchObject([{ code: 'WEBHOOK_DELIVERY_NOT_FOUND' }]);
  }, 90_000);
});

describe('who is sent what', () => {
  it("a brand's endpoint receives its own bookings' events only, never another brand's nor a lockout; the agency's receives all", async () => {
    const s = await seedPricedScenario(app);
    const [mine, theirs, agency] = [await listen(), await listen(), await listen()];
    await register(s.brand, mine.url);
    await register(s.otherBrand, theirs.url);
    await register(s.agency, agency.url);
    const ours = await placeOption(s, 9);
    const other = await placeOption(s, 40, s.otherBrand);
    expect((await app.gql(CreateLockoutDocument, { input: { modelId: s.model.id, start: at(100), end: at(120), kind: 'HOLIDAY', reason: 'Off' } }, s.agency.token)).createLockout.userErrors).toEqual([]);
    await waitFor('the agency to get all three', () => agency.got.length === 3);
    await waitFor('each brand its own', () => mine.got.length >= 1 && theirs.got.length >= 1);
    // Time for anything that should not come to come.
    await new Promise((r) => setTimeout(r, 1500));
    expect(mine.got.map((g) => [g.body.type, g.body.data.bookingId])).toEqual([['booking.created', ours]]);
    expect(theirs.got.map((g) => [g.body.type, g.body.data.bookingId])).toEqual([['booking.created', other]]);
    expect(agency.got.map((g) => g.body.type).sort()).toEqual(['booking.created', 'booking.created', 'lockout.created']);
  });

  it('a disabled endpoint is sent nothing; an endpoint gets only the types it asked for', async () => {
    const s = await seedPricedScenario(app);
    const [off, confirmations] = [await listen(), await listen()];
    const disabled = await register(s.brand, off.url);
    expect((await app.gql(UpdateWebhookEndpointDocument, { input: { id: disabled.id, enabled: false } }, s.brand.token)).updateWebhookEndpoint.endpoint).toMatchObject({ enabled: false });
    await register(s.brand, confirmations.url, ['booking.confirmed']);
    const id = await placeOption(s, 9);
    expect((await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking.userErrors).toEqual([]);
    await waitFor('the confirmation', () => confirmations.got.length === 1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(confirmations.got.map((g) => g.body.type)).toEqual(['booking.confirmed']);
    expect(off.got).toEqual([]);
  });

  it("a booking's events reach an endpoint in order: later ones wait while an earlier one is retried", async () => {
    const s = await seedPricedScenario(app);
    // Its creation is refused until its last allowed attempt (about 2 s of retries): time for the later events to queue.
    let created = 0;
    const r = await listen((_n, body) => (body.type === 'booking.created' && ++created < app.config.webhookMaxAttempts ? 500 : 200));
    await register(s.agency, r.url);
    const id = await placeOption(s, 9);
    await waitFor('the first attempt', () => r.got.length === 1);
    expect((await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking.userErrors).toEqual([]);
    expect((await app.gql(CancelBookingDocument, { id, reason: 'Dropped' }, s.brand.token)).cancelBooking.userErrors).toEqual([]);
    await waitFor('all three delivered', () => r.got.length === app.config.webhookMaxAttempts + 2);
    const tries = Array.from({ length: app.config.webhookMaxAttempts }, () => 'booking.created');
    expect(r.got.map((g) => g.body.type)).toEqual([...tries, 'booking.confirmed', 'booking.cancelled']);
  });
});

describe('a host name that resolves to a private address', () => {
  it('is never connected to while private networks are not allowed: each attempt fails with the reason, retried as usual', async () => {
    expect(app.config.webhookAllowPrivateNetworks).toBe(false);
    const s = await seedPricedScenario(app);
    const r = await listen(undefined, true);
    const { id } = await register(s.agency, r.url, ['booking.created']);
    await placeOption(s, 9);
    await waitFor('the last attempt', async () => ['DELIVERED', 'FAILED'].includes((await deliveriesOf(s.agency, id))[0]?.status ?? ''));
    const [delivery] = await deliveriesOf(s.agency, id);
    expect(delivery).toMatchObject({ status: 'FAILED', attemptCount: app.config.webhookMaxAttempts });
    const reason = 'the host resolves to a private address (a private, loopback or link-local network)';
    expect(delivery.attempts.map((a) => [a.httpStatus, a.error])).toEqual(Array.from({ length: app.config.webhookMaxAttempts }, () => [null, reason]));
    expect(delivery.attempts.slice(0, -1).map((a) => a.nextAttemptAt === null)).toEqual(Array.from({ length: app.config.webhookMaxAttempts - 1 }, () => false));
    expect(r.connections).toBe(0);
    expect(r.got).toEqual([]);
  });

  it('is delivered when private networks are allowed: to the address resolved once per attempt, TLS and Host naming the host', async () => {
    await worker.stop();
    try {
      startWorker({ ...app.config, webhookAllowPrivateNetworks: true });
      const s = await seedPricedScenario(app);
      const r = await listen(undefined, true);
      const { id, secret } = await register(s.agency, r.url, ['booking.created']);
      const lookupsBefore = hooksTestLookups.length;
      await placeOption(s, 9);
      await waitFor('the delivery', () => r.got.length === 1);
      const [{ headers, raw, servername }] = r.got;
      expect(servername).toBe(HOOKS_TEST_HOST);
      expect(headers.host).toBe(new URL(r.url).host);
      expect(verifyWebhookSignature(secret, headers['twinbook-signature'] as string, raw)).toBe(true);
      await waitFor('the log', async () => (await deliveriesOf(s.agency, id))[0]?.status === 'DELIVERED');
      expect((await deliveriesOf(s.agency, id))[0].attempts.map((a) => [a.httpStatus, a.error])).toEqual([[200, null]]);
      expect(hooksTestLookups.length - lookupsBefore).toBe(1);
    } finally {
      await worker.stop();
      startWorker();
    }
  });
});

describe('managing endpoints', () => {
  it.each<[string, string, string | null]>([
    ['https to a public host', 'https://hooks.example.com/twinbook', null],
    ['plain http to this machine (not production)', 'http://127.0.0.1:9/hooks', null],
    ['plain http elsewhere', 'http://hooks.example.com/twinbook', 'WEBHOOK_URL_NOT_ALLOWED'],
    ['credentials in the URL', 'https://me:pw@hooks.example.com/', 'WEBHOOK_URL_NOT_ALLOWED'],
    ['a private address', 'https://10.1.2.3/hooks', 'WEBHOOK_URL_NOT_ALLOWED'],
    ['a link-local address', 'https://169.254.169.254/latest', 'WEBHOOK_URL_NOT_ALLOWED'],
    ['not a URL', 'hooks', 'WEBHOOK_URL_NOT_ALLOWED'],
  ])('a URL: %s (%s) → %s', async (_what, url, code) => {
    const agency = await seedAgency(app);
    const res = (await app.gql(CreateWebhookEndpointDocument, { input: { url, events: ['booking.created'] } }, agency.token)).createWebhookEndpoint;
    if (code) expect(res.userErrors).toMatchObject([{ code, field: ['input', 'url'] }]);
    else expect(res.userErrors).toEqual([]);
  });

  it('refuses an unknown event type, and a model or an admin as owner', async () => {
    const s = await seedPricedScenario(app);
    const bad = (await app.gql(CreateWebhookEndpointDocument, { input: { url: 'https://h.example.com/', events: ['booking.created', 'booking.exploded'] } }, s.agency.token)).createWebhookEndpoint;
    expect(bad.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'events', '1'] }]);
    for (const token of [s.model.token, app.adminToken]) {
      const res = (await app.gql(CreateWebhookEndpointDocument, { input: { url: 'https://h.example.com/', events: ['booking.created'] } }, token)).createWebhookEndpoint;
      expect(res.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    }
  });

  it('are listed to their owner and an admin only; rotated and deleted by their owner only', async () => {
    const s = await seedPricedScenario(app);
    const r = await listen();
    const { id, secret } = await register(s.brand, r.url, ['booking.created']);
    const ids = async (token: string) => (await app.gql(WebhookEndpointsDocument, { first: 100 }, token)).webhookEndpoints.edges.map((e) => e.node.id);
    expect(await ids(s.brand.token)).toEqual([id]);
    expect(await ids(s.otherBrand.token)).toEqual([]);
    expect(await ids(s.agency.token)).toEqual([]);
    expect(await ids(app.adminToken)).toContain(id);
    const model = await app.token({ role: Role.MODEL, modelId: s.model.id });
    expect(await ids(model)).toEqual([]);
    for (const token of [s.otherBrand.token, s.agency.token]) {
      expect((await app.gql(RotateWebhookSecretDocument, { id }, token)).rotateWebhookSecret.userErrors).toMatchObject([{ code: 'WEBHOOK_ENDPOINT_NOT_FOUND' }]);
      expect((await app.gql(DeleteWebhookEndpointDocument, { id }, token)).deleteWebhookEndpoint.userErrors).toMatchObject([{ code: 'WEBHOOK_ENDPOINT_NOT_FOUND' }]);
    }

    const rotated = (await app.gql(RotateWebhookSecretDocument, { id }, s.brand.token)).rotateWebhookSecret;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(secret);
    await placeOption(s, 9);
    await waitFor('the delivery', () => r.got.length === 1);
    const [{ headers, raw }] = r.got;
    expect(verifyWebhookSignature(rotated.secret!, headers['twinbook-signature'] as string, raw)).toBe(true);
    expect(verifyWebhookSignature(secret, headers['twinbook-signature'] as string, raw)).toBe(false);

    expect((await app.gql(DeleteWebhookEndpointDocument, { id }, s.brand.token)).deleteWebhookEndpoint).toEqual({ deletedId: id, userErrors: [] });
    expect(await ids(s.brand.token)).toEqual([]);
  });
});

describe('across restarts', () => {
  itOnServer(
    'an API process killed mid-delivery: a new one delivers the same event after its lease runs out',
    ONE_CONNECTION,
    async () => {
      // This process's worker stands aside, so that the API processes alone send.
      await worker.stop();
      let first: ApiProcess | null = null;
      let second: ApiProcess | null = null;
      try {
        const s = await seedPricedScenario(app);
        const r = await listen((n) => (n === 0 ? 'hang' : 200));
        const { id } = await register(s.agency, r.url, ['booking.created']);
        first = await startApiProcess(app.db.url, WEBHOOK_ENV);
        await placeOption(s, 9);
        await waitFor('the first process to send', () => r.got.length === 1);
        await first.kill();
        second = await startApiProcess(app.db.url, WEBHOOK_ENV);
        await waitFor('the second process to send', () => r.got.length === 2);
        expect(r.got[1].body.id).toBe(r.got[0].body.id);
        expect(r.got[1].raw).toBe(r.got[0].raw);
        await waitFor('the log', async () => (await deliveriesOf(s.agency, id))[0]?.status === 'DELIVERED');
        const [delivery] = await deliveriesOf(s.agency, id);
        // Two claims; the dead process never wrote its attempt down.
        expect(delivery.attemptCount).toBe(2);
        expect(delivery.attempts.map((a) => a.httpStatus)).toEqual([200]);
      } finally {
        await first?.kill();
        await second?.stop();
        startWorker();
      }
    },
    120_000,
  );
});
