import {
  CancelBookingDocument,
  CreateDigitalBookingDocument,
  CreateDigitalTwinDocument,
  CreatePhysicalBookingDocument,
  ModelBookingListDocument,
  ModelTwinDetailsDocument,
  UpdateDigitalTwinDocument,
  type ConsentScopeInput,
  type CreateDigitalBookingInput,
  type CreateDigitalTwinInput,
  type UpdateDigitalTwinInput,
} from './generated/graphql';
import { at, OPEN_CONSENT, seedBrand, seedModel, seedTwin, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 24;

function digital(s: Scenario, start: number, end: number, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'E-commerce stills',
    start: at(start),
    end: at(end),
    category: 'APPAREL',
    deliverables: [{ kind: 'IMAGE', quantity: 20 }],
    usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(DAY), end: at(180 * DAY) },
    status: 'CONFIRMED',
    ...extra,
  };
}

/** Books the twin as the model's agency (CONFIRMED unless told otherwise). */
async function bookTwin(s: Scenario, input: CreateDigitalBookingInput, token = s.agency.token) {
  return (await app.gql(CreateDigitalBookingDocument, { input }, token)).createDigitalBooking;
}

async function updateTwin(input: UpdateDigitalTwinInput, token: string) {
  return (await app.gql(UpdateDigitalTwinDocument, { input }, token)).updateDigitalTwin;
}

async function modelBookings(modelId: string) {
  const res = await app.gql(ModelBookingListDocument, { id: modelId, first: 100 });
  return res.model!.bookings.edges.map((e) => e.node);
}

async function twinOf(modelId: string) {
  return (await app.gql(ModelTwinDetailsDocument, { id: modelId })).model!.twin;
}

describe('digital bookings never clash in time', () => {
  it('books 5 overlapping twin jobs and a physical booking of the same model at the same time', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const third = await seedBrand(app);
    const brands = [s.brand, s.otherBrand, third, s.brand, s.otherBrand];
    const results = [];
    for (const [i, brand] of brands.entries()) {
      results.push(await bookTwin(s, digital(s, 8 + i, 18 + i, { brandId: brand.id, status: i % 2 ? 'OPTION' : 'CONFIRMED' })));
      if (i === 1) {
        const shoot = (
          await app.gql(
            CreatePhysicalBookingDocument,
            {
              input: {
                modelId: s.model.id,
                brandId: third.id,
                title: 'Runway',
                start: at(9),
                end: at(17),
                location: { name: 'Grand Palais', timeZone: 'Europe/Paris' },
                status: 'CONFIRMED',
              },
            },
            s.agency.token,
          )
        ).createPhysicalBooking;
        results.push(shoot);
      }
    }
    expect(results.map((r) => r.userErrors)).toEqual(Array(6).fill([]));
    const stored = await modelBookings(s.model.id);
    expect(stored.map((b) => `${b.type}:${b.status}`)).toEqual([
      'DIGITAL:CONFIRMED',
      'DIGITAL:OPTION',
      'PHYSICAL:CONFIRMED',
      'DIGITAL:CONFIRMED',
      'DIGITAL:OPTION',
      'DIGITAL:CONFIRMED',
    ]);
  });
});

