import fc from 'fast-check';
import { applyBps } from '../../common/money';
import {
  cancellationBps,
  distributeDigital,
  distributePhysical,
  scaleDistribution,
  type CancellationBand,
  type Distribution,
  type PhysicalTerms,
} from './splits';

// The rate card's defaults: 20% commission, 20% service fee, 10% of the commission to a mother agency, 5% platform.
const TYPICAL: PhysicalTerms = { modelCommissionBps: 2000, serviceFeeBps: 2000, motherAgencyShareBps: 1000, platformFeeBps: 500, hasMotherAgency: true };
const NO_MOTHER: PhysicalTerms = { ...TYPICAL, hasMotherAgency: false };

const parts = (d: Distribution): number => d.model + d.agency + d.motherAgency + d.platform;

describe('distributePhysical', () => {
  it.each<[string, number, PhysicalTerms, ReturnType<typeof distributePhysical>]>([
    [
      'a 1000.00 EUR fee on the typical card',
      100000,
      TYPICAL,
      { brandTotal: 120000, serviceFee: 20000, commission: 20000, model: 80000, motherAgency: 2000, platform: 6000, agency: 32000 },
    ],
    [
      'no mother agency: her share stays with the agency',
      100000,
      NO_MOTHER,
      { brandTotal: 120000, serviceFee: 20000, commission: 20000, model: 80000, motherAgency: 0, platform: 6000, agency: 34000 },
    ],
    [
      'odd amounts round half up and the agency absorbs the units',
      12345,
      TYPICAL,
      // mother 246.9 -> 247, platform 740.7 -> 741
      { brandTotal: 14814, serviceFee: 2469, commission: 2469, model: 9876, motherAgency: 247, platform: 741, agency: 3950 },
    ],
    [
      'JPY 33333: fee parts rounded to the yen',
      33333,
      TYPICAL,
      // service 6666.6 -> 6667, commission 6666.6 -> 6667, mother 666.7 -> 667, platform 2000
      { brandTotal: 40000, serviceFee: 6667, commission: 6667, model: 26666, motherAgency: 667, platform: 2000, agency: 10667 },
    ],
    ['a zero fee', 0, TYPICAL, { brandTotal: 0, serviceFee: 0, commission: 0, model: 0, motherAgency: 0, platform: 0, agency: 0 }],
    ['one unit', 1, TYPICAL, { brandTotal: 1, serviceFee: 0, commission: 0, model: 1, motherAgency: 0, platform: 0, agency: 0 }],
    [
      'the agency keeps nothing when fees exactly use it up',
      100000,
      { modelCommissionBps: 2000, serviceFeeBps: 0, motherAgencyShareBps: 5000, platformFeeBps: 1000, hasMotherAgency: true },
      { brandTotal: 100000, serviceFee: 0, commission: 20000, model: 80000, motherAgency: 10000, platform: 10000, agency: 0 },
    ],
  ])('%s', (_name, fee, terms, expected) => {
    const d = distributePhysical(fee, terms);
    expect(d).toEqual(expected);
    expect(parts(d)).toBe(d.brandTotal);
  });

  it.each<[string, number, PhysicalTerms]>([
    ['a card whose platform fee exceeds the agency side (misconfigured)', 100000, { ...TYPICAL, platformFeeBps: 10000 }],
    ['platform and mother agency one unit too many', 100000, { modelCommissionBps: 2000, serviceFeeBps: 0, motherAgencyShareBps: 5000, platformFeeBps: 1001, hasMotherAgency: true }],
    ['a commission above 100%', 100000, { ...TYPICAL, modelCommissionBps: 10001 }],
    ['a negative service fee', 100000, { ...TYPICAL, serviceFeeBps: -1 }],
    ['a fractional platform fee', 100000, { ...TYPICAL, platformFeeBps: 500.5 }],
    ['a mother share above 100%', 100000, { ...TYPICAL, motherAgencyShareBps: 20000 }],
    ['a negative fee', -1, TYPICAL],
    ['a fractional fee', 100.5, TYPICAL],
    ['a brand total past 2^53', Number.MAX_SAFE_INTEGER, TYPICAL],
  ])('throws RangeError on %s', (_name, fee, terms) => {
    expect(() => distributePhysical(fee, terms)).toThrow(RangeError);
  });

  const fees = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1e13 }));
  const share = fc.integer({ min: 0, max: 10000 });
  const terms = fc.record({ modelCommissionBps: share, serviceFeeBps: share, motherAgencyShareBps: share, platformFeeBps: share, hasMotherAgency: fc.boolean() });

  it('property: parts balance the brand total exactly, are non-negative, and follow the card; it throws only when the card cannot balance', () => {
    fc.assert(
      fc.property(fees, terms, (fee, t) => {
        // An independent reading of the card: what the agency side must pay out of what it takes.
        const serviceFee = applyBps(fee, t.serviceFeeBps);
        const commission = applyBps(fee, t.modelCommissionBps);
        const payable = applyBps(fee + serviceFee, t.platformFeeBps) + (t.hasMotherAgency ? applyBps(commission, t.motherAgencyShareBps) : 0);
        if (payable > serviceFee + commission) {
          expect(() => distributePhysical(fee, t)).toThrow(RangeError);
          return;
        }
        const d = distributePhysical(fee, t);
        expect(parts(d)).toBe(d.brandTotal);
        expect(d.brandTotal).toBe(fee + d.serviceFee);
        expect(d.model + d.commission).toBe(fee);
        for (const v of [d.model, d.agency, d.motherAgency, d.platform, d.serviceFee, d.commission]) {
          expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
        }
        if (!t.hasMotherAgency) expect(d.motherAgency).toBe(0);
      }),
    );
  });

  it('property: the typical card and any card without a platform fee never throw', () => {
    fc.assert(
      fc.property(fees, terms, (fee, t) => {
        expect(parts(distributePhysical(fee, TYPICAL))).toBe(fee + applyBps(fee, 2000));
        expect(() => distributePhysical(fee, { ...t, platformFeeBps: 0 })).not.toThrow();
      }),
    );
  });
});

