import fc from 'fast-check';
import {
  addMoney,
  applyBps,
  assertSafeInteger,
  CurrencyMismatchError,
  currencyDigits,
  formatMoney,
  isCurrencyCode,
  money,
  mulDivHalfUp,
  splitByWeights,
} from './money';

const UNSAFE = Number.MAX_SAFE_INTEGER + 1;

describe('isCurrencyCode', () => {
  it.each([
    ['EUR', true],
    ['JPY', true],
    ['XYZ', true],
    ['eur', false],
    ['Eur', false],
    ['EU', false],
    ['EURO', false],
    ['E1R', false],
    [' EUR', false],
    ['', false],
  ])('%j -> %s', (code, expected) => {
    expect(isCurrencyCode(code)).toBe(expected);
  });
});

describe('currencyDigits', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['CHF', 2],
    ['XYZ', 2], // well-formed but unknown: the ISO default
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['CLP', 0],
    ['VND', 0],
    ['XAF', 0],
    ['XOF', 0],
    ['XPF', 0],
    ['UGX', 0],
    ['PYG', 0],
    ['RWF', 0],
    ['KMF', 0],
    ['GNF', 0],
    ['DJF', 0],
    ['BIF', 0],
    ['VUV', 0],
    ['BHD', 3],
    ['JOD', 3],
    ['KWD', 3],
    ['OMR', 3],
    ['TND', 3],
    ['IQD', 3],
    ['LYD', 3],
  ])('%s -> %i', (code, digits) => {
    expect(currencyDigits(code)).toBe(digits);
  });

  it.each(['jpy', 'EU', 'EURO', '', '123'])('throws RangeError on malformed code %j', (code) => {
    expect(() => currencyDigits(code)).toThrow(RangeError);
  });
});

describe('money', () => {
  it.each([
    [0, 'EUR'],
    [123450, 'EUR'],
    [-500, 'EUR'],
    [1234, 'JPY'],
    [Number.MAX_SAFE_INTEGER, 'USD'],
  ])('accepts %p %s', (amount, currency) => {
    expect(money(amount, currency)).toEqual({ amount, currency });
  });

  it.each([
    ['a float', 12.5, 'EUR'],
    ['NaN', NaN, 'EUR'],
    ['Infinity', Infinity, 'EUR'],
    ['2^53', UNSAFE, 'EUR'],
    ['a lower-case code', 100, 'eur'],
    ['a 2-letter code', 100, 'EU'],
  ])('throws RangeError on %s', (_name, amount, currency) => {
    expect(() => money(amount, currency)).toThrow(RangeError);
  });
});

describe('assertSafeInteger', () => {
  it.each([[0.1], [NaN], [UNSAFE], [-UNSAFE]])('rejects %p', (value) => {
    expect(() => assertSafeInteger(value)).toThrow(RangeError);
  });
  it.each([[0], [-1], [Number.MAX_SAFE_INTEGER], [Number.MIN_SAFE_INTEGER]])('accepts %p', (value) => {
    expect(() => assertSafeInteger(value)).not.toThrow();
  });
});

describe('addMoney', () => {
  it.each([
    ['one item', [money(150, 'EUR')], money(150, 'EUR')],
    ['several items', [money(150, 'EUR'), money(250, 'EUR'), money(-100, 'EUR')], money(300, 'EUR')],
    ['yen', [money(1000, 'JPY'), money(234, 'JPY')], money(1234, 'JPY')],
    ['up to the safe limit', [money(Number.MAX_SAFE_INTEGER - 1, 'EUR'), money(1, 'EUR')], money(Number.MAX_SAFE_INTEGER, 'EUR')],
  ])('%s', (_name, items, expected) => {
    expect(addMoney(...items)).toEqual(expected);
  });

  it('throws CurrencyMismatchError naming both currencies', () => {
    const fn = () => addMoney(money(100, 'EUR'), money(100, 'EUR'), money(100, 'USD'));
    expect(fn).toThrow(CurrencyMismatchError);
    expect(fn).toThrow('expected EUR, got USD');
  });

  it.each([
    ['no items', []],
    ['a sum past 2^53', [money(Number.MAX_SAFE_INTEGER, 'EUR'), money(1, 'EUR')]],
    ['an item that is not money', [{ amount: 1.5, currency: 'EUR' }]],
  ])('throws RangeError on %s', (_name, items) => {
    expect(() => addMoney(...items)).toThrow(RangeError);
  });
});

