import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { seedAgency, seedBrand } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * Tokens of an OpenID Connect provider, verified through its key set (JWT_JWKS_URL). The provider is a small HTTP
 * server of this test on 127.0.0.1 serving a JSON Web Key Set of RSA and EC keys made here; it can rotate its keys,
 * fail, or drop connections.
 */

const ISSUER = 'https://login.example.com/';
const AUDIENCE = 'https://api.twinbook.example';

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyLike;
  jwk: JWK;
}

async function signingKey(kid: string, alg: SigningKey['alg']): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** The provider: serves `published` keys while `mode` is up; answers 500 or drops the connection otherwise. */
const provider = {
  published: [] as SigningKey[],
  mode: 'up' as 'up' | 'error' | 'drop',
  fetches: 0,
  server: null as Server | null,
};

let app: TestApp;
let rsa: SigningKey;
let ec: SigningKey;

beforeAll(async () => {
  rsa = await signingKey('rsa-1', 'RS256');
  ec = await signingKey('ec-1', 'ES256');
  provider.published = [rsa, ec];
  provider.server = createServer((req, res) => {
    provider.fetches += 1;
    if (provider.mode === 'drop') return req.socket.destroy();
    if (provider.mode === 'error') return res.writeHead(500).end('down for maintenance');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: provider.published.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => provider.server!.listen(0, '127.0.0.1', resolve));
  const { port } = provider.server.address() as AddressInfo;
  app = await startTestApp({
    JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    // Every unknown key id may fetch the set again at once, so that a rotation is seen without waiting.
    JWT_JWKS_COOLDOWN: '0',
  });
  // A fresh database on a busy machine's embedded engine may take more than the default minute.
}, 180_000);
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => provider.server!.close(resolve));
});
beforeEach(() => {
  provider.mode = 'up';
});

/** A token as the provider issues it: its issuer and audience, an hour long, signed with `key`. */
function providerToken(key: SigningKey, claims: JWTPayload, edit: (jwt: SignJWT) => SignJWT = (j) => j): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('auth0|6543')
    .setIssuedAt()
    .setExpirationTime('1h');
  return edit(jwt).sign(key.privateKey);
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: { viewer: { role: string; actsFor: string | null; agency: { id: string } | null } | null } | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function askViewer(token: string): Promise<Answer> {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { role actsFor agency { id } } }' }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

async function expect401(token: string, message: string | RegExp = /./): Promise<void> {
  const answer = await askViewer(token);
  expect({ status: answer.status, codes: answer.body.errors?.map((e) => e.extensions?.code) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
  expect(answer.body.errors![0].message).toMatch(message);
  expect(answer.body.data ?? null).toBeNull();
}

describe("an identity provider's token", () => {
  it('is accepted and mapped to the role and the agency or brand it names (RSA and EC keys)', async () => {
    const agency = await seedAgency(app);
    const asAgency = await askViewer(await providerToken(rsa, { twinbook_role: 'agency', twinbook_agency_id: agency.id }));
    expect(asAgency).toMatchObject({ status: 200, body: { data: { viewer: { role: 'AGENCY', actsFor: agency.id, agency: { id: agency.id } } } } });
    const brand = await seedBrand(app);
    const asBrand = await askViewer(await providerToken(ec, { twinbook_role: 'BRAND', twinbook_brand_id: brand.id }));
    expect(asBrand).toMatchObject({ status: 200, body: { data: { viewer: { role: 'BRAND', actsFor: brand.id } } } });
  });

  it.each<[string, (jwt: SignJWT) => SignJWT]>([
    ['from another issuer', (j) => j.setIssuer('https://evil.example.com/')],
    ['for another audience', (j) => j.setAudience('https://another-api.example')],
    ['that has expired', (j) => j.setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600)],
  ])('is refused %s: HTTP 401 UNAUTHENTICATED', async (_, edit) => {
    await expect401(await providerToken(rsa, { twinbook_role: 'ADMIN' }, edit), 'invalid or expired token');
  });

  it('is refused with a lifetime over the cap, or with a role twinbook does not know', async () => {
    await expect401(await providerToken(rsa, { twinbook_role: 'ADMIN' }, (j) => j.setExpirationTime('90d')), 'lives longer than');
    await expect401(await providerToken(rsa, { twinbook_role: 'SUPERUSER' }), 'valid role');
  });

  it('is refused when its key id is not in the key set, even after fetching it again', async () => {
    const stranger = await signingKey('not-published', 'RS256');
    const before = provider.fetches;
    await expect401(await providerToken(stranger, { twinbook_role: 'ADMIN' }), 'invalid or expired token');
    expect(provider.fetches).toBeGreaterThan(before);
  });

  it('signed with a rotated-in key is accepted once the provider publishes that key', async () => {
    const next = await signingKey(`rsa-${Date.now()}`, 'RS256');
    const token = await providerToken(next, { twinbook_role: 'ADMIN' });
    await expect401(token);
    provider.published = [...provider.published, next];
    expect(await askViewer(token)).toMatchObject({ status: 200, body: { data: { viewer: { role: 'ADMIN' } } } });
    // The old key still works while the provider publishes it.
    expect((await askViewer(await providerToken(rsa, { twinbook_role: 'ADMIN' }))).status).toBe(200);
  });

  it('whose key cannot be fetched because the provider is down gets HTTP 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
    const next = await signingKey(`rsa-down-${Date.now()}`, 'RS256');
    const token = await providerToken(next, { twinbook_role: 'ADMIN' });
    for (const mode of ['error', 'drop'] as const) {
      provider.mode = mode;
      const answer = await askViewer(token);
      expect({ mode, status: answer.status, codes: answer.body.errors?.map((e) => e.extensions?.code) }).toEqual({ mode, status: 503, codes: ['SERVICE_UNAVAILABLE'] });
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(answer.body.errors![0].message).toMatch(/identity provider cannot be reached/);
    }
    // Tokens of keys already fetched are still verified from the cached set meanwhile.
    expect((await askViewer(await providerToken(rsa, { twinbook_role: 'ADMIN' }))).status).toBe(200);
    provider.mode = 'up';
    provider.published = [...provider.published, next];
    expect((await askViewer(token)).status).toBe(200);
  });

  it('is refused when it is an HMAC keyed with the provider\'s public key, or unsigned (algorithm confusion)', async () => {
    const pem = await exportSPKI((await generateKeyPair('RS256', { extractable: true })).publicKey);
    const confused = await new SignJWT({ twinbook_role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(pem));
    // The test app keeps its own JWT_SECRET, so HS256 reaches the secret's check, and fails there.
    await expect401(confused, 'invalid or expired token');
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: rsa.kid })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ twinbook_role: 'ADMIN', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await expect401(`${header}.${payload}.`, 'algorithm is not accepted');
  });

  it('does not stop the development tokens of this process\'s own JWT_SECRET', async () => {
    expect((await askViewer(app.adminToken)).body.data?.viewer?.role).toBe('ADMIN');
  });
});
