import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * GET /graphql in a browser opens GraphiQL, served by the process from its own packages: a headless Chromium opens it
 * with no network beyond this machine, picks a token and runs a query. Chromium comes from the system's package
 * (Debian's `chromium`, which .ci/run installs); CHROMIUM_PATH points elsewhere.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const describeWithChromium = CHROMIUM ? describe : describe.skip;

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  app = await startTestApp();
  if (CHROMIUM) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  await app.close();
});

describe('GET /graphql', () => {
  it('gives a browser the explorer page and its assets from this process, and API clients GraphQL', async () => {
    const page = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    // Nothing is loaded from another host.
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      expect(html).toContain(`/graphql/explorer/${asset}`);
      const res = await fetch(new URL(`/graphql/explorer/${asset}`, app.url));
      expect([asset, res.status]).toEqual([asset, 200]);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(new URL('/graphql/explorer/../package.json', app.url))).status).toBe(404);
    const api = await fetch(`${app.url}?query=${encodeURIComponent('{ viewer { role } }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${app.adminToken}` } });
    expect(await api.json()).toEqual({ data: { viewer: { role: 'ADMIN' } } });
  });
});

describeWithChromium(`the explorer in headless Chromium${CHROMIUM ? '' : ' [skipped: no Chromium on this machine; install Debian’s chromium or set CHROMIUM_PATH]'}`, () => {
  it('runs a query with a token it offers, with every request kept on this machine', async () => {
    app.offerExplorerTokens([
      { label: 'BRAND Nobody', token: 'not-a-token' },
      { label: 'ADMIN', token: app.adminToken },
    ]);
    const context = await browser.newContext();
    const offHost: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== '127.0.0.1') {
        offHost.push(url.href);
        return route.abort();
      }
      return route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${app.url}?query=${encodeURIComponent('{ viewer { role actsFor } }')}`);
    await page.selectOption('#token', 'ADMIN');
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').filter({ hasText: 'ADMIN' }).waitFor({ timeout: 15_000 });
    const result = await page.locator('.result-window').textContent();
    expect(result).toContain('"role": "ADMIN"');
    expect(offHost).toEqual([]);
    await context.close();
  });
});
