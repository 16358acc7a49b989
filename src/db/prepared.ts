import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client, QueryResultRow } from 'pg';

/** The part of a Knex client (a pool's, or a transaction's) that hands out connections. */
interface KnexClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/**
 * A statement PostgreSQL parses once per connection and then runs by name, planning it once for all when a generic
 * plan serves as well as one made for the values (`plan_cache_mode`). Its text uses $1, $2…
 */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs a prepared statement on a connection of the ORM's pool: on the primary, or on a replica (where there are any)
 * for a read that may lag; inside the entity manager's transaction, on that transaction's connection (a campaign
 * books its lines in one transaction). Meant for the few hot statements that PostgreSQL would otherwise parse and
 * plan on every request, at a cost larger than running them. Each statement still passes through the ORM's
 * `onQuery` hook, so statement counts stay true.
 */
export async function runPrepared<R extends QueryResultRow>(
  em: EntityManager,
  statement: PreparedStatement,
  values: unknown[],
  target: 'primary' | 'replica' = 'primary',
): Promise<R[]> {
  const transaction = em.isInTransaction() ? (em.getTransactionContext() as { client: KnexClient } | undefined) : undefined;
  em.config.get('onQuery')(statement.text, values);
  // A transaction's client hands out the transaction's own connection (the primary's, whatever the target), and
  // releasing it leaves it to the transaction.
  const pool = transaction ? transaction.client : em.getConnection(target === 'primary' ? 'write' : 'read').getKnex().client;
  const client = (await pool.acquireConnection()) as Client;
  try {
    const result = await client.query<R>({ name: statement.name, text: statement.text, values });
    return result.rows;
  } finally {
    await pool.releaseConnection(client);
  }
}
