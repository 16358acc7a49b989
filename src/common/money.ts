/** An amount in the currency's minor unit (cents, or yen for JPY) with its ISO 4217 code. */
export interface Money {
  amount: number;
  currency: string;
}

/** Thrown when amounts in different currencies are combined: there is no implicit exchange rate. */
export class CurrencyMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Currency mismatch: expected ${expected}, got ${actual}`);
    this.name = 'CurrencyMismatchError';
  }
}

// Only the exceptions are listed; ISO 4217 gives most currencies two digits, and an unlisted code
// that is well formed is far more likely to be a two-digit currency than anything else.
const ZERO_DIGIT = new Set(['JPY', 'KRW', 'ISK', 'CLP', 'VND', 'XAF', 'XOF', 'XPF', 'UGX', 'PYG', 'RWF', 'KMF', 'GNF', 'DJF', 'BIF', 'VUV']);
const THREE_DIGIT = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND', 'IQD', 'LYD']);

/** Basis points in a whole: a share (a commission, a split part, a fee) is 0..MAX_BPS of what it is a share of. */
export const MAX_BPS = 10_000;
// A multiplier (overtime at 1.5×, a territory factor of 6×) may pass the whole, up to 100×.
const MAX_MULTIPLIER_BPS = 100 * MAX_BPS;

/** Asserts that a value can be money: a JS number that is an exact integer. */
export function assertSafeInteger(value: number, what = 'amount'): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
  }
}

function assertCurrency(code: string): void {
  if (!isCurrencyCode(code)) throw new RangeError(`Not an ISO 4217 currency code: ${JSON.stringify(code)}`);
}

function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  // Number() silently rounds past 2^53; a rounded amount is a wrong amount.
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} ${value} is beyond the exact range of a number`);
  return n;
}

/** Returns true for exactly three upper-case ASCII letters (the shape of an ISO 4217 code). */
export function isCurrencyCode(code: string): boolean {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code);
}

/** Returns the number of minor-unit digits of a currency (2 unless ISO 4217 says 0 or 3); throws RangeError on a malformed code. */
export function currencyDigits(currency: string): number {
  assertCurrency(currency);
  if (ZERO_DIGIT.has(currency)) return 0;
  if (THREE_DIGIT.has(currency)) return 3;
  return 2;
}

/** Builds a Money, throwing RangeError unless the amount is a safe integer and the code is well formed. */
export function money(amount: number, currency: string): Money {
  assertSafeInteger(amount);
  assertCurrency(currency);
  return { amount, currency };
}

/** Sums one or more Money of the same currency exactly; throws CurrencyMismatchError across currencies. */
export function addMoney(...items: Money[]): Money {
  if (items.length === 0) throw new RangeError('addMoney needs at least one item: an empty sum has no currency');
  const currency = items[0].currency;
  let sum = 0n;
  for (const item of items) {
    const m = money(item.amount, item.currency);
    if (m.currency !== currency) throw new CurrencyMismatchError(currency, m.currency);
    sum += BigInt(m.amount);
  }
  return { amount: toSafeNumber(sum, 'sum'), currency };
}

/** Returns a × b / c rounded half away from zero, exactly (BigInt inside); throws RangeError on unsafe input or result. */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  assertSafeInteger(a, 'a');
  assertSafeInteger(b, 'b');
  assertSafeInteger(c, 'c');
  if (c <= 0) throw new RangeError(`divisor must be positive, got ${c}`);
  const product = BigInt(a) * BigInt(b);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const d = BigInt(c);
  let q = abs / d;
  // Half away from zero keeps a credit the mirror image of its charge: f(-x) === -f(x).
  if ((abs % d) * 2n >= d) q += 1n;
  return toSafeNumber(negative ? -q : q, 'result');
}

/** Returns amount × bps / 10 000 rounded half up (half away from zero for negative amounts); bps is an integer in 0..1 000 000. */
export function applyBps(amount: number, bps: number): number {
  assertSafeInteger(amount);
  if (!Number.isInteger(bps) || bps < 0 || bps > MAX_MULTIPLIER_BPS) {
    throw new RangeError(`bps must be an integer in 0..${MAX_MULTIPLIER_BPS}, got ${String(bps)}`);
  }
  return mulDivHalfUp(amount, bps, MAX_BPS);
}

/** Splits a non-negative total into parts proportional to integer weights by the largest-remainder method; the parts always sum to the total. */
export function splitByWeights(total: number, weights: number[]): number[] {
  assertSafeInteger(total, 'total');
  if (total < 0) throw new RangeError(`total must be >= 0, got ${total}`);
  if (weights.length === 0) throw new RangeError('weights must not be empty');
  let sum = 0n;
  for (const w of weights) {
    assertSafeInteger(w, 'weight');
    if (w < 0) throw new RangeError(`weights must be >= 0, got ${w}`);
    sum += BigInt(w);
  }
  if (sum === 0n) throw new RangeError('weights must not all be zero');

  const t = BigInt(total);
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let allotted = 0n;
  for (const w of weights) {
    // total × weight can pass 2^53 long before either does, hence BigInt.
    const exact = t * BigInt(w);
    parts.push(exact / sum);
    remainders.push(exact % sum);
    allotted += exact / sum;
  }
  // Fewer leftover units than non-zero remainders, so a zero weight never receives one.
  const order = weights.map((_, i) => i).sort((i, j) => (remainders[j] > remainders[i] ? 1 : remainders[j] < remainders[i] ? -1 : i - j));
  for (let k = 0; k < Number(t - allotted); k++) parts[order[k]] += 1n;
  return parts.map((p) => Number(p));
}

/** Renders Money for humans and logs, e.g. '1234.50 EUR' or '1234 JPY'; not a format to parse back. */
export function formatMoney(m: Money): string {
  const { amount, currency } = money(m.amount, m.currency);
  const digits = currencyDigits(currency);
  const abs = String(Math.abs(amount));
  const sign = amount < 0 ? '-' : '';
  if (digits === 0) return `${sign}${abs} ${currency}`;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)} ${currency}`;
}