describe('distributeDigital', () => {
  it.each<[string, number, { modelBps: number; agencyBps: number; platformBps: number }, Distribution]>([
    ['exact shares', 10000, { modelBps: 7000, agencyBps: 2000, platformBps: 1000 }, { brandTotal: 10000, model: 7000, agency: 2000, motherAgency: 0, platform: 1000 }],
    ['1 unit among 3: the largest remainder takes it', 1, { modelBps: 3333, agencyBps: 3334, platformBps: 3333 }, { brandTotal: 1, model: 0, agency: 1, motherAgency: 0, platform: 0 }],
    ['1 unit among 3 near-equal shares, earliest wins a tie', 1, { modelBps: 3334, agencyBps: 3333, platformBps: 3333 }, { brandTotal: 1, model: 1, agency: 0, motherAgency: 0, platform: 0 }],
    ['10000 among thirds', 10000, { modelBps: 3333, agencyBps: 3333, platformBps: 3334 }, { brandTotal: 10000, model: 3333, agency: 3333, motherAgency: 0, platform: 3334 }],
    // 8641.5 / 2469 / 1234.5: the tied halves go to the earlier share.
    ['odd total', 12345, { modelBps: 7000, agencyBps: 2000, platformBps: 1000 }, { brandTotal: 12345, model: 8642, agency: 2469, motherAgency: 0, platform: 1234 }],
    ['zero total', 0, { modelBps: 7000, agencyBps: 2000, platformBps: 1000 }, { brandTotal: 0, model: 0, agency: 0, motherAgency: 0, platform: 0 }],
    ['JPY 101 yen', 101, { modelBps: 5000, agencyBps: 3000, platformBps: 2000 }, { brandTotal: 101, model: 51, agency: 30, motherAgency: 0, platform: 20 }],
    ['all to the model', 999, { modelBps: 10000, agencyBps: 0, platformBps: 0 }, { brandTotal: 999, model: 999, agency: 0, motherAgency: 0, platform: 0 }],
  ])('%s', (_name, total, split, expected) => {
    expect(distributeDigital(total, split)).toEqual(expected);
  });

  it.each([
    ['shares summing to 9999', 100, { modelBps: 7000, agencyBps: 2000, platformBps: 999 }],
    ['shares summing to 10001', 100, { modelBps: 7000, agencyBps: 2000, platformBps: 1001 }],
    ['a negative share', 100, { modelBps: 11000, agencyBps: -1000, platformBps: 0 }],
    ['a fractional share', 100, { modelBps: 6999.5, agencyBps: 2000.5, platformBps: 1000 }],
    ['a negative total', -1, { modelBps: 7000, agencyBps: 2000, platformBps: 1000 }],
  ])('throws RangeError on %s', (_name, total, split) => {
    expect(() => distributeDigital(total, split)).toThrow(RangeError);
  });

  it('property: parts sum to the total and each is within 1 of its exact share', () => {
    const splits = fc
      .tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }))
      .map(([a, b]) => ({ modelBps: Math.min(a, b), agencyBps: Math.max(a, b) - Math.min(a, b), platformBps: 10000 - Math.max(a, b) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), splits, (total, split) => {
        const d = distributeDigital(total, split);
        expect(BigInt(d.model) + BigInt(d.agency) + BigInt(d.platform)).toBe(BigInt(total));
        expect(d.motherAgency).toBe(0);
        const pairs: [number, number][] = [
          [d.model, split.modelBps],
          [d.agency, split.agencyBps],
          [d.platform, split.platformBps],
        ];
        for (const [part, bps] of pairs) {
          const diff = BigInt(part) * 10000n - BigInt(total) * BigInt(bps); // 10 000 × (part − exact share)
          expect(diff > -10000n && diff < 10000n).toBe(true);
        }
      }),
    );
  });
});

