import { applyBps, assertSafeInteger, isCurrencyCode, MAX_BPS, mulDivHalfUp } from '../../common/money';

/** A physical rate card's prices, in minor units of `currency`; the bps are multipliers of the hourly rate (15000 = 1.5×). */
export interface PhysicalRates {
  currency: string;
  hourlyRate: number;
  halfDayRate: number;
  dayRate: number;
  overtimeAfter8Bps: number;
  overtimeAfter12Bps: number;
  /** Per hour of travel buffer; 0 means travel is not billed. */
  travelHourlyRate: number;
}

/** What a quote line charges for. */
export type LineKind = 'BASE_FEE' | 'OVERTIME' | 'TRAVEL' | 'SERVICE_FEE' | 'USAGE_FEE' | 'DELIVERABLE' | 'CANCELLATION_FEE' | 'POSTPONEMENT_FEE' | 'EXCLUSIVITY_FEE';

/**
 * One line of a quote. `amount` (minor units) is what counts; quantity and unitAmount explain it. On a MINUTE
 * line `unitAmount` is the rate per HOUR (amount = unitAmount × quantity / 60, rounded half up), because the
 * hourly rate is what the rate card says and a per-minute price would need fractions of a cent.
 */
export interface QuoteLine {
  kind: LineKind;
  description: string;
  unit: 'HOUR' | 'HALF_DAY' | 'DAY' | 'MINUTE' | 'ITEM' | 'MONTH' | 'FLAT';
  quantity: number;
  unitAmount: number;
  amount: number;
}

const HALF_DAY_MINUTES = 240;
const DAY_MINUTES = 480;
const LONG_DAY_MINUTES = 720;
const MS_PER_MINUTE = 60_000;

function assertNonNegative(value: number, what: string): void {
  assertSafeInteger(value, what);
  if (value < 0) throw new RangeError(`${what} must be >= 0, got ${value}`);
}

function assertRates(rates: PhysicalRates): void {
  if (!isCurrencyCode(rates.currency)) throw new RangeError(`Not an ISO 4217 currency code: ${JSON.stringify(rates.currency)}`);
  assertNonNegative(rates.hourlyRate, 'hourlyRate');
  assertNonNegative(rates.halfDayRate, 'halfDayRate');
  assertNonNegative(rates.dayRate, 'dayRate');
  assertNonNegative(rates.travelHourlyRate, 'travelHourlyRate');
  for (const key of ['overtimeAfter8Bps', 'overtimeAfter12Bps'] as const) {
    // Checked up front: a bad multiplier is a bad card even on a job that has no overtime.
    if (!Number.isInteger(rates[key]) || rates[key] < 0 || rates[key] > 1_000_000) {
      throw new RangeError(`${key} must be an integer in 0..1000000, got ${String(rates[key])}`);
    }
  }
}

// Descriptions are read by people; 15000 bps reads better as '1.5×', and string digits avoid floats.
function multiplier(bps: number): string {
  const whole = Math.floor(bps / MAX_BPS);
  const fraction = String(bps % MAX_BPS).padStart(4, '0').replace(/0+$/, '');
  return fraction === '' ? `${whole}×` : `${whole}.${fraction}×`;
}

const perMinuteLine = (kind: LineKind, description: string, minutes: number, hourly: number): QuoteLine => ({
  kind,
  description,
  unit: 'MINUTE',
  quantity: minutes,
  unitAmount: hourly,
  amount: mulDivHalfUp(hourly, minutes, 60),
});

function baseFeeLine(rates: PhysicalRates, minutes: number): QuoteLine {
  const options: QuoteLine[] = [
    { kind: 'BASE_FEE', description: 'Day rate (up to 8 h)', unit: 'DAY', quantity: 1, unitAmount: rates.dayRate, amount: rates.dayRate },
  ];
  if (minutes <= HALF_DAY_MINUTES) {
    options.push({ kind: 'BASE_FEE', description: 'Half-day rate (up to 4 h)', unit: 'HALF_DAY', quantity: 1, unitAmount: rates.halfDayRate, amount: rates.halfDayRate });
  }
  options.push(perMinuteLine('BASE_FEE', `Hourly rate, ${minutes} min`, minutes, rates.hourlyRate));
  // Strictly cheaper wins, so on a tie the flat day or half day is kept: it reads as the deal that was agreed.
  return options.reduce((best, o) => (o.amount < best.amount ? o : best));
}

/** Prices a model's physical work: one BASE_FEE line (cheapest of hourly, half day, day over the first 8 h), OVERTIME lines per started minute past 8 h and past 12 h, and a TRAVEL line when travel is billed; lines of zero amount past the base are omitted. */
export function physicalFeeLines(rates: PhysicalRates, workedMinutes: number, travelMinutes: number): QuoteLine[] {
  assertRates(rates);
  assertSafeInteger(workedMinutes, 'workedMinutes');
  if (workedMinutes < 1) throw new RangeError(`workedMinutes must be >= 1, got ${workedMinutes}`);
  assertNonNegative(travelMinutes, 'travelMinutes');

  const lines = [baseFeeLine(rates, Math.min(workedMinutes, DAY_MINUTES))];

  const after8 = Math.min(workedMinutes, LONG_DAY_MINUTES) - DAY_MINUTES;
  const after12 = workedMinutes - LONG_DAY_MINUTES;
  // The overtime rate is rounded per hour first, so the line shows the same hourly figure the card implies.
  const extra: QuoteLine[] = [];
  if (after8 > 0) {
    const rate = applyBps(rates.hourlyRate, rates.overtimeAfter8Bps);
    extra.push(perMinuteLine('OVERTIME', `Overtime 8–12 h, ${after8} min at ${multiplier(rates.overtimeAfter8Bps)} hourly`, after8, rate));
  }
  if (after12 > 0) {
    const rate = applyBps(rates.hourlyRate, rates.overtimeAfter12Bps);
    extra.push(perMinuteLine('OVERTIME', `Overtime beyond 12 h, ${after12} min at ${multiplier(rates.overtimeAfter12Bps)} hourly`, after12, rate));
  }
  if (travelMinutes > 0 && rates.travelHourlyRate > 0) {
    extra.push(perMinuteLine('TRAVEL', `Travel, ${travelMinutes} min`, travelMinutes, rates.travelHourlyRate));
  }
  return [...lines, ...extra.filter((l) => l.amount !== 0)];
}

/** Minutes billed for work over [start, end): elapsed time between the instants, rounded up to the started minute (so a 23 h or 25 h DST night counts as 23 h or 25 h); throws RangeError unless start < end. */
export function workedMinutes(start: Date, end: Date): number {
  const startMs = start instanceof Date ? start.getTime() : NaN;
  const endMs = end instanceof Date ? end.getTime() : NaN;
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || startMs >= endMs) {
    throw new RangeError('workedMinutes needs valid Dates with start strictly before end');
  }
  return Math.ceil((endMs - startMs) / MS_PER_MINUTE);
}
