import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool, type DatabaseError } from 'pg';
import {
  DriverException,
  EntitySchema,
  MikroORM,
  PostgreSqlDriver,
} from '@mikro-orm/postgresql';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

const H = 3_600_000;
const T0 = Date.parse('2030-01-01T10:00:00Z');
const at = (hours: number): string => new Date(T0 + hours * H).toISOString();

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function catchError(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startEmbeddedPostgres (in-memory)', () => {
  let pgEmbedded: EmbeddedPostgres;

  beforeAll(async () => {
    pgEmbedded = await startEmbeddedPostgres({});
  });

  afterAll(async () => {
    await pgEmbedded?.stop();
  });

  it('reports a loopback url and a single safe connection', () => {
    expect(pgEmbedded.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(pgEmbedded.maxConnections).toBe(1);
  });

  it('enforces a btree_gist exclusion constraint over pg', async () => {
    await withClient(pgEmbedded.url, async (c) => {
      await c.query(`
        CREATE TABLE t (
          model_id int,
          s timestamptz,
          e timestamptz,
          CONSTRAINT t_no_overlap
            EXCLUDE USING gist (model_id WITH =, tstzrange(s, e, '[)') WITH &&)
        )`);
      const insert = (modelId: number, s: string, e: string) =>
        c.query('INSERT INTO t (model_id, s, e) VALUES ($1, $2, $3)', [modelId, s, e]);

      await insert(1, at(0), at(2));

      const err = (await catchError(insert(1, at(1), at(3)))) as DatabaseError;
      expect(err.code).toBe('23P01');
      expect(err.constraint).toBe('t_no_overlap');
      expect(err.table).toBe('t');

      // '[)' ranges: touching at the boundary is not an overlap.
      await insert(1, at(2), at(3));
      await insert(2, at(1), at(3));

      const { rows } = await c.query('SELECT count(*)::int AS n FROM t');
      expect(rows[0].n).toBe(3);
    });
  });

  it('queues a connection beyond maxConnections, then fails it with 53300', async () => {
    const held = new Client({ connectionString: pgEmbedded.url });
    await held.connect();
    try {
      const extra = new Client({ connectionString: pgEmbedded.url });
      extra.on('error', () => undefined);
      const started = Date.now();
      const err = (await catchError(extra.connect())) as DatabaseError;
      expect(err.code).toBe('53300');
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
      await extra.end().catch(() => undefined);

      const waiter = new Client({ connectionString: pgEmbedded.url });
      const admitted = waiter.connect();
      setTimeout(() => void held.end(), 200);
      await admitted;
      const { rows } = await waiter.query('SELECT 42 AS x');
      expect(rows).toEqual([{ x: 42 }]);
      await waiter.end();
    } finally {
      await held.end().catch(() => undefined);
    }
  });

  it('survives a pool that reconnects right after closing its idle connection', async () => {
    // pg-pool (like tarn in MikroORM) does not wait for the old socket to
    // close before opening a new one; pglite-socket alone rejects ~10% of these.
    const pool = new Pool({ connectionString: pgEmbedded.url, max: 1, idleTimeoutMillis: 1 });
    try {
      for (let i = 0; i < 40; i++) {
        const { rows } = await pool.query('SELECT $1::int AS v', [i]);
        expect(rows[0].v).toBe(i);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    } finally {
      await pool.end();
    }
  });

  describe('through MikroORM', () => {
    interface Slot {
      id: number;
      modelId: number;
      s: Date;
      e: Date;
    }
    const SlotSchema = new EntitySchema<Slot>({
      name: 'Slot',
      tableName: 'slot',
      properties: {
        id: { type: 'number', primary: true, autoincrement: true },
        modelId: { type: 'number', fieldName: 'model_id' },
        s: { type: 'Date', columnType: 'timestamptz' },
        e: { type: 'Date', columnType: 'timestamptz' },
      },
    });

    let orm: MikroORM;

    beforeAll(async () => {
      await withClient(pgEmbedded.url, (c) =>
        c.query(`
          CREATE TABLE slot (
            id serial PRIMARY KEY,
            model_id int NOT NULL,
            s timestamptz NOT NULL,
            e timestamptz NOT NULL,
            CONSTRAINT slot_no_overlap
              EXCLUDE USING gist (model_id WITH =, tstzrange(s, e, '[)') WITH &&)
          )`),
      );
      orm = await MikroORM.init({
        driver: PostgreSqlDriver,
        clientUrl: pgEmbedded.url,
        entities: [SlotSchema],
        pool: { min: 0, max: pgEmbedded.maxConnections },
        allowGlobalContext: true,
        discovery: { warnWhenNoEntities: false },
      });
    });

    afterAll(async () => {
      await orm?.close(true);
    });

    it('runs raw queries', async () => {
      const rows = await orm.em.getConnection().execute('select 1 as x');
      expect(rows).toEqual([{ x: 1 }]);
    });

    it('surfaces 23P01 as a DriverException carrying code and constraint, and rolls back', async () => {
      const slot = (modelId: number, s: number, e: number) =>
        orm.em.create(SlotSchema, { modelId, s: new Date(at(s)), e: new Date(at(e)) });

      const err = await catchError(
        orm.em.transactional(async (em) => {
          em.persist(slot(7, 0, 2));
          await em.flush();
          em.persist(slot(7, 1, 3));
          await em.flush();
        }),
      );

      // 23P01 has no dedicated subclass in PostgreSqlExceptionConverter, so it
      // falls through to the base DriverException with pg's fields copied on.
      expect(err).toBeInstanceOf(DriverException);
      const driverErr = err as DriverException & Partial<DatabaseError>;
      expect(driverErr.name).toBe('DriverException');
      expect(driverErr.code).toBe('23P01');
      expect(driverErr.constraint).toBe('slot_no_overlap');
      expect(driverErr.table).toBe('slot');

      orm.em.clear();
      expect(await orm.em.fork().count(SlotSchema, { modelId: 7 })).toBe(0);

      // The single pooled connection must be usable again after the rollback.
      await orm.em.fork().transactional(async (em) => {
        em.persist(slot(7, 0, 2));
        em.persist(slot(7, 2, 3));
      });
      expect(await orm.em.fork().count(SlotSchema, { modelId: 7 })).toBe(2);
    });
  });
});

describe('startEmbeddedPostgres (dataDir)', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'embedded-pg-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('persists data across restarts in a (created) folder', async () => {
    const dataDir = path.join(root, 'nested', 'pgdata');

    const first = await startEmbeddedPostgres({ dataDir });
    try {
      await withClient(first.url, async (c) => {
        await c.query('CREATE TABLE kept (v text)');
        await c.query("INSERT INTO kept VALUES ('hello')");
      });
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      await withClient(second.url, async (c) => {
        const { rows } = await c.query('SELECT v FROM kept');
        expect(rows).toEqual([{ v: 'hello' }]);
        // CREATE EXTENSION IF NOT EXISTS must be a no-op on an existing cluster.
        const ext = await c.query("SELECT 1 FROM pg_extension WHERE extname = 'btree_gist'");
        expect(ext.rowCount).toBe(1);
      });
    } finally {
      await second.stop();
    }
  });
});

describe('stop()', () => {
  it('releases the port, is idempotent, and drops connected clients', async () => {
    const db = await startEmbeddedPostgres({});
    const port = Number(new URL(db.url).port);
    const client = new Client({ connectionString: db.url });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } finally {
      // Concurrent and repeated calls must share one shutdown.
      await Promise.all([db.stop(), db.stop()]);
    }
    await db.stop();

    expect(await canConnect(port)).toBe(false);
    await expect(client.query('select 1')).rejects.toThrow();
    await client.end().catch(() => undefined);

    // Binding the same port again proves the listener is really gone.
    const again = await startEmbeddedPostgres({ port });
    try {
      expect(new URL(again.url).port).toBe(String(port));
    } finally {
      await again.stop();
    }
  });
});
