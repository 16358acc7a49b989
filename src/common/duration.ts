const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Seconds in a duration written as a whole number with a unit (`90s`, `15m`, `12h`, `30d`) or bare seconds
 * (`3600`); null when it is neither. Token lifetimes on the command line and in the environment read the same way.
 */
export function durationSeconds(raw: string): number | null {
  const match = /^(\d{1,9})\s*([smhd]?)$/.exec(raw.trim());
  if (!match) return null;
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
}
