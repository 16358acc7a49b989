import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { startPeriodic, type PeriodicJob } from '../../core/periodic';
import { SYSTEM_ACTOR } from './booking-history';
import { BookingStatus } from './booking-status';
import { transition } from './booking-transition';
import { PhysicalBooking } from './booking.entity';

/** Options expired per transaction: small enough that a sweep never holds many rows locked for long. */
export const SWEEP_BATCH_SIZE = 100;

// Rows another sweep (in this process or another) has locked are skipped rather than waited for: that sweep is
// expiring them. Should two sweeps still meet on one option, the conditional change in `transition` lets one win.
const DUE_OPTIONS = `select id from booking
  where type = 'PHYSICAL' and status = 'OPTION' and option_expires_at <= ?
  order by option_expires_at, id
  limit ?
  for update skip locked`;

/**
 * Writes EXPIRED, with its history line (SYSTEM, "the option expired"), for every option past its expiry at `now`,
 * in batches of `batchSize`; returns how many it expired. Reads already treat such options as EXPIRED (see
 * effective-status.ts); the sweep makes the stored status and the history say so too.
 */
export async function sweepExpiredOptions(em: EntityManager, now = new Date(), batchSize = SWEEP_BATCH_SIZE): Promise<number> {
  let expired = 0;
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const due = await tx.execute<{ id: string }[]>(DUE_OPTIONS, [now, batchSize]);
      if (!due.length) return { due: 0, expired: 0 };
      const options = await tx.find(PhysicalBooking, { id: { $in: due.map((r) => r.id) } }, { orderBy: { id: 'asc' } });
      let changed = 0;
      for (const option of options) {
        if ((await transition(tx, option, BookingStatus.EXPIRED, SYSTEM_ACTOR, 'the option expired')).ok) changed += 1;
      }
      await tx.flush();
      return { due: due.length, expired: changed };
    });
    expired += batch.expired;
    if (batch.due < batchSize) return expired;
  }
}

/**
 * Runs sweepExpiredOptions every `config.optionSweepSeconds` (0: never) in this process. Safe to run in every API
 * process at once: each option still gets exactly one EXPIRED line.
 */
export function startOptionSweep(em: EntityManager, config: Pick<Config, 'optionSweepSeconds'>, log: Logger): PeriodicJob {
  return startPeriodic('option sweep', config.optionSweepSeconds, async () => {
    const expired = await sweepExpiredOptions(em);
    return expired ? { expired } : null;
  }, log);
}
