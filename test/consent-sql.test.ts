import { consentCoversSql, consentSqlParams, consentViolations, type ConsentScope, type DigitalUsageRequest, type TwinStatus } from '../src/modules/twin/consent';
import { scopeOfInput } from '../src/modules/twin/consent-input';
import { startTestApp, type TestApp } from './support/test-app';

// The search for free twins asks consentCoversSql; a booking asks consentViolations. Over the same cases, the SQL must
// say "covered" exactly when the TypeScript finds nothing to refuse.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const BRAND = '6f1d8c2e-8f3b-4a51-9a7e-2d5f0c1b3a49';
const OTHER_BRAND = '0b7e1a52-3c4d-4e6f-8a9b-1c2d3e4f5a6b';

const scope = (patch: Partial<ConsentScope> = {}): ConsentScope =>
  scopeOfInput({ allowedMedia: ['ECOMMERCE', 'SOCIAL'], allowedTerritories: ['FR', 'DE'], allowedCategories: ['APPAREL'], ...patch });
const request = (patch: Partial<DigitalUsageRequest> = {}): DigitalUsageRequest => ({
  brandId: BRAND,
  category: 'APPAREL',
  media: ['ECOMMERCE'],
  territories: ['FR'],
  usageStart: new Date('2030-01-01T00:00:00Z'),
  usageEnd: new Date('2030-06-01T00:00:00Z'),
  productionEnd: new Date('2030-01-10T00:00:00Z'),
  ...patch,
});

const CASES: [string, TwinStatus, ConsentScope, DigitalUsageRequest][] = [
  ['all covered', 'ACTIVE', scope(), request()],
  ['paused', 'PAUSED', scope(), request()],
  ['retired', 'RETIRED', scope(), request()],
  ['a medium not allowed', 'ACTIVE', scope(), request({ media: ['ECOMMERCE', 'TV'] })],
  ['media in lower case', 'ACTIVE', scope(), request({ media: [' social ', 'ecommerce'] })],
  ['no media asked', 'ACTIVE', scope(), request({ media: [] })],
  ['a territory not allowed', 'ACTIVE', scope(), request({ territories: ['FR', 'US'] })],
  ['an EU member under EU', 'ACTIVE', scope({ allowedTerritories: ['EU'] }), request({ territories: ['IT', 'fr'] })],
  ['a non-member under EU', 'ACTIVE', scope({ allowedTerritories: ['EU'] }), request({ territories: ['GB'] })],
  ['EU itself under EU', 'ACTIVE', scope({ allowedTerritories: ['EU'] }), request({ territories: ['EU'] })],
  ['EU asked under its members only', 'ACTIVE', scope({ allowedTerritories: ['FR', 'DE'] }), request({ territories: ['EU'] })],
  ['anything under WORLDWIDE', 'ACTIVE', scope({ allowedTerritories: ['WORLDWIDE'] }), request({ territories: ['US', 'WORLDWIDE', 'EU'] })],
  ['WORLDWIDE asked under EU', 'ACTIVE', scope({ allowedTerritories: ['EU'] }), request({ territories: ['WORLDWIDE'] })],
  ['a category not allowed', 'ACTIVE', scope(), request({ category: 'BEAUTY' })],
  ['a category allowed and excluded', 'ACTIVE', scope({ allowedCategories: ['APPAREL', 'LINGERIE'], excludedCategories: ['LINGERIE'] }), request({ category: 'lingerie' })],
  ['the brand excluded', 'ACTIVE', scope({ excludedBrandIds: [BRAND.toUpperCase()] }), request()],
  ['another brand excluded', 'ACTIVE', scope({ excludedBrandIds: [OTHER_BRAND] }), request()],
  ['consent ends after the usage', 'ACTIVE', scope({ consentEndsAt: new Date('2030-07-01T00:00:00Z') }), request()],
  ['consent ends exactly at the usage end', 'ACTIVE', scope({ consentEndsAt: new Date('2030-06-01T00:00:00Z') }), request()],
  ['consent ends before the usage end', 'ACTIVE', scope({ consentEndsAt: new Date('2030-05-31T23:59:59Z') }), request()],
  ['production runs past the consent', 'ACTIVE', scope({ consentEndsAt: new Date('2030-06-01T00:00:00Z') }), request({ productionEnd: new Date('2030-06-02T00:00:00Z') })],
];

const SQL = `select ${consentCoversSql('t', 'p')} as covered
  from (select ?::text as status, ?::text[] as allowed_media, ?::text[] as allowed_territories, ?::text[] as allowed_categories,
               ?::text[] as excluded_categories, ?::text[] as excluded_brand_ids, ?::timestamptz as consent_ends_at) t,
       (select ?::text as brand_id, ?::text as category, array(select jsonb_array_elements_text(?::jsonb)) as media,
               array(select jsonb_array_elements_text(?::jsonb)) as territories, ?::timestamptz as latest_end) p`;

// Arrays as PostgreSQL literals: the driver would spread a JavaScript array into a list of values.
const pgArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;

describe('consentCoversSql agrees with consentViolations', () => {
  it.each(CASES)('%s', async (_name, status, s, r) => {
    const p = consentSqlParams(r);
    const [row] = await app.orm.em.getConnection().execute<{ covered: boolean }[]>(SQL, [
      status,
      pgArray(s.allowedMedia),
      pgArray(s.allowedTerritories),
      pgArray(s.allowedCategories),
      pgArray(s.excludedCategories),
      pgArray(s.excludedBrandIds),
      s.consentEndsAt,
      p.brandId,
      p.category,
      JSON.stringify(p.media),
      JSON.stringify(p.territories),
      p.latestEnd,
    ]);
    expect(row.covered).toBe(consentViolations(status, s, r).length === 0);
  });

  it('the cases cover both answers', () => {
    const answers = new Set(CASES.map(([, status, s, r]) => consentViolations(status, s, r).length === 0));
    expect(answers).toEqual(new Set([true, false]));
  });
});
