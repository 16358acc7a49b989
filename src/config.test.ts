import { generateKeyPairSync } from 'node:crypto';
import { loadConfig, type Config } from './config';

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PROVIDER = { JWT_JWKS_URL: 'https://login.example.com/.well-known/jwks.json', JWT_ISSUER: 'https://login.example.com/', JWT_AUDIENCE: 'twinbook' };

describe('loadConfig: identity and introspection', () => {
  it.each<[string, Record<string, string>, Partial<Config>]>([
    ['defaults', {}, { jwtSecretAccepted: true, jwtMaxLifetimeSeconds: 2_592_000, jwtClockToleranceSeconds: 60, identityProvider: null, graphqlIntrospection: true }],
    ['a lifetime in hours and a tolerance in seconds', { JWT_MAX_LIFETIME: '12h', JWT_CLOCK_TOLERANCE: '5s' }, { jwtMaxLifetimeSeconds: 43_200, jwtClockToleranceSeconds: 5 }],
    ['a lifetime in bare seconds', { JWT_MAX_LIFETIME: '3600' }, { jwtMaxLifetimeSeconds: 3600 }],
    ['introspection off in production', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, { graphqlIntrospection: false, jwtSecretAccepted: true }],
    ['introspection on in production when asked', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), GRAPHQL_INTROSPECTION: 'true' }, { graphqlIntrospection: true }],
    ['introspection off in development when asked', { GRAPHQL_INTROSPECTION: 'false' }, { graphqlIntrospection: false }],
    ['the development secret off once a provider is configured', PROVIDER, { jwtSecretAccepted: false }],
    ['a provider in production, without JWT_SECRET', { ...PROVIDER, NODE_ENV: 'production' }, { jwtSecretAccepted: false }],
    ['a provider beside a JWT_SECRET of its own', { ...PROVIDER, JWT_SECRET: 'y'.repeat(32) }, { jwtSecretAccepted: true }],
  ])('reads %s', (_, env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it('reads a provider with its key set, algorithms and claim names', () => {
    const config = loadConfig({ ...PROVIDER, JWT_ALGORITHMS: 'RS256, ES256', JWT_ROLE_CLAIM: 'https://twinbook.example/role', JWT_JWKS_COOLDOWN: '10s' });
    expect(config.identityProvider).toEqual({
      jwksUrl: 'https://login.example.com/.well-known/jwks.json',
      publicKeyPem: null,
      issuer: 'https://login.example.com/',
      audience: 'twinbook',
      algorithms: ['RS256', 'ES256'],
      jwksCooldownSeconds: 10,
      claims: { role: 'https://twinbook.example/role', agency: 'twinbook_agency_id', brand: 'twinbook_brand_id', model: 'twinbook_model_id' },
    });
  });

  it('reads a public key with its line breaks escaped, as one-line env files hold it', () => {
    const config = loadConfig({ JWT_PUBLIC_KEY: PUBLIC_PEM.trim().replace(/\n/g, '\\n'), JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' });
    expect(config.identityProvider?.publicKeyPem).toBe(PUBLIC_PEM.trim());
  });

  it.each<[string, Record<string, string>, string]>([
    ['a lifetime that is no duration', { JWT_MAX_LIFETIME: 'forever' }, 'JWT_MAX_LIFETIME must be a duration'],
    ['a lifetime over a year', { JWT_MAX_LIFETIME: '400d' }, 'JWT_MAX_LIFETIME must be a duration'],
    ['a tolerance over ten minutes', { JWT_CLOCK_TOLERANCE: '1h' }, 'JWT_CLOCK_TOLERANCE must be a duration'],
    ['introspection neither true nor false', { GRAPHQL_INTROSPECTION: 'maybe' }, 'GRAPHQL_INTROSPECTION must be true or false'],
    ['production with no way to verify tokens', { NODE_ENV: 'production' }, 'NODE_ENV=production needs a way to verify tokens'],
    ['a provider without issuer', { JWT_JWKS_URL: PROVIDER.JWT_JWKS_URL, JWT_AUDIENCE: 'a' }, 'JWT_ISSUER is required'],
    ['a provider without audience', { JWT_JWKS_URL: PROVIDER.JWT_JWKS_URL, JWT_ISSUER: 'i' }, 'JWT_AUDIENCE is required'],
    ['an issuer without a provider', { JWT_ISSUER: 'https://login.example.com/' }, 'JWT_ISSUER is set but no identity provider is'],
    ['a key set and a key at once', { ...PROVIDER, JWT_PUBLIC_KEY: PUBLIC_PEM }, 'one of JWT_JWKS_URL and JWT_PUBLIC_KEY'],
    ['a key set over plain http elsewhere than loopback', { ...PROVIDER, JWT_JWKS_URL: 'http://login.example.com/jwks' }, 'JWT_JWKS_URL must be an https:// URL'],
    ['a key set URL that is no URL', { ...PROVIDER, JWT_JWKS_URL: 'login.example.com' }, 'JWT_JWKS_URL must be an https:// URL'],
    ['a private key as the public key', { JWT_PUBLIC_KEY: PRIVATE_PEM, JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }, 'never a private key'],
    ['a public key that is no PEM', { JWT_PUBLIC_KEY: 'not a key', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }, 'JWT_PUBLIC_KEY must be a PEM public key'],
    ['an HMAC algorithm for the provider', { ...PROVIDER, JWT_ALGORITHMS: 'RS256,HS256' }, 'JWT_ALGORITHMS: "HS256" is not accepted'],
    ['the none algorithm', { ...PROVIDER, JWT_ALGORITHMS: 'none' }, 'JWT_ALGORITHMS: "none" is not accepted'],
    ['a registered claim as the role claim', { ...PROVIDER, JWT_ROLE_CLAIM: 'sub' }, 'JWT_ROLE_CLAIM must not name a registered claim'],
  ])('refuses %s', (_, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ JWT_MAX_LIFETIME: 'x', GRAPHQL_INTROSPECTION: 'x' })).toThrow(/JWT_MAX_LIFETIME[\s\S]*GRAPHQL_INTROSPECTION/);
  });
});
