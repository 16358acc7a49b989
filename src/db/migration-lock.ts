import { Client } from 'pg';

/**
 * Runs `work` (the migrator) while holding a PostgreSQL advisory lock on a session of its own, so that processes
 * starting together on one database migrate one after another: the first applies what is pending, the next waits,
 * then finds nothing to do. Without it both raced to create the extension and the migrations table, and one died.
 * The lock goes with its session, so a process killed mid-migration leaves none behind. The embedded engine takes
 * a single connection (and one process), so there it runs `work` as it is.
 */
export async function withMigrationLock<T>(url: string, embedded: boolean, work: () => Promise<T>): Promise<T> {
  if (embedded) return work();
  const session = new Client({ connectionString: url });
  await session.connect();
  try {
    await session.query(`select pg_advisory_lock(hashtext('twinbook migrations'))`);
    return await work();
  } finally {
    // Ending the session releases the lock, also when the unlock itself could not be sent.
    await session.query(`select pg_advisory_unlock(hashtext('twinbook migrations'))`).catch(() => undefined);
    await session.end().catch(() => undefined);
  }
}
