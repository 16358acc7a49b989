import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { DatabaseError, Pool } from 'pg';

/*
 * The lean peer: the least a GraphQL server can do for createPhysicalBooking. Apollo Server and pg, no auth, no
 * checks, no history, no price: one insert into the same booking table, behind the same exclusion constraint, whose
 * violation becomes a PHYSICAL_CLASH user error. What twinbook does beyond it (token, rules, rate card, frozen quote,
 * history) is what the ratio between the two pays for.
 */

const TYPE_DEFS = `#graphql
  input LocationInput { name: String!, timeZone: String! }
  input CreatePhysicalBookingInput { modelId: ID!, brandId: ID!, title: String!, start: String!, end: String!, location: LocationInput!, status: String }
  type Booking { id: ID! }
  type UserError { code: String! }
  type CreatePhysicalBookingPayload { booking: Booking, userErrors: [UserError!]! }
  type Query { ok: Boolean }
  type Mutation { createPhysicalBooking(input: CreatePhysicalBookingInput!): CreatePhysicalBookingPayload! }
`;

const INSERT = `insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end,
    created_at, updated_at, location_name, location_time_zone, travel_before_minutes, travel_after_minutes)
  select $1, 'PHYSICAL', m.id, m.agency_id, $3, $4, $5, $6, $7, $6, $7, now(), now(), $8, $9, 0, 0 from model m where m.id = $2`;

interface Input {
  modelId: string;
  brandId: string;
  title: string;
  start: string;
  end: string;
  location: { name: string; timeZone: string };
  status?: string;
}

async function serve(dbUrl: string, port: number): Promise<void> {
  const pool = new Pool({ connectionString: dbUrl, max: 20 });
  const server = new ApolloServer({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Mutation: {
        async createPhysicalBooking(_: unknown, { input }: { input: Input }) {
          const id = randomUUID();
          const values = [id, input.modelId, input.brandId, input.status ?? 'OPTION', input.title, input.start, input.end, input.location.name, input.location.timeZone];
          try {
            await pool.query({ name: 'lean_insert', text: INSERT, values });
            return { booking: { id }, userErrors: [] };
          } catch (err) {
            if (err instanceof DatabaseError && err.code === '23P01') return { booking: null, userErrors: [{ code: 'PHYSICAL_CLASH' }] };
            throw err;
          }
        },
      },
    },
  });
  await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** CPU time all PostgreSQL processes on this machine have used so far, in ms (the server under both peers). */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1].split(' ');
      // Its own time and that of its ended children (the postmaster's: backends that closed count there once gone).
      total += ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / 100;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export interface LeanPeerBench {
  dbUrl: string;
  port: number;
  graphqlUrl: string;
  apiPid: number;
  token: string;
  /** Models of their own, one per client, none booked by any other part. */
  modelIds: string[];
  brandId: string;
  seconds: number;
  /** Where the slots start: each run 1,000 days after the last, clear of every other part's. */
  base: number;
  rows: string[][];
}

/**
 * `lean`: createPhysicalBooking on twinbook and on the lean peer, side by side (both warmed, then twinbook, the peer,
 * twinbook, the peer, so that neither side gets the quieter machine), with each server's CPU per request.
 */
