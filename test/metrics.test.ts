import pino from 'pino';
import { loadConfig } from '../src/config';
import { registerGauge } from '../src/core/metrics';
// The process loads the webhook outbox with its worker (src/main.ts), which registers the backlog gauge.
import '../src/modules/webhook/webhook-outbox';
import { createApp, type App } from '../src/server/app';
import { CreatePhysicalBookingDocument } from './generated/graphql';
import { confirmedPhysical } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_JWT_SECRET } from './support/test-secret';

let app: TestApp;
let base: string;
const extraApps: App[] = [];
beforeAll(async () => {
  app = await startTestApp();
  base = app.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  for (const a of extraApps) await a.close();
  await app.close();
});

/** A second API on the same database, with its own configuration and logger: for what the test app's fixes. */
async function otherApp(env: Record<string, string>, logger = pino({ level: 'silent' })): Promise<string> {
  const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', ...env });
  const other = await createApp(config, app.orm.em, logger);
  await other.listen(0, '127.0.0.1');
  extraApps.push(other);
  return `http://127.0.0.1:${other.port()}`;
}

/** The samples of a Prometheus text exposition, keyed by `name{label="value",…}` as written. */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

async function scrape(url = base): Promise<Map<string, number>> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parse(await res.text());
}

/** The series key prom-client writes: labels in the order given. */
function series(name: string, labels: Record<string, string> = {}): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return parts.length ? `${name}{${parts.join(',')}}` : name;
}

function delta(before: Map<string, number>, after: Map<string, number>, key: string): number {
  return (after.get(key) ?? 0) - (before.get(key) ?? 0);
}

const requests = (type: string, operation: string, outcome: string) => series('twinbook_graphql_requests_total', { type, operation, outcome });

