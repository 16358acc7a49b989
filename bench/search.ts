import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { Pool } from 'pg';
import { Action, scopeOf, scopeSql } from '../src/core/access-policy';
import { Role } from '../src/core/viewer';
import { availableModelsSql } from '../src/modules/search/available-models';
import { BookingType } from '../src/modules/booking/booking-status';

/*
 * The search for who is free (BENCH_ONLY=search): 10,000 models in 3 agencies with 1,000,000 bookings over a year,
 * written with generate_series straight into the tables (each model's bookings 87.6 hours apart, so none overlap),
 * then availableModels over the GraphQL API for a 2-day physical window and for a digital usage, next to the same
 * statement through pg, and the SQL statements each request issues.
 */

const MODELS = 10_000;
const PER_MODEL = 100;
const YEAR_START = '2033-01-03T00:00:00Z';

interface Deps {
  pool: Pool;
  graphqlUrl: string;
  seconds: number;
  rows: string[][];
  token: (claims: { role: Role.AGENCY; agencyId: string }) => Promise<string>;
  /** Statements each request issues, counted by the ORM, as the agency given. */
  countStatements: (agencyId: string, requests: { query: string; variables: object }[]) => Promise<number[]>;
  closedLoop: (clients: number, seconds: number, work: (i: number) => Promise<void>) => Promise<{ p50: number; p95: number; rate: number }>;
}

const QUERY = `query($input: AvailabilitySearchInput!) { availableModels(input: $input, first: 50) { edges { node { liveOptions model { id name } } } } }`;

async function seed(pool: Pool): Promise<{ agencies: string[]; brandId: string }> {
  const agencies = [randomUUID(), randomUUID(), randomUUID()];
  const brandId = randomUUID();
  for (const id of agencies) await pool.query(`insert into agency (id, name, created_at) values ($1, 'Search agency', now())`, [id]);
  await pool.query(`insert into brand (id, name, created_at) values ($1, 'Search brand', now())`, [brandId]);
  await pool.query(
    `insert into model (id, agency_id, name, time_zone, base_city, created_at, attributes)
     select gen_random_uuid(), ($1::uuid[])[1 + i % 3], 'Search model ' || i, 'Europe/Paris', (array['Paris','Milan','London','New York'])[1 + i % 4],
       now() + i * interval '1 millisecond', jsonb_build_object('height_cm', 160 + i % 30, 'hair', (array['BLONDE','BROWN','BLACK','RED'])[1 + i % 4])
     from generate_series(0, $2 - 1) i`,
    [agencies, MODELS],
  );
  // A third of the models (those of the agency that searches) have an active twin, half of them consenting to
  // e-commerce; every tenth model a cap of 2.
  await pool.query(
    `insert into digital_twin (id, model_id, status, model_share_bps, agency_share_bps, platform_share_bps, max_concurrent_jobs, allowed_media,
       allowed_territories, allowed_categories, excluded_categories, excluded_brand_ids, created_at, updated_at)
     select gen_random_uuid(), m.id, 'ACTIVE', 6000, 3000, 1000, case when n % 10 = 0 then 2 end,
       case when n % 2 = 0 then '{ECOMMERCE,SOCIAL}'::text[] else '{SOCIAL}'::text[] end, case when n % 3 = 0 then '{EU}'::text[] else '{WORLDWIDE}'::text[] end,
       '{APPAREL,FOOTWEAR}', '{}', '{}', now(), now()
     from (select id, row_number() over (order by created_at) as n from model where name like 'Search model %') m where m.n % 3 = 1`,
  );
  // 100 bookings a model, 87.6 hours apart and 8 hours long from an hour that differs per model: 70 % confirmed,
  // 20 % options, 10 % cancelled.
  await pool.query(
    `insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end,
       created_at, updated_at, location_name, location_time_zone, travel_before_minutes, travel_after_minutes)
     select gen_random_uuid(), 'PHYSICAL', m.id, m.agency_id, $1, case when k % 10 < 7 then 'CONFIRMED' when k % 10 < 9 then 'OPTION' else 'CANCELLED' end,
       'Bench', s, s + interval '8 hours', s, s + interval '8 hours', now(), now(), 'Studio', 'Europe/Paris', 0, 0
     from (select id, agency_id, row_number() over (order by created_at) as n from model where name like 'Search model %') m
     cross join generate_series(0, $2 - 1) k
     cross join lateral (select $3::timestamptz + k * interval '87.6 hours' + (m.n % 24) * interval '1 hour' as s) t`,
    [brandId, PER_MODEL, YEAR_START],
  );
  await pool.query('analyze');
  return { agencies, brandId };
}

