/** The longest delay setTimeout holds (2^31 - 1 ms, about 24.8 days); a longer one fires at once instead. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `fire` once, when the clock reaches `at` (epoch milliseconds; at once when it already has), unless the returned
 * cancel is called first. Waits in steps setTimeout can hold, so a deadline weeks away (a 30-day token's expiry) is
 * kept rather than fired early. The timer alone does not keep the process alive.
 */
export function onDeadline(at: number, fire: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const wait = () => {
    // Checked again on waking: a timer may wake a millisecond early, or at the end of one step of several.
    timer = setTimeout(() => (Date.now() >= at ? fire() : wait()), Math.min(Math.max(at - Date.now(), 0), MAX_TIMER_MS));
    timer.unref();
  };
  wait();
  return () => clearTimeout(timer);
}
