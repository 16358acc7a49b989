import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client, QueryResultRow } from 'pg';

/** A statement PostgreSQL parses and plans once per connection and then runs by name. Its text uses $1, $2… */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs a prepared statement on a connection of the ORM's pool, on the primary and outside any transaction. Meant for
 * the few hot statements that PostgreSQL would otherwise parse and plan on every request, at a cost larger than
 * running them. Each statement still passes through the ORM's `onQuery` hook, so statement counts stay true.
 */
export async function runPrepared<R extends QueryResultRow>(em: EntityManager, statement: PreparedStatement, values: unknown[]): Promise<R[]> {
  if (em.isInTransaction()) throw new Error(`prepared statement ${statement.name} must run outside a transaction`);
  em.config.get('onQuery')(statement.text, values);
  const pool = em.getConnection('write').getKnex().client;
  const client = (await pool.acquireConnection()) as Client;
  try {
    const result = await client.query<R>({ name: statement.name, text: statement.text, values });
    return result.rows;
  } finally {
    await pool.releaseConnection(client);
  }
}
