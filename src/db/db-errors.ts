/** True for PostgreSQL's refusal of a duplicate key (SQLSTATE 23505), on the named constraint when one is given. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && (!constraint || e.constraint === constraint);
}
