import fc from 'fast-check';
import { claimRowsOf, countriesOf, exclusivityConflict, isKnownTerritory, ISO_COUNTRIES, rowsCollide, type CategoryUse } from './exclusivity';

const d = (day: number) => new Date(Date.UTC(2030, 0, day));

function use(patch: Partial<CategoryUse> = {}): CategoryUse {
  return { brandId: 'brand-a', category: 'APPAREL', territories: ['FR'], start: d(1), end: d(31), exclusive: true, ...patch };
}

describe('exclusivityConflict', () => {
  it.each<[string, Partial<CategoryUse>, Partial<CategoryUse>, { territory: string; start: Date; end: Date } | null]>([
    ['same country, same period', {}, { brandId: 'brand-b' }, { territory: 'FR', start: d(1), end: d(31) }],
    ['FR inside EU', {}, { brandId: 'brand-b', territories: ['EU'] }, { territory: 'FR', start: d(1), end: d(31) }],
    ['EU against DE', { territories: ['EU'] }, { brandId: 'brand-b', territories: ['DE'] }, { territory: 'DE', start: d(1), end: d(31) }],
    ['FR inside WORLDWIDE', {}, { brandId: 'brand-b', territories: ['WORLDWIDE'] }, { territory: 'FR', start: d(1), end: d(31) }],
    ['WORLDWIDE against US', { territories: ['WORLDWIDE'] }, { brandId: 'brand-b', territories: ['US'] }, { territory: 'US', start: d(1), end: d(31) }],
    ['EU against WORLDWIDE shares the first member state', { territories: ['EU'] }, { brandId: 'brand-b', territories: ['WORLDWIDE'] }, { territory: 'AT', start: d(1), end: d(31) }],
    ['EU and US do not meet', { territories: ['EU'] }, { brandId: 'brand-b', territories: ['US'] }, null],
    ['FR and DE do not meet', {}, { brandId: 'brand-b', territories: ['DE'] }, null],
    ['the period shared is the intersection', { start: d(1), end: d(20) }, { brandId: 'brand-b', start: d(10), end: d(40) }, { territory: 'FR', start: d(10), end: d(20) }],
    ['periods that touch do not overlap', { start: d(1), end: d(10) }, { brandId: 'brand-b', start: d(10), end: d(20) }, null],
    ['touching the other way either', { start: d(10), end: d(20) }, { brandId: 'brand-b', start: d(1), end: d(10) }, null],
    ['another category', {}, { brandId: 'brand-b', category: 'BEAUTY' }, null],
    ['category spelled in any case', {}, { brandId: 'brand-b', category: ' apparel ' }, { territory: 'FR', start: d(1), end: d(31) }],
    ['the same brand renews its own', {}, { start: d(20), end: d(60) }, null],
    ['the same brand widens its own to the EU', {}, { territories: ['EU'] }, null],
    ['a non-exclusive use of another brand against an exclusivity', {}, { brandId: 'brand-b', exclusive: false }, { territory: 'FR', start: d(1), end: d(31) }],
    ['an exclusivity against a licence already running', { exclusive: false, territories: ['EU'] }, { brandId: 'brand-b' }, { territory: 'FR', start: d(1), end: d(31) }],
    ['two non-exclusive uses coexist', { exclusive: false }, { brandId: 'brand-b', exclusive: false }, null],
  ])('%s', (_name, a, b, expected) => {
    const got = exclusivityConflict(use(a), use(b));
    expect(got && { territory: got.territory, start: got.start, end: got.end }).toEqual(expected);
    // The rule is symmetric: who came first does not matter.
    expect(!!exclusivityConflict(use(b), use(a))).toBe(!!expected);
  });

  it('names the category upper-cased, never a brand', () => {
    const got = exclusivityConflict(use({ category: 'apparel' }), use({ brandId: 'brand-b' }));
    expect(got).toEqual({ category: 'APPAREL', territory: 'FR', start: d(1), end: d(31) });
    expect(JSON.stringify(got)).not.toContain('brand');
  });
});

