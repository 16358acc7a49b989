import { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { ormOptions } from '../../src/db/orm-options';

/** Where the integration tests find PostgreSQL: a server's maintenance database, unless TEST_DB=embedded. */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The migrated template this run's test databases copy; named per run so that concurrent runs never share one. */
export const templateDb = (): string => process.env.TWINBOOK_TEST_TEMPLATE ?? 'twinbook_test_template';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** True when a PostgreSQL server answers at ADMIN_URL and the tests were not told to use the embedded engine. */
export async function serverReachable(): Promise<boolean> {
  if (process.env.TEST_DB === 'embedded') return false;
  const client = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  url: string;
  /** Connections the database takes at once (1 for the embedded engine). */
  maxConnections: number;
  embedded: boolean;
  drop(): Promise<void>;
}

/** Runs every migration on an empty database. */
export async function migrate(url: string, poolMax: number): Promise<void> {
  const orm = await MikroORM.init(ormOptions({ url, poolMax }));
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close(true);
  }
}

/**
 * A database of this test file's own: a copy of the migrated template on the server, or a fresh in-memory
 * embedded engine when no server is reachable (or TEST_DB=embedded).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TWINBOOK_TEST_ENGINE !== 'server') {
    const engine = await startEmbeddedPostgres({});
    await migrate(engine.url, engine.maxConnections);
    return { url: engine.url, maxConnections: engine.maxConnections, embedded: true, drop: () => engine.stop() };
  }
  const name = `twinbook_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${templateDb()}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(ADMIN_URL, name),
    maxConnections: 20,
    embedded: false,
    async drop() {
      const c = new Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
