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
 * Run inside a caller's transaction (a campaign's line), it is a savepoint of it: a refusal or a violation undoes
 * this work only, and the caller's transaction goes on.
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
    const known = onViolation ? await onViolation(err, freshReader(ctx.em)) : null;
    if (known) return fail(known);
    throw err;
  }
}

/**
 * An entity manager with an empty identity map for reading what is in the way after a write failed: inside a
 * caller's transaction it reads in that transaction (which sees the caller's own writes, and holds the only
 * connection on the embedded engine); outside, on a connection of its own.
 */
export const freshReader = (em: EntityManager): EntityManager => em.fork({ keepTransactionContext: true });

/**
 * Runs `work`, which may fail with a database error, so that the failure leaves the caller's transaction usable: in a
 * savepoint when `em` is in a transaction (rolled back to on failure, and the error rethrown), plainly otherwise.
 */
export async function inSavepoint<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (!em.isInTransaction()) return work(em);
  return em.transactional((inner) => work(inner));
}
