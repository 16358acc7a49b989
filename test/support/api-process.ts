import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { GraphQLResponse } from './test-app';
import { TEST_JWT_SECRET } from './test-secret';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Compiles the server (incrementally, recording what it compiled as `npm start` does) so that tests can run it as
 * separate processes; the global setup calls it once.
 */
export function buildServer(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/launch.cjs'), 'build'], { cwd: ROOT, stdio: 'inherit' });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  url: string;
  /** The process id, to read its memory from /proc or to signal it. */
  pid: number;
  /** Resolves with the exit code (null when a signal ended it) once the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash would: nothing of it runs after. */
  kill(): Promise<void>;
}

export interface ApiProcessOptions {
  /** Arguments for node before the script, e.g. `--max-old-space-size=160`. */
  nodeArgs?: string[];
  /** Seconds it may take to become ready (20 by default). */
  readySeconds?: number;
}

/** Starts `node dist/src/main.js` against a database (with `env` on top of the test defaults) and waits until it is ready. */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}, options: ApiProcessOptions = {}): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), 'dist/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', JWT_SECRET: TEST_JWT_SECRET, SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const readySeconds = options.readySeconds ?? 20;
  const deadline = Date.now() + readySeconds * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API process did not become ready in ${readySeconds} s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `${base}/graphql`,
    pid: child.pid!,
    exited,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

/** Sends a typed operation to one API endpoint (of a process started here) and returns the status and body. */
export async function postTo<R, V>(url: string, doc: TypedDocumentNode<R, V>, variables: V, token: string): Promise<GraphQLResponse<R>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(doc), variables }),
  });
  return { status: res.status, ...((await res.json()) as Omit<GraphQLResponse<R>, 'status'>) };
}