describe('mulDivHalfUp', () => {
  it.each([
    [10, 1, 4, 3], // 2.5 -> 3
    [10, 1, 3, 3], // 3.33 -> 3
    [20, 1, 3, 7], // 6.67 -> 7
    [-10, 1, 4, -3], // -2.5 -> -3 (away from zero)
    [7000, 95, 60, 11083], // 11083.33
    [Number.MAX_SAFE_INTEGER, 60, 60, Number.MAX_SAFE_INTEGER], // the product passes 2^53, the result does not
  ])('%p × %p / %p = %p', (a, b, c, expected) => {
    expect(mulDivHalfUp(a, b, c)).toBe(expected);
  });

  it.each([
    ['zero divisor', 1, 1, 0],
    ['negative divisor', 1, 1, -2],
    ['unsafe result', Number.MAX_SAFE_INTEGER, 2, 1],
    ['float input', 1.5, 2, 1],
  ])('throws RangeError on %s', (_name, a, b, c) => {
    expect(() => mulDivHalfUp(a, b, c)).toThrow(RangeError);
  });
});

describe('applyBps', () => {
  it.each([
    [10000, 2000, 2000], // 20%
    [12345, 2000, 2469], // 2469.0
    [12347, 2000, 2469], // 2469.4 -> down
    [12348, 2000, 2470], // 2469.6 -> up
    [1, 5000, 1], // 0.5 -> up
    [3, 5000, 2], // 1.5 -> up
    [1, 4999, 0], // 0.4999 -> down
    [5, 1000, 1], // 0.5 -> up
    [-1, 5000, -1], // -0.5 -> away from zero, mirror of 1
    [-3, 5000, -2],
    [7000, 15000, 10500], // 1.5×
    [7000, 20000, 14000], // 2×
    [123, 0, 0],
    [123, 10000, 123],
    [123, 1_000_000, 12300], // the 100× ceiling
    [0, 1_000_000, 0],
    // The product 2^53-1 × 10 000 is far past 2^53: floats would be off by many units.
    [Number.MAX_SAFE_INTEGER, 10000, Number.MAX_SAFE_INTEGER],
    [Number.MAX_SAFE_INTEGER, 3333, 3002099511605172], // exact remainder .3003 -> down
  ])('applyBps(%p, %p) = %p', (amount, bps, expected) => {
    expect(applyBps(amount, bps)).toBe(expected);
  });

  it.each([
    ['negative bps', 100, -1],
    ['bps above 1 000 000', 100, 1_000_001],
    ['fractional bps', 100, 2.5],
    ['fractional amount', 100.5, 2000],
    ['unsafe amount', UNSAFE, 10000],
    ['unsafe result', Number.MAX_SAFE_INTEGER, 20000],
  ])('throws RangeError on %s', (_name, amount, bps) => {
    expect(() => applyBps(amount, bps)).toThrow(RangeError);
  });

  it('property: the result is the nearest integer to amount × bps / 10 000, halves going away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 1_000_000 }), (amount, bps) => {
        const r = BigInt(applyBps(amount, bps));
        const exact = BigInt(amount) * BigInt(bps); // × 1/10 000
        const diff = r * 10000n - exact; // 10 000 × (result − exact value)
        const absDiff = diff < 0n ? -diff : diff;
        expect(absDiff <= 5000n).toBe(true);
        // On an exact half, the result lies on the far side of zero.
        if (absDiff === 5000n) expect(exact > 0n ? diff > 0n : diff < 0n).toBe(true);
      }),
    );
  });
});

