import { durationSeconds } from './duration';

/** Small readers for environment variables that collect every error instead of stopping at the first. */
export const z = {
  int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, errors: string[]): number {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      errors.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  },
  bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean, errors: string[]): boolean {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    errors.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  },
  /** A duration (`90s`, `15m`, `12h`, `30d`, or bare seconds) in seconds. */
  duration(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, errors: string[]): number {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = durationSeconds(raw);
    if (value === null || value < min || value > max) {
      errors.push(`${name} must be a duration such as 90s, 15m, 12h or 30d, from ${min} to ${max} seconds (got "${raw}")`);
      return fallback;
    }
    return value;
  },
};
