import { startApiProcess, type ApiProcess } from './support/api-process';
import { itOnServer, ONE_CONNECTION } from './support/engine';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let proxy: TcpProxy | undefined;
let api: ApiProcess | undefined;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await api?.stop();
  await proxy?.close();
  await app.close();
});

const QUERY = JSON.stringify({ query: '{ models(first: 1) { edges { node { id } } } }' });

async function ask(url: string, token: string) {
  const started = Date.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: QUERY });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code ?? null, ms: Date.now() - started };
}

describe('while the database is unreachable', () => {
  itOnServer(
    'requests are answered 503 SERVICE_UNAVAILABLE with Retry-After, quickly, /ready too, and 200 again once it is back',
    ONE_CONNECTION,
    async () => {
      const db = new URL(app.db.url);
      proxy = await startTcpProxy(db.hostname, Number(db.port || 5432));
      db.port = String(proxy.port);
      api = await startApiProcess(db.toString(), { DB_ACQUIRE_TIMEOUT_SECONDS: '2', LOG_LEVEL: 'fatal' }, { readySeconds: 60 });
      const ready = api.url.replace('/graphql', '/ready');
      expect(await ask(api.url, app.adminToken)).toMatchObject({ status: 200, code: null });

      await proxy.cut();
      const during = [await ask(api.url, app.adminToken), await ask(api.url, app.adminToken)];
      for (const answer of during) {
        expect(answer).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: expect.stringMatching(/^\d+$/) });
        // The acquire timeout (2 s) bounds it, with room for a loaded machine; unbounded it took a minute.
        expect(answer.ms).toBeLessThan(8000);
      }
      const readiness = await fetch(ready);
      expect({ status: readiness.status, retryAfter: readiness.headers.get('retry-after') }).toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });

      await proxy.restore();
      const deadline = Date.now() + 20_000;
      let after = await ask(api.url, app.adminToken);
      while (after.status !== 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        after = await ask(api.url, app.adminToken);
      }
      expect(after).toMatchObject({ status: 200, code: null });
      expect((await fetch(ready)).status).toBe(200);
    },
    120_000,
  );
});
