import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * PGlite is a single Postgres backend (one session). pglite-socket multiplexes
 * all TCP clients onto it message by message and only pins an *explicit*
 * transaction block (BEGIN..COMMIT) to the connection that opened it.
 * Extended-protocol messages (Parse/Bind/Execute/Sync, used by pg and MikroORM
 * for every parameterised query) outside BEGIN are not pinned, so a second
 * connection can replace the shared unnamed statement between another
 * connection's Parse and Bind, running its query with the other's parameters.
 * Session state (SET, temp tables, prepared statements) is shared as well.
 * One connection is therefore the only safe value.
 */
const SAFE_MAX_CONNECTIONS = 1;

const HOST = '127.0.0.1';

// Long enough to absorb any connection teardown on a loaded CI machine, short
// enough that a pool sized above maxConnections fails visibly, not by hanging.
const QUEUE_TIMEOUT_MS = 5_000;

export interface EmbeddedPostgres {
  /** postgres://user@127.0.0.1:PORT/postgres, usable by `pg` and MikroORM. */
  url: string;
  /**
   * Size client pools with this (e.g. MikroORM `pool: { min: 0, max }`); it
   * counts every client of this database, not per pool. A connection beyond it
   * waits up to 5 s for the slot, then fails with SQLSTATE 53300.
   */
  maxConnections: number;
  /** Closes client sockets, releases the port and shuts PGlite down. Idempotent. */
  stop(): Promise<void>;
}

interface WorkerInput {
  resolveFrom: string;
  dataDir: string | undefined;
  host: string;
  port: number;
  maxConnections: number;
  queueTimeoutMs: number;
}

type WorkerMessage = { type: 'ready'; port: number } | { type: 'stopped' };

// PGlite runs in a worker thread for two reasons:
// - its CommonJS build loads Node built-ins with dynamic `import()`, which
//   Jest's VM sandbox rejects unless Node runs with --experimental-vm-modules;
//   a worker is a plain Node context regardless of who spawns it;
// - Postgres-in-WASM executes every query synchronously, so in-process it would
//   stall the API's event loop (and the pg client talking to it) per query.
// It is an eval'd string rather than a file so that it works unchanged from
// ts-jest (.ts sources) and from compiled output.
//
// Clients reach pglite-socket through a small gate instead of directly:
// pglite-socket refuses a connection while the previous one is still being torn
// down on its side, so a pool that closes an idle connection and immediately
// opens a new one fails intermittently ("Connection terminated unexpectedly").
// The gate admits one client at a time and holds the others until the slot is
// really free; a client still waiting after QUEUE_TIMEOUT_MS gets the error a
// real server sends (53300 too_many_connections) rather than a bare hang-up.
const WORKER_SOURCE = `
'use strict';
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const load = require('node:module').createRequire(workerData.resolveFrom);
const { PGlite } = load('@electric-sql/pglite');
const { btree_gist } = load('@electric-sql/pglite/contrib/btree_gist');
const { PGLiteSocketServer } = load('@electric-sql/pglite-socket');

function errorResponse(code, message) {
  const fields = [['S', 'FATAL'], ['V', 'FATAL'], ['C', code], ['M', message]]
    .map(([type, value]) => type + value + '\\0').join('') + '\\0';
  const body = Buffer.from(fields, 'utf8');
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const TOO_MANY = errorResponse(
  '53300',
  'sorry, too many clients already (embedded Postgres allows ' + workerData.maxConnections + ')',
);

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

async function main() {
  const front = net.createServer({ pauseOnConnect: true });
  const waiting = [];
  const live = new Set();
  let db;
  let inner;
  let innerPort;
  let busy = false;
  let stopping = false;

  const innerIdle = async () => {
    const deadline = Date.now() + workerData.queueTimeoutMs;
    while (inner.getStats().activeConnections > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };

  const admitNext = () => {
    if (busy || stopping || innerPort === undefined) return;
    const entry = waiting.shift();
    if (!entry) return;
    clearTimeout(entry.timer);
    const client = entry.client;
    if (client.destroyed) return admitNext();
    busy = true;
    const upstream = net.connect({ host: workerData.host, port: innerPort });
    live.add(upstream);
    upstream.setNoDelay(true);
    client.setNoDelay(true);
    let open = 2;
    const onClose = (other) => () => {
      // end() rather than destroy() so bytes still queued for the other side
      // (e.g. a FATAL error just before the server hung up) are delivered.
      other.end();
      setTimeout(() => other.destroy(), 1000).unref();
      if (--open > 0) return;
      live.delete(upstream);
      innerIdle().then(() => {
        busy = false;
        admitNext();
      });
    };
    upstream.on('error', () => {});
    upstream.once('close', onClose(client));
    client.once('close', onClose(upstream));
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  };

  front.on('connection', (client) => {
    live.add(client);
    client.on('error', () => {});
    client.once('close', () => live.delete(client));
    const entry = { client };
    entry.timer = setTimeout(() => {
      const i = waiting.indexOf(entry);
      if (i === -1) return;
      waiting.splice(i, 1);
      // Drain what the client already sent: closing with unread input makes
      // the kernel send RST, which can overtake the error message.
      client.on('data', () => {});
      client.resume();
      client.end(TOO_MANY);
    }, workerData.queueTimeoutMs);
    waiting.push(entry);
    admitNext();
  });

  // Bound before PGlite boots so that a taken port fails in milliseconds, not
  // after initdb; early clients simply wait in the queue.
  const port = await listen(front, workerData.port, workerData.host);
  try {
    db = await PGlite.create({ dataDir: workerData.dataDir, extensions: { btree_gist } });
    // Loading the bundle only makes the extension installable; its gist
    // opclasses for scalar types exist only after CREATE EXTENSION.
    await db.exec('CREATE EXTENSION IF NOT EXISTS btree_gist');
    inner = new PGLiteSocketServer({
      db,
      host: workerData.host,
      port: 0,
      maxConnections: workerData.maxConnections,
    });
    await inner.start();
    innerPort = Number(inner.getServerConn().split(':').pop());
  } catch (err) {
    front.close();
    await inner?.stop().catch(() => {});
    await db?.close().catch(() => {});
    throw err;
  }

  parentPort.once('message', async () => {
    stopping = true;
    const frontClosed = new Promise((resolve) => front.close(resolve));
    for (const entry of waiting.splice(0)) clearTimeout(entry.timer);
    for (const socket of live) socket.destroy();
    await frontClosed;
    try {
      // pglite-socket goes before PGlite: it rolls back a transaction left
      // open by a client, which needs a live database.
      await inner.stop();
    } finally {
      await db.close();
    }
    parentPort.postMessage({ type: 'stopped' });
  });
  parentPort.postMessage({ type: 'ready', port });
  admitNext();
}

main().catch((err) => {
  // Rethrown outside the promise chain so the parent gets it as an 'error' event.
  setImmediate(() => { throw err; });
});
`;

