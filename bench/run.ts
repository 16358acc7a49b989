import 'reflect-metadata';
import autocannon from 'autocannon';
import { MikroORM } from '@mikro-orm/postgresql';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { loadConfig } from '../src/config';
import { ormOptions } from '../src/db/orm-options';
import { createLogger } from '../src/logger';
import { createApp } from '../src/server/app';
import { signToken } from '../src/core/tokens';
import { Role } from '../src/core/viewer';
import { benchCalendarMonths } from './calendar';
import { benchLeanPeer } from './lean-peer';
import { benchFeed } from './feed';
import { benchCampaign } from './campaign';
import { strictPoster } from './post';
import { benchSubscriptions } from './subscriptions';
import { benchSearch } from './search';

// `npm run bench`: one run, one database, the API in its own process and the load from this one.
// The servers measured here (twinbook's, the lean peer) run as in production unless told otherwise: graphql-js, for one,
// skips its development checks there.
process.env.NODE_ENV ??= 'production';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Both overridable, so that two benches on one machine neither share a database nor a port.
const DB = process.env.BENCH_DB ?? 'twinbook_bench';
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 16;
// BENCH_ONLY=write,calendar,money,idempotency,schedule,twin,lean,feed,campaign,subscriptions runs only those parts (all by default), e.g. to profile one of them;
// BENCH_ONLY=search runs the search for who is free on a world of its own (10,000 models, 1,000,000 bookings).
const ONLY = new Set((process.env.BENCH_ONLY ?? 'write,calendar,money,idempotency,schedule,twin,lean,feed,campaign,subscriptions').split(',').map((s) => s.trim()));
const PORT = Number(process.env.BENCH_PORT ?? 4950);
const HOUR = 3600_000;
const BASE = Date.parse('2031-01-06T00:00:00Z');

const dbUrl = () => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB}`;
  return u.toString();
};

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function startServer(): Promise<(() => void) & { pid: number }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []), path.join(__dirname, '../src/main.js')], {
    env: { ...process.env, DATABASE_URL: dbUrl(), PORT: String(PORT), HOST: '127.0.0.1', JWT_SECRET: SECRET, SEED_DEMO: 'false', LOG_LEVEL: 'error', DB_POOL_SIZE: '20' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/ready`)).ok) return Object.assign(() => child.kill('SIGTERM'), { pid: child.pid! });
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not start');
}

interface World {
  agencyId: string;
  brandId: string;
  modelIds: string[];
  calendarModelId: string;
  earningsModelId: string;
}

async function seedWorld(pool: Pool): Promise<World> {
  const agencyId = randomUUID();
  const brandId = randomUUID();
  await pool.query(`insert into agency (id, name, created_at) values ($1, 'Bench agency', now())`, [agencyId]);
  await pool.query(`insert into brand (id, name, created_at) values ($1, 'Bench brand', now())`, [brandId]);
  const modelIds = Array.from({ length: CLIENTS * 2 + 1 }, () => randomUUID());
  for (const id of modelIds) {
    await pool.query(`insert into model (id, agency_id, name, time_zone, base_city, created_at) values ($1, $2, 'Bench model', 'Europe/Paris', 'Paris', now())`, [
      id,
      agencyId,
    ]);
  }
  const calendarModelId = modelIds.pop()!;
  const earningsModelId = randomUUID();
  await pool.query(`insert into model (id, agency_id, name, time_zone, base_city, created_at) values ($1, $2, 'Earning model', 'Europe/Paris', 'Paris', now())`, [
    earningsModelId,
    agencyId,
  ]);
  await pool.query(
    `insert into rate_card (id, agency_id, model_id, currency, hourly_rate, half_day_rate, day_rate, cancellation_bands, deliverable_prices,
       usage_monthly_fees, territory_factor_bps, created_at, updated_at)
     values ($1, $2, null, 'EUR', 10000, 35000, 60000, '[{"noticeHours":24,"bps":10000}]', '{"IMAGE":5000}', '{"ECOMMERCE":20000}',
       '{"COUNTRY":10000,"EU":30000,"WORLDWIDE":60000}', now(), now())`,
    [randomUUID(), agencyId],
  );
  // 5,000 completed bookings with their payouts, a day apart, for the earnings query.
  await pool.query(
    `with b as (
       insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end,
         created_at, updated_at, completed_at, location_name, location_time_zone, travel_before_minutes, travel_after_minutes)
       select gen_random_uuid(), 'PHYSICAL', $1, $2, $3, 'COMPLETED', 'Done ' || g, s, s + interval '8 hours', s, s + interval '8 hours',
         now(), now(), s + interval '8 hours', 'Studio', 'Europe/Paris', 0, 0
       from (select g, $4::timestamptz + g * interval '1 day' as s from generate_series(0, 4999) g) x
       returning id, end_at)
     insert into payout (id, booking_id, booking_type, party, party_id, reason, amount, currency, status, created_at)
     select gen_random_uuid(), b.id, 'PHYSICAL', p.party, case when p.party = 'MODEL' then $1::uuid else $2::uuid end, 'FEE', p.amount, 'EUR',
       'PENDING', b.end_at
     from b cross join (values ('MODEL', 48000), ('AGENCY', 24000)) p(party, amount)`,
    [earningsModelId, agencyId, brandId, new Date(BASE - 5000 * 24 * HOUR)],
  );
  // 5,000 bookings over a year: confirmed physical jobs every 3.5 h and digital jobs of a day between them.
  await pool.query(
    `insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end,
       created_at, updated_at, location_name, location_time_zone, travel_before_minutes, travel_after_minutes,
       deliverables, category, usage_media, usage_territories, usage_start, usage_end)
     select gen_random_uuid(), t, $1, $2, $3, 'CONFIRMED', 'Bench job ' || g, s, e, s, e, now(), now(),
       case when t = 'PHYSICAL' then 'Studio' end, case when t = 'PHYSICAL' then 'Europe/Paris' end,
       case when t = 'PHYSICAL' then 0 end, case when t = 'PHYSICAL' then 0 end,
       case when t = 'DIGITAL' then '[{"kind":"IMAGE","quantity":10}]'::jsonb end, case when t = 'DIGITAL' then 'APPAREL' end,
       case when t = 'DIGITAL' then '{ECOMMERCE}'::text[] end, case when t = 'DIGITAL' then '{FR}'::text[] end,
       case when t = 'DIGITAL' then e end, case when t = 'DIGITAL' then e + interval '90 days' end
     from (select g, case when g % 2 = 0 then 'PHYSICAL' else 'DIGITAL' end as t,
                  $4::timestamptz + (g / 2) * interval '210 minutes' as s,
                  $4::timestamptz + (g / 2) * interval '210 minutes' + case when g % 2 = 0 then interval '2 hours' else interval '1 day' end as e
           from generate_series(0, 4999) g) x`,
    [calendarModelId, agencyId, brandId, new Date(BASE)],
  );
  return { agencyId, brandId, modelIds, calendarModelId, earningsModelId };
}

