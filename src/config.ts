import { createPublicKey } from 'node:crypto';
import { z } from './common/env-schema';
import { DEFAULT_MAX_LIFETIME_SECONDS, PROVIDER_ALGORITHMS, type ClaimNames } from './core/tokens';

/** An OpenID Connect provider whose signed tokens are accepted besides the HS256 development tokens. */
export interface IdentityProviderConfig {
  /** Where its JSON Web Key Set is fetched (cached, refetched for an unknown key id); null with a fixed key. */
  jwksUrl: string | null;
  /** Its one public key (SPKI PEM); null with a key set. */
  publicKeyPem: string | null;
  /** The `iss` its tokens must carry. */
  issuer: string;
  /** The `aud` its tokens must carry (this API's identifier at the provider). */
  audience: string;
  /** Signature algorithms accepted from it: asymmetric only. */
  algorithms: string[];
  /** Seconds after one fetch of the key set before an unknown key id may fetch it again. */
  jwksCooldownSeconds: number;
  /** The claims that carry the role and the agency, brand or model id. */
  claims: ClaimNames;
}

/** Process configuration, read from the environment once and validated. */
export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL URL; undefined means the embedded engine with its data in `dataDir`. */
  databaseUrl: string | undefined;
  /** Where the embedded engine keeps its data. */
  dataDir: string;
  /** Connections per API process (a real server only; the embedded engine takes one). */
  dbPoolSize: number;
  /** Seconds a request waits for a database connection before it is answered 503 (the database unreachable). */
  dbAcquireTimeoutSeconds: number;
  /**
   * Seconds one SQL statement of the API may run before PostgreSQL cancels it (and the request is answered 504
   * QUERY_TIMEOUT); 0 for no limit. Migrations run without it. The embedded engine does not enforce it.
   */
  dbStatementTimeoutSeconds: number;
  /** Seconds a stopping process gives the requests in flight to finish before it cuts them. */
  shutdownGraceSeconds: number;
  /** Read replicas for the read-only queries, comma-separated URLs. */
  databaseReplicaUrls: string[];
  /** HS256 key of the development tokens (`npm run token`, the demo data). */
  jwtSecret: string;
  jwtSecretIsDefault: boolean;
  /**
   * Whether tokens signed with `jwtSecret` are accepted: the development default is not once a provider is
   * configured or NODE_ENV=production, as anyone can read it here.
   */
  jwtSecretAccepted: boolean;
  /** Longest a token may live: `exp - iat`, or `exp - now` without `iat`. */
  jwtMaxLifetimeSeconds: number;
  /** Clock skew allowed on `exp`, `nbf` and an `iat` in the future. */
  jwtClockToleranceSeconds: number;
  /** The OpenID Connect provider, or null when only development tokens are accepted. */
  identityProvider: IdentityProviderConfig | null;
  /** Whether GraphQL introspection (and so the explorer) is answered. */
  graphqlIntrospection: boolean;
  logLevel: string;
  /** Load the demo data into an empty database and print tokens (default: only on the embedded engine). */
  seedDemo: boolean;
  maxPageSize: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  maxAliases: number;
  maxTokens: number;
  /** Bytes of memory the parsed documents (and persisted query texts) kept between requests may take. */
  documentCacheBytes: number;
  /** Bytes of memory the compiled queries may take (compiled-queries.ts); 0 runs every query on graphql-js. */
  compiledQueryCacheBytes: number;
  /** Uses of a query run on graphql-js before it is compiled (compiled-queries.ts). */
  compileQueriesAfterUses: number;
  /** Seconds between two sweeps that write EXPIRED on lapsed options; 0 turns the sweep off in this process. */
  optionSweepSeconds: number;
  /** Origins whose browser apps may call the API (CORS); `*` for any, empty for none. */
  corsOrigins: string[];
  /** The API's public base URL (scheme, host, port, no path), for links it hands out such as calendar feeds. */
  publicUrl: string;
  /** Hours an idempotency key and the answer stored under it are kept (at least 24). */
  idempotencyKeyHours: number;
  /** Seconds after which a claim on a key that never finished (its process died) is taken over by a retry. */
  idempotencyClaimSeconds: number;
  /** Seconds a retry waits for the first request with its key to finish before it is told to try again. */
  idempotencyWaitSeconds: number;
  /** Seconds between two runs of the cleanup that deletes expired idempotency keys; 0 turns it off in this process. */
  idempotencyCleanupSeconds: number;
  /** Webhooks may be sent over plain http to this machine (127.0.0.1, ::1, localhost): for development and tests. */
  webhookAllowHttpLoopback: boolean;
  /** Webhooks may be sent to private, loopback and link-local addresses, named as IP literals or resolved from host names. */
  webhookAllowPrivateNetworks: boolean;
  /** Delay before the first retry of a failed webhook delivery, in ms; each later one doubles it (with jitter). */
  webhookRetryBaseMs: number;
  /** Attempts of one delivery before it is marked FAILED. */
  webhookMaxAttempts: number;
  /** How long a receiver has to answer one webhook request, in ms. */
  webhookTimeoutMs: number;
  /** Seconds a process holds a claimed delivery; past it (the process died) another process sends it again. */
  webhookLeaseSeconds: number;
  /** Seconds between two runs of the webhook worker when nothing wakes it sooner; 0 turns it off in this process. */
  webhookWorkerSeconds: number;
  /**
   * Days a domain event and a finished webhook delivery (delivered or failed for good, with its attempts) are kept; 0
   * keeps them for ever. Events still to be fanned out or with a delivery left are kept whatever their age.
   */
  eventRetentionDays: number;
  /** Serve Prometheus metrics at GET /metrics. */
  metricsEnabled: boolean;
  /** When set, /metrics answers only a request bearing it (`Authorization: Bearer <token>`). */
  metricsToken: string | undefined;
  /** Distinct operation names the metrics label by; names beyond them are counted as `other`. */
  metricsMaxOperationNames: number;
}

