/** The SQLSTATEs the application answers on purpose; anything else is unexpected. */
export const SqlState = {
  UNIQUE_VIOLATION: '23505',
  EXCLUSION_VIOLATION: '23P01',
  CHECK_VIOLATION: '23514',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
  QUERY_CANCELED: '57014',
} as const;
export type SqlState = (typeof SqlState)[keyof typeof SqlState];

interface DatabaseError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

/**
 * True for PostgreSQL's refusal with this SQLSTATE, on the named constraint when one is given. MikroORM reports some
 * violations (an exclusion, 23P01) as a plain DriverException: the code and constraint it carries are what count,
 * and the constraint's name in the message where the driver left it out.
 */
export function isViolation(err: unknown, state: SqlState, constraint?: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as DatabaseError;
  if (e.code !== state) return false;
  return !constraint || e.constraint === constraint || String(e.message ?? '').includes(`"${constraint}"`);
}

/** True for PostgreSQL's refusal of a duplicate key (SQLSTATE 23505), on the named constraint when one is given. */
export const isUniqueViolation = (err: unknown, constraint?: string): boolean => isViolation(err, SqlState.UNIQUE_VIOLATION, constraint);

/** True for a failure that the same work, run again from the start, may not meet: a deadlock or a serialization failure. */
export const isTransient = (err: unknown): boolean =>
  isViolation(err, SqlState.DEADLOCK_DETECTED) || isViolation(err, SqlState.SERIALIZATION_FAILURE);

/** Socket errors that mean the database cannot be reached, or the connection to it was lost. */
const UNREACHABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of a server going away: admin shutdown, crash shutdown, cannot connect now (starting or stopping). */
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
/** What the pool (knex's acquire timeout) and the driver (pg) say, without a code, when no connection can be had. */
const UNREACHABLE_MESSAGES = /Timeout acquiring a connection|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;

/**
 * True when a failure means the database is unreachable (refused, reset, shut down, a connection exception of class
 * 08, or no connection from the pool in time) rather than that the request or the code is wrong: the same request
 * will succeed once the database is back. Drivers and the ORM wrap errors, so the causes are followed too.
 */
export function isConnectionFailure(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; typeof e === 'object' && e !== null && depth < 6; depth++) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNREACHABLE_ERRNOS.has(code) || SHUTDOWN_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (name === 'KnexTimeoutError' || UNREACHABLE_MESSAGES.test(String(message ?? ''))) return true;
    const wrapped = e as { cause?: unknown; originalError?: unknown; previous?: unknown };
    e = wrapped.cause ?? wrapped.originalError ?? wrapped.previous;
  }
  return false;
}

/**
 * True when PostgreSQL cancelled a statement (SQLSTATE 57014): it ran past the connection's statement_timeout, or an
 * operator cancelled it. The request asked for more work than is allowed, and the same request will likely meet the
 * same end, so this is not an outage. The causes are followed as in isConnectionFailure.
 */
export function isQueryCanceled(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; typeof e === 'object' && e !== null && depth < 6; depth++) {
    if ((e as { code?: unknown }).code === SqlState.QUERY_CANCELED) return true;
    const wrapped = e as { cause?: unknown; originalError?: unknown; previous?: unknown };
    e = wrapped.cause ?? wrapped.originalError ?? wrapped.previous;
  }
  return false;
}
