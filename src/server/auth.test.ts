import { exportSPKI, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { loadConfig } from '../config';
import { signToken } from '../core/tokens';
import { AuthenticationError, TokenVerifier } from './auth';
import { Role } from '../core/viewer';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const AGENCY = '7d1b7f6e-2c4f-4b8e-9a51-3f0d2f7a9c11';
const BRAND = '0b6f2d8e-5a3c-4e1f-8d27-6c9a1b4e7f30';

/** The verifier `npm start` builds from these variables, on top of the test secret. */
function verifierFor(env: Record<string, string> = {}): TokenVerifier {
  return new TokenVerifier(loadConfig({ JWT_SECRET: SECRET, ...env }));
}

describe('TokenVerifier', () => {
  it('grants the viewer the token names, and none without a header', async () => {
    const verifier = verifierFor();
    const token = await signToken(SECRET, { role: Role.AGENCY, agencyId: AGENCY });
    await expect(verifier.viewer(`Bearer ${token}`)).resolves.toMatchObject({ role: Role.AGENCY, agencyId: AGENCY });
    await expect(verifier.viewer(undefined)).resolves.toBeNull();
  });

  it.each([
    ['not a bearer header', 'Basic abc'],
    ['a malformed token', 'Bearer not.a.token'],
  ])('refuses %s', async (_, header) => {
    await expect(verifierFor().viewer(header)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refuses a token signed with another secret, even after the right one was verified', async () => {
    const verifier = verifierFor();
    await verifier.viewer(`Bearer ${await signToken(SECRET, { role: Role.ADMIN })}`);
    const forged = await signToken(`${SECRET}-other`, { role: Role.ADMIN });
    await expect(verifier.viewer(`Bearer ${forged}`)).rejects.toThrow('invalid or expired token');
  });

  it('stops granting a remembered token once it expires', async () => {
    const verifier = verifierFor();
    const token = await signToken(SECRET, { role: Role.ADMIN }, '60s');
    const now = Date.now();
    await expect(verifier.viewer(`Bearer ${token}`, now)).resolves.toMatchObject({ role: Role.ADMIN });
    // Remembered: the same token a little later is granted from memory...
    await expect(verifier.viewer(`Bearer ${token}`, now + 30_000)).resolves.toMatchObject({ role: Role.ADMIN });
    // ...but not past its expiry, when it is verified again and refused (past the 60 s clock tolerance).
    await expect(verifier.viewer(`Bearer ${token}`, now + 121_000)).rejects.toThrow('invalid or expired token');
  });

  it('refuses a token whose claims name no valid role', async () => {
    const token = await new SignJWT({ role: 'OWNER' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('twinbook')
      .setAudience('twinbook-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifierFor().viewer(`Bearer ${token}`)).rejects.toThrow('valid role');
  });

  it('forgets the oldest token past its bound, and still verifies it when it comes back', async () => {
    const verifier = new TokenVerifier(loadConfig({ JWT_SECRET: SECRET }), 2);
    const tokens = await Promise.all([1, 2, 3].map((i) => signToken(SECRET, { role: Role.ADMIN, subject: `admin-${i}` })));
    for (const t of tokens) await verifier.viewer(`Bearer ${t}`);
    expect((verifier as unknown as { verified: Map<string, unknown> }).verified.size).toBe(2);
    await expect(verifier.viewer(`Bearer ${tokens[0]}`)).resolves.toMatchObject({ subject: 'admin-1' });
  });
});

describe('TokenVerifier: how long a development token may hold', () => {
  const now = Math.floor(Date.now() / 1000);
  const DAY = 86_400;

  /** A correctly signed development token (issuer, audience, secret, claims) with the given times only. */
  function devToken(times: { iat?: number; exp?: number }): Promise<string> {
    const jwt = new SignJWT({ role: Role.ADMIN }).setProtectedHeader({ alg: 'HS256' }).setIssuer('twinbook').setAudience('twinbook-api').setSubject('someone');
    if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
    if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
    return jwt.sign(new TextEncoder().encode(SECRET));
  }

  it.each<[string, { iat?: number; exp?: number }, string]>([
    ['without exp', { iat: now }, 'no expiry (exp)'],
    ['without exp or iat', {}, 'no expiry (exp)'],
    ['with exp ten years ahead', { iat: now, exp: now + 3650 * DAY }, 'lives longer than the 2592000 seconds'],
    ['with exp ten years ahead and no iat', { exp: now + 3650 * DAY }, 'lives longer than the 2592000 seconds'],
    ['issued a year ahead, for an hour', { iat: now + 365 * DAY, exp: now + 365 * DAY + 3600 }, 'issued in the future (iat)'],
    ['issued two minutes ahead', { iat: now + 120, exp: now + 3600 }, 'issued in the future (iat)'],
    ['living 30 days and a second', { iat: now, exp: now + 30 * DAY + 1 }, 'lives longer than'],
  ])('refuses a token %s', async (_, times, message) => {
    await expect(verifierFor().viewer(`Bearer ${await devToken(times)}`)).rejects.toThrow(message);
  });

  it.each<[string, { iat?: number; exp?: number }]>([
    ['living exactly 30 days', { iat: now, exp: now + 30 * DAY }],
    ['without iat, expiring within 30 days', { exp: now + 29 * DAY }],
    ['issued 30 seconds ahead (clock skew)', { iat: now + 30, exp: now + 3600 }],
    ['issued a year ago for 30 days, still running', { iat: now - 20 * DAY, exp: now + 10 * DAY }],
  ])('accepts a token %s', async (_, times) => {
    await expect(verifierFor().viewer(`Bearer ${await devToken(times)}`)).resolves.toMatchObject({ role: Role.ADMIN });
  });

  it('tells when it stops accepting the token (its exp plus the clock tolerance), verified or remembered', async () => {
    const verifier = verifierFor({ JWT_CLOCK_TOLERANCE: '45s' });
    const header = `Bearer ${await devToken({ iat: now, exp: now + 600 })}`;
    await expect(verifier.grant(header)).resolves.toEqual({ viewer: { role: Role.ADMIN, subject: 'someone' }, expiresAt: (now + 645) * 1000 });
    await expect(verifier.grant(header)).resolves.toMatchObject({ expiresAt: (now + 645) * 1000 });
    await expect(verifier.grant(undefined)).resolves.toBeNull();
  });

  it.each([
    ['a second before that end: accepted', 44, true],
    ['at that end: refused', 45, false],
  ])('a token past its exp, %s, as jose checks it', async (_, past, accepted) => {
    const verifier = verifierFor({ JWT_CLOCK_TOLERANCE: '45s' });
    const exp = now - 600;
    const header = `Bearer ${await devToken({ iat: exp - 60, exp })}`;
    const at = (exp + past) * 1000;
    const grant = verifier.grant(header, at);
    if (accepted) await expect(grant).resolves.toMatchObject({ expiresAt: (exp + 45) * 1000 });
    else await expect(grant).rejects.toThrow('invalid or expired token');
  });

  it('reads the cap and the clock tolerance from JWT_MAX_LIFETIME and JWT_CLOCK_TOLERANCE', async () => {
    const verifier = verifierFor({ JWT_MAX_LIFETIME: '1h', JWT_CLOCK_TOLERANCE: '0' });
    await expect(verifier.viewer(`Bearer ${await devToken({ iat: now, exp: now + 7200 })}`)).rejects.toThrow('lives longer than the 3600 seconds');
    await expect(verifier.viewer(`Bearer ${await devToken({ iat: now + 30, exp: now + 600 })}`)).rejects.toThrow('issued in the future');
    await expect(verifier.viewer(`Bearer ${await devToken({ iat: now, exp: now + 3600 })}`)).resolves.toMatchObject({ role: Role.ADMIN });
  });

  it('mints tokens that pass, and refuses to mint one longer than the cap', async () => {
    const token = await signToken(SECRET, { role: Role.ADMIN });
    await expect(verifierFor().viewer(`Bearer ${token}`)).resolves.toMatchObject({ role: Role.ADMIN });
    await expect(signToken(SECRET, { role: Role.ADMIN }, '31d')).rejects.toThrow('at most 2592000 seconds');
    await expect(signToken(SECRET, { role: Role.ADMIN }, '2h', 3600)).rejects.toThrow('at most 3600 seconds');
    await expect(signToken(SECRET, { role: Role.ADMIN }, 'forever')).rejects.toThrow('duration');
  });
});

describe('TokenVerifier: an identity provider with a fixed public key (JWT_PUBLIC_KEY)', () => {
  const ISSUER = 'https://login.example.com/';
  const AUDIENCE = 'https://api.twinbook.example';
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let ec: Awaited<ReturnType<typeof generateKeyPair>>;
  let rsaPem: string;

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256', { extractable: true });
    ec = await generateKeyPair('ES256', { extractable: true });
    rsaPem = await exportSPKI(rsa.publicKey);
  });

  const provider = (pem: string, env: Record<string, string> = {}) =>
    new TokenVerifier(loadConfig({ JWT_PUBLIC_KEY: pem, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, ...env }));

  function providerToken(claims: JWTPayload, key: KeyLike | Uint8Array, alg = 'RS256', edit: (jwt: SignJWT) => SignJWT = (j) => j): Promise<string> {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('auth0|42').setIssuedAt().setExpirationTime('1h');
    return edit(jwt).sign(key);
  }

  it('accepts its token and maps the configured claims to the viewer', async () => {
    const token = await providerToken({ twinbook_role: 'brand', twinbook_brand_id: BRAND }, rsa.privateKey);
    await expect(provider(rsaPem).viewer(`Bearer ${token}`)).resolves.toEqual({ role: Role.BRAND, subject: 'auth0|42', brandId: BRAND });
    const named = await providerToken({ 'https://twinbook.example/role': 'AGENCY', 'https://twinbook.example/agency': AGENCY }, rsa.privateKey);
    const custom = provider(rsaPem, { JWT_ROLE_CLAIM: 'https://twinbook.example/role', JWT_AGENCY_CLAIM: 'https://twinbook.example/agency' });
    await expect(custom.viewer(`Bearer ${named}`)).resolves.toEqual({ role: Role.AGENCY, subject: 'auth0|42', agencyId: AGENCY });
  });

  it('tells when it stops accepting its token (its exp plus the clock tolerance, 60 s by default)', async () => {
    const exp = Math.floor(Date.now() / 1000) + 900;
    const token = await providerToken({ twinbook_role: 'ADMIN' }, rsa.privateKey, 'RS256', (j) => j.setExpirationTime(exp));
    await expect(provider(rsaPem).grant(`Bearer ${token}`)).resolves.toEqual({ viewer: { role: Role.ADMIN, subject: 'auth0|42' }, expiresAt: (exp + 60) * 1000 });
  });

  it.each<[string, (jwt: SignJWT) => SignJWT, string]>([
    ['from another issuer', (j) => j.setIssuer('https://evil.example.com/'), 'invalid or expired token'],
    ['for another audience', (j) => j.setAudience('https://other-api.example'), 'invalid or expired token'],
    ['that has expired', (j) => j.setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600), 'invalid or expired token'],
    ['living a year', (j) => j.setExpirationTime('365d'), 'lives longer than'],
  ])('refuses its token %s', async (_, edit, message) => {
    const token = await providerToken({ twinbook_role: 'ADMIN' }, rsa.privateKey, 'RS256', edit);
    await expect(provider(rsaPem).viewer(`Bearer ${token}`)).rejects.toThrow(message);
  });

  it.each([
    ['an unknown role', { twinbook_role: 'OWNER' }],
    ['SYSTEM, which no token grants', { twinbook_role: 'SYSTEM' }],
    ['a role without the id it acts for', { twinbook_role: 'AGENCY' }],
    ['the development claim names instead of the configured ones', { role: 'ADMIN' }],
  ])('refuses a token naming %s', async (_, claims) => {
    const token = await providerToken(claims, rsa.privateKey);
    await expect(provider(rsaPem).viewer(`Bearer ${token}`)).rejects.toThrow('valid role');
  });

  it('refuses a token signed with another key, of the same type or another', async () => {
    const other = await generateKeyPair('RS256');
    await expect(provider(rsaPem).viewer(`Bearer ${await providerToken({ twinbook_role: 'ADMIN' }, other.privateKey)}`)).rejects.toThrow(AuthenticationError);
    await expect(provider(rsaPem).viewer(`Bearer ${await providerToken({ twinbook_role: 'ADMIN' }, ec.privateKey, 'ES256')}`)).rejects.toThrow(AuthenticationError);
  });

  it('accepts EC and Ed25519 keys, with an algorithm of JWT_ALGORITHMS only', async () => {
    const ecPem = await exportSPKI(ec.publicKey);
    const token = await providerToken({ twinbook_role: 'ADMIN' }, ec.privateKey, 'ES256');
    await expect(provider(ecPem).viewer(`Bearer ${token}`)).resolves.toMatchObject({ role: Role.ADMIN });
    await expect(provider(ecPem, { JWT_ALGORITHMS: 'RS256' }).viewer(`Bearer ${token}`)).rejects.toThrow('algorithm is not accepted');
    const ed = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const edToken = await providerToken({ twinbook_role: 'ADMIN' }, ed.privateKey, 'EdDSA');
    await expect(provider(await exportSPKI(ed.publicKey)).viewer(`Bearer ${edToken}`)).resolves.toMatchObject({ role: Role.ADMIN });
  });

  it('refuses algorithm confusion: an HMAC keyed with the public key, and an unsigned token', async () => {
    // The public key is public: an HS256 token "signed" with its PEM must never verify.
    const confused = await providerToken({ twinbook_role: 'ADMIN' }, new TextEncoder().encode(rsaPem), 'HS256');
    await expect(provider(rsaPem).viewer(`Bearer ${confused}`)).rejects.toThrow('algorithm is not accepted');
    await expect(provider(rsaPem, { JWT_SECRET: SECRET }).viewer(`Bearer ${confused}`)).rejects.toThrow('invalid or expired token');
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ twinbook_role: 'ADMIN', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await expect(provider(rsaPem).viewer(`Bearer ${header}.${payload}.`)).rejects.toThrow('algorithm is not accepted');
  });

  it('stops accepting tokens of the development secret once a provider is configured without JWT_SECRET', async () => {
    const devToken = await signToken('twinbook-development-secret-change-me', { role: Role.ADMIN });
    await expect(new TokenVerifier(loadConfig({})).viewer(`Bearer ${devToken}`)).resolves.toMatchObject({ role: Role.ADMIN });
    const withProvider = new TokenVerifier(loadConfig({ JWT_PUBLIC_KEY: rsaPem, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE }));
    await expect(withProvider.viewer(`Bearer ${devToken}`)).rejects.toThrow('algorithm is not accepted');
    // With its own JWT_SECRET, development tokens are accepted beside the provider's.
    await expect(provider(rsaPem, { JWT_SECRET: SECRET }).viewer(`Bearer ${await signToken(SECRET, { role: Role.ADMIN })}`)).resolves.toMatchObject({ role: Role.ADMIN });
  });
});
