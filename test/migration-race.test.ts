import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MIGRATIONS } from '../src/db/migrations';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { itOnServer, ONE_CONNECTION } from './support/engine';
import { ADMIN_URL, withDatabase } from './support/test-database';

async function admin<T>(work: (c: Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('two processes starting together on an empty database', () => {
  itOnServer(
    'both become ready, and every migration is applied exactly once (three times over)',
    ONE_CONNECTION,
    async () => {
      for (let round = 0; round < 3; round++) {
        const name = `twinbook_test_race_${randomBytes(6).toString('hex')}`;
        await admin((c) => c.query(`create database "${name}"`));
        const url = withDatabase(ADMIN_URL, name);
        let processes: ApiProcess[] = [];
        try {
          const started = await Promise.allSettled([0, 1].map(() => startApiProcess(url, {}, { readySeconds: 60 })));
          processes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
          expect(started.map((s) => (s.status === 'fulfilled' ? 'ready' : String(s.reason)))).toEqual(['ready', 'ready']);
          const applied = await admin((c) => c.query<{ name: string }>('select name from mikro_orm_migrations order by id'), url);
          expect(applied.rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
        } finally {
          await Promise.all(processes.map((p) => p.stop()));
          await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
        }
      }
    },
    180_000,
  );
});
