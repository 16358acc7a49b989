import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, UserErrorsException, type Result, type UserError } from '../../common/user-error';
import type { RequestContext } from '../../server/context';
import { isClashViolation } from './physical-clash';

/**
 * Runs one booking mutation in one transaction. A result with errors still commits what it wrote (an option
 * marked expired); throwing UserErrorsException rolls everything back. The database's clash refusal is
 * answered by `onClash` (for mutations that can clash), asked on a fresh entity manager after the rollback.
 */
export async function inTransaction<T>(
  ctx: RequestContext,
  work: (em: EntityManager) => Promise<Result<T>>,
  onClash?: (em: EntityManager) => Promise<UserError>,
): Promise<Result<T>> {
  try {
    return await ctx.em.transactional((em) => work(em));
  } catch (err) {
    if (err instanceof UserErrorsException) return fail(...err.errors);
    if (onClash && isClashViolation(err)) return fail(await onClash(ctx.em.fork()));
    throw err;
  }
}
