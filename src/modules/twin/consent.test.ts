import fc from 'fast-check';
import {
  consentChange,
  consentViolations,
  EU_MEMBER_STATES,
  type ConsentScope,
  type DigitalUsageRequest,
  type TwinStatus,
} from './consent';

const CONSENT_ENDS = new Date('2026-12-31T00:00:00.000Z');

// A scope/request pair that is fully covered, so each case can break exactly one term.
function scope(patch: Partial<ConsentScope> = {}): ConsentScope {
  return {
    allowedMedia: ['ECOMMERCE', 'SOCIAL', 'WEB'],
    allowedTerritories: ['FR', 'US'],
    allowedCategories: ['APPAREL', 'FOOTWEAR'],
    excludedCategories: ['LINGERIE'],
    excludedBrandIds: ['brand-banned'],
    consentEndsAt: CONSENT_ENDS,
    ...patch,
  };
}

function request(patch: Partial<DigitalUsageRequest> = {}): DigitalUsageRequest {
  return {
    brandId: 'brand-ok',
    category: 'APPAREL',
    media: ['ECOMMERCE'],
    territories: ['FR'],
    usageStart: new Date('2026-01-01T00:00:00.000Z'),
    usageEnd: new Date('2026-06-30T00:00:00.000Z'),
    productionEnd: new Date('2026-02-01T00:00:00.000Z'),
    ...patch,
  };
}

const summary = (status: TwinStatus, s: ConsentScope, r: DigitalUsageRequest) =>
  consentViolations(status, s, r).map(({ code, field, term }) => ({ code, field, term }));

