import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { itOnServer, ONE_CONNECTION } from './support/engine';
import { startTestApp, type TestApp } from './support/test-app';

/** The resident memory of a process, in MiB, from /proc. */
function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Posts `count` distinct documents made by `documentOf` over a few keep-alive connections; returns the statuses seen. */
async function sendDistinct(url: string, count: number, documentOf: (i: number) => string, each: () => void): Promise<Record<number, number>> {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const statuses: Record<number, number> = {};
  let next = 0;
  const post = (query: string) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ query });
      const req = request(
        { host: hostname, port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        while (next < count) {
          const status = await post(documentOf(next++));
          statuses[status] = (statuses[status] ?? 0) + 1;
          each();
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return statuses;
}

const HEAP = 160;
const RSS_LIMIT = 250;

let app: TestApp;
let api: ApiProcess | undefined;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await api?.stop();
  await app.close();
});

describe('documents kept between requests', () => {
  itOnServer(
    `keep a process with a ${HEAP} MB heap alive and under ${RSS_LIMIT} MB, whatever distinct documents it is sent`,
    ONE_CONNECTION,
    async () => {
      api = await startApiProcess(app.db.url, {}, { nodeArgs: [`--max-old-space-size=${HEAP}`] });
      const pid = api.pid;
      let highest = rssMiB(pid);
      const watch = () => {
        highest = Math.max(highest, rssMiB(pid));
      };
      // Documents a cache weighing their JSON counts at a few hundred bytes: their text hides in a comment.
      const commented = (i: number) => `{ __typename } # ${i} ${'c'.repeat(400_000)}`;
      // Dense documents: a parsed one holds about a hundred times its text.
      const fields = 'role agency { id name } brand { id name } model { id name timeZone baseCity }';
      const dense = (i: number) => `query Q${i} { ${Array.from({ length: 14 }, (_, a) => `a${a}: viewer { ${fields} }`).join(' ')} } # ${i}`;
      const documents = Number(process.env.QUERY_MEMORY_DOCUMENTS ?? 1500);
      // Dense documents each sent three times: compiled at their third use (compiled-queries.ts), kept within their bytes.
      const compiled = 300;
      const statuses = {
        commented: await sendDistinct(api.url, 400, commented, watch),
        dense: await sendDistinct(api.url, documents, dense, watch),
        compiled: await sendDistinct(api.url, 3 * compiled, (i) => dense(1_000_000 + Math.floor(i / 3)), watch),
      };
      watch();
      const alive = await fetch(api.url.replace('/graphql', '/health')).then((r) => r.status, () => 0);
      expect({ statuses, alive }).toEqual({ statuses: { commented: { 200: 400 }, dense: { 200: documents }, compiled: { 200: 3 * compiled } }, alive: 200 });
      // Some were compiled (as many as the compile budget allowed), within their bytes (16 MB by default).
      const metrics = await fetch(api.url.replace('/graphql', '/metrics')).then((r) => r.text());
      const gauge = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(metrics)?.[1] ?? NaN);
      expect(gauge('twinbook_compiled_queries')).toBeGreaterThan(0);
      expect(gauge('twinbook_compiled_query_bytes')).toBeLessThanOrEqual(16 * 1024 * 1024);
      expect(highest).toBeLessThan(RSS_LIMIT);
    },
    300_000,
  );
});