describe('scaleDistribution', () => {
  const D: Distribution = { brandTotal: 120000, model: 80000, agency: 32000, motherAgency: 2000, platform: 6000 };
  const ODD: Distribution = { brandTotal: 14814, model: 9876, agency: 3950, motherAgency: 247, platform: 741 };

  it.each<[string, Distribution, number, Distribution]>([
    ['50% cancellation fee', D, 5000, { brandTotal: 60000, model: 40000, agency: 16000, motherAgency: 1000, platform: 3000 }],
    ['25% cancellation fee', D, 2500, { brandTotal: 30000, model: 20000, agency: 8000, motherAgency: 500, platform: 1500 }],
    ['100% leaves it unchanged', ODD, 10000, ODD],
    ['0% is nothing', D, 0, { brandTotal: 0, model: 0, agency: 0, motherAgency: 0, platform: 0 }],
    // 7407 split as 4938 / 1975 / 123.5 / 370.5: the tied halves go to the earlier part (mother agency).
    ['odd halves: 50% of 14814', ODD, 5000, { brandTotal: 7407, model: 4938, agency: 1975, motherAgency: 124, platform: 370 }],
    ['a zero distribution stays zero', { brandTotal: 0, model: 0, agency: 0, motherAgency: 0, platform: 0 }, 5000, { brandTotal: 0, model: 0, agency: 0, motherAgency: 0, platform: 0 }],
    ['1 unit of a 3-unit total goes to the largest part', { brandTotal: 3, model: 2, agency: 1, motherAgency: 0, platform: 0 }, 3333, { brandTotal: 1, model: 1, agency: 0, motherAgency: 0, platform: 0 }],
    ['a postponement fee above 100% (150%)', D, 15000, { brandTotal: 180000, model: 120000, agency: 48000, motherAgency: 3000, platform: 9000 }],
  ])('%s', (_name, d, bps, expected) => {
    expect(scaleDistribution(d, bps)).toEqual(expected);
  });

  it('takes distributePhysical output as it is and returns only the distribution', () => {
    const scaled = scaleDistribution(distributePhysical(100000, TYPICAL), 5000);
    expect(scaled).toEqual({ brandTotal: 60000, model: 40000, agency: 16000, motherAgency: 1000, platform: 3000 });
  });

  it.each<[string, Distribution, number]>([
    ['parts that do not sum to the total', { ...D, agency: 31999 }, 5000],
    ['a negative part', { brandTotal: 100, model: 101, agency: -1, motherAgency: 0, platform: 0 }, 5000],
    ['a fractional part', { brandTotal: 100, model: 99.5, agency: 0.5, motherAgency: 0, platform: 0 }, 5000],
    ['negative bps', D, -1],
    ['bps past 1 000 000', D, 1_000_001],
  ])('throws RangeError on %s', (_name, d, bps) => {
    expect(() => scaleDistribution(d, bps)).toThrow(RangeError);
  });

  it('property: scaled parts sum to applyBps(brandTotal, bps), stay within 1 of proportion, and a zero part stays zero', () => {
    const amounts = fc.integer({ min: 0, max: 1e12 });
    const distributions = fc.tuple(amounts, amounts, amounts, amounts).map(([model, agency, motherAgency, platform]) => ({
      brandTotal: model + agency + motherAgency + platform,
      model,
      agency,
      motherAgency,
      platform,
    }));
    fc.assert(
      fc.property(distributions, fc.integer({ min: 0, max: 20000 }), (d, bps) => {
        const s = scaleDistribution(d, bps);
        expect(s.brandTotal).toBe(applyBps(d.brandTotal, bps));
        expect(parts(s)).toBe(s.brandTotal);
        const pairs: [number, number][] = [
          [s.model, d.model],
          [s.agency, d.agency],
          [s.motherAgency, d.motherAgency],
          [s.platform, d.platform],
        ];
        for (const [scaled, old] of pairs) {
          expect(scaled >= 0).toBe(true);
          if (old === 0) expect(scaled).toBe(0);
          if (d.brandTotal > 0) {
            const diff = BigInt(scaled) * BigInt(d.brandTotal) - BigInt(s.brandTotal) * BigInt(old);
            expect(diff > -BigInt(d.brandTotal) && diff < BigInt(d.brandTotal)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('cancellationBps', () => {
  const BANDS: CancellationBand[] = [
    { noticeHours: 24, bps: 10000 },
    { noticeHours: 48, bps: 5000 },
    { noticeHours: 72, bps: 2500 },
  ];
  const START = new Date('2030-06-10T09:00:00.000Z');
  const H = 3_600_000;
  const before = (ms: number): Date => new Date(START.getTime() - ms);

  it.each([
    ['a week ahead', 7 * 24 * H, 0],
    ['72 h + 1 ms: under no band', 72 * H + 1, 0],
    ['72 h exactly: not under 72 h', 72 * H, 0],
    ['72 h − 1 ms', 72 * H - 1, 2500],
    ['48 h exactly: not under 48 h', 48 * H, 2500],
    ['48 h − 1 ms', 48 * H - 1, 5000],
    ['24 h exactly: not under 24 h', 24 * H, 5000],
    ['23 h 59 min 59 s', 24 * H - 1000, 10000],
    ['an hour ahead', H, 10000],
    ['at the start instant', 0, 10000],
    ['an hour after the start', -H, 10000],
  ])('%s -> %i bps', (_name, noticeMs, expected) => {
    expect(cancellationBps(BANDS, START, before(noticeMs))).toBe(expected);
  });

  it.each([
    ['unsorted bands give the same answer', [...BANDS].reverse(), 30 * H, 5000],
    ['after the start, the tightest band applies even if it is not 100%', [{ noticeHours: 48, bps: 5000 }, { noticeHours: 12, bps: 8000 }], -H, 8000],
    ['no bands, ahead of the start: free', [], H, 0],
    ['no bands, at the start instant: not yet started', [], 0, 0],
    ['no bands, already started: the whole fee', [], -1, 10000],
    ['a fractional band: 30 min', [{ noticeHours: 0.5, bps: 10000 }], 30 * 60_000 - 1, 10000],
    ['a fractional band at its boundary', [{ noticeHours: 0.5, bps: 10000 }], 30 * 60_000, 0],
    ['a band of 0 h only applies once started', [{ noticeHours: 0, bps: 7000 }], 0, 0],
    ['a band of 0 h after the start', [{ noticeHours: 0, bps: 7000 }], -1, 7000],
    ['a duplicate band with the same bps is harmless', [...BANDS, { noticeHours: 24, bps: 10000 }], 23 * H, 10000],
  ])('%s', (_name, bands, noticeMs, expected) => {
    expect(cancellationBps(bands, START, before(noticeMs))).toBe(expected);
  });

  it.each<[string, CancellationBand[], Date, Date]>([
    ['a negative noticeHours', [{ noticeHours: -1, bps: 10000 }], START, before(H)],
    ['an infinite noticeHours', [{ noticeHours: Infinity, bps: 10000 }], START, before(H)],
    ['bps above 100%', [{ noticeHours: 24, bps: 10001 }], START, before(H)],
    ['fractional bps', [{ noticeHours: 24, bps: 99.5 }], START, before(H)],
    ['the same notice charged twice differently', [...BANDS, { noticeHours: 24, bps: 9000 }], START, before(H)],
    ['an invalid start', BANDS, new Date('nope'), before(H)],
    ['an invalid cancellation time', BANDS, START, new Date(NaN)],
  ])('throws RangeError on %s', (_name, bands, start, cancelledAt) => {
    expect(() => cancellationBps(bands, start, cancelledAt)).toThrow(RangeError);
  });

  it('property: with bands that charge more for less notice, more notice never costs more', () => {
    const notice = fc.integer({ min: -10 * H, max: 100 * H });
    const monotoneBands = fc
      .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 0, maxLength: 5 })
      .chain((hours) =>
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: hours.length, maxLength: hours.length }).map((bpsList) => {
          // Pair the shortest notice with the highest charge.
          const h = [...hours].sort((a, b) => a - b);
          const b = [...bpsList].sort((x, y) => y - x);
          return h.map((noticeHours, i) => ({ noticeHours, bps: b[i] }));
        }),
      );
    fc.assert(
      fc.property(monotoneBands, notice, notice, (bands, n1, n2) => {
        const [less, more] = n1 <= n2 ? [n1, n2] : [n2, n1];
        expect(cancellationBps(bands, START, before(more))).toBeLessThanOrEqual(cancellationBps(bands, START, before(less)));
        // Past the loosest band there is nothing to pay.
        const loosest = Math.max(0, ...bands.map((b) => b.noticeHours));
        if (more >= loosest * H && more >= 0) expect(cancellationBps(bands, START, before(more))).toBe(0);
      }),
    );
  });
});
