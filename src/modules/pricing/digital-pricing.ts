import { DateTime } from 'luxon';
import { applyBps, assertSafeInteger, isCurrencyCode, mulDivHalfUp } from '../../common/money';
import type { QuoteLine } from './physical-pricing';

/** A digital rate card, in minor units of `currency`: a price per deliverable item, a monthly usage fee per medium, and territory multipliers in bps. */
export interface DigitalRates {
  currency: string;
  /** Per item, by deliverable kind, e.g. IMAGE: 50000. */
  deliverablePrices: Record<string, number>;
  /** Per medium per month, e.g. ECOMMERCE: 20000. */
  usageMonthlyFees: Record<string, number>;
  /** COUNTRY applies to each 2-letter country code requested. */
  territoryFactorBps: { COUNTRY: number; EU: number; WORLDWIDE: number };
}

/** A requested deliverable, medium or territory that the rate card has no price for. */
export class UnpricedTermError extends Error {
  constructor(
    readonly term: string,
    readonly kind: 'DELIVERABLE' | 'MEDIUM' | 'TERRITORY',
  ) {
    super(`No price on the rate card for ${kind.toLowerCase()} ${JSON.stringify(term)}`);
    this.name = 'UnpricedTermError';
  }
}

const normalize = (code: string): string => code.trim().toUpperCase();

// Clients and rate cards spell codes in any case; prices are looked up case-insensitively, and a card
// that prices 'image' and 'IMAGE' differently is ambiguous rather than silently first-wins.
function priceTable(prices: Record<string, number>, what: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const [code, price] of Object.entries(prices)) {
    assertSafeInteger(price, `${what} ${code}`);
    if (price < 0) throw new RangeError(`${what} ${code} must be >= 0, got ${price}`);
    const key = normalize(code);
    const seen = table.get(key);
    if (seen !== undefined && seen !== price) throw new RangeError(`${what} ${key} is priced twice, differently`);
    table.set(key, price);
  }
  return table;
}

/** The summed factor (bps) of the territories named, once each; throws UnpricedTermError for a code it cannot price. */
export function territoryFactor(rates: Pick<DigitalRates, 'territoryFactorBps'>, territories: string[]): { codes: string[]; bps: number } {
  for (const [name, bps] of Object.entries(rates.territoryFactorBps)) {
    if (!Number.isInteger(bps) || bps < 0) throw new RangeError(`territory factor ${name} must be an integer >= 0, got ${String(bps)}`);
  }
  const codes = [...new Set(territories.map(normalize))];
  let bps = 0;
  for (const code of codes) {
    // 'EU' is two letters too, so the named regions are matched before the country rule.
    if (code === 'EU') bps += rates.territoryFactorBps.EU;
    else if (code === 'WORLDWIDE') bps += rates.territoryFactorBps.WORLDWIDE;
    else if (/^[A-Z]{2}$/.test(code)) bps += rates.territoryFactorBps.COUNTRY;
    else throw new UnpricedTermError(code, 'TERRITORY');
  }
  return { codes, bps };
}

/** Prices a digital booking: one DELIVERABLE line per kind (price × quantity) and one USAGE_FEE line per medium (monthly fee × started months × the summed territory factors); throws UnpricedTermError for a kind, medium or territory the card does not price. */
export function digitalLines(
  rates: DigitalRates,
  deliverables: { kind: string; quantity: number }[],
  usage: { media: string[]; territories: string[]; start: Date; end: Date },
): QuoteLine[] {
  if (!isCurrencyCode(rates.currency)) throw new RangeError(`Not an ISO 4217 currency code: ${JSON.stringify(rates.currency)}`);
  const prices = priceTable(rates.deliverablePrices, 'deliverable price');
  const fees = priceTable(rates.usageMonthlyFees, 'usage fee');

  // The same kind asked for twice is one line with the quantities added, so the quote reads per kind.
  const quantities = new Map<string, number>();
  for (const d of deliverables) {
    assertSafeInteger(d.quantity, 'quantity');
    if (d.quantity < 1) throw new RangeError(`quantity of ${d.kind} must be >= 1, got ${d.quantity}`);
    const kind = normalize(d.kind);
    if (!prices.has(kind)) throw new UnpricedTermError(kind, 'DELIVERABLE');
    quantities.set(kind, (quantities.get(kind) ?? 0) + d.quantity);
  }
  const lines: QuoteLine[] = [...quantities].map(([kind, quantity]) => {
    const unitAmount = prices.get(kind) as number;
    return { kind: 'DELIVERABLE', description: `${kind} × ${quantity}`, unit: 'ITEM', quantity, unitAmount, amount: mulDivHalfUp(unitAmount, quantity, 1) };
  });

  const months = licenceMonths(usage.start, usage.end);
  const media = [...new Set(usage.media.map(normalize))];
  if (media.length === 0) return lines;
  const territory = territoryFactor(rates, usage.territories);
  if (territory.codes.length === 0) throw new RangeError('usage needs at least one territory');
  for (const medium of media) {
    const monthly = fees.get(medium);
    if (monthly === undefined) throw new UnpricedTermError(medium, 'MEDIUM');
    lines.push({
      kind: 'USAGE_FEE',
      description: `${medium} usage, ${months} month${months === 1 ? '' : 's'}, ${territory.codes.join('+')}`,
      unit: 'MONTH',
      quantity: months,
      // Per month before the territory factor; the amount applies the factor to the whole period at once.
      unitAmount: monthly,
      amount: applyBps(mulDivHalfUp(monthly, months, 1), territory.bps),
    });
  }
  return lines;
}

/** Started calendar months (UTC) of a licence over [start, end), at least 1: Jan 15 → Apr 15 is 3, Jan 15 → Apr 16 is 4; a month from Jan 31 ends on the last day of February. */
export function licenceMonths(start: Date, end: Date): number {
  const startMs = start instanceof Date ? start.getTime() : NaN;
  const endMs = end instanceof Date ? end.getTime() : NaN;
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || startMs >= endMs) {
    throw new RangeError('licenceMonths needs valid Dates with start strictly before end');
  }
  // UTC, so a licence's length does not depend on the server's or the brand's zone.
  const s = DateTime.fromMillis(startMs, { zone: 'utc' });
  const e = DateTime.fromMillis(endMs, { zone: 'utc' });
  const months = (e.year - s.year) * 12 + (e.month - s.month);
  // s + months lands in end's month (luxon clamps Jan 31 + 1 month to Feb 28), so the answer, the
  // fewest months that reach end, is either that count or one more.
  return s.plus({ months }) < e ? months + 1 : months;
}