const CREATE = `mutation($input: CreatePhysicalBookingInput!) { createPhysicalBooking(input: $input) { booking { id } userErrors { code } } }`;
const CALENDAR = `query($id: ID!, $from: DateTime!, $to: DateTime!) { model(id: $id) { calendar(from: $from, to: $to, timeZone: "Europe/Paris") {
  entries { bookingId type status start end localStart { dateTime offset } localEnd { dateTime offset } booking { title brand { name } } } } } }`;
const QUOTE = `query($input: QuoteBookingInput!) { quoteBooking(input: $input) { quote { brandTotal { amount currency } lines { kind amount { amount } } } userErrors { code } } }`;
const COMPLETE = `mutation($input: CompleteBookingInput!) { completeBooking(input: $input) { booking { id status } userErrors { code } } }`;
const EARNINGS = `query($id: ID!, $from: DateTime!, $to: DateTime!) { model(id: $id) { earnings(from: $from, to: $to) { bookingType bookings total { amount currency } pending { amount } paid { amount } } } }`;
const RAW_EARNINGS = `select booking_type, currency, count(distinct booking_id), sum(amount), sum(amount) filter (where status = 'PENDING'),
  sum(amount) filter (where status = 'PAID') from payout where party = 'MODEL' and party_id = $1 and created_at >= $2 and created_at < $3 group by 1, 2`;
const RAW_INSERT = `insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end,
  created_at, updated_at, location_name, location_time_zone, travel_before_minutes, travel_after_minutes)
  values ($1, 'PHYSICAL', $2, $3, $4, 'CONFIRMED', 'Raw', $5, $6, $5, $6, now(), now(), 'Studio', 'Europe/Paris', 0, 0)`;
const RAW_STORED_ANSWER = `select status_code, response_body from idempotency_key where viewer = $1 and key = $2`;
const RAW_CALENDAR = `select b.*, br.name as brand_name from booking b join brand br on br.id = b.brand_id
  where b.model_id = $1 and b.status in ('OPTION','CONFIRMED','COMPLETED')
  and tstzrange(b.blocked_start, b.blocked_end, '[)') && tstzrange($2, $3, '[)') order by b.start_at, b.id`;

const RESCHEDULE = `mutation($input: RescheduleBookingInput!) { rescheduleBooking(input: $input) { booking { id start } userErrors { code } } }`;
// What a reschedule of a confirmed booking writes, by hand: the booking at its new time and its history line, in one transaction.
const RAW_MOVE = `update booking set start_at = $2, end_at = $3, blocked_start = $2, blocked_end = $3, updated_at = now() where id = $1`;
const RAW_MOVE_LINE = `insert into booking_change (id, booking_id, kind, from_status, to_status, actor_role, actor_id, reason, at, from_start, from_end, to_start, to_end)
  values ($1, $2, 'RESCHEDULE', 'CONFIRMED', 'CONFIRMED', 'AGENCY', $3, null, now(), $4, $5, $6, $7)`;
const LIVE_OPTIONS_ON_A_SLOT = 20;
const CREATE_DIGITAL = `mutation($input: CreateDigitalBookingInput!) { createDigitalBooking(input: $input) { booking { id } userErrors { code message } } }`;
const TWIN_LICENCES = 1000;

