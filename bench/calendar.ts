import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { seedJobs } from './seed-jobs';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const CALENDAR = `query($id: ID!, $from: DateTime!, $to: DateTime!) { model(id: $id) { calendar(from: $from, to: $to, timeZone: "Europe/Paris") {
  entries { bookingId type status start end localStart { dateTime offset } localEnd { dateTime offset } booking { title brand { name } } } } } }`;
const RAW_CALENDAR = `select b.*, br.name as brand_name from booking b join brand br on br.id = b.brand_id
  where b.model_id = $1 and b.status in ('OPTION','CONFIRMED','COMPLETED')
  and tstzrange(b.blocked_start, b.blocked_end, '[)') && tstzrange($2, $3, '[)') order by b.start_at, b.id`;

export interface CalendarBench {
  pool: Pool;
  agencyId: string;
  brandId: string;
  /** Posts a GraphQL request as the agency; rejects unless it answered without errors. */
  post: (query: string, variables: object) => Promise<void>;
  closedLoop: (clients: number, seconds: number, work: (i: number) => Promise<void>) => Promise<{ rate: number; p50: number; p95: number; n: number }>;
  seconds: number;
  /** Where the months lie: far from every other part's bookings. */
  base: number;
  rows: string[][];
}

/**
 * A model with `entries` bookings in one 31-day month (physical jobs and twin jobs in turn, evenly spread, confirmed,
 * as a busy model's month looks), and the month's window.
 */
async function seedMonth(b: CalendarBench, entries: number, monthStart: number): Promise<{ modelId: string; from: string; to: string }> {
  const modelId = randomUUID();
  await b.pool.query(`insert into model (id, agency_id, name, time_zone, base_city, created_at) values ($1, $2, 'Month model', 'Europe/Paris', 'Paris', now())`, [
    modelId,
    b.agencyId,
  ]);
  const stepMinutes = Math.floor((31 * 24 * 60) / entries);
  await seedJobs(b.pool, { modelId, agencyId: b.agencyId, brandId: b.brandId, first: new Date(monthStart), stepMinutes, count: entries, digitalHours: 1 });
  return { modelId, from: new Date(monthStart).toISOString(), to: new Date(monthStart + 31 * DAY).toISOString() };
}

/**
 * `calendar`: Model.calendar for a month of 500 entries and one of 40, each next to its raw query (the same rows and
 * their brands through pg) in the same run. One client, so that the p50 is what one user waits, not a queue.
 */
export async function benchCalendarMonths(b: CalendarBench): Promise<void> {
  for (const [entries, monthStart] of [
    [500, b.base],
    [40, b.base + 40 * DAY],
  ]) {
    const month = await seedMonth(b, entries, monthStart);
    const { rows } = await b.pool.query(RAW_CALENDAR, [month.modelId, month.from, month.to]);
    if (rows.length !== entries) throw new Error(`the month holds ${rows.length} entries, not ${entries}`);
    const variables = { id: month.modelId, from: month.from, to: month.to };
    // Warm both sides (the JIT, the pools, PostgreSQL's plan) before timing.
    await b.closedLoop(1, 2, () => b.post(CALENDAR, variables));
    const gql = await b.closedLoop(1, b.seconds, () => b.post(CALENDAR, variables));
    const raw = await b.closedLoop(1, b.seconds, () => b.pool.query(RAW_CALENDAR, [month.modelId, month.from, month.to]).then(() => undefined));
    b.rows.push([
      `Model.calendar, a 31-day month of ${entries} entries, 1 client`,
      `p50 ${gql.p50.toFixed(1)} ms`,
      `p95 ${gql.p95.toFixed(1)} ms, ${gql.rate.toFixed(0)} req/s; raw query p50 ${raw.p50.toFixed(1)} ms (p95 ${raw.p95.toFixed(1)} ms): ${(gql.p50 / raw.p50).toFixed(1)}× it`,
    ]);
  }
}
