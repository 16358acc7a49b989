import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { seedJobs } from './seed-jobs';

const BOOKINGS = 5000;
const LOCKOUTS = 20;
const DAY = 24 * 3600_000;

export interface FeedBench {
  pool: Pool;
  agencyId: string;
  brandId: string;
  /** The API's base URL, e.g. http://127.0.0.1:4950. */
  apiUrl: string;
  closedLoop: (clients: number, seconds: number, work: (i: number) => Promise<void>) => Promise<{ rate: number; p50: number; p95: number; n: number }>;
  seconds: number;
  rows: string[][];
}

/**
 * `feed`: the iCalendar feed of a model with 5,000 bookings (and 20 lockouts) in its rolling window, read by her
 * own feed's URL from one client, next to the raw query for the same bookings.
 */
export async function benchFeed(b: FeedBench): Promise<void> {
  const modelId = randomUUID();
  await b.pool.query(`insert into model (id, agency_id, name, time_zone, base_city, created_at) values ($1, $2, 'Feed model', 'Europe/Paris', 'Paris', now())`, [
    modelId,
    b.agencyId,
  ]);
  // The window runs from 60 days back to 366 ahead: 5,000 jobs from 50 days back, one every 118 minutes, physical
  // (an hour) and twin jobs (two hours) in turn, a few options among them.
  const first = new Date(Date.now() - 50 * DAY);
  await seedJobs(b.pool, { modelId, agencyId: b.agencyId, brandId: b.brandId, first, stepMinutes: 118, count: BOOKINGS, digitalHours: 2, optionEvery: 10 });
  // Lockouts between the jobs' hours would clash with nothing: they only hold the time.
  await b.pool.query(
    `insert into lockout (id, model_id, kind, reason, start_at, end_at, created_at, created_by_role)
     select gen_random_uuid(), $1, 'HOLIDAY', 'Away ' || g, $2::timestamptz + g * interval '17 days', $2::timestamptz + g * interval '17 days' + interval '2 days', now(), 'AGENCY'
     from generate_series(0, $3 - 1) g`,
    [modelId, first, LOCKOUTS],
  );
  const token = randomBytes(32).toString('base64url');
  await b.pool.query(
    `insert into calendar_feed (id, scope, model_id, label, token_hash, created_by_role, created_by_id, created_at) values ($1, 'MODEL', $2, 'Bench', $3, 'AGENCY', $4, now())`,
    [randomUUID(), modelId, createHash('sha256').update(token).digest('hex'), b.agencyId],
  );
  const url = `${b.apiUrl}/feeds/${token}.ics`;
  let events = 0;
  const read = async () => {
    const res = await fetch(url);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`feed answered ${res.status}`);
    events = text.split('BEGIN:VEVENT').length - 1;
  };
  await b.closedLoop(1, 2, read);
  const feed = await b.closedLoop(1, b.seconds, read);
  const raw = await b.closedLoop(1, b.seconds, () =>
    b.pool
      .query(
        `select b.*, br.name, (select count(*) from booking_change c where c.booking_id = b.id) from booking b join brand br on br.id = b.brand_id
         where b.model_id = $1 and tstzrange(b.blocked_start, b.blocked_end, '[)') && tstzrange(now() - interval '60 days', now() + interval '366 days', '[)')`,
        [modelId],
      )
      .then(() => undefined),
  );
  b.rows.push([
    `iCalendar feed of a model with ${BOOKINGS} bookings and ${LOCKOUTS} lockouts (${events} events), 1 client`,
    `p50 ${feed.p50.toFixed(0)} ms`,
    `p95 ${feed.p95.toFixed(0)} ms, ${feed.n} read; its bookings' raw query p50 ${raw.p50.toFixed(1)} ms`,
  ]);
}
