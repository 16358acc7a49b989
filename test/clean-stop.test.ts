import { Client } from 'pg';
import { CreateModelDocument } from './generated/graphql';
import { postTo, startApiProcess } from './support/api-process';
import { itOnServer, ONE_CONNECTION } from './support/engine';
import { seedAgency } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Waits until some session of the database waits for a lock (the request under test is then in flight). */
async function untilALockIsAwaited(client: Client): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_locks where not granted');
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no request came to wait for the lock');
}

describe('SIGTERM', () => {
  itOnServer(
    'refuses new connections, lets the request in flight finish with 200, and exits 0',
    ONE_CONNECTION,
    async () => {
      const agency = await seedAgency(app);
      const api = await startApiProcess(app.db.url, { SHUTDOWN_GRACE_SECONDS: '15' }, { readySeconds: 60 });
      const locker = new Client({ connectionString: app.db.url });
      await locker.connect();
      try {
        // Creating a model checks its agency's key: holding the agency row makes that request wait, in flight.
        await locker.query('begin');
        await locker.query('select 1 from agency where id = $1 for update', [agency.id]);
        const inFlight = postTo(api.url, CreateModelDocument, { input: { name: 'In flight', timeZone: 'Europe/Paris', baseCity: 'Paris' } }, agency.token);
        await untilALockIsAwaited(locker);

        process.kill(api.pid, 'SIGTERM');
        await new Promise((r) => setTimeout(r, 1000));
        const fresh = await fetch(api.url.replace('/graphql', '/health')).then(
          (r) => `answered ${r.status}`,
          (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.message,
        );
        expect(fresh).toBe('ECONNREFUSED');

        await locker.query('commit');
        const answer = await inFlight;
        expect(answer).toMatchObject({ status: 200, data: { createModel: { model: { name: 'In flight' }, userErrors: [] } } });
        expect(await api.exited).toBe(0);
      } finally {
        await locker.end();
        await api.stop();
      }
    },
    120_000,
  );
});
