import { digitalLines, licenceMonths, UnpricedTermError, type DigitalRates } from './digital-pricing';
import type { QuoteLine } from './physical-pricing';

const EUR: DigitalRates = {
  currency: 'EUR',
  deliverablePrices: { IMAGE: 50000, VIDEO: 150000 },
  usageMonthlyFees: { ECOMMERCE: 20000, SOCIAL: 30000 },
  territoryFactorBps: { COUNTRY: 10000, EU: 30000, WORLDWIDE: 60000 },
};

const JPY: DigitalRates = {
  currency: 'JPY',
  deliverablePrices: { IMAGE: 30000 },
  usageMonthlyFees: { ECOMMERCE: 12345 },
  territoryFactorBps: { COUNTRY: 10000, EU: 30000, WORLDWIDE: 60000 },
};

// Jan 15 → Apr 15: exactly three calendar months.
const Q1 = { start: new Date('2030-01-15T00:00:00Z'), end: new Date('2030-04-15T00:00:00Z') };
const usage = (media: string[], territories: string[], period = Q1) => ({ media, territories, ...period });

type Row = [QuoteLine['kind'], QuoteLine['unit'], number, number, number];
const rows = (lines: QuoteLine[]): Row[] => lines.map((l) => [l.kind, l.unit, l.quantity, l.unitAmount, l.amount]);

