import type { MigrateOptions } from '@mikro-orm/core';
import type { UmzugMigration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Runs the migrator up or down in one transaction without a statement timeout. The API's connections carry one
 * (DB_STATEMENT_TIMEOUT_SECONDS), and a migration that rewrites or indexes a large table may rightly run longer:
 * cut midway, it would roll back and stop the process from starting. `set local` ends with the transaction, so the
 * pooled connection goes back with its own timeout.
 */
export async function runMigrations(orm: MikroORM, direction: 'up' | 'down', options: Omit<MigrateOptions, 'transaction'> = {}): Promise<UmzugMigration[]> {
  const connection = orm.em.getConnection();
  return connection.transactional(async (trx) => {
    await connection.execute('set local statement_timeout = 0', [], 'run', trx);
    return orm.getMigrator()[direction]({ ...options, transaction: trx });
  });
}