/**
 * A twin with TWIN_LICENCES confirmed digital bookings in force (a year of licences for 20 brands, in APPAREL and
 * FOOTWEAR, each in one of 40 countries outside the EU, with their claim rows), under an open consent.
 */
async function seedTwinWorld(pool: Pool, world: World): Promise<{ modelId: string }> {
  const modelId = randomUUID();
  await pool.query(`insert into model (id, agency_id, name, time_zone, base_city, created_at) values ($1, $2, 'Twin model', 'Europe/Paris', 'Paris', now())`, [
    modelId,
    world.agencyId,
  ]);
  await pool.query(
    `insert into digital_twin (id, model_id, status, model_share_bps, agency_share_bps, platform_share_bps, allowed_media, allowed_territories,
       allowed_categories, excluded_categories, excluded_brand_ids, created_at, updated_at)
     values ($1, $2, 'ACTIVE', 6000, 3000, 1000, '{ECOMMERCE}', '{WORLDWIDE}', '{APPAREL,FOOTWEAR}', '{}', '{}', now(), now())`,
    [randomUUID(), modelId],
  );
  const brands = Array.from({ length: 20 }, () => randomUUID());
  for (const id of brands) await pool.query(`insert into brand (id, name, created_at) values ($1, 'Licensee', now())`, [id]);
  const countries = 'US CA MX BR AR CL CO PE JP KR CN TW HK SG MY TH VN ID PH IN AU NZ ZA NG KE EG MA TR IL AE SA QA GB NO CH IS UA RS GE AM'.split(' ');
  await pool.query(
    `with b as (
       insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end, created_at, updated_at,
         deliverables, category, usage_media, usage_territories, usage_start, usage_end)
       select gen_random_uuid(), 'DIGITAL', $1, $2, ($3::uuid[])[1 + g % 20], 'CONFIRMED', 'Licence ' || g, s, s + interval '1 day', s, s + interval '1 day',
         now(), now(), '[{"kind":"IMAGE","quantity":10}]', case when g % 2 = 0 then 'APPAREL' else 'FOOTWEAR' end, '{ECOMMERCE}',
         array[($4::text[])[1 + g % 40]], s + interval '1 day', s + interval '365 days'
       from (select g, $5::timestamptz + g * interval '6 hours' as s from generate_series(0, $6 - 1) g) x
       returning id, model_id, brand_id, category, usage_territories, start_at, usage_end)
     insert into exclusivity_claim (booking_id, kind, territory, model_id, brand_id, category, start_at, end_at)
     select id, 'USAGE', usage_territories[1], model_id, brand_id, category, start_at, usage_end from b`,
    [modelId, world.agencyId, brands, countries, new Date(BASE), TWIN_LICENCES],
  );
  return { modelId };
}

// What a digital booking with an exclusivity writes, as plain SQL in one transaction: the twin lock, the booking, its
// history line and its claim rows (the use in FR; the exclusivity's FR, EU cover and WORLDWIDE cover).
async function rawDigitalInsert(pool: Pool, world: World, modelId: string, start: Date): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query({ name: 'raw_twin_lock', text: 'select id from digital_twin where model_id = $1 for update', values: [modelId] });
    const id = randomUUID();
    const end = new Date(start.getTime() + 24 * HOUR);
    const usageEnd = new Date(start.getTime() + 90 * 24 * HOUR);
    await c.query({
      name: 'raw_digital_insert',
      text: `insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end, created_at, updated_at,
        deliverables, category, usage_media, usage_territories, usage_start, usage_end, exclusive_category, exclusive_territories, exclusive_start, exclusive_end)
        values ($1, 'DIGITAL', $2, $3, $4, 'OPTION', 'Raw', $5, $6, $5, $6, now(), now(), '[{"kind":"IMAGE","quantity":10}]', 'APPAREL', '{ECOMMERCE}', '{FR}',
        $6, $7, 'APPAREL', '{FR}', $5, $7)`,
      values: [id, modelId, world.agencyId, world.brandId, start, end, usageEnd],
    });
    await c.query({
      name: 'raw_digital_history',
      text: `insert into booking_change (id, booking_id, from_status, to_status, actor_role, actor_id, reason, at) values ($1, $2, null, 'OPTION', 'AGENCY', $3, null, now())`,
      values: [randomUUID(), id, world.agencyId],
    });
    await c.query({
      name: 'raw_digital_claims',
      text: `insert into exclusivity_claim (booking_id, kind, territory, model_id, brand_id, category, start_at, end_at)
        select $1, k, t, $2, $3, 'APPAREL', $4, $5 from unnest('{USAGE,EXCLUSIVE,COVER,COVER}'::text[], '{FR,FR,EU,WORLDWIDE}'::text[]) as c(k, t)`,
      values: [id, modelId, world.brandId, start, usageEnd],
    });
    await c.query('commit');
  } catch (err) {
    await c.query('rollback');
    throw err;
  } finally {
    c.release();
  }
}

/** Runs `work` from `clients` loops for `seconds`; returns completed operations per second and latencies. */
async function closedLoop(clients: number, seconds: number, work: (i: number) => Promise<void>) {
  let counter = 0;
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const t = performance.now();
        await work(counter++);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), n: latencies.length };
}