describe('the twin must exist and be ACTIVE', () => {
  it('refuses a model without a twin: TWIN_NOT_FOUND', async () => {
    const s = await seedPricedScenario(app);
    const res = await bookTwin(s, digital(s, 9, 17));
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([{ code: 'TWIN_NOT_FOUND', field: ['input', 'modelId'], message: 'the model has no digital twin', conflict: null }]);
    expect(await modelBookings(s.model.id)).toEqual([]);
  });

  it('refuses a PAUSED twin with TWIN_NOT_ACTIVE and books it again once ACTIVE', async () => {
    const s = await seedPricedScenario(app);
    const twinId = await seedTwin(app, s.agency, s.model.id);
    expect((await updateTwin({ twinId, status: 'PAUSED' }, s.agency.token)).userErrors).toEqual([]);
    const paused = await bookTwin(s, digital(s, 9, 17));
    expect(paused.booking).toBeNull();
    expect(paused.userErrors).toEqual([{ code: 'TWIN_NOT_ACTIVE', field: ['input', 'modelId'], message: 'the twin is paused', conflict: null }]);

    expect((await updateTwin({ twinId, status: 'ACTIVE' }, s.agency.token)).twin?.status).toBe('ACTIVE');
    const resumed = await bookTwin(s, digital(s, 9, 17));
    expect(resumed.userErrors).toEqual([]);
    expect(resumed.booking?.status).toBe('CONFIRMED');
    expect(await modelBookings(s.model.id)).toHaveLength(1);
  });

  it('refuses a RETIRED twin with TWIN_NOT_ACTIVE, for good', async () => {
    const s = await seedPricedScenario(app);
    const twinId = await seedTwin(app, s.agency, s.model.id);
    expect((await updateTwin({ twinId, status: 'RETIRED' }, s.agency.token)).twin?.status).toBe('RETIRED');
    const res = await bookTwin(s, digital(s, 9, 17));
    expect(res.userErrors).toEqual([{ code: 'TWIN_NOT_ACTIVE', field: ['input', 'modelId'], message: 'the twin is retired', conflict: null }]);
    const revive = await updateTwin({ twinId, status: 'ACTIVE' }, s.agency.token);
    expect(revive.userErrors.map((e) => e.code)).toEqual(['TRANSITION_NOT_ALLOWED']);
    expect((await twinOf(s.model.id))?.status).toBe('RETIRED');
  });
});

describe('consent scope', () => {
  const CONSENT_ENDS = at(365 * DAY);
  const scopeExcluding = (brandId: string): ConsentScopeInput => ({
    allowedMedia: ['ECOMMERCE', 'SOCIAL'],
    allowedTerritories: ['FR', 'DE'],
    allowedCategories: ['APPAREL', 'LINGERIE'],
    excludedCategories: ['LINGERIE'],
    excludedBrandIds: [brandId],
    consentEndsAt: CONSENT_ENDS,
  });

  async function consentedScenario(): Promise<Scenario> {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id, { consentScope: scopeExcluding(s.otherBrand.id) });
    return s;
  }

  it('books a job that every term of the consent covers', async () => {
    const s = await consentedScenario();
    const res = await bookTwin(
      s,
      digital(s, 9, 17, {
        category: 'apparel',
        usage: { media: ['ECOMMERCE', 'SOCIAL'], territories: ['FR', 'DE'], start: at(DAY), end: CONSENT_ENDS },
      }),
    );
    expect(res.userErrors).toEqual([]);
    expect(res.booking).toMatchObject({ category: 'APPAREL', usageMedia: ['ECOMMERCE', 'SOCIAL'], usageTerritories: ['FR', 'DE'] });
  });

  it.each<[string, (s: Scenario) => Partial<CreateDigitalBookingInput>, string[], (s: Scenario) => string]>([
    [
      'a medium not consented to',
      () => ({ usage: { media: ['ECOMMERCE', 'TV'], territories: ['FR'], start: at(DAY), end: at(180 * DAY) } }),
      ['input', 'usage', 'media'],
      () => "Medium TV is not covered by the model's consent.",
    ],
    [
      'a territory not consented to',
      () => ({ usage: { media: ['ECOMMERCE'], territories: ['FR', 'JP'], start: at(DAY), end: at(180 * DAY) } }),
      ['input', 'usage', 'territories'],
      () => "Territory JP is not covered by the model's consent.",
    ],
    ['a category not consented to', () => ({ category: 'BEAUTY' }), ['input', 'category'], () => "Category BEAUTY is not covered by the model's consent."],
    [
      'an excluded category, though also allowed',
      () => ({ category: 'LINGERIE' }),
      ['input', 'category'],
      () => "Category LINGERIE is excluded by the model's consent.",
    ],
    [
      'an excluded brand',
      (s) => ({ brandId: s.otherBrand.id }),
      ['input', 'brandId'],
      (s) => `Brand ${s.otherBrand.id} is excluded by the model's consent.`,
    ],
    [
      'usage past the consent end',
      () => ({ usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(DAY), end: at(400 * DAY) } }),
      ['input', 'usage', 'end'],
      () => `The model's consent ends at ${CONSENT_ENDS}, before the requested usage end.`,
    ],
    [
      'production past the consent end',
      () => ({ start: at(366 * DAY), end: at(366 * DAY + 8), usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(DAY), end: at(300 * DAY) } }),
      ['input', 'end'],
      () => `The model's consent ends at ${CONSENT_ENDS}, before the requested production end.`,
    ],
  ])('refuses %s: CONSENT_NOT_COVERED on that field, naming the term', async (_name, patch, field, message) => {
    const s = await consentedScenario();
    const res = await bookTwin(s, digital(s, 9, 17, patch(s)));
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([{ code: 'CONSENT_NOT_COVERED', field, message: message(s), conflict: null }]);
    expect(await modelBookings(s.model.id)).toEqual([]);
  });

  it('refuses an excluded brand booking with its own token too', async () => {
    const s = await consentedScenario();
    const res = await bookTwin(s, digital(s, 9, 17, { brandId: null, status: 'OPTION' }), s.otherBrand.token);
    expect(res.userErrors).toEqual([
      { code: 'CONSENT_NOT_COVERED', field: ['input', 'brandId'], message: `Brand ${s.otherBrand.id} is excluded by the model's consent.`, conflict: null },
    ]);
  });
});