export const DEFAULT_JWT_SECRET = 'twinbook-development-secret-change-me';

/** CORS_ORIGINS: comma-separated origins (scheme://host[:port], no path), or `*`. */
function corsOrigins(raw: string | undefined, errors: string[]): string[] {
  const origins = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) errors.push(`CORS_ORIGINS: "${origin}" is not an origin such as https://app.example.com`);
  }
  return origins;
}

/** JWT_PUBLIC_KEY: a public key in SPKI PEM; `\n` escapes are read as line breaks (one-line env files). */
function publicKeyPem(raw: string, errors: string[]): string | null {
  const pem = raw.replace(/\\n/g, '\n').trim();
  if (/PRIVATE KEY/.test(pem)) {
    errors.push('JWT_PUBLIC_KEY must be the provider\'s public key (-----BEGIN PUBLIC KEY-----), never a private key');
    return null;
  }
  try {
    const type = createPublicKey(pem).asymmetricKeyType;
    if (type === 'rsa' || type === 'ec' || type === 'ed25519') return pem;
    errors.push(`JWT_PUBLIC_KEY must be an RSA, EC or Ed25519 key (got ${type})`);
  } catch {
    errors.push('JWT_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----, SPKI)');
  }
  return null;
}

/** JWKS URL: https, or http on the loopback interface only (a key set fetched in clear text could be swapped). */
function jwksUrl(raw: string, errors: string[]): string | null {
  if (URL.canParse(raw)) {
    const url = new URL(raw);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url.href;
  }
  errors.push(`JWT_JWKS_URL must be an https:// URL (http:// only on 127.0.0.1 or localhost) (got "${raw}")`);
  return null;
}

function claimName(env: NodeJS.ProcessEnv, name: string, fallback: string, errors: string[]): string {
  const value = env[name]?.trim() || fallback;
  if (['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'].includes(value)) errors.push(`${name} must not name a registered claim (got "${value}")`);
  return value;
}

