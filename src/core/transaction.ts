import type { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { fail, userError, UserErrorCode, UserErrorsException, type Result, type UserError } from '../common/user-error';
import { isTransient } from '../db/db-errors';
import type { RequestContext } from './context';

/** How often work that met a deadlock or a serialization failure is run again before the client is told. */
export const MAX_TRANSIENT_RETRIES = 8;

/** The answer when a write kept meeting deadlocks or serialization failures: safe to send again, nothing was written. */
export const concurrentChange = (field: string[] | null = null): UserError =>
  userError(UserErrorCode.CONCURRENT_CHANGE, 'other changes to the same data kept getting in the way; nothing was written, and sending it again is safe', field);

/**
 * Runs `work` and runs it again (up to MAX_TRANSIENT_RETRIES more times, after a short random pause) when PostgreSQL
 * ends it with a deadlock or a serialization failure, which say only that concurrent work got in the way: nothing of
 * the failed run was kept. Past the retries the answer is CONCURRENT_CHANGE.
 */
export async function retryTransient<T>(work: () => Promise<Result<T>>, field: string[] | null = null): Promise<Result<T>> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (err) {
      if (!isTransient(err)) throw err;
      if (attempt >= MAX_TRANSIENT_RETRIES) return fail(concurrentChange(field));
      // Jittered and growing (up to ~0.4 s) so that the sides of a deadlock, often many writers racing for one slot, do
      // not meet again at once: after the first of them commits, the others meet its row and are answered (a clash).
      await sleep(5 + Math.random() * Math.min(400, 10 * 2 ** attempt));
    }
  }
}

/**
 * Runs one mutation in one transaction. A result with errors still commits what it wrote (an option marked
 * expired); throwing UserErrorsException rolls everything back. Deadlocks and serialization failures run it again
 * (see retryTransient). A constraint violation the database raised is offered to `onViolation`, asked on a fresh
 * entity manager after the rollback, which answers with the user error it means (null: not one it knows).
 */
export async function inTransaction<T>(
  ctx: RequestContext,
  work: (em: EntityManager) => Promise<Result<T>>,
  onViolation?: (err: unknown, em: EntityManager) => Promise<UserError | null>,
): Promise<Result<T>> {
  try {
    return await retryTransient(() => ctx.em.transactional((em) => work(em)));
  } catch (err) {
    if (err instanceof UserErrorsException) return fail(...err.errors);
    const known = onViolation ? await onViolation(err, ctx.em.fork()) : null;
    if (known) return fail(known);
    throw err;
  }
}
