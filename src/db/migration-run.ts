import { MikroORM } from '@mikro-orm/postgresql';
import { withMigrationLock } from './migration-lock';
import { ormOptions } from './orm-options';

/**
 * Runs `work` (the migrator) under the migration lock on an ORM of its own, opened without the API's statement
 * timeout (DB_STATEMENT_TIMEOUT_SECONDS) and closed before it returns: a migration that rewrites or indexes a large
 * table may rightly run longer, and one cut midway rolls back and stops the process from starting. It cannot borrow
 * the API's pool with the timeout lifted for its transaction: the migrator reads its table outside that transaction,
 * and a pool of one connection (the embedded engine's) would wait on itself.
 */
export async function withMigrationOrm<T>(url: string, embedded: boolean, work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const orm = await MikroORM.init(ormOptions({ url, poolMax: embedded ? 1 : 2 }));
  try {
    return await withMigrationLock(url, embedded, () => work(orm));
  } finally {
    await orm.close(true);
  }
}
