import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import path from 'node:path';
import { committedEventsSubscriber } from '../core/events';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface OrmConnection {
  url: string;
  poolMax: number;
  replicaUrls?: string[];
  /**
   * Milliseconds a query waits for a pooled connection, and a new connection may take to open, before it fails (and
   * the request is answered 503): without a bound, requests hang for a minute while the database is unreachable.
   */
  acquireTimeoutMs?: number;
  /**
   * Milliseconds one statement may run before PostgreSQL cancels it (SQLSTATE 57014); 0 or unset for no limit. Sent
   * when each connection opens (replicas' too), so no statement of the pool runs before it applies: without it one
   * runaway query holds a connection and a backend for as long as it runs.
   */
  statementTimeoutMs?: number;
  /** Called with every SQL statement, e.g. to count them. */
  onQuery?: (sql: string) => void;
}

/** MikroORM options for one PostgreSQL, the same for the server, the scripts and the tests. */
export function ormOptions(conn: OrmConnection): Options {
  return defineConfig({
    clientUrl: conn.url,
    entities: ENTITIES,
    // Hands each committed transaction's domain events to this process's listeners (src/core/events.ts).
    subscribers: [committedEventsSubscriber],
    extensions: [Migrator],
    pool: { min: 0, max: conn.poolMax, acquireTimeoutMillis: conn.acquireTimeoutMs ?? 10_000, createTimeoutMillis: conn.acquireTimeoutMs ?? 10_000 },
    driverOptions: {
      connection: {
        connectionTimeoutMillis: conn.acquireTimeoutMs ?? 10_000,
        // A startup parameter rather than a SET after connecting: it costs no round trip and cannot be missed.
        ...(conn.statementTimeoutMs ? { statement_timeout: conn.statementTimeoutMs } : {}),
      },
    },
    replicas: conn.replicaUrls?.map((clientUrl, i) => ({ name: `replica-${i + 1}`, clientUrl })),
    forceUtcTimezone: true,
    // Every read names what it loads; nothing lazy-loads behind a resolver's back.
    populateWhere: 'infer',
    allowGlobalContext: false,
    ensureDatabase: false,
    debug: false,
    onQuery: conn.onQuery
      ? (sql: string) => {
          conn.onQuery!(sql);
          return sql;
        }
      : undefined,
    migrations: {
      // Only used when writing a new migration; running them goes by MIGRATIONS.
      path: path.resolve(process.cwd(), 'migrations'),
      pathTs: path.resolve(process.cwd(), 'migrations'),
      migrationsList: MIGRATIONS,
      silent: true,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
    // domain_event is written by SQL of its own (src/core/events.ts) and its migration owns it, trigger included.
    // idempotency_key belongs to the HTTP layer (src/server/idempotency-store.ts), written by SQL of its own and not an
    // entity: its migration owns it, and the schema diff must neither drop it nor call it drift.
    schemaGenerator: { disableForeignKeys: false, skipTables: ['idempotency_key', 'domain_event'] },
  });
}