describe('territories', () => {
  it.each<[string[], number]>([
    [['FR'], 1],
    [['EU'], 27],
    [['EU', 'FR'], 27],
    [['WORLDWIDE'], 249],
    [['fr', ' de '], 2],
  ])('%j stands for %i countries', (territories, n) => expect(countriesOf(territories).size).toBe(n));

  it.each<[string, boolean]>([
    ['FR', true],
    ['eu', true],
    ['WORLDWIDE', true],
    ['VN', true],
    ['XX', false],
    ['EUROPE', false],
    ['', false],
  ])('%j is a known territory: %s', (code, known) => expect(isKnownTerritory(code)).toBe(known));

  it('WORLDWIDE is 249 distinct two-letter codes', () => {
    expect(new Set(ISO_COUNTRIES).size).toBe(249);
    expect(ISO_COUNTRIES.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
  });
});

// The database compares claim rows, not uses: whatever two uses of two brands are, some pair of their rows collides
// exactly when the rule says they conflict.
describe('claimRowsOf agrees with exclusivityConflict', () => {
  const collide = (a: CategoryUse, b: CategoryUse) => claimRowsOf(a).some((x) => claimRowsOf(b).some((y) => rowsCollide(x, y)));

  it.each<[string, Partial<CategoryUse>, Partial<CategoryUse>]>([
    ['exclusive FR against exclusive DE (both cover EU and WORLDWIDE)', {}, { territories: ['DE'] }],
    ['exclusive FR against exclusive US', {}, { territories: ['US'] }],
    ['exclusive EU against a US licence', { territories: ['EU'] }, { territories: ['US'], exclusive: false }],
    ['exclusive FR against an EU licence', {}, { territories: ['EU'], exclusive: false }],
    ['exclusive US against an EU licence', { territories: ['US'] }, { territories: ['EU'], exclusive: false }],
    ['exclusive FR against a WORLDWIDE licence', {}, { territories: ['WORLDWIDE'], exclusive: false }],
    ['exclusive WORLDWIDE against an EU licence', { territories: ['WORLDWIDE'] }, { territories: ['EU'], exclusive: false }],
    ['two licences', { exclusive: false, territories: ['WORLDWIDE'] }, { exclusive: false }],
    ['touching periods', { end: d(10) }, { start: d(10) }],
  ])('%s', (_name, a, b) => {
    const x = use(a);
    const y = use({ brandId: 'brand-b', ...b });
    expect(collide(x, y)).toBe(!!exclusivityConflict(x, y));
  });

  const territories = fc.array(fc.constantFrom('FR', 'DE', 'US', 'JP', 'EU', 'WORLDWIDE'), { minLength: 1, maxLength: 3 });
  const anyUse = (brandId: string) =>
    fc.record({ territories, from: fc.integer({ min: 1, max: 20 }), days: fc.integer({ min: 1, max: 20 }), exclusive: fc.boolean() }).map(
      (u): CategoryUse => ({ brandId, category: 'APPAREL', territories: u.territories, start: d(u.from), end: d(u.from + u.days), exclusive: u.exclusive }),
    );

  it('for any two uses of two brands', () => {
    fc.assert(fc.property(anyUse('brand-a'), anyUse('brand-b'), (a, b) => collide(a, b) === !!exclusivityConflict(a, b)));
  });

  it('an exclusive WORLDWIDE use writes a row per country and the two covers', () => {
    expect(claimRowsOf(use({ territories: ['WORLDWIDE'] }))).toHaveLength(249 + 2);
  });

  it('a licence writes its territories as named, once each', () => {
    expect(claimRowsOf(use({ territories: ['EU', 'fr', 'FR'], exclusive: false })).map((r) => [r.kind, r.territory])).toEqual([
      ['USAGE', 'EU'],
      ['USAGE', 'FR'],
    ]);
  });
});