describe('digitalLines', () => {
  it.each<[string, DigitalRates, { kind: string; quantity: number }[], ReturnType<typeof usage>, Row[]]>([
    [
      'images plus e-commerce in one country for 3 months',
      EUR,
      [{ kind: 'IMAGE', quantity: 2 }],
      usage(['ECOMMERCE'], ['FR']),
      [
        ['DELIVERABLE', 'ITEM', 2, 50000, 100000],
        ['USAGE_FEE', 'MONTH', 3, 20000, 60000],
      ],
    ],
    ['two countries add their factors', EUR, [], usage(['ECOMMERCE'], ['FR', 'DE']), [['USAGE_FEE', 'MONTH', 3, 20000, 120000]]],
    ['EU', EUR, [], usage(['ECOMMERCE'], ['EU']), [['USAGE_FEE', 'MONTH', 3, 20000, 180000]]],
    ['WORLDWIDE', EUR, [], usage(['ECOMMERCE'], ['WORLDWIDE']), [['USAGE_FEE', 'MONTH', 3, 20000, 360000]]],
    ['EU and a non-EU country are summed', EUR, [], usage(['ECOMMERCE'], ['EU', 'CH']), [['USAGE_FEE', 'MONTH', 3, 20000, 240000]]],
    [
      'one usage line per medium, in request order',
      EUR,
      [],
      usage(['SOCIAL', 'ECOMMERCE'], ['FR']),
      [
        ['USAGE_FEE', 'MONTH', 3, 30000, 90000],
        ['USAGE_FEE', 'MONTH', 3, 20000, 60000],
      ],
    ],
    [
      'codes are case-insensitive',
      EUR,
      [{ kind: 'image', quantity: 1 }, { kind: 'Video', quantity: 1 }],
      usage(['ecommerce'], ['fr', 'eu']),
      [
        ['DELIVERABLE', 'ITEM', 1, 50000, 50000],
        ['DELIVERABLE', 'ITEM', 1, 150000, 150000],
        ['USAGE_FEE', 'MONTH', 3, 20000, 240000],
      ],
    ],
    [
      'one line per kind: repeated kinds add their quantities',
      EUR,
      [{ kind: 'IMAGE', quantity: 2 }, { kind: 'VIDEO', quantity: 1 }, { kind: 'image', quantity: 3 }],
      usage([], []),
      [
        ['DELIVERABLE', 'ITEM', 5, 50000, 250000],
        ['DELIVERABLE', 'ITEM', 1, 150000, 150000],
      ],
    ],
    ['a repeated territory counts once', EUR, [], usage(['ECOMMERCE', 'ecommerce'], ['FR', 'fr']), [['USAGE_FEE', 'MONTH', 3, 20000, 60000]]],
    ['no media: deliverables only', EUR, [{ kind: 'VIDEO', quantity: 1 }], usage([], []), [['DELIVERABLE', 'ITEM', 1, 150000, 150000]]],
    ['nothing asked, nothing charged', EUR, [], usage([], []), []],
    [
      'a started 4th month is billed',
      EUR,
      [],
      usage(['ECOMMERCE'], ['FR'], { start: Q1.start, end: new Date('2030-04-16T00:00:00Z') }),
      [['USAGE_FEE', 'MONTH', 4, 20000, 80000]],
    ],
    [
      'the territory factor rounds half up: 333 × 1.5 = 499.5 -> 500',
      { ...EUR, usageMonthlyFees: { PRINT: 333 }, territoryFactorBps: { COUNTRY: 15000, EU: 30000, WORLDWIDE: 60000 } },
      [],
      usage(['PRINT'], ['FR'], { start: Q1.start, end: new Date('2030-02-15T00:00:00Z') }),
      [['USAGE_FEE', 'MONTH', 1, 333, 500]],
    ],
    [
      'the factor applies to the whole period, not rounded per month: 333 × 3 × 1.5 = 1498.5 -> 1499',
      { ...EUR, usageMonthlyFees: { PRINT: 333 }, territoryFactorBps: { COUNTRY: 15000, EU: 30000, WORLDWIDE: 60000 } },
      [],
      usage(['PRINT'], ['FR']),
      [['USAGE_FEE', 'MONTH', 3, 333, 1499]], // per-month rounding would give 3 × 500 = 1500
    ],
    [
      'JPY: whole yen, with rounding',
      JPY,
      [{ kind: 'IMAGE', quantity: 3 }],
      usage(['ECOMMERCE'], ['EU'], { start: Q1.start, end: new Date('2030-02-15T00:00:00Z') }),
      [
        ['DELIVERABLE', 'ITEM', 3, 30000, 90000],
        ['USAGE_FEE', 'MONTH', 1, 12345, 37035],
      ],
    ],
    [
      'JPY: a factor that lands on a half yen',
      { ...JPY, territoryFactorBps: { COUNTRY: 5000, EU: 30000, WORLDWIDE: 60000 } },
      [],
      usage(['ECOMMERCE'], ['JP'], { start: Q1.start, end: new Date('2030-02-15T00:00:00Z') }),
      [['USAGE_FEE', 'MONTH', 1, 12345, 6173]], // 6172.5
    ],
  ])('%s', (_name, rates, deliverables, u, expected) => {
    expect(rows(digitalLines(rates, deliverables, u))).toEqual(expected);
  });

  it('describes lines with canonical codes', () => {
    const lines = digitalLines(EUR, [{ kind: 'image', quantity: 2 }], usage(['ecommerce'], ['fr', 'EU']));
    expect(lines.map((l) => l.description)).toEqual(['IMAGE × 2', 'ECOMMERCE usage, 3 months, FR+EU']);
    const single = digitalLines(EUR, [], usage(['SOCIAL'], ['DE'], { start: Q1.start, end: new Date('2030-02-01T00:00:00Z') }));
    expect(single[0].description).toBe('SOCIAL usage, 1 month, DE');
  });

  it.each<[string, { kind: string; quantity: number }[], ReturnType<typeof usage>, string, string]>([
    ['an unknown deliverable kind', [{ kind: 'hologram', quantity: 1 }], usage(['ECOMMERCE'], ['FR']), 'HOLOGRAM', 'DELIVERABLE'],
    ['an unknown medium', [{ kind: 'IMAGE', quantity: 1 }], usage(['ECOMMERCE', 'tv'], ['FR']), 'TV', 'MEDIUM'],
    ['an unknown territory', [], usage(['ECOMMERCE'], ['FR', 'mars']), 'MARS', 'TERRITORY'],
    ['a 3-letter country code', [], usage(['ECOMMERCE'], ['FRA']), 'FRA', 'TERRITORY'],
  ])('throws UnpricedTermError on %s', (_name, deliverables, u, term, kind) => {
    let caught: unknown;
    try {
      digitalLines(EUR, deliverables, u);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UnpricedTermError);
    expect(caught).toMatchObject({ term, kind });
  });

  it.each<[string, DigitalRates, { kind: string; quantity: number }[], ReturnType<typeof usage>]>([
    ['a zero quantity', EUR, [{ kind: 'IMAGE', quantity: 0 }], usage([], [])],
    ['a fractional quantity', EUR, [{ kind: 'IMAGE', quantity: 1.5 }], usage([], [])],
    ['media without a territory', EUR, [], usage(['ECOMMERCE'], [])],
    ['an empty usage period', EUR, [], usage([], [], { start: Q1.start, end: Q1.start })],
    ['a malformed currency', { ...EUR, currency: 'euro' }, [], usage([], [])],
    ['a negative price on the card', { ...EUR, deliverablePrices: { IMAGE: -1 } }, [], usage([], [])],
    ['a fractional fee on the card', { ...EUR, usageMonthlyFees: { ECOMMERCE: 199.99 } }, [], usage([], [])],
    ['a code priced twice, differently', { ...EUR, deliverablePrices: { IMAGE: 50000, image: 40000 } }, [], usage([], [])],
    ['a negative territory factor', { ...EUR, territoryFactorBps: { COUNTRY: -10000, EU: 30000, WORLDWIDE: 60000 } }, [], usage(['ECOMMERCE'], ['FR'])],
    ['an amount past 2^53', { ...EUR, deliverablePrices: { IMAGE: Number.MAX_SAFE_INTEGER } }, [{ kind: 'IMAGE', quantity: 2 }], usage([], [])],
  ])('throws RangeError on %s', (_name, rates, deliverables, u) => {
    expect(() => digitalLines(rates, deliverables, u)).toThrow(RangeError);
  });
});