/**
 * Starts PGlite (with btree_gist loaded) served over TCP on 127.0.0.1 via
 * pglite-socket. `dataDir` undefined → in-memory; otherwise data persisted in
 * that folder (created if missing). `port` 0 or undefined → any free port.
 */
export async function startEmbeddedPostgres(
  opts: { dataDir?: string; port?: number } = {},
): Promise<EmbeddedPostgres> {
  // PGlite picks its filesystem from the dataDir string ("idb://", "memory://"
  // prefixes...) and its NodeFS only creates the leaf directory, so normalise
  // to an absolute path and create the parents ourselves.
  const dataDir = opts.dataDir === undefined ? undefined : path.resolve(opts.dataDir);
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true });
  }

  const workerData: WorkerInput = {
    // Resolve the PGlite packages the way this module would, not from the cwd.
    resolveFrom: __filename,
    dataDir,
    host: HOST,
    // pglite-socket falls back to 5432 when port is undefined; an embedded
    // database must never collide with a real local Postgres by default.
    port: opts.port ?? 0,
    maxConnections: SAFE_MAX_CONNECTIONS,
    queueTimeoutMs: QUEUE_TIMEOUT_MS,
  };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });

  let exited = false;
  const exit = new Promise<number>((resolve) => {
    worker.once('exit', (code) => {
      exited = true;
      resolve(code);
    });
  });

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const onMessage = (msg: WorkerMessage) => {
        if (msg.type === 'ready') {
          cleanup();
          resolve(msg.port);
        }
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`Embedded Postgres worker exited with code ${code} during startup`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  } catch (err) {
    await worker.terminate();
    throw err;
  }

  let stopError: Error | undefined;
  let stopping: Promise<void> | undefined;
  worker.on('error', (err) => {
    if (stopping) {
      stopError = err;
      return;
    }
    // Without a listener Node would rethrow this in the host process; a dead
    // database already shows up as ECONNREFUSED on the next query.
    process.emitWarning(err, { type: 'EmbeddedPostgresWarning' });
  });

  const stop = async (): Promise<void> => {
    if (!exited) {
      const stopped = new Promise<void>((resolve) => {
        worker.on('message', (msg: WorkerMessage) => {
          if (msg.type === 'stopped') resolve();
        });
      });
      worker.postMessage('stop');
      await Promise.race([stopped, exit]);
    }
    // The worker normally exits by itself once PGlite is closed; terminate()
    // makes sure no thread outlives stop() if something in it still holds the
    // loop open. Nothing is lost: PGlite has been closed at this point.
    await worker.terminate();
    if (stopError) throw stopError;
  };

  return {
    // PGlite runs as user "postgres" on database "postgres" and performs no
    // authentication, so no password is needed.
    url: `postgres://postgres@${HOST}:${port}/postgres`,
    maxConnections: SAFE_MAX_CONNECTIONS,
    stop() {
      stopping ??= stop();
      return stopping;
    },
  };
}
