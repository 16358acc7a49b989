import { z } from './common/env-schema';

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
  /** Seconds a stopping process gives the requests in flight to finish before it cuts them. */
  shutdownGraceSeconds: number;
  /** Read replicas for the read-only queries, comma-separated URLs. */
  databaseReplicaUrls: string[];
  jwtSecret: string;
  jwtSecretIsDefault: boolean;
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
  const config: Config = {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: env.DATA_DIR?.trim() || '.data/pg',
    dbPoolSize: z.int(env, 'DB_POOL_SIZE', 10, 1, 500, errors),
    dbAcquireTimeoutSeconds: z.int(env, 'DB_ACQUIRE_TIMEOUT_SECONDS', 5, 1, 120, errors),
    shutdownGraceSeconds: z.int(env, 'SHUTDOWN_GRACE_SECONDS', 10, 0, 600, errors),
    databaseReplicaUrls: (env.DATABASE_REPLICA_URLS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    jwtSecret,
    jwtSecretIsDefault: !env.JWT_SECRET,
    logLevel,
    // Demo rows and printed tokens belong on a developer's embedded engine, not in a real database's logs.
    seedDemo: z.bool(env, 'SEED_DEMO', !databaseUrl, errors),
    maxPageSize: z.int(env, 'MAX_PAGE_SIZE', 100, 1, 1000, errors),
    maxQueryDepth: z.int(env, 'MAX_QUERY_DEPTH', 10, 2, 50, errors),
    maxQueryCost: z.int(env, 'MAX_QUERY_COST', 5000, 10, 1_000_000, errors),
    maxAliases: z.int(env, 'MAX_ALIASES', 15, 1, 1000, errors),
    maxTokens: z.int(env, 'MAX_TOKENS', 2000, 100, 100_000, errors),
    documentCacheBytes: z.int(env, 'DOCUMENT_CACHE_MB', 16, 1, 4096, errors) * 1024 * 1024,
    corsOrigins: corsOrigins(env.CORS_ORIGINS, errors),
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    optionSweepSeconds: z.int(env, 'OPTION_SWEEP_SECONDS', 60, 0, 86_400, errors),
    // A retried request must find its first answer for a day at least: clients retry across outages that long.
    idempotencyKeyHours: z.int(env, 'IDEMPOTENCY_KEY_HOURS', 24, 24, 24 * 366, errors),
    idempotencyClaimSeconds: z.int(env, 'IDEMPOTENCY_CLAIM_SECONDS', 60, 5, 86_400, errors),
    idempotencyWaitSeconds: z.int(env, 'IDEMPOTENCY_WAIT_SECONDS', 10, 1, 60, errors),
    idempotencyCleanupSeconds: z.int(env, 'IDEMPOTENCY_CLEANUP_SECONDS', 900, 0, 86_400, errors),
  };
  if (!/^https?:\/\/[^/\s]+$/.test(config.publicUrl)) errors.push(`PUBLIC_URL must be a base URL such as https://api.example.com (got "${config.publicUrl}")`);
  if (errors.length) throw new Error(`Invalid configuration:\n- ${errors.join('\n- ')}`);
  return config;
}