describe('licenceMonths (UTC calendar months, started ones count)', () => {
  it.each([
    ['Jan 15 → Apr 15', '2030-01-15T00:00:00.000Z', '2030-04-15T00:00:00.000Z', 3],
    ['Jan 15 → Apr 16', '2030-01-15T00:00:00.000Z', '2030-04-16T00:00:00.000Z', 4],
    ['one millisecond into the 4th month', '2030-01-15T00:00:00.000Z', '2030-04-15T00:00:00.001Z', 4],
    ['an hour short of 3 months', '2030-01-15T12:00:00.000Z', '2030-04-15T11:00:00.000Z', 3],
    ['one day', '2030-01-15T00:00:00.000Z', '2030-01-16T00:00:00.000Z', 1],
    ['one millisecond', '2030-01-15T00:00:00.000Z', '2030-01-15T00:00:00.001Z', 1],
    ['exactly one month', '2030-01-15T00:00:00.000Z', '2030-02-15T00:00:00.000Z', 1],
    ['Jan 31 → Feb 28: a month ends on February’s last day', '2030-01-31T00:00:00.000Z', '2030-02-28T00:00:00.000Z', 1],
    ['Jan 31 → Feb 28 + 1 ms', '2030-01-31T00:00:00.000Z', '2030-02-28T00:00:00.001Z', 2],
    ['Jan 31 → Mar 1', '2030-01-31T00:00:00.000Z', '2030-03-01T00:00:00.000Z', 2],
    ['leap year: Jan 31 → Feb 29', '2028-01-31T00:00:00.000Z', '2028-02-29T00:00:00.000Z', 1],
    ['across the new year', '2030-12-15T00:00:00.000Z', '2031-01-15T00:00:00.000Z', 1],
    ['a year', '2030-01-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z', 12],
    ['a year and a day', '2030-01-01T00:00:00.000Z', '2031-01-02T00:00:00.000Z', 13],
    // One calendar month in Paris (Mar 1 00:30 → Apr 1 00:30 local), but Feb 28 23:30Z → Mar 31 22:30Z in UTC.
    ['counted in UTC, not local time', '2030-03-01T00:30:00+01:00', '2030-04-01T00:30:00+02:00', 2],
  ])('%s = %i', (_name, start, end, expected) => {
    expect(licenceMonths(new Date(start), new Date(end))).toBe(expected);
  });

  it.each([
    ['start == end', new Date('2030-01-15T00:00:00Z'), new Date('2030-01-15T00:00:00Z')],
    ['end before start', new Date('2030-02-15T00:00:00Z'), new Date('2030-01-15T00:00:00Z')],
    ['an invalid date', new Date('nope'), new Date('2030-01-15T00:00:00Z')],
  ])('throws RangeError on %s', (_name, start, end) => {
    expect(() => licenceMonths(start, end)).toThrow(RangeError);
  });
});