describe('maxConcurrentJobs', () => {
  it('refuses a third overlapping job at cap 2 but books a job that overlaps none, and counts only live jobs', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id, { maxConcurrentJobs: 2 });
    const first = await bookTwin(s, digital(s, 9, 17));
    const second = await bookTwin(s, digital(s, 12, 20, { brandId: s.otherBrand.id, status: 'OPTION' }));
    expect([first.userErrors, second.userErrors]).toEqual([[], []]);

    const third = await bookTwin(s, digital(s, 16, 18));
    expect(third.booking).toBeNull();
    expect(third.userErrors).toEqual([
      { code: 'TWIN_CAPACITY_REACHED', field: ['input', 'start'], message: 'the twin already runs 2 job(s) at once then; its cap is 2', conflict: null },
    ]);

    // [20, 24) touches the second job's end but does not overlap it: ranges are half-open.
    const later = await bookTwin(s, digital(s, 20, 24));
    expect(later.userErrors).toEqual([]);
    const earlier = await bookTwin(s, digital(s, 1, 9));
    expect(earlier.userErrors).toEqual([]);

    expect((await app.gql(CancelBookingDocument, { id: first.booking!.id, reason: 'brief withdrawn' }, s.agency.token)).cancelBooking.userErrors).toEqual([]);
    const retry = await bookTwin(s, digital(s, 16, 18));
    expect(retry.userErrors).toEqual([]);
    expect((await modelBookings(s.model.id)).map((b) => [b.id, b.status])).toEqual([
      [first.booking!.id, 'CANCELLED'],
      [second.booking!.id, 'OPTION'],
      [later.booking!.id, 'CONFIRMED'],
      [earlier.booking!.id, 'CONFIRMED'],
      [retry.booking!.id, 'CONFIRMED'],
    ]);
  });

  it('counts jobs running at the same moment, not every job the window touches', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id, { maxConcurrentJobs: 2 });
    expect((await bookTwin(s, digital(s, 9, 12))).userErrors).toEqual([]);
    expect((await bookTwin(s, digital(s, 14, 17))).userErrors).toEqual([]);
    // [10, 16) meets each of them, but never both at once: at most two jobs run together.
    expect((await bookTwin(s, digital(s, 10, 16))).userErrors).toEqual([]);
    // [11, 15) now meets [9,12)+[10,16) and [10,16)+[14,17): three at once.
    expect((await bookTwin(s, digital(s, 11, 15))).userErrors.map((e) => e.code)).toEqual(['TWIN_CAPACITY_REACHED']);
  });

  it('holds under concurrency: 12 overlapping requests at once against cap 3 book exactly 3', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id, { maxConcurrentJobs: 3 });
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => app.request(CreateDigitalBookingDocument, { input: digital(s, 9 + (i % 3), 17 + (i % 4)) }, s.agency.token)),
    );
    expect(responses.map((r) => [r.status, r.errors ?? []])).toEqual(Array(12).fill([200, []]));
    const payloads = responses.map((r) => r.data!.createDigitalBooking);
    const outcomes = payloads.map((p) => (p.booking ? `BOOKED ${p.booking.status}` : p.userErrors.map((e) => `${e.code} ${e.field?.join('.')}`).join()));
    expect(outcomes.filter((o) => o === 'BOOKED CONFIRMED')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'TWIN_CAPACITY_REACHED input.start')).toHaveLength(9);

    const stored = await modelBookings(s.model.id);
    const bookedIds = payloads.flatMap((p) => (p.booking ? [p.booking.id] : []));
    expect(stored.map((b) => b.id).sort()).toEqual(bookedIds.sort());
  });
});

