import { print } from 'graphql';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { withMigrationOrm } from '../src/db/migration-run';
import { createLogger } from '../src/logger';
import { CreatePhysicalBookingDocument } from './generated/graphql';
import { itOnServer } from './support/engine';
import { confirmedPhysical, seedModel } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_JWT_SECRET } from './support/test-secret';

/** Why these run on the server only. */
const NOT_ENFORCED = 'PGlite ignores statement_timeout, and its one connection cannot hold a lock against the API';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ DB_STATEMENT_TIMEOUT_SECONDS: '1' });
});
afterAll(() => app.close());

const execute = (sql: string) => app.orm.em.getConnection().execute<Record<string, string>[]>(sql);

/** Runs `work` while another session holds `table` in ACCESS EXCLUSIVE mode, so that any statement reading it waits. */
async function whileLocked<T>(table: string, work: () => Promise<T>): Promise<T> {
  const holder = new Client({ connectionString: app.db.url });
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query(`lock table "${table}" in access exclusive mode`);
    return await work();
  } finally {
    await holder.query('rollback').catch(() => undefined);
    await holder.end();
  }
}

async function post(body: unknown, token: string, key?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  if (key) headers['idempotency-key'] = key;
  const started = Date.now();
  const res = await fetch(app.url, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), replayed: res.headers.get('idempotent-replayed') === 'true', json, ms: Date.now() - started };
}

const MODELS = { query: '{ models(first: 1) { edges { node { id } } } }' };

describe('DB_STATEMENT_TIMEOUT_SECONDS', () => {
  itOnServer("is set on the API's pooled connections", NOT_ENFORCED, async () => {
    expect(await execute('show statement_timeout')).toEqual([{ statement_timeout: '1s' }]);
  });

  itOnServer('cancels a longer statement with SQLSTATE 57014 after about that long, and the connection serves the next one', NOT_ENFORCED, async () => {
    const started = Date.now();
    await expect(execute('select pg_sleep(3)')).rejects.toMatchObject({ code: '57014' });
    const ms = Date.now() - started;
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(2500);
    expect(await execute('select 1 as one')).toEqual([{ one: 1 }]);
    const pool = app.orm.em.getConnection().getKnex().client.pool as { numUsed(): number };
    expect(pool.numUsed()).toBe(0);
  });

  itOnServer('a request whose statement is cancelled is answered 504 QUERY_TIMEOUT, quickly, and the same request succeeds once it can', NOT_ENFORCED, async () => {
    const during = await whileLocked('model', () => post(MODELS, app.adminToken));
    expect(during).toMatchObject({ status: 504, retryAfter: null, json: { data: null, errors: [{ extensions: { code: 'QUERY_TIMEOUT' } }] } });
    expect(during.json.errors?.[0].message).not.toMatch(/57014|statement timeout|select/);
    // The timeout (1 s) bounds it, with room for a loaded machine; without one it waited as long as the lock was held.
    expect(during.ms).toBeLessThan(5000);
    const after = await post(MODELS, app.adminToken);
    expect(after).toMatchObject({ status: 200, json: { data: { models: expect.any(Object) } } });
    expect(after.json.errors).toBeUndefined();
  }, 20_000);

  itOnServer('a mutation cut by it writes nothing and does not keep its idempotency key: the retry runs it', NOT_ENFORCED, async () => {
    const s = await seedPricedScenario(app);
    const model = await seedModel(app, s.agency);
    const body = { query: print(CreatePhysicalBookingDocument), variables: { input: { ...confirmedPhysical(s, 10, 12), modelId: model.id } } };
    const key = `key-${randomBytes(8).toString('hex')}`;
    const cut = await whileLocked('booking', () => post(body, s.agency.token, key));
    expect(cut).toMatchObject({ status: 504, json: { errors: [{ extensions: { code: 'QUERY_TIMEOUT' } }] } });
    const retried = await post(body, s.agency.token, key);
    expect(retried).toMatchObject({ status: 200, replayed: false, json: { data: { createPhysicalBooking: { booking: { id: expect.any(String) }, userErrors: [] } } } });
    const [{ n }] = await app.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from booking where model_id = ?', [model.id]);
    expect(Number(n)).toBe(1);
  }, 20_000);
});

describe('migrations', () => {
  itOnServer('run on connections without it, and the pool openDatabase opens afterwards for the API has it', NOT_ENFORCED, async () => {
    const during = await withMigrationOrm(app.db.url, false, async (orm) => {
      const connection = orm.em.getConnection();
      // Longer than the API's timeout, as a migration rewriting a large table may be.
      await connection.execute('select pg_sleep(1.5)');
      return connection.execute('show statement_timeout');
    });
    expect(during).toEqual([{ statement_timeout: '0' }]);
    const opened = await openDatabase(loadConfig({ DATABASE_URL: app.db.url, DB_STATEMENT_TIMEOUT_SECONDS: '1', JWT_SECRET: TEST_JWT_SECRET }), createLogger('silent'));
    try {
      expect(await opened.orm.em.getConnection().execute('show statement_timeout')).toEqual([{ statement_timeout: '1s' }]);
    } finally {
      await opened.close();
    }
  });
});
