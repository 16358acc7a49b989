/** A retry never waits longer than this many times the base delay (with the default 30 s base: 6 h). */
export const MAX_DELAY_FACTOR = 720;

/**
 * How long to wait after failed attempt number `attempt` (1 for the first) before the next: the base delay doubled
 * per attempt, capped at MAX_DELAY_FACTOR × base, times a jitter factor from 0.75 to 1.25 (`random` in [0, 1)) so
 * that endpoints that failed together are not all retried at the same instant. With the defaults (30 s base, 15
 * attempts) the last attempt comes about 32 hours after the first.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: number): number {
  const exponential = baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30);
  return Math.round(Math.min(exponential, baseMs * MAX_DELAY_FACTOR) * (0.75 + random / 2));
}