describe('consentViolations', () => {
  it('allows the fully covered baseline request', () => {
    expect(consentViolations('ACTIVE', scope(), request())).toEqual([]);
  });

  describe('twin status', () => {
    it.each<TwinStatus>(['PAUSED', 'RETIRED'])(
      'reports only TWIN_NOT_ACTIVE for a %s twin, even when every other term is uncovered',
      (status) => {
        const everythingWrong = request({
          brandId: 'brand-banned',
          category: 'LINGERIE',
          media: ['TV'],
          territories: ['JP'],
          usageEnd: new Date('2030-01-01T00:00:00.000Z'),
        });
        const violations = consentViolations(status, scope(), everythingWrong);
        expect(violations).toEqual([
          { code: 'TWIN_NOT_ACTIVE', field: 'modelId', term: status, message: expect.stringContaining(status) },
        ]);
      },
    );
  });

  describe('single uncovered term', () => {
    it.each<[string, Partial<ConsentScope>, Partial<DigitalUsageRequest>, { code: string; field: string; term: string }]>([
      ['medium outside allowedMedia', {}, { media: ['TV'] }, { code: 'MEDIUM_NOT_COVERED', field: 'media', term: 'TV' }],
      ['any medium when allowedMedia is empty', { allowedMedia: [] }, {}, { code: 'MEDIUM_NOT_COVERED', field: 'media', term: 'ECOMMERCE' }],
      ['territory outside allowedTerritories', {}, { territories: ['DE'] }, { code: 'TERRITORY_NOT_COVERED', field: 'territories', term: 'DE' }],
      ['any territory when allowedTerritories is empty', { allowedTerritories: [] }, {}, { code: 'TERRITORY_NOT_COVERED', field: 'territories', term: 'FR' }],
      ['category outside allowedCategories', {}, { category: 'BEAUTY' }, { code: 'CATEGORY_NOT_COVERED', field: 'category', term: 'BEAUTY' }],
      ['any category when allowedCategories is empty', { allowedCategories: [] }, {}, { code: 'CATEGORY_NOT_COVERED', field: 'category', term: 'APPAREL' }],
      ['excluded category (not allowed either)', {}, { category: 'LINGERIE' }, { code: 'CATEGORY_EXCLUDED', field: 'category', term: 'LINGERIE' }],
      ['excluded category that is also allowed: exclusion wins', { allowedCategories: ['APPAREL', 'LINGERIE'] }, { category: 'LINGERIE' }, { code: 'CATEGORY_EXCLUDED', field: 'category', term: 'LINGERIE' }],
      ['excluded brand', {}, { brandId: 'brand-banned' }, { code: 'BRAND_EXCLUDED', field: 'brandId', term: 'brand-banned' }],
      ['usageEnd after consentEndsAt', {}, { usageEnd: new Date('2027-01-15T00:00:00.000Z') }, { code: 'CONSENT_EXPIRED', field: 'usageEnd', term: CONSENT_ENDS.toISOString() }],
      ['usageEnd 1 ms after consentEndsAt', {}, { usageEnd: new Date(CONSENT_ENDS.getTime() + 1) }, { code: 'CONSENT_EXPIRED', field: 'usageEnd', term: CONSENT_ENDS.toISOString() }],
      ['only productionEnd after consentEndsAt', {}, { productionEnd: new Date('2027-01-15T00:00:00.000Z') }, { code: 'CONSENT_EXPIRED', field: 'productionEnd', term: CONSENT_ENDS.toISOString() }],
      ['both ends after consentEndsAt, usageEnd later', {}, { productionEnd: new Date('2027-01-02T00:00:00.000Z'), usageEnd: new Date('2027-06-01T00:00:00.000Z') }, { code: 'CONSENT_EXPIRED', field: 'usageEnd', term: CONSENT_ENDS.toISOString() }],
      ['both ends after consentEndsAt, productionEnd later', {}, { productionEnd: new Date('2027-06-01T00:00:00.000Z'), usageEnd: new Date('2027-01-02T00:00:00.000Z') }, { code: 'CONSENT_EXPIRED', field: 'productionEnd', term: CONSENT_ENDS.toISOString() }],
      ['both ends equal and after consentEndsAt', {}, { productionEnd: new Date('2027-06-01T00:00:00.000Z'), usageEnd: new Date('2027-06-01T00:00:00.000Z') }, { code: 'CONSENT_EXPIRED', field: 'usageEnd', term: CONSENT_ENDS.toISOString() }],
    ])('reports %s', (_name, scopePatch, reqPatch, expected) => {
      const violations = consentViolations('ACTIVE', scope(scopePatch), request(reqPatch));
      expect(violations.map(({ code, field, term }) => ({ code, field, term }))).toEqual([expected]);
      expect(violations[0]?.message).toContain(expected.term);
    });
  });

  describe('consent end boundary', () => {
    it.each<[string, Partial<ConsentScope>, Partial<DigitalUsageRequest>, string[]]>([
      ['usageEnd exactly at consentEndsAt', {}, { usageEnd: new Date(CONSENT_ENDS.getTime()) }, []],
      ['productionEnd and usageEnd exactly at consentEndsAt', {}, { productionEnd: new Date(CONSENT_ENDS.getTime()), usageEnd: new Date(CONSENT_ENDS.getTime()) }, []],
      ['usageEnd 1 ms after consentEndsAt', {}, { usageEnd: new Date(CONSENT_ENDS.getTime() + 1) }, ['CONSENT_EXPIRED']],
      ['productionEnd 1 ms after consentEndsAt', {}, { productionEnd: new Date(CONSENT_ENDS.getTime() + 1) }, ['CONSENT_EXPIRED']],
      ['no consent end date, far-future usage', { consentEndsAt: null }, { usageEnd: new Date('2099-01-01T00:00:00.000Z'), productionEnd: new Date('2098-01-01T00:00:00.000Z') }, []],
      ['invalid usageEnd is treated as outside consent', {}, { usageEnd: new Date(Number.NaN) }, ['CONSENT_EXPIRED']],
    ])('%s', (_name, scopePatch, reqPatch, codes) => {
      expect(consentViolations('ACTIVE', scope(scopePatch), request(reqPatch)).map((v) => v.code)).toEqual(codes);
    });

    it('reports an invalid consentEndsAt as expired instead of throwing', () => {
      expect(summary('ACTIVE', scope({ consentEndsAt: new Date(Number.NaN) }), request())).toEqual([
        { code: 'CONSENT_EXPIRED', field: 'usageEnd', term: 'Invalid Date' },
      ]);
    });
  });

  describe('territories: EU and WORLDWIDE', () => {
    it.each<[string[], string, boolean]>([
      [['FR'], 'FR', true],
      [['US'], 'FR', false],
      [[], 'FR', false],
      [[], 'WORLDWIDE', false],
      [['WORLDWIDE'], 'US', true],
      [['WORLDWIDE'], 'JP', true],
      [['WORLDWIDE'], 'EU', true],
      [['WORLDWIDE'], 'WORLDWIDE', true],
      [['EU'], 'DE', true],
      [['EU'], 'GR', true],
      [['EU'], 'HR', true],
      [['EU'], 'EU', true],
      [['EU'], 'GB', false],
      [['EU'], 'CH', false],
      [['EU'], 'NO', false],
      [['EU'], 'US', false],
      [['EU'], 'WORLDWIDE', false],
      [['FR', 'DE'], 'EU', false],
      [[...EU_MEMBER_STATES], 'EU', false],
      [['EU', 'US', 'JP'], 'WORLDWIDE', false],
    ])('allowed %j, requesting %s -> covered: %s', (allowedTerritories, territory, covered) => {
      const violations = summary('ACTIVE', scope({ allowedTerritories }), request({ territories: [territory] }));
      expect(violations).toEqual(
        covered ? [] : [{ code: 'TERRITORY_NOT_COVERED', field: 'territories', term: territory }],
      );
    });

    it.each([...EU_MEMBER_STATES])('EU consent covers member state %s', (member) => {
      expect(consentViolations('ACTIVE', scope({ allowedTerritories: ['EU'] }), request({ territories: [member] }))).toEqual([]);
    });

    it('lists exactly the 27 EU member states as ISO alpha-2 codes', () => {
      expect([...EU_MEMBER_STATES].sort()).toEqual(
        ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
          'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'],
      );
    });

    it('cannot be mutated at runtime, so no caller can widen EU consent', () => {
      expect(Object.isFrozen(EU_MEMBER_STATES)).toBe(true);
    });
  });

  describe('case-insensitive codes', () => {
    it.each<[string, Partial<ConsentScope>, Partial<DigitalUsageRequest>]>([
      ['lower-case requested medium', {}, { media: ['ecommerce'] }],
      ['lower-case allowed medium', { allowedMedia: ['ecommerce'] }, { media: ['ECOMMERCE'] }],
      ['mixed-case requested territory', {}, { territories: ['Fr'] }],
      ['lower-case EU member under lower-case EU consent', { allowedTerritories: ['eu'] }, { territories: ['de'] }],
      ['lower-case worldwide consent', { allowedTerritories: ['worldwide'] }, { territories: ['jp', 'eu', 'Worldwide'] }],
      ['lower-case requested category', {}, { category: 'apparel' }],
      ['padded mixed-case category', {}, { category: ' Apparel ' }],
      ['lower-case allowed category', { allowedCategories: ['footwear'] }, { category: 'FOOTWEAR' }],
    ])('allows %s', (_name, scopePatch, reqPatch) => {
      expect(consentViolations('ACTIVE', scope(scopePatch), request(reqPatch))).toEqual([]);
    });

    it.each<[string, Partial<ConsentScope>, Partial<DigitalUsageRequest>, { code: string; field: string; term: string }]>([
      ['lower-case uncovered medium, reported upper-case', {}, { media: ['tv'] }, { code: 'MEDIUM_NOT_COVERED', field: 'media', term: 'TV' }],
      ['lower-case uncovered territory, reported upper-case', {}, { territories: ['jp'] }, { code: 'TERRITORY_NOT_COVERED', field: 'territories', term: 'JP' }],
      ['lower-case excluded category', {}, { category: 'lingerie' }, { code: 'CATEGORY_EXCLUDED', field: 'category', term: 'LINGERIE' }],
      ['lower-case exclusion in the scope', { excludedCategories: ['apparel'] }, {}, { code: 'CATEGORY_EXCLUDED', field: 'category', term: 'APPAREL' }],
      ['excluded brand id differing only in case', {}, { brandId: 'BRAND-Banned' }, { code: 'BRAND_EXCLUDED', field: 'brandId', term: 'BRAND-Banned' }],
    ])('still reports %s', (_name, scopePatch, reqPatch, expected) => {
      expect(summary('ACTIVE', scope(scopePatch), request(reqPatch))).toEqual([expected]);
    });
  });

  describe('multiple violations', () => {
    it.each<[string, string[], string[]]>([
      ['request order as given', ['TV', 'ECOMMERCE', 'OOH'], ['JP', 'FR', 'BR']],
      ['request order reversed', ['OOH', 'ECOMMERCE', 'TV'], ['BR', 'FR', 'JP']],
    ])('reports status-brand-category-media-territories-dates, lists in %s', (_name, media, territories) => {
      const r = request({
        brandId: 'brand-banned',
        category: 'BEAUTY',
        media,
        territories,
        usageEnd: new Date('2027-03-01T00:00:00.000Z'),
      });
      const uncoveredMedia = media.filter((m) => m !== 'ECOMMERCE');
      const uncoveredTerritories = territories.filter((t) => t !== 'FR');
      expect(summary('ACTIVE', scope(), r)).toEqual([
        { code: 'BRAND_EXCLUDED', field: 'brandId', term: 'brand-banned' },
        { code: 'CATEGORY_NOT_COVERED', field: 'category', term: 'BEAUTY' },
        ...uncoveredMedia.map((term) => ({ code: 'MEDIUM_NOT_COVERED', field: 'media', term })),
        ...uncoveredTerritories.map((term) => ({ code: 'TERRITORY_NOT_COVERED', field: 'territories', term })),
        { code: 'CONSENT_EXPIRED', field: 'usageEnd', term: CONSENT_ENDS.toISOString() },
      ]);
    });

    it.each<[string, Partial<DigitalUsageRequest>, string[]]>([
      ['medium repeated in different case', { media: ['TV', 'tv', 'ECOMMERCE'] }, ['TV']],
      ['territory repeated', { territories: ['JP', 'FR', 'jp '] }, ['JP']],
    ])('reports one violation per uncovered term: %s', (_name, reqPatch, terms) => {
      expect(consentViolations('ACTIVE', scope(), request(reqPatch)).map((v) => v.term)).toEqual(terms);
    });

    it('is deterministic and does not mutate its inputs', () => {
      const s = scope({ allowedMedia: ['social', 'WEB'] });
      const r = request({ media: ['tv', 'Social'], territories: ['jp'] });
      const before = JSON.stringify([s, r]);
      const first = consentViolations('ACTIVE', s, r);
      expect(consentViolations('ACTIVE', s, r)).toEqual(first);
      expect(JSON.stringify([s, r])).toBe(before);
      expect(first.map((v) => v.term)).toEqual(['TV', 'JP']);
    });
  });

  describe('properties', () => {
    const MEDIA = ['ECOMMERCE', 'SOCIAL', 'PRINT', 'OOH', 'TV', 'WEB'];
    const TERRITORIES = ['FR', 'US', 'DE', 'JP', 'BR', 'GB', 'IT', 'EU', 'WORLDWIDE'];
    const CATEGORIES = ['APPAREL', 'BEAUTY', 'LINGERIE', 'FOOTWEAR', 'JEWELRY'];
    const BRANDS = ['brand-a', 'brand-b', 'brand-c', 'brand-d'];
    const T0 = Date.UTC(2026, 0, 1);
    const YEAR_MS = 365 * 24 * 3600 * 1000;

    const spelling = fc.constantFrom<(s: string) => string>(
      (s) => s,
      (s) => s.toLowerCase(),
      (s) => ` ${s[0]}${s.slice(1).toLowerCase()} `,
    );

    // Every term the request draws is one the scope grants, so no violation may ever appear.
    const coveredCase = fc
      .record({
        allowedMedia: fc.subarray(MEDIA, { minLength: 1 }),
        allowedTerritories: fc.subarray(TERRITORIES, { minLength: 1 }),
        allowedCategories: fc.subarray(CATEGORIES, { minLength: 1 }),
        excludedBrandIds: fc.subarray(BRANDS),
        consentEndsAt: fc.option(fc.integer({ min: T0, max: T0 + 5 * YEAR_MS }), { nil: null }),
      })
      .chain((base) => {
        const grantedTerritories = new Set(base.allowedTerritories);
        if (grantedTerritories.has('EU')) EU_MEMBER_STATES.forEach((m) => grantedTerritories.add(m));
        if (grantedTerritories.has('WORLDWIDE')) {
          [...TERRITORIES, ...EU_MEMBER_STATES, 'CN', 'ZA'].forEach((t) => grantedTerritories.add(t));
        }
        const endsAt = base.consentEndsAt ?? T0 + 10 * YEAR_MS;
        return fc.record({
          base: fc.constant(base),
          excludedCategories: fc.subarray(CATEGORIES.filter((c) => !base.allowedCategories.includes(c))),
          brandId: fc.constantFrom(...BRANDS.filter((b) => !base.excludedBrandIds.includes(b)), 'brand-free'),
          category: fc.constantFrom(...base.allowedCategories),
          media: fc.subarray(base.allowedMedia, { minLength: 1 }),
          territories: fc.subarray([...grantedTerritories], { minLength: 1 }),
          usageEnd: fc.integer({ min: T0, max: endsAt }),
          productionEnd: fc.integer({ min: T0, max: endsAt }),
          spell: spelling,
        });
      });

    it('a request built only from allowed terms always yields no violations', () => {
      fc.assert(
        fc.property(coveredCase, ({ base, excludedCategories, brandId, category, media, territories, usageEnd, productionEnd, spell }) => {
          const s: ConsentScope = {
            allowedMedia: base.allowedMedia,
            allowedTerritories: base.allowedTerritories.map(spell),
            allowedCategories: base.allowedCategories,
            excludedCategories,
            excludedBrandIds: base.excludedBrandIds,
            consentEndsAt: base.consentEndsAt === null ? null : new Date(base.consentEndsAt),
          };
          const r: DigitalUsageRequest = {
            brandId,
            category: spell(category),
            media: media.map(spell),
            territories: territories.map(spell),
            usageStart: new Date(T0),
            usageEnd: new Date(usageEnd),
            productionEnd: new Date(productionEnd),
          };
          expect(consentViolations('ACTIVE', s, r)).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });

    it('adding one ungranted medium to a covered request yields exactly that one violation', () => {
      fc.assert(
        fc.property(
          fc.subarray(MEDIA, { minLength: 1, maxLength: MEDIA.length - 1 }).chain((allowed) =>
            fc.tuple(fc.constant(allowed), fc.constantFrom(...MEDIA.filter((m) => !allowed.includes(m))), fc.nat()),
          ),
          ([allowedMedia, extra, position]) => {
            const media = [...allowedMedia];
            media.splice(position % (media.length + 1), 0, extra.toLowerCase());
            expect(summary('ACTIVE', scope({ allowedMedia }), request({ media }))).toEqual([
              { code: 'MEDIUM_NOT_COVERED', field: 'media', term: extra },
            ]);
          },
        ),
      );
    });
  });
});

describe('consentChange: narrowing or widening, decided by what each consent lets through', () => {
  const LATER = new Date('2027-06-30T00:00:00.000Z');
  const EARLIER = new Date('2026-06-30T00:00:00.000Z');
  const summaryOf = (from: Partial<ConsentScope>, to: Partial<ConsentScope>) => {
    const { kind, widened, narrowed } = consentChange(scope(from), scope(to));
    return { kind, widened: widened.map((c) => `${c.term}:${c.value}`), narrowed: narrowed.map((c) => `${c.term}:${c.value}`) };
  };

  it.each<[string, Partial<ConsentScope>, Partial<ConsentScope>, string, string[], string[]]>([
    ['the same consent', {}, {}, 'UNCHANGED', [], []],
    ['the same codes in other case and order', {}, { allowedMedia: ['web', 'social', 'ecommerce'] }, 'UNCHANGED', [], []],
    ['one medium fewer', {}, { allowedMedia: ['ECOMMERCE', 'SOCIAL'] }, 'NARROWING', [], ['allowedMedia:WEB']],
    ['one medium more', {}, { allowedMedia: ['ECOMMERCE', 'SOCIAL', 'WEB', 'TV'] }, 'WIDENING', ['allowedMedia:TV'], []],
    ['a medium swapped', {}, { allowedMedia: ['ECOMMERCE', 'SOCIAL', 'TV'] }, 'WIDENING', ['allowedMedia:TV'], ['allowedMedia:WEB']],
    ['one territory fewer', {}, { allowedTerritories: ['FR'] }, 'NARROWING', [], ['allowedTerritories:US']],
    ['one territory more', {}, { allowedTerritories: ['FR', 'US', 'JP'] }, 'WIDENING', ['allowedTerritories:JP'], []],
    ['WORLDWIDE to EU', { allowedTerritories: ['WORLDWIDE'] }, { allowedTerritories: ['EU'] }, 'NARROWING', [], ['allowedTerritories:WORLDWIDE']],
    ['EU to WORLDWIDE', { allowedTerritories: ['EU'] }, { allowedTerritories: ['WORLDWIDE'] }, 'WIDENING', ['allowedTerritories:WORLDWIDE'], []],
    ['EU to two member states', { allowedTerritories: ['EU'] }, { allowedTerritories: ['FR', 'DE'] }, 'NARROWING', [], ['allowedTerritories:EU']],
    ['WORLDWIDE to countries', { allowedTerritories: ['WORLDWIDE'] }, { allowedTerritories: ['FR', 'US'] }, 'NARROWING', [], ['allowedTerritories:WORLDWIDE']],
    // No list of countries adds up to EU: a booking for "EU" was not covered before and is now.
    ['every member state to EU', { allowedTerritories: [...EU_MEMBER_STATES] }, { allowedTerritories: ['EU'] }, 'WIDENING', ['allowedTerritories:EU'], []],
    ['a member state added under EU', { allowedTerritories: ['EU'] }, { allowedTerritories: ['EU', 'FR'] }, 'UNCHANGED', [], []],
    ['a non-member added to EU', { allowedTerritories: ['EU'] }, { allowedTerritories: ['EU', 'CH'] }, 'WIDENING', ['allowedTerritories:CH'], []],
    ['a category fewer', {}, { allowedCategories: ['APPAREL'] }, 'NARROWING', [], ['allowedCategories:FOOTWEAR']],
    ['a category more', {}, { allowedCategories: ['APPAREL', 'FOOTWEAR', 'BEAUTY'] }, 'WIDENING', ['allowedCategories:BEAUTY'], []],
    ['another excluded category', {}, { excludedCategories: ['LINGERIE', 'FOOTWEAR'] }, 'NARROWING', [], ['allowedCategories:FOOTWEAR']],
    ['an exclusion lifted from an allowed category', { allowedCategories: ['APPAREL', 'LINGERIE'] }, { allowedCategories: ['APPAREL', 'LINGERIE'], excludedCategories: [] }, 'WIDENING', ['allowedCategories:LINGERIE'], []],
    // LINGERIE is not allowed either way, so lifting its exclusion lets nothing more through.
    ['an exclusion lifted from a category not allowed', {}, { excludedCategories: [] }, 'UNCHANGED', [], []],
    ['another excluded brand', {}, { excludedBrandIds: ['brand-banned', 'brand-two'] }, 'NARROWING', [], ['excludedBrandIds:brand-two']],
    ['a brand exclusion lifted', {}, { excludedBrandIds: [] }, 'WIDENING', ['excludedBrandIds:brand-banned'], []],
    ['an earlier end', {}, { consentEndsAt: EARLIER }, 'NARROWING', [], [`consentEndsAt:${CONSENT_ENDS.toISOString()}`]],
    ['a later end', {}, { consentEndsAt: LATER }, 'WIDENING', [`consentEndsAt:${LATER.toISOString()}`], []],
    ['the end removed', {}, { consentEndsAt: null }, 'WIDENING', ['consentEndsAt:none'], []],
    ['an end set where there was none', { consentEndsAt: null }, { consentEndsAt: EARLIER }, 'NARROWING', [], ['consentEndsAt:none']],
    ['the same end, a touching instant', { consentEndsAt: EARLIER }, { consentEndsAt: new Date(EARLIER.getTime()) }, 'UNCHANGED', [], []],
    ['one millisecond later', { consentEndsAt: EARLIER }, { consentEndsAt: new Date(EARLIER.getTime() + 1) }, 'WIDENING', ['consentEndsAt:2026-06-30T00:00:00.001Z'], []],
    ['approval delegated to her agency', {}, { approvalDelegatedToAgency: true }, 'WIDENING', ['approvalDelegatedToAgency:true'], []],
    ['approval taken back from her agency', { approvalDelegatedToAgency: true }, { approvalDelegatedToAgency: false }, 'NARROWING', [], ['approvalDelegatedToAgency:true']],
  ])('%s', (_name, from, to, kind, widened, narrowed) => {
    expect(summaryOf(from, to)).toEqual({ kind, widened, narrowed });
  });

  it('a narrowing never lets through a booking the old consent refused', () => {
    const territories = fc.subarray(['FR', 'DE', 'US', 'JP', 'EU', 'WORLDWIDE']);
    const media = fc.subarray(['ECOMMERCE', 'SOCIAL', 'WEB', 'TV']);
    const arbScope = fc.record({ allowedMedia: media, allowedTerritories: territories }).map((p) => scope(p));
    const arbRequest = fc
      .record({ media: fc.subarray(['ECOMMERCE', 'SOCIAL', 'WEB', 'TV'], { minLength: 1 }), territories: fc.subarray(['FR', 'DE', 'US', 'JP', 'IT', 'EU', 'WORLDWIDE'], { minLength: 1 }) })
      .map((p) => request(p));
    fc.assert(
      fc.property(arbScope, arbScope, arbRequest, (from, to, req) => {
        if (consentChange(from, to).kind === 'WIDENING') return;
        const refusedBefore = consentViolations('ACTIVE', from, req).length > 0;
        const refusedAfter = consentViolations('ACTIVE', to, req).length > 0;
        expect(refusedBefore && !refusedAfter).toBe(false);
      }),
    );
  });
});