export async function benchLeanPeer(b: LeanPeerBench): Promise<void> {
  const peerPort = b.port + 1;
  const peer = spawn(process.execPath, [__filename], { env: { ...process.env, LEAN_PEER_DB: b.dbUrl, LEAN_PEER_PORT: String(peerPort) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const peerUrl = `http://127.0.0.1:${peerPort}/`;
  try {
    for (let i = 0; ; i += 1) {
      const res = await fetch(peerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' }).catch(() => null);
      if (res?.ok) break;
      if (i > 200) throw new Error('the lean peer did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const query = `mutation($input: CreatePhysicalBookingInput!) { createPhysicalBooking(input: $input) { booking { id } userErrors { code } } }`;
    const run = async (url: string, pid: number, token: string | null, runIndex: number, seconds = b.seconds) => {
      let slot = 0;
      let failures = 0;
      const HOUR = 3600_000;
      const cpuBefore = cpuMs(pid);
      const databaseBefore = postgresCpuMs();
      const result = await autocannon({
        url,
        connections: b.modelIds.length,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        requests: [
          {
            setupRequest: (req) => {
              const n = slot++;
              const at = b.base + runIndex * 1000 * 24 * HOUR + Math.floor(n / b.modelIds.length) * 2 * HOUR;
              const input = {
                modelId: b.modelIds[n % b.modelIds.length],
                brandId: b.brandId,
                title: 'Side by side',
                start: new Date(at).toISOString(),
                end: new Date(at + HOUR).toISOString(),
                location: { name: 'Studio', timeZone: 'Europe/Paris' },
                status: 'CONFIRMED',
              };
              return { ...req, body: JSON.stringify({ query, variables: { input } }) };
            },
            onResponse: (status, body) => {
              if (status !== 200 || !/"booking":\{"id":"[0-9a-f-]{36}"/.test(body)) failures += 1;
            },
          },
        ],
      });
      const cpu = (cpuMs(pid) - cpuBefore) / result.requests.total;
      const database = (postgresCpuMs() - databaseBefore) / result.requests.total;
      return { rate: result.requests.average, p50: result.latency.p50, cpu, database, failures };
    };
    // Both warmed first, untimed (their JIT, pools and remembered terms), as a server that has been up a while is; then
    // each measured twice, in turn, so that neither gets the quieter moments of the machine.
    await run(b.graphqlUrl, b.apiPid, b.token, 18, 2);
    await run(peerUrl, peer.pid!, null, 19, 2);
    const first = await run(b.graphqlUrl, b.apiPid, b.token, 20);
    const leanFirst = await run(peerUrl, peer.pid!, null, 21);
    const again = await run(b.graphqlUrl, b.apiPid, b.token, 22);
    const leanAgain = await run(peerUrl, peer.pid!, null, 23);
    const twinbook = (first.rate + again.rate) / 2;
    const lean = {
      rate: (leanFirst.rate + leanAgain.rate) / 2,
      p50: `${leanFirst.p50} / ${leanAgain.p50}`,
      cpu: (leanFirst.cpu + leanAgain.cpu) / 2,
      database: (leanFirst.database + leanAgain.database) / 2,
      failures: leanFirst.failures + leanAgain.failures,
      detail: `${leanFirst.rate.toFixed(0)}/s then ${leanAgain.rate.toFixed(0)}/s`,
    };
    b.rows.push([
      'createPhysicalBooking (CONFIRMED), twinbook, 16 clients (mean of its two turns)',
      `${twinbook.toFixed(0)} req/s`,
      `${first.rate.toFixed(0)}/s then ${again.rate.toFixed(0)}/s (p50 ${first.p50} / ${again.p50} ms), ${((first.cpu + again.cpu) / 2).toFixed(2)} ms API CPU and ${((first.database + again.database) / 2).toFixed(2)} ms PostgreSQL CPU a request; ${first.failures + again.failures} failed`,
    ]);
    b.rows.push([
      'the lean peer (Apollo Server + pg, one insert behind the same constraint), 16 clients (mean of its two turns)',
      `${lean.rate.toFixed(0)} req/s`,
      `${lean.detail} (p50 ${lean.p50} ms), ${lean.cpu.toFixed(2)} ms peer CPU and ${lean.database.toFixed(2)} ms PostgreSQL CPU a request, ${lean.failures} failed`,
    ]);
    b.rows.push(['ratio twinbook / lean peer', `${((twinbook / lean.rate) * 100).toFixed(1)} %`, 'target ≥ 60 %']);
  } finally {
    peer.kill('SIGTERM');
  }
}

if (require.main === module) {
  serve(process.env.LEAN_PEER_DB!, Number(process.env.LEAN_PEER_PORT)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