/** The identity provider's settings, or null when none is configured (JWT_JWKS_URL or JWT_PUBLIC_KEY). */
function identityProvider(env: NodeJS.ProcessEnv, errors: string[]): IdentityProviderConfig | null {
  const rawUrl = env.JWT_JWKS_URL?.trim();
  const rawKey = env.JWT_PUBLIC_KEY?.trim();
  const issuer = env.JWT_ISSUER?.trim() ?? '';
  const audience = env.JWT_AUDIENCE?.trim() ?? '';
  if (!rawUrl && !rawKey) {
    for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_ALGORITHMS']) {
      if (env[name]?.trim()) errors.push(`${name} is set but no identity provider is: set JWT_JWKS_URL or JWT_PUBLIC_KEY too`);
    }
    return null;
  }
  if (rawUrl && rawKey) errors.push('set one of JWT_JWKS_URL and JWT_PUBLIC_KEY, not both');
  if (!issuer) errors.push('JWT_ISSUER is required with an identity provider (its "iss", e.g. https://example.eu.auth0.com/)');
  if (!audience) errors.push('JWT_AUDIENCE is required with an identity provider (this API\'s identifier there, its tokens\' "aud")');
  const algorithms = (env.JWT_ALGORITHMS?.trim() || 'RS256,ES256,EdDSA').split(',').map((s) => s.trim()).filter(Boolean);
  for (const alg of algorithms) {
    if (!PROVIDER_ALGORITHMS.includes(alg)) {
      errors.push(`JWT_ALGORITHMS: "${alg}" is not accepted; choose from ${PROVIDER_ALGORITHMS.join(', ')} (never none, never HS* with a provider)`);
    }
  }
  return {
    jwksUrl: rawUrl ? jwksUrl(rawUrl, errors) : null,
    publicKeyPem: rawKey ? publicKeyPem(rawKey, errors) : null,
    issuer,
    audience,
    algorithms,
    jwksCooldownSeconds: z.duration(env, 'JWT_JWKS_COOLDOWN', 30, 0, 3600, errors),
    claims: {
      role: claimName(env, 'JWT_ROLE_CLAIM', 'twinbook_role', errors),
      agency: claimName(env, 'JWT_AGENCY_CLAIM', 'twinbook_agency_id', errors),
      brand: claimName(env, 'JWT_BRAND_CLAIM', 'twinbook_brand_id', errors),
      model: claimName(env, 'JWT_MODEL_CLAIM', 'twinbook_model_id', errors),
    },
  };
}

