/** The SQLSTATEs the application answers on purpose; anything else is unexpected. */
export const SqlState = {
  UNIQUE_VIOLATION: '23505',
  EXCLUSION_VIOLATION: '23P01',
  CHECK_VIOLATION: '23514',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
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
