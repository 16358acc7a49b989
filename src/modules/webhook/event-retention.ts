import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import { startPeriodic, type PeriodicJob } from '../../core/periodic';
import type { Logger } from '../../logger';

/*
 * How long the record of what happened is kept. Every write records an event (src/core/events.ts) and every event an
 * endpoint asked for becomes a delivery with its attempts: without an end, these tables grow with every booking for
 * as long as the platform runs. Past EVENT_RETENTION_DAYS, a delivery that is finished (delivered, or failed for
 * good) goes with its attempts, and then an event nobody still needs: one already fanned out, with no delivery left.
 * A delivery still pending, and its event, stay whatever their age: nothing is dropped before it was sent. What
 * reads events afresh (a subscriber's catch-up after a reconnect) reads the last minutes, never days.
 */

/** Rows deleted in one statement: short transactions, whatever the backlog. */
const SWEEP_BATCH = 1000;
/** Seconds between two sweeps in one process. */
const SWEEP_SECONDS = 900;

const DELETE_FINISHED_DELIVERIES = `
  delete from webhook_delivery where id in (
    select id from webhook_delivery
    where status in ('DELIVERED', 'FAILED') and created_at < now() - make_interval(days => ?)
    limit ? for update skip locked)`;

// Oldest first, along the seq index: events are recorded in about the order of their times.
const DELETE_SPENT_EVENTS = `
  delete from domain_event where id in (
    select e.id from domain_event e
    where e.occurred_at < now() - make_interval(days => ?) and e.fanned_out_at is not null
      and not exists (select 1 from webhook_delivery d where d.event_id = e.id)
    order by e.seq
    limit ? for update of e skip locked)`;

/** Deletes `sql`'s rows batch by batch until a batch comes back short; returns how many. */
async function deleteInBatches(em: EntityManager, sql: string, days: number): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await em.fork().getConnection().execute<{ affectedRows: number }>(sql, [days, SWEEP_BATCH], 'run');
    total += result.affectedRows;
    if (result.affectedRows < SWEEP_BATCH) return total;
  }
}

/**
 * Deletes finished deliveries (their attempts go with them) and then spent events older than `days`. Safe in every
 * process at once: each batch skips the rows another sweep holds.
 */
export async function sweepOldEvents(em: EntityManager, days: number): Promise<{ deliveries: number; events: number }> {
  const deliveries = await deleteInBatches(em, DELETE_FINISHED_DELIVERIES, days);
  const events = await deleteInBatches(em, DELETE_SPENT_EVENTS, days);
  return { deliveries, events };
}

/** Sweeps every SWEEP_SECONDS in this process, unless EVENT_RETENTION_DAYS is 0 (kept for ever). */
export function startEventRetention(em: EntityManager, config: Config, log: Logger): PeriodicJob {
  if (config.eventRetentionDays <= 0) return { stop: async () => undefined };
  return startPeriodic('event retention', SWEEP_SECONDS, async () => {
    const swept = await sweepOldEvents(em, config.eventRetentionDays);
    return swept.deliveries || swept.events ? swept : null;
  }, log);
}
