import {
  AvailableModelsDocument,
  AvailableModelsIdsDocument,
  CreateDigitalBookingDocument,
  CreateLockoutDocument,
  CreatePhysicalBookingDocument,
  QuoteBookingDocument,
  SetModelAttributesDocument,
  type AvailabilitySearchInput,
  type CreateDigitalBookingInput,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { at, seedAgency, seedBrand, seedModel, seedTwin, type Party } from './support/factories';
import { priceAgency } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';
import { Role } from '../src/core/viewer';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 24;

/** A physical job of `brand` for `modelId` from `start` to `end` hours after at(0). */
function physical(modelId: string, brand: Party, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return { modelId, brandId: brand.id, title: 'Secret campaign', start: at(start), end: at(end), location: { name: 'Studio 5', timeZone: 'Europe/Paris' }, ...extra };
}

function digitalJob(modelId: string, brand: Party, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput {
  return {
    modelId,
    brandId: brand.id,
    title: 'Secret twin job',
    start: at(10 * DAY),
    end: at(12 * DAY),
    category: 'APPAREL',
    deliverables: [{ kind: 'IMAGE', quantity: 10 }],
    usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(12 * DAY), end: at(100 * DAY) },
    ...extra,
  };
}

async function search(input: AvailabilitySearchInput, token: string, first = 100) {
  const res = await app.request(AvailableModelsDocument, { input, first }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.availableModels.edges.map((e) => e.node);
}

async function bookPhysical(input: CreatePhysicalBookingInput, token: string) {
  return (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
}

async function bookDigital(input: CreateDigitalBookingInput, token: string) {
  return (await app.gql(CreateDigitalBookingDocument, { input }, token)).createDigitalBooking;
}

describe('availableModels, physical', () => {
  let agency: Party;
  let brand: Party;
  let rival: Party;
  const m: Record<string, string> = {};

  beforeAll(async () => {
    agency = await seedAgency(app);
    [brand, rival] = await Promise.all([seedBrand(app), seedBrand(app, 'Rival Couture')]);
    await priceAgency(app, agency);
    for (const name of ['free', 'booked', 'lockedOut', 'travel', 'optioned', 'adjacent']) m[name] = (await seedModel(app, agency, { name: `Physical ${name}` })).id;
    // The window searched is hours 48..56, with 60 minutes of travel either side.
    expect((await bookPhysical(physical(m.booked, rival, 50, 52, { status: 'CONFIRMED' }), agency.token)).userErrors).toEqual([]);
    expect((await bookPhysical(physical(m.travel, rival, 40, 47, { status: 'CONFIRMED', travelAfterMinutes: 90 }), agency.token)).userErrors).toEqual([]);
    expect((await bookPhysical(physical(m.adjacent, rival, 40, 46, { status: 'CONFIRMED' }), agency.token)).userErrors).toEqual([]);
    expect((await bookPhysical(physical(m.optioned, rival, 49, 51), rival.token)).userErrors).toEqual([]);
    const lockout = await app.gql(CreateLockoutDocument, { input: { modelId: m.lockedOut, kind: 'HOLIDAY', reason: 'Private trip to Lisbon', start: at(54), end: at(80) } }, agency.token);
    expect(lockout.createLockout.userErrors).toEqual([]);
  });

  const window: AvailabilitySearchInput = { type: 'PHYSICAL', start: at(48), end: at(56), travelBeforeMinutes: 60, travelAfterMinutes: 60 };

  it('finds exactly those with no confirmed work (travel included) nor lockout in the window, with the options already on it', async () => {
    const found = await search({ ...window, agencyId: agency.id }, brand.token);
    const byId = new Map(found.map((r) => [r.model.id, r]));
    expect([...byId.keys()].sort()).toEqual([m.free, m.optioned, m.adjacent].sort());
    expect(byId.get(m.optioned)!.liveOptions).toBe(1);
    expect(byId.get(m.free)!.liveOptions).toBe(0);
    // Without the travel the model whose booking's own travel ends at 48:30 is still busy; the adjacent one is free.
    const noTravel = await search({ type: 'PHYSICAL', start: at(48), end: at(56), agencyId: agency.id }, brand.token);
    expect(noTravel.map((r) => r.model.id).sort()).toEqual([m.free, m.optioned, m.adjacent].sort());
  });

  it('what it offers, booking accepts; what it leaves out, booking refuses', async () => {
    const found = await search({ ...window, agencyId: agency.id }, brand.token);
    for (const r of found) {
      const res = await bookPhysical(physical(r.model.id, brand, 48, 56, { travelBeforeMinutes: 60, travelAfterMinutes: 60, title: 'Shoot' }), brand.token);
      expect(res.userErrors).toEqual([]);
    }
    const codes = async (id: string) =>
      (await bookPhysical(physical(id, brand, 48, 56, { travelBeforeMinutes: 60, travelAfterMinutes: 60 }), brand.token)).userErrors.map((e) => e.code);
    expect(await codes(m.booked)).toEqual(['PHYSICAL_CLASH']);
    expect(await codes(m.lockedOut)).toEqual(['LOCKED_OUT']);
    expect(await codes(m.travel)).toEqual(['PHYSICAL_CLASH']);
  });

  it('prices each result as quoteBooking does', async () => {
    const [free] = await search({ type: 'PHYSICAL', start: at(200), end: at(208), agencyId: agency.id }, brand.token, 1);
    const quote = await app.gql(
      QuoteBookingDocument,
      { input: { physical: physical(free.model.id, brand, 200, 208) } },
      brand.token,
    );
    expect(free.price).toEqual({ amount: quote.quoteBooking.quote!.brandTotal!.amount, currency: 'EUR' });
    expect(free.price!.amount).toBeGreaterThan(0);
  });

  it("tells a brand how many options sit on the window, never whose or what", async () => {
    const res = await app.request(AvailableModelsDocument, { input: { ...window, start: at(49), end: at(50), agencyId: agency.id }, first: 100 }, brand.token);
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/Rival Couture|Secret campaign|Lisbon|Studio 5/);
    expect(res.data!.availableModels.edges.some((e) => e.node.liveOptions > 0)).toBe(true);
  });

  it('an agency searches only its own models; a brand or admin all', async () => {
    const other = await seedAgency(app);
    expect(await search({ ...window, agencyId: agency.id }, other.token)).toEqual([]);
    const own = await search({ type: 'PHYSICAL', start: at(300), end: at(301), agencyId: agency.id }, agency.token);
    expect(own).toHaveLength(6);
    const model = await app.token({ role: Role.MODEL, modelId: m.free });
    expect((await search({ type: 'PHYSICAL', start: at(300), end: at(301) }, model)).map((r) => r.model.id)).toEqual([m.free]);
  });

  it('pages by cursor', async () => {
    const input = { type: 'PHYSICAL' as const, start: at(400), end: at(401), agencyId: agency.id };
    const first = await app.gql(AvailableModelsDocument, { input, first: 4 }, brand.token);
    expect(first.availableModels.pageInfo.hasNextPage).toBe(true);
    const rest = await app.gql(AvailableModelsDocument, { input, first: 4, after: first.availableModels.pageInfo.endCursor }, brand.token);
    const ids = [...first.availableModels.edges, ...rest.availableModels.edges].map((e) => e.node.model.id);
    expect(new Set(ids).size).toBe(6);
    expect(rest.availableModels.pageInfo.hasNextPage).toBe(false);
  });
});

describe('availableModels, digital', () => {
  let agency: Party;
  let brand: Party;
  let rival: Party;
  const m: Record<string, string> = {};
  const usage = { category: 'APPAREL', media: ['ECOMMERCE'], territories: ['FR'], usageStart: at(12 * DAY), usageEnd: at(100 * DAY) };
  const input = (): AvailabilitySearchInput => ({ type: 'DIGITAL', start: at(10 * DAY), end: at(12 * DAY), agencyId: agency.id, digital: usage });

  beforeAll(async () => {
    agency = await seedAgency(app);
    [brand, rival] = await Promise.all([seedBrand(app), seedBrand(app)]);
    await priceAgency(app, agency);
    const twin = async (name: string, extra: Parameters<typeof seedTwin>[3] = {}) => {
      m[name] = (await seedModel(app, agency, { name: `Digital ${name}` })).id;
      if (name !== 'noTwin') await seedTwin(app, agency, m[name], extra);
    };
    await twin('open');
    await twin('paused', { status: 'PAUSED' });
    await twin('noTwin');
    await twin('noEcommerce', { consentScope: { allowedMedia: ['SOCIAL'], allowedTerritories: ['WORLDWIDE'], allowedCategories: ['APPAREL'] } });
    await twin('euOnly', { consentScope: { allowedMedia: ['ECOMMERCE'], allowedTerritories: ['EU'], allowedCategories: ['APPAREL'] } });
    await twin('usOnly', { consentScope: { allowedMedia: ['ECOMMERCE'], allowedTerritories: ['US'], allowedCategories: ['APPAREL'] } });
    await twin('excludesBrand', { consentScope: { allowedMedia: ['ECOMMERCE'], allowedTerritories: ['WORLDWIDE'], allowedCategories: ['APPAREL'], excludedBrandIds: [brand.id] } });
    await twin('consentEnds', { consentScope: { allowedMedia: ['ECOMMERCE'], allowedTerritories: ['WORLDWIDE'], allowedCategories: ['APPAREL'], consentEndsAt: at(50 * DAY) } });
    await twin('capped', { maxConcurrentJobs: 1 });
    await twin('cappedTwo', { maxConcurrentJobs: 2 });
    await twin('exclusive');
    expect((await bookDigital(digitalJob(m.capped, rival, { start: at(11 * DAY), end: at(13 * DAY), category: 'FOOTWEAR' }), rival.token)).userErrors).toEqual([]);
    expect((await bookDigital(digitalJob(m.cappedTwo, rival, { category: 'FOOTWEAR' }), rival.token)).userErrors).toEqual([]);
    const exclusive = digitalJob(m.exclusive, rival, {
      start: at(DAY),
      end: at(2 * DAY),
      usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(2 * DAY), end: at(5 * DAY) },
      exclusivity: { category: 'APPAREL', territories: ['FR'], start: at(2 * DAY), end: at(200 * DAY) },
    });
    expect((await bookDigital(exclusive, rival.token)).userErrors).toEqual([]);
  });

  it('finds the active twins whose consent covers the usage, with room under the cap and no exclusivity in the way', async () => {
    const found = await search(input(), brand.token);
    expect(found.map((r) => r.model.id).sort()).toEqual([m.open, m.euOnly, m.cappedTwo].sort());
    expect(found.every((r) => r.liveOptions === 0)).toBe(true);
  });

  it('what it offers, booking accepts; what it leaves out, booking refuses', async () => {
    const found = await search(input(), brand.token);
    for (const r of found) expect((await bookDigital(digitalJob(r.model.id, brand), brand.token)).userErrors).toEqual([]);
    const refused = { paused: 'TWIN_NOT_ACTIVE', noTwin: 'TWIN_NOT_FOUND', noEcommerce: 'CONSENT_NOT_COVERED', usOnly: 'CONSENT_NOT_COVERED', excludesBrand: 'CONSENT_NOT_COVERED', consentEnds: 'CONSENT_NOT_COVERED', capped: 'TWIN_CAPACITY_REACHED', exclusive: 'EXCLUSIVITY_CONFLICT' };
    for (const [name, code] of Object.entries(refused)) {
      const res = await bookDigital(digitalJob(m[name], brand), brand.token);
      expect([name, res.userErrors.map((e) => e.code)]).toEqual([name, [code]]);
    }
    // cappedTwo took the brand's job above: now at its cap, the search leaves it out too.
    expect((await search(input(), brand.token)).map((r) => r.model.id)).not.toContain(m.cappedTwo);
  });

  it('prices each result when deliverables are given', async () => {
    const [open] = await search({ ...input(), digital: { ...usage, deliverables: [{ kind: 'IMAGE', quantity: 10 }] } }, brand.token, 1);
    const quote = await app.gql(QuoteBookingDocument, { input: { digital: digitalJob(open.model.id, brand) } }, brand.token);
    expect(open.price).toEqual({ amount: quote.quoteBooking.quote!.brandTotal!.amount, currency: 'EUR' });
    const [unpriced] = await search(input(), brand.token, 1);
    expect(unpriced.price).toBeNull();
  });

  it('an agency or admin names the brand of a digital search', async () => {
    const res = await app.request(AvailableModelsIdsDocument, { input: input() }, agency.token);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const named = await app.gql(AvailableModelsIdsDocument, { input: { ...input(), brandId: rival.id } }, agency.token);
    // The rival holds the exclusivity and booked the capped twin: for it, both are free.
    expect(named.availableModels.edges.map((e) => e.node.model.id)).toEqual(expect.arrayContaining([m.exclusive, m.open]));
  });
});

describe('availableModels by published attributes', () => {
  let agency: Party;
  const m: Record<string, string> = {};

  beforeAll(async () => {
    agency = await seedAgency(app);
    const publish = async (name: string, attributes: { key: string; value: string }[]) => {
      m[name] = (await seedModel(app, agency, { name, baseCity: name === 'milan' ? 'Milan' : 'Paris' })).id;
      const res = await app.gql(SetModelAttributesDocument, { modelId: m[name], attributes }, agency.token);
      expect(res.setModelAttributes.userErrors).toEqual([]);
    };
    await publish('tall', [{ key: 'height_cm', value: '181' }, { key: 'hair', value: 'blonde' }, { key: 'shoe_eu', value: '40.5' }]);
    await publish('short', [{ key: 'height_cm', value: '165' }, { key: 'hair', value: 'BROWN' }]);
    await publish('milan', [{ key: 'height_cm', value: '176' }, { key: 'hair', value: 'BLONDE' }]);
    await publish('none', []);
  });

  const ids = async (extra: Partial<AvailabilitySearchInput>) =>
    (await search({ type: 'PHYSICAL', start: at(500), end: at(501), agencyId: agency.id, ...extra }, agency.token)).map((r) => r.model.id).sort();

  it('filters by equality, numeric ranges and base city', async () => {
    expect(await ids({ attributes: [{ key: 'hair', equals: 'Blonde' }] })).toEqual([m.tall, m.milan].sort());
    expect(await ids({ attributes: [{ key: 'height_cm', min: 170 }] })).toEqual([m.tall, m.milan].sort());
    expect(await ids({ attributes: [{ key: 'height_cm', min: 170, max: 180 }] })).toEqual([m.milan]);
    expect(await ids({ attributes: [{ key: 'shoe_eu', equals: '40.5' }] })).toEqual([m.tall]);
    expect(await ids({ attributes: [{ key: 'hair', equals: 'BLONDE' }], baseCity: 'paris' })).toEqual([m.tall]);
    expect(await ids({})).toHaveLength(4);
  });

  it('shows what was published, and refuses what is outside the vocabulary', async () => {
    const [tall] = (await search({ type: 'PHYSICAL', start: at(500), end: at(501), agencyId: agency.id, attributes: [{ key: 'shoe_eu', min: 40 }] }, agency.token));
    expect(tall.model.attributes).toEqual([
      { key: 'height_cm', value: '181' },
      { key: 'shoe_eu', value: '40.5' },
      { key: 'hair', value: 'BLONDE' },
    ]);
    const res = await app.gql(SetModelAttributesDocument, { modelId: m.none, attributes: [{ key: 'weight_kg', value: '50' }, { key: 'height_cm', value: '300' }, { key: 'hair', value: 'PURPLE' }] }, agency.token);
    expect(res.setModelAttributes.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['attributes', '0', 'key']],
      ['INVALID_INPUT', ['attributes', '1', 'value']],
      ['INVALID_INPUT', ['attributes', '2', 'value']],
    ]);
  });

  it('only her agency publishes them', async () => {
    const [brand, other] = await Promise.all([seedBrand(app), seedAgency(app)]);
    for (const token of [brand.token, other.token]) {
      const res = await app.gql(SetModelAttributesDocument, { modelId: m.tall, attributes: [] }, token);
      expect(res.setModelAttributes.model).toBeNull();
      expect(res.setModelAttributes.userErrors[0].code).toMatch(/FORBIDDEN|MODEL_NOT_FOUND/);
    }
  });
});

describe('availableModels refuses', () => {
  it.each<[string, Partial<AvailabilitySearchInput>]>([
    ['a window ending before it starts', { start: at(10), end: at(9) }],
    ['a physical window past 31 days', { end: at(33 * DAY) }],
    ['travel past a day', { travelBeforeMinutes: 2000 }],
    ['a digital search without its usage', { type: 'DIGITAL' }],
    ['digital terms on a physical search', { digital: { category: 'APPAREL', media: ['WEB'], territories: ['FR'], usageStart: at(0), usageEnd: at(10) } }],
    ['an unknown attribute', { attributes: [{ key: 'weight_kg', equals: '50' }] }],
    ['a range on a word', { attributes: [{ key: 'hair', min: 1 }] }],
    ['a filter with neither equals nor range', { attributes: [{ key: 'height_cm' }] }],
    ['too many attribute filters', { attributes: Array.from({ length: 11 }, () => ({ key: 'height_cm', min: 100 })) }],
  ])('%s', async (_name, patch) => {
    const brand = await seedBrand(app);
    const res = await app.request(AvailableModelsIdsDocument, { input: { type: 'PHYSICAL', start: at(10), end: at(12), ...patch } }, brand.token);
    expect(res.status).toBe(200);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
