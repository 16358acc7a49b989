import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { DatabaseError, Pool } from 'pg';
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../src/db/orm-options';
import { Role } from '../src/core/viewer';
import { BookingStatus, BookingType } from '../src/modules/booking/booking-status';
import { insertPhysicalBooking, physicalBookingFacts, type ModelTerms } from '../src/modules/booking/physical-booking.repository';
import { termsFromCard } from '../src/modules/pricing/quote';
import { priceOrRefuse } from '../src/modules/pricing/quote.service';

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

/**
 * The lean peer doing twinbook's database work: the same Apollo Server, but each booking written by twinbook's own
 * statement (the booking, its history line, its frozen quote and its event, with every check the statement makes), priced
 * by twinbook's own rate card code; no token, no rules, no type-graphql, no ORM unit of work. What it costs beyond the
 * bare insert is the database work twinbook must do; what twinbook costs beyond it is its API.
 */
async function serveFullWork(dbUrl: string, port: number): Promise<void> {
  const orm = await MikroORM.init(ormOptions({ url: dbUrl, poolMax: 20 }));
  const terms = new Map<string, ModelTerms>();
  const termsOf = async (modelId: string, brandId: string): Promise<ModelTerms> => {
    const known = terms.get(modelId);
    if (known) return known;
    const facts = await physicalBookingFacts(orm.em.fork(), { modelId, brandId, blockedStart: new Date(0), blockedEnd: new Date(1), countOptions: false });
    if (!facts.terms?.card) throw new Error(`model ${modelId} has no card`);
    terms.set(modelId, facts.terms);
    return facts.terms;
  };
  const server = new ApolloServer({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Mutation: {
        async createPhysicalBooking(_: unknown, { input }: { input: Input }) {
          const t = await termsOf(input.modelId, input.brandId);
          const start = new Date(input.start);
          const end = new Date(input.end);
          const frozen = termsFromCard(t.card!, null, t.hasMotherAgency);
          const priced = priceOrRefuse(frozen, { type: BookingType.PHYSICAL, start, end, travelMinutes: 0 }, { input: ['input'] });
          if (!priced.ok) return { booking: null, userErrors: [{ code: priced.errors[0].code }] };
          try {
            const booking = await insertPhysicalBooking(
              orm.em.fork(),
              t,
              {
                brandId: input.brandId,
                status: (input.status as BookingStatus | undefined) ?? BookingStatus.OPTION,
                title: input.title,
                start,
                end,
                blockedStart: start,
                blockedEnd: end,
                locationName: input.location.name,
                locationTimeZone: input.location.timeZone,
                travelBeforeMinutes: 0,
                travelAfterMinutes: 0,
                optionExpiresAt: null,
                overrideLockout: null,
                claims: null,
              },
              { role: Role.SYSTEM, id: null },
              { priced: priced.value, terms: frozen },
            );
            return booking ? { booking: { id: booking.id }, userErrors: [] } : { booking: null, userErrors: [{ code: 'CHANGED' }] };
          } catch (err) {
            if ((err as { code?: string }).code === '23P01') return { booking: null, userErrors: [{ code: 'PHYSICAL_CLASH' }] };
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

/** Starts a peer in a process of its own and waits until it answers. */
async function startPeer(b: LeanPeerBench, port: number, mode: 'bare' | 'full') {
  const child = spawn(process.execPath, [__filename], {
    env: { ...process.env, LEAN_PEER_DB: b.dbUrl, LEAN_PEER_PORT: String(port), LEAN_PEER_MODE: mode },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i += 1) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' }).catch(() => null);
    if (res?.ok) break;
    if (i > 300) {
      child.kill('SIGKILL');
      throw new Error(`the ${mode} peer did not start`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url };
}

/**
 * `lean`: createPhysicalBooking on twinbook, on the lean peer, and on the lean peer doing twinbook's database work,
 * side by side (all warmed, then each in turn, twice, so that none gets the quieter machine), with each server's CPU
 * and PostgreSQL's per request.
 */
export async function benchLeanPeer(b: LeanPeerBench): Promise<void> {
  const bare = await startPeer(b, b.port + 1, 'bare');
  const full = await startPeer(b, b.port + 2, 'full').catch((err: unknown) => {
    bare.child.kill('SIGTERM');
    throw err;
  });
  try {
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
    type Run = Awaited<ReturnType<typeof run>>;
    const servers = [
      { name: 'twinbook', url: b.graphqlUrl, pid: b.apiPid, token: b.token },
      { name: 'bare', url: bare.url, pid: bare.child.pid!, token: null },
      { name: 'full', url: full.url, pid: full.child.pid!, token: null },
    ];
    // All warmed first, untimed (their JIT, pools and remembered terms), as a server that has been up a while is; then
    // each measured twice, in turn, so that none gets the quieter moments of the machine. Each run books its own days.
    let runIndex = 18;
    for (const s of servers) await run(s.url, s.pid, s.token, runIndex++, 2);
    const turns: Run[][] = servers.map(() => []);
    for (let turn = 0; turn < 2; turn += 1) {
      for (const [i, s] of servers.entries()) turns[i].push(await run(s.url, s.pid, s.token, runIndex++));
    }
    const mean = (runs: Run[], pick: (r: Run) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
    const summary = (runs: Run[], cpuName: string) => ({
      rate: mean(runs, (r) => r.rate),
      detail: `${runs.map((r) => `${r.rate.toFixed(0)}/s`).join(' then ')} (p50 ${runs.map((r) => r.p50).join(' / ')} ms), ${mean(runs, (r) => r.cpu).toFixed(2)} ms ${cpuName} CPU and ${mean(runs, (r) => r.database).toFixed(2)} ms PostgreSQL CPU a request, ${runs.reduce((n, r) => n + r.failures, 0)} failed`,
    });
    const [twinbook, lean, same] = [summary(turns[0], 'API'), summary(turns[1], 'peer'), summary(turns[2], 'peer')];
    const pct = (a: number, c: number) => `${((a / c) * 100).toFixed(1)} %`;
    b.rows.push(['createPhysicalBooking (CONFIRMED), twinbook, 16 clients (mean of its two turns)', `${twinbook.rate.toFixed(0)} req/s`, twinbook.detail]);
    b.rows.push(['the lean peer (Apollo Server + pg, one insert behind the same constraint), 16 clients (mean of its two turns)', `${lean.rate.toFixed(0)} req/s`, lean.detail]);
    b.rows.push([
      "the lean peer doing twinbook's database work (Apollo Server, twinbook's write statement and pricing; no token, rules, type-graphql or unit of work), 16 clients",
      `${same.rate.toFixed(0)} req/s`,
      same.detail,
    ]);
    b.rows.push(['ratio twinbook / lean peer', pct(twinbook.rate, lean.rate), 'target ≥ 60 %']);
    b.rows.push([
      "ratio lean peer with twinbook's database work / lean peer",
      pct(same.rate, lean.rate),
      "what the database work alone leaves: the most any API doing twinbook's write could reach",
    ]);
    b.rows.push(['ratio twinbook / lean peer with its database work', pct(twinbook.rate, same.rate), "what twinbook's API (token, rules, type-graphql, unit of work, metrics) costs on top"]);
  } finally {
    // Gone before the next part, which may listen on the same ports.
    await Promise.all([bare.child, full.child].map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r).kill('SIGTERM')) : null)));
  }
}

if (require.main === module) {
  const start = process.env.LEAN_PEER_MODE === 'full' ? serveFullWork : serve;
  start(process.env.LEAN_PEER_DB!, Number(process.env.LEAN_PEER_PORT)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