const toPg = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** Seeds the search world, measures the search both ways and adds the rows of the report. */
export async function benchSearch(d: Deps): Promise<void> {
  const seeding = Date.now();
  const { agencies, brandId } = await seed(d.pool);
  const seeded = ((Date.now() - seeding) / 1000).toFixed(0);
  const agencyId = agencies[0];
  const token = await d.token({ role: Role.AGENCY, agencyId });
  const physical = { type: BookingType.PHYSICAL, start: '2033-06-10T00:00:00Z', end: '2033-06-12T00:00:00Z', travelBeforeMinutes: 60, travelAfterMinutes: 60 };
  const digital = {
    type: BookingType.DIGITAL,
    start: '2033-06-10T00:00:00Z',
    end: '2033-06-12T00:00:00Z',
    brandId,
    digital: { category: 'APPAREL', media: ['ECOMMERCE'], territories: ['FR'], usageStart: '2033-06-12T00:00:00Z', usageEnd: '2033-12-12T00:00:00Z' },
  };
  const scope = scopeSql(scopeOf({ role: Role.AGENCY, agencyId } as never, Action.READ_CALENDAR), { agencyId: 'm.agency_id', modelId: 'm.id' });
  const rawOf = (input: typeof physical | typeof digital) => {
    const parsed = JSON.parse(JSON.stringify(input), (k, v) => (/^(start|end|usageStart|usageEnd)$/.test(k) ? new Date(v) : v));
    const minutes = 'travelBeforeMinutes' in parsed ? parsed.travelBeforeMinutes * 60_000 : 0;
    const after = 'travelAfterMinutes' in parsed ? parsed.travelAfterMinutes * 60_000 : 0;
    const search = { input: parsed, brandId: 'brandId' in parsed ? parsed.brandId : null, blocked: { start: new Date(parsed.start.getTime() - minutes), end: new Date(parsed.end.getTime() + after) } };
    const { sql, params } = availableModelsSql(search, scope, { after: null, limit: 51 }, new Date());
    return { text: toPg(sql), values: params };
  };
  // Posted with node:http over kept-alive connections: the load generator shares the two cores with the API and
  // PostgreSQL, and fetch costs it several times the CPU a request that the pg client costs the raw side.
  const url = new URL(d.graphqlUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const post = (input: object) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ query: QUERY, variables: { input } });
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`search failed: ${text.slice(0, 300)}`));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const [physicalStatements, digitalStatements] = await d.countStatements(agencyId, [
    { query: QUERY, variables: { input: physical } },
    { query: QUERY, variables: { input: digital } },
  ]);
  for (const [name, input, statements] of [
    ['physical, 2-day window', physical, physicalStatements],
    ['digital usage', digital, digitalStatements],
  ] as const) {
    const raw = rawOf(input);
    const found = (await d.pool.query(raw)).rowCount;
    const plan = (await d.pool.query({ text: `explain ${raw.text}`, values: raw.values })).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    const indexes = [...new Set(plan.match(/\b[a-z_]+_(idx|pkey|claim[a-z_]*)\b/g) ?? [])].join(', ');
    // One client (what a planner waits) and four at once (the API process, PostgreSQL and this process then share the
    // two cores), each next to the same statement through pg with as many clients.
    for (const clients of [1, 4]) {
      const api = await d.closedLoop(clients, d.seconds, () => post(input));
      const sql = await d.closedLoop(clients, d.seconds, () => d.pool.query(raw).then(() => undefined));
      d.rows.push([
        `availableModels ${name}, first 50 (${found} rows), ${clients} client${clients > 1 ? 's' : ''}`,
        `p50 ${api.p50.toFixed(1)} ms`,
        `p95 ${api.p95.toFixed(1)} ms, ${api.rate.toFixed(0)} req/s, ${statements} SQL statement(s) per request`,
      ]);
      d.rows.push([
        `same statement through pg, ${clients} client${clients > 1 ? 's' : ''}`,
        `p50 ${sql.p50.toFixed(1)} ms`,
        `p95 ${sql.p95.toFixed(1)} ms; API p50 at ${(api.p50 / sql.p50).toFixed(2)}× (target ≤ 2× + 5 ms = ${(2 * sql.p50 + 5).toFixed(1)} ms: ${api.p50 <= 2 * sql.p50 + 5 ? 'met' : 'missed'}); indexes in plan: ${indexes}`,
      ]);
    }
  }
  agent.destroy();
  d.rows.push([`search world: ${MODELS} models in 3 agencies, ${MODELS * PER_MODEL} bookings over a year`, `${seeded} s to seed`, 'generate_series, then ANALYZE']);
}