/** SQL statements each request issues, in order, counted by the ORM on one in-process API against the bench database. */
async function countStatements(world: World, requests: { query: string; variables: object }[]): Promise<number[]> {
  let statements = 0;
  const config = loadConfig({ JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
  const orm = await MikroORM.init(ormOptions({ url: dbUrl(), poolMax: 2, onQuery: () => (statements += 1) }));
  const app = await createApp(config, orm.em, createLogger('silent'));
  await app.listen(0, '127.0.0.1');
  const token = await signToken(SECRET, { role: Role.AGENCY, agencyId: world.agencyId });
  const counts: number[] = [];
  for (const { query, variables } of requests) {
    statements = 0;
    const res = await fetch(`http://127.0.0.1:${app.port()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.text();
    if (res.status !== 200 || body.includes('"errors"') || /"userErrors":\[\{/.test(body)) throw new Error(`request failed: ${body.slice(0, 300)}`);
    counts.push(statements);
  }
  await app.close();
  await orm.close(true);
  return counts;
}

async function main(): Promise<void> {
  await admin(`drop database if exists ${DB} with (force)`);
  await admin(`create database ${DB}`);
  const migrateOrm = await MikroORM.init(ormOptions({ url: dbUrl(), poolMax: 2 }));
  await migrateOrm.getMigrator().up();
  await migrateOrm.close(true);

  const pool = new Pool({ connectionString: dbUrl(), max: CLIENTS });
  const world = await seedWorld(pool);
  const stop = await startServer();
  const token = await signToken(SECRET, { role: Role.AGENCY, agencyId: world.agencyId });
  const graphqlUrl = `http://127.0.0.1:${PORT}/graphql`;
  const rows: string[][] = [];

  try {
    const createdIds: string[] = [];
    const gqlModels = world.modelIds.slice(0, CLIENTS);
    if (ONLY.has('write')) {
      // Writes: every request a new, non-overlapping slot; half the models take GraphQL writes, half raw SQL.
      const rawModels = world.modelIds.slice(CLIENTS);
      let slot = 0;
      let failures = 0;
      // The same insert from 16 pg clients, each run on slots of its own (runs are 1,000 days apart).
      const rawInserts = (run: number, prepare = false) =>
        closedLoop(CLIENTS, SECONDS, (n) => {
          const slot = BASE + run * 1000 * 24 * HOUR + Math.floor(n / CLIENTS) * 2 * HOUR;
          const values = [randomUUID(), rawModels[n % CLIENTS], world.agencyId, world.brandId, new Date(slot), new Date(slot + HOUR)];
          return pool.query(prepare ? { name: 'raw_insert', text: RAW_INSERT, values } : { text: RAW_INSERT, values }).then(() => undefined);
        });
      // The API warmed first, untimed, on slots of its own (12,000 days on): its JIT, pool and remembered terms, as a
      // server that has been up a while has them; the database is warmed by the first raw run.
      let warmSlot = 0;
      await autocannon({
        url: graphqlUrl,
        connections: CLIENTS,
        duration: 2,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [
          {
            setupRequest: (req) => {
              const n = warmSlot++;
              const at = BASE + 12_000 * 24 * HOUR + Math.floor(n / CLIENTS) * 2 * HOUR;
              const input = { modelId: gqlModels[n % CLIENTS], brandId: world.brandId, title: 'Warm', start: new Date(at).toISOString(), end: new Date(at + HOUR).toISOString(), location: { name: 'Studio', timeZone: 'Europe/Paris' }, status: 'CONFIRMED' };
              return { ...req, body: JSON.stringify({ query: CREATE, variables: { input } }) };
            },
          },
        ],
      });
      const rawBefore = await rawInserts(0);
      const write = await autocannon({
        url: graphqlUrl,
        connections: CLIENTS,
        duration: SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [
          {
            setupRequest: (req) => {
              const n = slot++;
              const start = new Date(BASE + Math.floor(n / CLIENTS) * 2 * HOUR).toISOString();
              const end = new Date(BASE + (Math.floor(n / CLIENTS) * 2 + 1) * HOUR).toISOString();
              const input = { modelId: gqlModels[n % CLIENTS], brandId: world.brandId, title: 'Bench', start, end, location: { name: 'Studio', timeZone: 'Europe/Paris' }, status: 'CONFIRMED' };
              return { ...req, body: JSON.stringify({ query: CREATE, variables: { input } }) };
            },
            onResponse: (status, body) => {
              const id = /"booking":\{"id":"([0-9a-f-]{36})"/.exec(body)?.[1];
              if (status !== 200 || !id) failures += 1;
              else createdIds.push(id);
            },
          },
        ],
      });
      const rawAfter = await rawInserts(1);
      const prepared = await rawInserts(2, true);
      const gqlRate = write.requests.average;
      // The floor is measured before and after the GraphQL run, so that neither side gets the quieter database.
      const rawRate = (rawBefore.rate + rawAfter.rate) / 2;
      rows.push(['createPhysicalBooking over HTTP, 16 clients', `${gqlRate.toFixed(0)} req/s`, `p50 ${write.latency.p50} ms, p97.5 ${write.latency.p97_5} ms, ${failures} failed`]);
      rows.push([
        'same insert, raw SQL through pg, 16 clients (mean of before and after)',
        `${rawRate.toFixed(0)} inserts/s`,
        `before ${rawBefore.rate.toFixed(0)}/s (p50 ${rawBefore.p50.toFixed(1)} ms), after ${rawAfter.rate.toFixed(0)}/s (p50 ${rawAfter.p50.toFixed(1)} ms)`,
      ]);
      rows.push(['ratio GraphQL / raw SQL', `${((gqlRate / rawRate) * 100).toFixed(1)} %`, 'target ≥ 25 %']);
      rows.push(['same insert, raw SQL as a prepared statement, 16 clients', `${prepared.rate.toFixed(0)} inserts/s`, `p50 ${prepared.p50.toFixed(1)} ms; GraphQL at ${((gqlRate / prepared.rate) * 100).toFixed(1)} % of it`]);

    }
    if (ONLY.has('calendar')) {
      // Reads: a 31-day window of the model with 5,000 bookings.
      const from = new Date(BASE + 60 * 24 * HOUR).toISOString();
      const to = new Date(BASE + 91 * 24 * HOUR).toISOString();
      const { rows: rawRows } = await pool.query(RAW_CALENDAR, [world.calendarModelId, from, to]);
      const calendar = await autocannon({
        url: graphqlUrl,
        connections: 4,
        duration: SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: CALENDAR, variables: { id: world.calendarModelId, from, to } }),
      });
      const rawCal = await closedLoop(4, SECONDS, () => pool.query(RAW_CALENDAR, [world.calendarModelId, from, to]).then(() => undefined));
      rows.push([`Model.calendar, 31 days, ${rawRows.length} entries, 4 clients`, `p50 ${calendar.latency.p50} ms`, `p97.5 ${calendar.latency.p97_5} ms, ${calendar.requests.average.toFixed(0)} req/s, ${calendar.non2xx} non-2xx`]);
      rows.push(['same rows, raw SQL through pg, 4 clients', `p50 ${rawCal.p50.toFixed(1)} ms`, `p95 ${rawCal.p95.toFixed(1)} ms, ${rawCal.rate.toFixed(0)} queries/s`]);
      const post = async (query: string, variables: object) => {
        const res = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
        const body = await res.text();
        if (res.status !== 200 || body.includes('"errors"')) throw new Error(`request failed: ${body.slice(0, 300)}`);
      };
      await benchCalendarMonths({ pool, agencyId: world.agencyId, brandId: world.brandId, post, closedLoop, seconds: SECONDS, base: BASE, rows });
      const [calendarStatements] = await countStatements(world, [{ query: CALENDAR, variables: { id: world.calendarModelId, from, to } }]);
      rows.push(['SQL statements per calendar request', String(calendarStatements), 'target ≤ 3']);
      // A model's first booking in a process reads her terms, then writes; booked again, the write alone re-checks them.
      const counted = (day: number) => ({
        query: CREATE,
        variables: {
          input: {
            modelId: world.calendarModelId,
            brandId: world.brandId,
            title: 'Counted',
            start: new Date(BASE - day * 24 * HOUR).toISOString(),
            end: new Date(BASE - day * 24 * HOUR + 4 * HOUR).toISOString(),
            location: { name: 'Studio', timeZone: 'Europe/Paris' },
            status: 'CONFIRMED',
          },
        },
      });
      const [first, again] = await countStatements(world, [counted(1), counted(2)]);
      rows.push([
        'SQL statements per createPhysicalBooking (CONFIRMED, rate card, frozen quote)',
        `${first} / ${again}`,
        "a model's first booking in the process / booked again; no begin or commit: each write is one atomic statement",
      ]);

    }
    if (ONLY.has('lean')) {
      await benchLeanPeer({ dbUrl: dbUrl(), port: PORT, graphqlUrl, apiPid: stop.pid, token, modelIds: gqlModels, brandId: world.brandId, seconds: SECONDS, base: BASE, rows });
    }
    if (ONLY.has('feed')) {
      await benchFeed({ pool, agencyId: world.agencyId, brandId: world.brandId, apiUrl: `http://127.0.0.1:${PORT}`, closedLoop, seconds: SECONDS, rows });
    }
    if (ONLY.has('money')) {
      // Money: a quote before booking, completing a confirmed booking, and a model's earnings over 5,000 completed bookings.
      const send = strictPoster(graphqlUrl, token);
      const post = async (query: string, variables: object): Promise<void> => void (await send(query, variables));
      const quote = await closedLoop(4, SECONDS, (n) =>
        post(QUOTE, {
          input: {
            physical: {
              modelId: gqlModels[n % CLIENTS],
              brandId: world.brandId,
              title: 'Quote',
              start: new Date(BASE).toISOString(),
              end: new Date(BASE + 9.5 * HOUR).toISOString(),
              location: { name: 'Studio', timeZone: 'Europe/Paris' },
            },
          },
        }),
      );
      rows.push(['quoteBooking (physical, with overtime), 4 clients', `p50 ${quote.p50.toFixed(1)} ms`, `p95 ${quote.p95.toFixed(1)} ms, ${quote.rate.toFixed(0)} req/s`]);
      // Each confirmed booking the write phase created is completed once, from 4 clients, until they run out or time does.
      // They lie ahead, and only work that has started is completed: moved ten years back first, all alike, so that
      // none comes to overlap another.
      await pool.query(
        `update booking set start_at = start_at - interval '10 years', end_at = end_at - interval '10 years',
           blocked_start = blocked_start - interval '10 years', blocked_end = blocked_end - interval '10 years'
         where id = any($1::uuid[])`,
        [createdIds],
      );
      let next = 0;
      const completions: number[] = [];
      const completeUntil = Date.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let id = createdIds[next++]; id && Date.now() < completeUntil; id = createdIds[next++]) {
            const t = performance.now();
            await post(COMPLETE, { input: { id } });
            completions.push(performance.now() - t);
          }
        }),
      );
      completions.sort((a, b) => a - b);
      rows.push([
        'completeBooking (frozen quote, 3 payout lines), 4 clients',
        `p50 ${percentile(completions, 50).toFixed(1)} ms`,
        `p95 ${percentile(completions, 95).toFixed(1)} ms, ${completions.length} completed`,
      ]);
      const period = { from: new Date(BASE - 5001 * 24 * HOUR).toISOString(), to: new Date(BASE).toISOString() };
      const earnings = await closedLoop(4, SECONDS, () => post(EARNINGS, { id: world.earningsModelId, ...period }));
      const rawEarnings = await closedLoop(4, SECONDS, () => pool.query(RAW_EARNINGS, [world.earningsModelId, period.from, period.to]).then(() => undefined));
      rows.push(['Model.earnings over 5,000 completed bookings, 4 clients', `p50 ${earnings.p50.toFixed(1)} ms`, `p95 ${earnings.p95.toFixed(1)} ms, ${earnings.rate.toFixed(0)} req/s`]);
      rows.push(['same sum, raw SQL through pg, 4 clients', `p50 ${rawEarnings.p50.toFixed(1)} ms`, `p95 ${rawEarnings.p95.toFixed(1)} ms, ${rawEarnings.rate.toFixed(0)} queries/s`]);
    }
    if (ONLY.has('idempotency')) {
      // Safe retries: a replay answered from the store, and what a key adds to a mutation that runs for the first time.
      const send = async (body: string, key?: string) => {
        const res = await fetch(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
          body,
        });
        const text = await res.text();
        if (res.status !== 200 || !/"booking":\{"id"/.test(text)) throw new Error(`request failed: ${text.slice(0, 300)}`);
        return res.headers.get('idempotent-replayed') === 'true';
      };
      // Slots of their own, far from the write part's: each run of a measurement 1,000 days after the last.
      const bookingBody = (run: number, n: number) => {
        const slot = BASE + (5 + run) * 1000 * 24 * HOUR + Math.floor(n / CLIENTS) * 2 * HOUR;
        const input = {
          modelId: gqlModels[n % CLIENTS],
          brandId: world.brandId,
          title: 'Keyed',
          start: new Date(slot).toISOString(),
          end: new Date(slot + HOUR).toISOString(),
          location: { name: 'Studio', timeZone: 'Europe/Paris' },
          status: 'CONFIRMED',
        };
        return JSON.stringify({ query: CREATE, variables: { input } });
      };
      // A fresh API process runs slower for its first seconds (the JIT, the pools): those are not part of either side.
      await closedLoop(CLIENTS, 2, (n) => send(bookingBody(4, n)).then(() => undefined));
      // First-time mutations without a key, with a fresh key each, and without again: neither side gets the quieter database.
      const plainBefore = await closedLoop(CLIENTS, SECONDS, (n) => send(bookingBody(1, n)).then(() => undefined));
      const keyed = await closedLoop(CLIENTS, SECONDS, (n) => send(bookingBody(2, n), randomUUID()).then(() => undefined));
      const plainAfter = await closedLoop(CLIENTS, SECONDS, (n) => send(bookingBody(3, n)).then(() => undefined));
      const plainRate = (plainBefore.rate + plainAfter.rate) / 2;
      const plainP50 = (plainBefore.p50 + plainAfter.p50) / 2;
      rows.push([
        'createPhysicalBooking without a key, 16 clients (mean of before and after)',
        `${plainRate.toFixed(0)} req/s`,
        `p50 ${plainP50.toFixed(1)} ms (before ${plainBefore.rate.toFixed(0)}/s, after ${plainAfter.rate.toFixed(0)}/s)`,
      ]);
      rows.push([
        'the same with a new Idempotency-Key each, 16 clients',
        `${keyed.rate.toFixed(0)} req/s`,
        `p50 ${keyed.p50.toFixed(1)} ms, p95 ${keyed.p95.toFixed(1)} ms; ${((1 - keyed.rate / plainRate) * 100).toFixed(1)} % fewer req/s, p50 +${(keyed.p50 - plainP50).toFixed(1)} ms`,
      ]);
      // Measured on a server the runs above have warmed, as the write part's is.
      const replayKey = randomUUID();
      const replayBody = bookingBody(0, 0);
      await send(replayBody, replayKey);
      let notReplayed = 0;
      const replay = await closedLoop(CLIENTS, SECONDS, async () => {
        if (!(await send(replayBody, replayKey))) notReplayed += 1;
      });
      const viewer = `AGENCY:${world.agencyId}`;
      const rawReplay = await closedLoop(CLIENTS, SECONDS, () => pool.query(RAW_STORED_ANSWER, [viewer, replayKey]).then(() => undefined));
      rows.push([
        'replay: the same key and body again, answered from the store, 16 clients',
        `p50 ${replay.p50.toFixed(1)} ms`,
        `p95 ${replay.p95.toFixed(1)} ms, ${replay.rate.toFixed(0)} req/s, ${notReplayed} not replayed`,
      ]);
      rows.push([
        'the stored answer selected by key, raw SQL through pg, 16 clients',
        `p50 ${rawReplay.p50.toFixed(1)} ms`,
        `p95 ${rawReplay.p95.toFixed(1)} ms, ${rawReplay.rate.toFixed(0)} queries/s`,
      ]);
    }
    if (ONLY.has('schedule')) await benchSchedule(world, pool, token, graphqlUrl, rows);
    if (ONLY.has('twin')) {
      // A twin with 1,000 licences in force: each new booking is checked against its status, consent and cap under
      // the twin's lock, and its claims against the others' by the exclusion constraints.
      const twin = await seedTwinWorld(pool, world);
      const twinStart = BASE + 400 * 24 * HOUR;
      const digitalInput = (n: number, exclusive: boolean) => {
        const start = twinStart + n * 24 * HOUR;
        return {
          modelId: twin.modelId,
          brandId: world.brandId,
          title: 'Twin bench',
          start: new Date(start).toISOString(),
          end: new Date(start + 24 * HOUR).toISOString(),
          deliverables: [{ kind: 'IMAGE', quantity: 10 }],
          category: 'APPAREL',
          usage: { media: ['ECOMMERCE'], territories: ['FR'], start: new Date(start + 24 * HOUR).toISOString(), end: new Date(start + 90 * 24 * HOUR).toISOString() },
          ...(exclusive
            ? { exclusivity: { category: 'APPAREL', territories: ['FR'], start: new Date(start).toISOString(), end: new Date(start + 90 * 24 * HOUR).toISOString() } }
            : {}),
        };
      };
      let n = 0;
      let refused = 0;
      const post = async (input: object) => {
        const res = await fetch(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: CREATE_DIGITAL, variables: { input } }),
        });
        const body = await res.text();
        if (res.status !== 200 || !body.includes('"booking":{"id"')) refused += 1;
      };
      const exclusive = await closedLoop(4, SECONDS, () => post(digitalInput(n++, true)));
      const plain = await closedLoop(4, SECONDS, () => post(digitalInput(n++, false)));
      const raw = await closedLoop(4, SECONDS, () => rawDigitalInsert(pool, world, twin.modelId, new Date(twinStart + n++ * 24 * HOUR)));
      rows.push([
        `createDigitalBooking with an exclusivity, twin with ${TWIN_LICENCES} licences in force, 4 clients`,
        `p50 ${exclusive.p50.toFixed(1)} ms`,
        `p95 ${exclusive.p95.toFixed(1)} ms, ${exclusive.rate.toFixed(0)} req/s, ${refused} refused or failed`,
      ]);
      rows.push(['same without an exclusivity (its use still claimed)', `p50 ${plain.p50.toFixed(1)} ms`, `p95 ${plain.p95.toFixed(1)} ms, ${plain.rate.toFixed(0)} req/s`]);
      rows.push([
        'same inserts, raw SQL through pg in one transaction (twin lock, booking, history, 4 claim rows), 4 clients',
        `p50 ${raw.p50.toFixed(1)} ms`,
        `p95 ${raw.p95.toFixed(1)} ms, ${raw.rate.toFixed(0)} tx/s; GraphQL at ${((exclusive.rate / raw.rate) * 100).toFixed(1)} % of it`,
      ]);
    }
    if (ONLY.has('campaign')) {
      await benchCampaign({ pool, agencyId: world.agencyId, graphqlUrl, secret: SECRET, seconds: SECONDS, from: BASE + 8000 * 24 * HOUR }, rows);
    }
    if (ONLY.has('subscriptions')) {
      await benchSubscriptions({ databaseUrl: dbUrl(), secret: SECRET, pool, agencyId: world.agencyId, brandId: world.brandId, ports: [PORT + 1, PORT + 2], mutations: 200, rows });
    }
    if (ONLY.has('search')) {
      await benchSearch({ pool, graphqlUrl, seconds: SECONDS, rows, closedLoop, token: (claims) => signToken(SECRET, claims), countStatements: (agencyId, requests) => countStatements({ ...world, agencyId }, requests) });
    }
  } finally {
    stop();
    await pool.end();
  }

  process.stdout.write(`\ntwinbook bench (${SECONDS} s per measurement, PostgreSQL at ${new URL(ADMIN_URL).host})\n\n`);
  process.stdout.write('| measurement | figure | detail |\n|---|---|---|\n');
  for (const r of rows) process.stdout.write(`| ${r.join(' | ')} |\n`);
}

