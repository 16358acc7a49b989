import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import type { Pool } from 'pg';
import WebSocket from 'ws';
import { signToken } from '../src/core/tokens';
import { Role } from '../src/core/viewer';

const CHANGES = `subscription($id: ID!) { modelCalendarChanged(modelId: $id) { entry { status booking { title } } } }`;
const CREATE = `mutation($input: CreatePhysicalBookingInput!) { createPhysicalBooking(input: $input) { booking { id } userErrors { code } } }`;
const HOUR = 3600_000;

interface Bench {
  databaseUrl: string;
  secret: string;
  pool: Pool;
  agencyId: string;
  brandId: string;
  /** Two free ports, one for each API process. */
  ports: [number, number];
  mutations: number;
  rows: string[][];
}

async function startApi(databaseUrl: string, secret: string, port: number): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, [path.join(__dirname, '../src/main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', JWT_SECRET: secret, SEED_DEMO: 'false', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) return stop;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the API on port ${port} did not start`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Live updates: two API processes on one database, a subscriber to a model's calendar on each; `mutations` bookings
 * placed one after the other through the first. The delay from sending a mutation to its event arriving, on the
 * process that made the change (in-process) and on the other (through LISTEN/NOTIFY).
 */
export async function benchSubscriptions(b: Bench): Promise<void> {
  const modelId = randomUUID();
  await b.pool.query(`insert into model (id, agency_id, name, time_zone, base_city, created_at) values ($1, $2, 'Live model', 'Europe/Paris', 'Paris', now())`, [
    modelId,
    b.agencyId,
  ]);
  const token = await signToken(b.secret, { role: Role.AGENCY, agencyId: b.agencyId });
  const stops = await Promise.all(b.ports.map((port) => startApi(b.databaseUrl, b.secret, port)));
  const sentAt = new Map<string, number>();
  const delays: [number[], number[]] = [[], []];
  const answers: number[] = [];
  const clients = b.ports.map((port) =>
    createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false, retryAttempts: 0 }),
  );
  try {
    await Promise.all(
      clients.map(
        (client, i) =>
          new Promise<void>((subscribed, failed) => {
            client.on('connected', () => setTimeout(subscribed, 500));
            client.subscribe<{ modelCalendarChanged: { entry: { booking: { title: string } | null } } }>(
              { query: CHANGES, variables: { id: modelId } },
              {
                next: ({ data }) => {
                  const title = data?.modelCalendarChanged.entry.booking?.title;
                  const sent = title ? sentAt.get(title) : undefined;
                  if (sent !== undefined) delays[i].push(performance.now() - sent);
                },
                error: failed,
                complete: () => undefined,
              },
            );
          }),
      ),
    );
    const base = Date.parse('2035-01-01T00:00:00Z');
    for (let n = 0; n < b.mutations; n += 1) {
      const title = `live ${n}`;
      const start = base + n * 2 * HOUR;
      const input = { modelId, brandId: b.brandId, title, start: new Date(start).toISOString(), end: new Date(start + HOUR).toISOString(), location: { name: 'Studio', timeZone: 'Europe/Paris' }, status: 'CONFIRMED' };
      sentAt.set(title, performance.now());
      const res = await fetch(`http://127.0.0.1:${b.ports[0]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: CREATE, variables: { input } }),
      });
      const body = await res.text();
      answers.push(performance.now() - sentAt.get(title)!);
      if (!body.includes('"booking":{"id"')) throw new Error(`booking failed: ${body.slice(0, 300)}`);
    }
    // The last events may still be on their way.
    const until = Date.now() + 5000;
    while ((delays[0].length < b.mutations || delays[1].length < b.mutations) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all(stops.map((stop) => stop()));
  }
  const [local, remote, answered] = [...delays, answers].map((d) => [...d].sort((x, y) => x - y));
  const line = (d: number[]) => `p50 ${percentile(d, 50).toFixed(1)} ms`;
  const detail = (d: number[]) => `p95 ${percentile(d, 95).toFixed(1)} ms, ${d.length} of ${b.mutations} events arrived`;
  b.rows.push([`createPhysicalBooking (CONFIRMED) answered over HTTP, ${b.mutations} one after another`, line(answered), `p95 ${percentile(answered, 95).toFixed(1)} ms`]);
  b.rows.push([`subscription event on the process that made the change (in-process), ${b.mutations} bookings one after another`, line(local), detail(local)]);
  b.rows.push([
    'same events on a subscriber of another API process (LISTEN/NOTIFY)',
    line(remote),
    `${detail(remote)}; p50 ${(percentile(remote, 50) / percentile(local, 50)).toFixed(2)}× the in-process one`,
  ]);
}
