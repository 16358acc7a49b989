import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createApp, type App } from '../src/server/app';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_JWT_SECRET } from './support/test-secret';

/*
 * GRAPHQL_INTROSPECTION: on by default outside production, off by default with NODE_ENV=production. Off, the schema
 * is not told through GraphQL, and a browser on GET /graphql gets a page saying why there is no explorer.
 */

let on: TestApp;
let offApp: App;
/** The API with introspection off, on the same database as `on` (the embedded engine serves one connection). */
const off = {
  url: '',
  raw: async (body: string, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(off.url, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text() };
  },
};
beforeAll(async () => {
  on = await startTestApp();
  const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', GRAPHQL_INTROSPECTION: 'false' });
  offApp = await createApp(config, on.orm.em, createLogger(config.logLevel));
  await offApp.listen(0, '127.0.0.1');
  off.url = `http://127.0.0.1:${offApp.port()}/graphql`;
}, 180_000);
afterAll(async () => {
  await offApp.close();
  await on.close();
});

const INTROSPECT = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
const TYPE = JSON.stringify({ query: '{ __type(name: "Booking") { name } }' });

describe('GRAPHQL_INTROSPECTION', () => {
  it('on: answers introspection, and a browser gets the explorer', async () => {
    const res = await on.raw(INTROSPECT);
    expect({ status: res.status, body: JSON.parse(res.body) as unknown }).toEqual({ status: 200, body: { data: { __schema: { queryType: { name: 'Query' } } } } });
    expect(JSON.parse((await on.raw(TYPE)).body)).toEqual({ data: { __type: { name: 'Booking' } } });
    const html = await (await fetch(on.url, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('/graphql/explorer/graphiql.js');
    expect(html).not.toContain('explorer-off');
  });

  it('off: refuses introspection with HTTP 400 and a clear code, and still answers queries and __typename', async () => {
    for (const body of [INTROSPECT, TYPE]) {
      const res = await off.raw(body);
      expect(res.status).toBe(400);
      const errors = (JSON.parse(res.body) as { errors: { message: string; extensions: { code: string } }[] }).errors;
      expect(errors.map((e) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(errors[0].message).toMatch(/introspection is not allowed/i);
    }
    expect(JSON.parse((await off.raw(JSON.stringify({ query: '{ __typename viewer { role } }' }), on.adminToken)).body)).toEqual({ data: { __typename: 'Query', viewer: { role: 'ADMIN' } } });
  });

  it('off: a browser gets a page saying the explorer is off and why, and no explorer assets', async () => {
    const page = await fetch(off.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('explorer-off');
    expect(html).toContain('GRAPHQL_INTROSPECTION=false');
    expect(html).not.toContain('graphiql');
    expect((await fetch(new URL('/graphql/explorer/graphiql.js', off.url))).status).toBe(404);
  });
});