describe('splitByWeights', () => {
  it.each([
    ['1 unit among 3 equal weights: the earliest index wins the tie', 1, [1, 1, 1], [1, 0, 0]],
    ['2 units among 3 equal weights', 2, [1, 1, 1], [1, 1, 0]],
    ['10000 among 3 equal weights', 10000, [1, 1, 1], [3334, 3333, 3333]],
    ['0 total', 0, [1, 2, 3], [0, 0, 0]],
    ['exact proportions', 100, [50, 30, 20], [50, 30, 20]],
    ['largest remainder, not the earliest, gets the unit', 10, [1, 2, 4], [1, 3, 6]], // 1.43, 2.86, 5.71
    ['a zero weight gets nothing', 5, [0, 1, 1], [0, 3, 2]],
    ['a single weight takes all', 999, [7], [999]],
    ['bps-like shares', 12345, [7000, 2000, 1000], [8642, 2469, 1234]], // 8641.5, 2469, 1234.5
    ['yen, indivisible', 100, [1, 1, 1, 1, 1, 1], [17, 17, 17, 17, 16, 16]],
    // total × weight = (2^53-1) × 3: BigInt keeps the floor exact where a float product would not.
    ['big total', Number.MAX_SAFE_INTEGER, [3, 1], [6755399441055743, 2251799813685248]],
  ])('%s', (_name, total, weights, expected) => {
    expect(splitByWeights(total, weights)).toEqual(expected);
  });

  it.each([
    ['a negative total', -1, [1]],
    ['a fractional total', 1.5, [1]],
    ['an unsafe total', UNSAFE, [1]],
    ['no weights', 10, []],
    ['all-zero weights', 10, [0, 0]],
    ['a negative weight', 10, [2, -1]],
    ['a fractional weight', 10, [1.5, 1]],
  ])('throws RangeError on %s', (_name, total, weights) => {
    expect(() => splitByWeights(total, weights)).toThrow(RangeError);
  });

  const totals = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
  const weightLists = fc
    .array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 1_000_000_000 })), { minLength: 1, maxLength: 8 })
    .filter((ws) => ws.some((w) => w > 0));

  it('property: parts sum to the total exactly and are non-negative integers', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const parts = splitByWeights(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(parts.every((p) => Number.isSafeInteger(p) && p >= 0)).toBe(true);
        expect(parts.reduce((s, p) => s + BigInt(p), 0n)).toBe(BigInt(total));
      }),
    );
  });

  it('property: each part is within 1 of its exact share (and equal to it when the share is whole)', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const parts = splitByWeights(total, weights);
        const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
        parts.forEach((part, i) => {
          // Compare part with total × w / sum without dividing: |part × sum − total × w| < sum.
          const diff = BigInt(part) * sum - BigInt(total) * BigInt(weights[i]);
          expect(diff > -sum && diff < sum).toBe(true);
          if ((BigInt(total) * BigInt(weights[i])) % sum === 0n) expect(diff).toBe(0n);
        });
      }),
    );
  });

  it('property: a larger weight never gets a smaller part', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const parts = splitByWeights(total, weights);
        for (let i = 0; i < weights.length; i++) {
          for (let j = 0; j < weights.length; j++) {
            if (weights[i] > weights[j]) expect(parts[i]).toBeGreaterThanOrEqual(parts[j]);
          }
        }
      }),
    );
  });
});

describe('formatMoney', () => {
  it.each([
    [123450, 'EUR', '1234.50 EUR'],
    [5, 'EUR', '0.05 EUR'],
    [0, 'EUR', '0.00 EUR'],
    [-5, 'EUR', '-0.05 EUR'],
    [-123450, 'USD', '-1234.50 USD'],
    [1234, 'JPY', '1234 JPY'],
    [0, 'JPY', '0 JPY'],
    [-1234, 'KRW', '-1234 KRW'],
    [1234, 'KWD', '1.234 KWD'],
    [5, 'BHD', '0.005 BHD'],
    [Number.MAX_SAFE_INTEGER, 'EUR', '90071992547409.91 EUR'],
  ])('%p %s -> %j', (amount, currency, expected) => {
    expect(formatMoney({ amount, currency })).toBe(expected);
  });

  it('throws RangeError on a float amount rather than printing it', () => {
    expect(() => formatMoney({ amount: 12.5, currency: 'EUR' })).toThrow(RangeError);
  });
});