describe('who manages a twin', () => {
  it('lets the model pause and resume her own twin', async () => {
    const s = await seedPricedScenario(app);
    const twinId = await seedTwin(app, s.agency, s.model.id);
    const paused = await updateTwin({ twinId, status: 'PAUSED' }, s.model.token);
    expect(paused).toEqual({ twin: { id: twinId, status: 'PAUSED' }, userErrors: [] });
    expect((await twinOf(s.model.id))?.status).toBe('PAUSED');
    expect((await updateTwin({ twinId, status: 'ACTIVE' }, s.model.token)).twin?.status).toBe('ACTIVE');
  });

  it.each<[string, Omit<UpdateDigitalTwinInput, 'twinId'>]>([
    ['retire it', { status: 'RETIRED' }],
    ['change the split', { ownershipSplit: { modelBps: 9000, agencyBps: 0, platformBps: 1000 } }],
    ['pause it and change the split in one go', { status: 'PAUSED', ownershipSplit: { modelBps: 9000, agencyBps: 0, platformBps: 1000 } }],
    ['change her cap', { maxConcurrentJobs: 50 }],
  ])('does not let the model %s: FORBIDDEN, and the twin is unchanged', async (_name, change) => {
    const s = await seedPricedScenario(app);
    const twinId = await seedTwin(app, s.agency, s.model.id, { maxConcurrentJobs: 4 });
    const before = await twinOf(s.model.id);
    const res = await updateTwin({ twinId, ...change }, s.model.token);
    expect(res).toEqual({
      twin: null,
      userErrors: [{ code: 'FORBIDDEN', field: null, message: 'a model may only pause or resume her twin; the rest is for her agency', conflict: null }],
    });
    expect(await twinOf(s.model.id)).toEqual(before);
    expect(before).toEqual({
      id: twinId,
      status: 'ACTIVE',
      maxConcurrentJobs: 4,
      ownershipSplit: { modelBps: 6000, agencyBps: 3000, platformBps: 1000 },
    });
  });

  it("does not let a model touch another model's twin", async () => {
    const s = await seedPricedScenario(app);
    const twinId = await seedTwin(app, s.agency, s.model.id);
    const other = await seedModel(app, s.agency);
    const res = await updateTwin({ twinId, status: 'PAUSED' }, other.token);
    expect(res.userErrors).toEqual([{ code: 'TWIN_NOT_FOUND', field: ['input', 'twinId'], message: 'no such twin', conflict: null }]);
    expect((await twinOf(s.model.id))?.status).toBe('ACTIVE');
  });

  it.each<[string, CreateDigitalTwinInput['ownershipSplit'], string]>([
    ['shares summing to 9,999', { modelBps: 6000, agencyBps: 3000, platformBps: 999 }, 'shares must sum to 10,000 basis points (got 9999)'],
    ['shares summing to 10,001', { modelBps: 6000, agencyBps: 3000, platformBps: 1001 }, 'shares must sum to 10,000 basis points (got 10001)'],
    ['a negative share, even with a sum of 10,000', { modelBps: 11000, agencyBps: -1000, platformBps: 0 }, 'each share must be a whole number of basis points from 0 to 10,000'],
  ])('refuses a twin with %s: INVALID_SPLIT, and stores nothing', async (_name, ownershipSplit, message) => {
    const s = await seedPricedScenario(app);
    const res = (await app.gql(CreateDigitalTwinDocument, { input: { modelId: s.model.id, ownershipSplit, consentScope: OPEN_CONSENT } }, s.agency.token))
      .createDigitalTwin;
    expect(res).toEqual({ twin: null, userErrors: [{ code: 'INVALID_SPLIT', field: ['input', 'ownershipSplit'], message, conflict: null }] });
    expect(await twinOf(s.model.id)).toBeNull();
    // Nothing half-stored stands in the way of a correct twin.
    await seedTwin(app, s.agency, s.model.id);
    expect((await twinOf(s.model.id))?.ownershipSplit).toEqual({ modelBps: 6000, agencyBps: 3000, platformBps: 1000 });
  });
});
