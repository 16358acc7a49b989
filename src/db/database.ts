import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { withMigrationOrm } from './migration-run';
import { ormOptions } from './orm-options';

export interface Database {
  orm: MikroORM;
  /** The URL the ORM talks to (the embedded engine's, when there is no DATABASE_URL). */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** Opens the configured PostgreSQL (or starts the embedded one) and brings its schema up to date. */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  let poolMax = config.dbPoolSize;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
    url = embedded.url;
    poolMax = embedded.maxConnections;
    logger.info({ dataDir: config.dataDir }, 'embedded PostgreSQL started');
  }
  try {
    // Before the API's pool opens, on connections without its statement timeout (migration-run.ts).
    const applied = await withMigrationOrm(url, !!embedded, (migrating) => migrating.getMigrator().up());
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  const orm = await MikroORM.init(
    ormOptions({
      url,
      poolMax,
      replicaUrls: config.databaseReplicaUrls,
      acquireTimeoutMs: config.dbAcquireTimeoutSeconds * 1000,
      statementTimeoutMs: config.dbStatementTimeoutSeconds * 1000,
    }),
  );
  return {
    orm,
    url,
    embedded: !!embedded,
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