describe('GET /metrics', () => {
  it('counts exactly the operations done, by name and outcome, with user errors by code and clash refusals', async () => {
    const s = await seedPricedScenario(app);
    const first = await app.gql(CreatePhysicalBookingDocument, { input: confirmedPhysical(s, 9, 17) }, s.agency.token);
    expect(first.createPhysicalBooking.userErrors).toEqual([]);

    const before = await scrape();
    for (let i = 0; i < 2; i++) expect((await app.raw(JSON.stringify({ query: 'query MetricsProbe { viewer { role } }' }), app.adminToken)).status).toBe(200);
    const clash = await app.gql(CreatePhysicalBookingDocument, { input: confirmedPhysical(s, 16, 18) }, s.agency.token);
    expect(clash.createPhysicalBooking.userErrors.map((e) => e.code)).toEqual(['PHYSICAL_CLASH']);
    // Refused: a field that does not exist (validation), too many aliases (a limit), a document that does not parse.
    expect((await app.raw(JSON.stringify({ query: 'query BadFieldProbe { viewer { nope } }' }), app.adminToken)).status).toBe(400);
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: viewer { role }`).join(' ');
    expect((await app.raw(JSON.stringify({ query: `query AliasProbe { ${aliases} }` }), app.adminToken)).status).toBe(400);
    expect((await app.raw(JSON.stringify({ query: '{ viewer {' }), app.adminToken)).status).toBe(400);
    // An anonymous query without a token: answered (viewer is null), and counted as anonymous.
    expect((await app.raw(JSON.stringify({ query: '{ viewer { role } }' }), null)).status).toBe(200);
    const after = await scrape();

    expect(delta(before, after, requests('query', 'MetricsProbe', 'ok'))).toBe(2);
    expect(delta(before, after, requests('mutation', 'CreatePhysicalBooking', 'user_error'))).toBe(1);
    expect(delta(before, after, requests('mutation', 'CreatePhysicalBooking', 'ok'))).toBe(0);
    expect(delta(before, after, requests('query', 'BadFieldProbe', 'refused'))).toBe(1);
    expect(delta(before, after, requests('query', 'AliasProbe', 'refused'))).toBe(1);
    expect(delta(before, after, requests('unknown', 'unknown', 'refused'))).toBe(1);
    expect(delta(before, after, requests('query', 'anonymous', 'ok'))).toBe(1);
    expect(delta(before, after, series('twinbook_graphql_user_errors_total', { code: 'PHYSICAL_CLASH' }))).toBe(1);
    expect(delta(before, after, series('twinbook_physical_clash_refusals_total'))).toBe(1);
    expect(delta(before, after, series('twinbook_graphql_request_duration_seconds_count', { type: 'query', operation: 'MetricsProbe' }))).toBe(2);
    expect(delta(before, after, series('twinbook_graphql_request_duration_seconds_count', { type: 'mutation', operation: 'CreatePhysicalBooking' }))).toBe(1);
    // Every request lands in a bucket no wider than +Inf.
    const inf = series('twinbook_graphql_request_duration_seconds_bucket', { le: '+Inf', type: 'query', operation: 'MetricsProbe' });
    expect(delta(before, after, inf)).toBe(2);
  });

  it('reports the database pool, Node’s own metrics and the gauges modules register', async () => {
    registerGauge({
      name: 'twinbook_test_agencies',
      help: 'Agencies in the database (registered by this test).',
      collect: async (em) => Number((await em.getConnection().execute<{ n: string }[]>('select count(*) as n from agency'))[0].n),
    });
    const agencies = Number((await app.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from agency'))[0].n);
    const samples = await scrape();
    expect(samples.get('twinbook_test_agencies')).toBe(agencies);
    const max = samples.get(series('twinbook_db_pool_connections', { state: 'max' }))!;
    expect(max).toBe(app.db.embedded ? 1 : 10);
    const used = samples.get(series('twinbook_db_pool_connections', { state: 'used' }))!;
    const free = samples.get(series('twinbook_db_pool_connections', { state: 'free' }))!;
    expect(used + free).toBeLessThanOrEqual(max);
    expect(samples.get(series('twinbook_db_pool_connections', { state: 'pending' }))).toBe(0);
    expect(samples.has('process_cpu_user_seconds_total')).toBe(true);
    // The webhook backlog: deliveries not yet sent and events not yet queued (no worker runs in this app).
    const s = await seedPricedScenario(app);
    expect((await app.gql(CreatePhysicalBookingDocument, { input: confirmedPhysical(s, 9, 17) }, s.agency.token)).createPhysicalBooking.userErrors).toEqual([]);
    const withBooking = await scrape();
    const [backlog] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string }[]>(
        `select (select count(*) from webhook_delivery where status = 'PENDING') + (select count(*) from domain_event where fanned_out_at is null) as n`,
      );
    expect(Number(backlog.n)).toBeGreaterThan(0);
    expect(withBooking.get('twinbook_webhook_deliveries_pending')).toBe(Number(backlog.n));
    expect(samples.has('nodejs_heap_size_used_bytes')).toBe(true);
  });

  it('answers only the bearer of METRICS_TOKEN when one is set, and not at all when METRICS_ENABLED is false', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const guarded = await otherApp({ METRICS_TOKEN: token });
    expect((await fetch(`${guarded}/metrics`)).status).toBe(401);
    expect((await fetch(`${guarded}/metrics`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    const ok = await fetch(`${guarded}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('twinbook_graphql_requests_total');

    const off = await otherApp({ METRICS_ENABLED: 'false' });
    const res = await fetch(`${off}/metrics`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('request ids', () => {
  it('echoes a sane X-Request-Id and makes one up otherwise, on every path', async () => {
    const sent = await fetch(`${base}/health`, { headers: { 'x-request-id': 'req-42.abc' } });
    expect(sent.headers.get('x-request-id')).toBe('req-42.abc');
    const gql = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'trace-7' }, body: '{"query":"{ viewer { role } }"}' });
    expect(gql.headers.get('x-request-id')).toBe('trace-7');
    const bad = await fetch(`${base}/health`, { headers: { 'x-request-id': 'not a sane id' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const a = (await fetch(`${base}/nowhere`)).headers.get('x-request-id');
    const b = (await fetch(`${base}/nowhere`)).headers.get('x-request-id');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it('puts the request id on every log line of the request', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const url = await otherApp({ LOG_LEVEL: 'debug' }, logger);
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'logged-1' },
      body: JSON.stringify({ query: 'query LoggedProbe { viewer { role } }' }),
    });
    expect(res.status).toBe(200);
    const mine = lines.filter((l) => l.requestId === 'logged-1');
    expect(mine).toEqual([expect.objectContaining({ msg: 'graphql request', operation: 'LoggedProbe', outcome: 'ok', status: 200 })]);
    // Nothing of the request was logged without its id.
    expect(lines.filter((l) => l.requestId === undefined && l.msg === 'graphql request')).toEqual([]);
  });
});