/** Parses the environment; throws with every bad variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const errors: string[] = [];
  const port = z.int(env, 'PORT', 4000, 0, 65535, errors);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    errors.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    errors.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }
  const jwtSecret = env.JWT_SECRET || DEFAULT_JWT_SECRET;
  if (jwtSecret.length < 32) errors.push('JWT_SECRET must be at least 32 characters');
  const production = env.NODE_ENV?.trim() === 'production';
  const provider = identityProvider(env, errors);
  const jwtSecretAccepted = !!env.JWT_SECRET || (!provider && !production);
  if (!jwtSecretAccepted && !provider) {
    errors.push('NODE_ENV=production needs a way to verify tokens: set JWT_JWKS_URL or JWT_PUBLIC_KEY (an identity provider), or JWT_SECRET');
  }
  const config: Config = {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: env.DATA_DIR?.trim() || '.data/pg',
    dbPoolSize: z.int(env, 'DB_POOL_SIZE', 10, 1, 500, errors),
    dbAcquireTimeoutSeconds: z.int(env, 'DB_ACQUIRE_TIMEOUT_SECONDS', 5, 1, 120, errors),
    dbStatementTimeoutSeconds: z.int(env, 'DB_STATEMENT_TIMEOUT_SECONDS', 30, 0, 3600, errors),
    shutdownGraceSeconds: z.int(env, 'SHUTDOWN_GRACE_SECONDS', 10, 0, 600, errors),
    databaseReplicaUrls: (env.DATABASE_REPLICA_URLS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    jwtSecret,
    jwtSecretIsDefault: !env.JWT_SECRET,
    jwtSecretAccepted,
    jwtMaxLifetimeSeconds: z.duration(env, 'JWT_MAX_LIFETIME', DEFAULT_MAX_LIFETIME_SECONDS, 60, 366 * 86_400, errors),
    jwtClockToleranceSeconds: z.duration(env, 'JWT_CLOCK_TOLERANCE', 60, 0, 600, errors),
    identityProvider: provider,
    graphqlIntrospection: z.bool(env, 'GRAPHQL_INTROSPECTION', !production, errors),
    logLevel,
    // Demo rows and printed tokens belong on a developer's embedded engine, not in a real database's logs.
    seedDemo: z.bool(env, 'SEED_DEMO', !databaseUrl, errors),
    maxPageSize: z.int(env, 'MAX_PAGE_SIZE', 100, 1, 1000, errors),
    maxQueryDepth: z.int(env, 'MAX_QUERY_DEPTH', 10, 2, 50, errors),
    maxQueryCost: z.int(env, 'MAX_QUERY_COST', 5000, 10, 1_000_000, errors),
    maxAliases: z.int(env, 'MAX_ALIASES', 15, 1, 1000, errors),
    maxTokens: z.int(env, 'MAX_TOKENS', 2000, 100, 100_000, errors),
    documentCacheBytes: z.int(env, 'DOCUMENT_CACHE_MB', 16, 1, 4096, errors) * 1024 * 1024,
    compiledQueryCacheBytes: z.int(env, 'COMPILED_QUERY_CACHE_MB', 16, 0, 4096, errors) * 1024 * 1024,
    compileQueriesAfterUses: z.int(env, 'COMPILE_QUERIES_AFTER_USES', 3, 1, 1_000_000, errors),
    corsOrigins: corsOrigins(env.CORS_ORIGINS, errors),
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    optionSweepSeconds: z.int(env, 'OPTION_SWEEP_SECONDS', 60, 0, 86_400, errors),
    // A retried request must find its first answer for a day at least: clients retry across outages that long.
    idempotencyKeyHours: z.int(env, 'IDEMPOTENCY_KEY_HOURS', 24, 24, 24 * 366, errors),
    idempotencyClaimSeconds: z.int(env, 'IDEMPOTENCY_CLAIM_SECONDS', 60, 5, 86_400, errors),
    idempotencyWaitSeconds: z.int(env, 'IDEMPOTENCY_WAIT_SECONDS', 10, 1, 60, errors),
    idempotencyCleanupSeconds: z.int(env, 'IDEMPOTENCY_CLEANUP_SECONDS', 900, 0, 86_400, errors),
    webhookAllowHttpLoopback: z.bool(env, 'WEBHOOK_ALLOW_HTTP_LOOPBACK', env.NODE_ENV !== 'production', errors),
    webhookAllowPrivateNetworks: z.bool(env, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS', false, errors),
    webhookRetryBaseMs: z.int(env, 'WEBHOOK_RETRY_BASE_MS', 30_000, 1, 3_600_000, errors),
    webhookMaxAttempts: z.int(env, 'WEBHOOK_MAX_ATTEMPTS', 15, 1, 100, errors),
    webhookTimeoutMs: z.int(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000, errors),
    webhookLeaseSeconds: z.int(env, 'WEBHOOK_LEASE_SECONDS', 60, 1, 3600, errors),
    webhookWorkerSeconds: z.int(env, 'WEBHOOK_WORKER_SECONDS', 5, 0, 3600, errors),
    eventRetentionDays: z.int(env, 'EVENT_RETENTION_DAYS', 30, 0, 3660, errors),
    metricsEnabled: z.bool(env, 'METRICS_ENABLED', true, errors),
    metricsToken: env.METRICS_TOKEN?.trim() || undefined,
    metricsMaxOperationNames: z.int(env, 'METRICS_MAX_OPERATION_NAMES', 100, 1, 10_000, errors),
  };
  if (config.metricsToken !== undefined && config.metricsToken.length < 16) errors.push('METRICS_TOKEN must be at least 16 characters');
  if (!/^https?:\/\/[^/\s]+$/.test(config.publicUrl)) errors.push(`PUBLIC_URL must be a base URL such as https://api.example.com (got "${config.publicUrl}")`);
  if (config.webhookLeaseSeconds * 1000 <= config.webhookTimeoutMs) errors.push('WEBHOOK_LEASE_SECONDS must be longer than WEBHOOK_TIMEOUT_MS, or a slow receiver would be sent the same event twice at once');
  if (errors.length) throw new Error(`Invalid configuration:\n- ${errors.join('\n- ')}`);
  return config;
}