/**
 * Moving bookings: a reschedule of a confirmed booking (its clash and option checks, the move, its history line and the
 * repricing of its frozen quote) next to the update and insert it needs through pg; and an option placed on a slot
 * that already holds 20 live options, which it ranks behind.
 */
async function benchSchedule(world: World, pool: Pool, token: string, graphqlUrl: string, rows: string[][]): Promise<void> {
  const clients = 4;
  const post = strictPoster(graphqlUrl, token);
  // Far from every slot the other parts use: 5,000 days on.
  const far = BASE + 5000 * 24 * HOUR;
  const models = world.modelIds.slice(0, clients);
  const slot = (client: number, n: number) => {
    // Each client moves its booking between two days, 8 h and 9 h long, so that every move is priced again.
    const start = far + client * 10 * 24 * HOUR + (n % 2) * 24 * HOUR + 9 * HOUR;
    return { start: new Date(start).toISOString(), end: new Date(start + (8 + (n % 2)) * HOUR).toISOString() };
  };
  // Each client works on its own booking, so that no two requests wait for one row.
  const perClient = async (work: (client: number, n: number) => Promise<void>) => {
    const latencies: number[] = [];
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let n = 0; Date.now() < until; n += 1) {
          const t = performance.now();
          await work(client, n);
          latencies.push(performance.now() - t);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return { rate: latencies.length / SECONDS, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  };
  const ids: string[] = [];
  for (let c = 0; c < clients; c += 1) {
    const body = await post(CREATE, {
      input: { modelId: models[c], brandId: world.brandId, title: 'Moved', ...slot(c, 1), location: { name: 'Studio', timeZone: 'Europe/Paris' }, status: 'CONFIRMED' },
    });
    ids.push(/"id":"([0-9a-f-]{36})"/.exec(body)![1]);
  }
  const move = await perClient((c, n) => post(RESCHEDULE, { input: { id: ids[c], ...slot(c, n) } }).then(() => undefined));
  rows.push(['rescheduleBooking of a confirmed booking (repriced), 4 clients', `p50 ${move.p50.toFixed(1)} ms`, `p95 ${move.p95.toFixed(1)} ms, ${move.rate.toFixed(0)} req/s`]);

  // The raw floor: the same model's bookings, moved by hand.
  const rawIds = Array.from({ length: clients }, () => randomUUID());
  for (let c = 0; c < clients; c += 1) {
    const s = slot(c + clients, 1);
    await pool.query(RAW_INSERT, [rawIds[c], models[c], world.agencyId, world.brandId, s.start, s.end]);
  }
  const raw = await perClient(async (c, n) => {
    const from = slot(c + clients, n + 1);
    const to = slot(c + clients, n);
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(RAW_MOVE, [rawIds[c], to.start, to.end]);
      await client.query(RAW_MOVE_LINE, [randomUUID(), rawIds[c], world.agencyId, from.start, from.end, to.start, to.end]);
      await client.query('commit');
    } finally {
      client.release();
    }
  });
  rows.push(['same move, raw SQL through pg (update + history insert in a transaction), 4 clients', `p50 ${raw.p50.toFixed(1)} ms`, `p95 ${raw.p95.toFixed(1)} ms, ${raw.rate.toFixed(0)} moves/s`]);

  // A slot holding 20 live options; each option placed is taken away again (untimed) so that every one meets 20.
  const crowded = world.modelIds[clients];
  const crowdStart = new Date(far + 100 * 24 * HOUR);
  const crowdEnd = new Date(crowdStart.getTime() + 8 * HOUR);
  await pool.query(
    `insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end,
       created_at, updated_at, location_name, location_time_zone, travel_before_minutes, travel_after_minutes)
     select gen_random_uuid(), 'PHYSICAL', $1, $2, $3, 'OPTION', 'Held ' || g, $4, $5, $4, $5, now(), now(), 'Studio', 'Europe/Paris', 0, 0
     from generate_series(1, ${LIVE_OPTIONS_ON_A_SLOT}) g`,
    [crowded, world.agencyId, world.brandId, crowdStart, crowdEnd],
  );
  const input = { modelId: crowded, brandId: world.brandId, title: 'Option', start: crowdStart.toISOString(), end: crowdEnd.toISOString(), location: { name: 'Studio', timeZone: 'Europe/Paris' } };
  const latencies: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const t = performance.now();
        const body = await post(CREATE, { input });
        latencies.push(performance.now() - t);
        const id = /"id":"([0-9a-f-]{36})"/.exec(body)![1];
        await pool.query('delete from booking_change where booking_id = $1', [id]);
        await pool.query('delete from booking where id = $1', [id]);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  rows.push([
    `createPhysicalBooking (OPTION) on a slot holding ${LIVE_OPTIONS_ON_A_SLOT} live options, 4 clients`,
    `p50 ${percentile(latencies, 50).toFixed(1)} ms`,
    `p95 ${percentile(latencies, 95).toFixed(1)} ms, ${latencies.length} placed`,
  ]);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
