import {
  CancelBookingDocument,
  CreateExclusiveDigitalDocument,
  CreateExclusivePhysicalDocument,
  ExclusivityFeeTermDocument,
  QuoteBookingDocument,
  SetRateCardDocument,
  type CreateDigitalBookingInput,
  type CreatePhysicalBookingInput,
  type ExclusivityInput,
  RescheduleBookingDocument,
} from './generated/graphql';
import { at, seedAgency, seedBrand, seedModel, seedTwin, type Party } from './support/factories';
import { PRICED_CARD, setCard } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 24;

interface World {
  agency: Party;
  model: Party;
  /** Holds the exclusivity in most tests. */
  lumen: Party;
  /** Its competitor, whose refusals must never name Lumen. */
  rivale: Party;
}

const LUMEN_NAME = () => `Atelier Lumen ${Math.random().toString(36).slice(2, 8)}`;

async function world(): Promise<World> {
  const agency = await seedAgency(app);
  await setCard(app, agency.token, PRICED_CARD);
  const model = await seedModel(app, agency);
  await seedTwin(app, agency, model.id);
  const [lumen, rivale] = await Promise.all([seedBrand(app, LUMEN_NAME()), seedBrand(app)]);
  return { agency, model, lumen, rivale };
}

const APPAREL_FR: ExclusivityInput = { category: 'APPAREL', territories: ['FR'], start: at(0), end: at(30 * DAY) };

function digital(w: World, brand: Party, extra: Partial<CreateDigitalBookingInput> = {}, usage: Partial<CreateDigitalBookingInput['usage']> = {}): CreateDigitalBookingInput {
  return {
    modelId: w.model.id,
    brandId: brand.id,
    title: 'E-commerce stills',
    start: at(0),
    end: at(DAY),
    category: 'APPAREL',
    deliverables: [{ kind: 'IMAGE', quantity: 10 }],
    usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(DAY), end: at(60 * DAY), ...usage },
    ...extra,
  };
}

function physical(w: World, brand: Party, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return {
    modelId: w.model.id,
    brandId: brand.id,
    title: 'Lookbook',
    start: at(5 * DAY + 9),
    end: at(5 * DAY + 17),
    location: { name: 'Studio 5', timeZone: 'Europe/Paris' },
    ...extra,
  };
}

async function bookDigital(brand: Party, input: CreateDigitalBookingInput) {
  return (await app.gql(CreateExclusiveDigitalDocument, { input }, brand.token)).createDigitalBooking;
}

async function bookPhysical(token: string, input: CreatePhysicalBookingInput) {
  return (await app.gql(CreateExclusivePhysicalDocument, { input }, token)).createPhysicalBooking;
}

/** Lumen holds APPAREL in FR for 30 days by a digital option it placed itself. */
async function lumenHoldsFrance(w: World): Promise<string> {
  const res = await bookDigital(w.lumen, digital(w, w.lumen, { exclusivity: APPAREL_FR }));
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

/** A refusal names the category, the territory and the period, and nothing of the brand holding it. */
async function expectConflict(res: { booking: unknown; userErrors: { code: string; field?: string[] | null; message: string }[] }, w: World, territory: string, field: string[]) {
  expect(res.booking).toBeNull();
  expect(res.userErrors).toHaveLength(1);
  const [e] = res.userErrors;
  expect(e.code).toBe('EXCLUSIVITY_CONFLICT');
  expect(e.field).toEqual(field);
  expect(e.message).toContain('APPAREL');
  expect(e.message).toContain(` ${territory} `);
  expect(e.message).toMatch(/from \d{4}-\d\d-\d\dT.* to \d{4}-\d\d-\d\dT/);
  expect(e.message).not.toContain(w.lumen.id);
  expect(e.message).not.toContain('Lumen');
}

describe('exclusivity on a digital booking', () => {
  it('is shown on the booking and priced as an EXCLUSIVITY_FEE line', async () => {
    const w = await world();
    const res = await bookDigital(w.lumen, digital(w, w.lumen, { exclusivity: { ...APPAREL_FR, category: 'apparel', territories: ['fr'] } }));
    expect(res.userErrors).toEqual([]);
    expect(res.booking!.exclusivity).toEqual({ category: 'APPAREL', territories: ['FR'], start: at(0), end: at(30 * DAY) });
    // 10 images at 50.00 and two months of e-commerce in one country at 100.00: 700.00; 10% of it for one month.
    const line = res.booking!.quote!.lines.find((l) => l.kind === 'EXCLUSIVITY_FEE');
    expect(line).toMatchObject({ quantity: 1, amount: { amount: 7000 } });
  });

  it("refuses another brand's digital booking in an overlapping territory and period, naming no brand", async () => {
    const w = await world();
    await lumenHoldsFrance(w);
    await expectConflict(await bookDigital(w.rivale, digital(w, w.rivale, {}, { territories: ['EU'] })), w, 'FR', ['input', 'usage', 'territories']);
    await expectConflict(await bookDigital(w.rivale, digital(w, w.rivale, {}, { territories: ['WORLDWIDE'] })), w, 'FR', ['input', 'usage', 'territories']);
  });

  it('lets another brand book another category, another territory, or after the period (touching is no overlap)', async () => {
    const w = await world();
    await lumenHoldsFrance(w);
    for (const input of [
      digital(w, w.rivale, { category: 'FOOTWEAR' }),
      digital(w, w.rivale, {}, { territories: ['US', 'DE'] }),
      digital(w, w.rivale, { start: at(30 * DAY), end: at(31 * DAY) }, { start: at(30 * DAY), end: at(90 * DAY) }),
    ]) {
      const res = await bookDigital(w.rivale, input);
      expect(res.userErrors).toEqual([]);
    }
  });

  it('lets the same brand renew and widen its own exclusivity', async () => {
    const w = await world();
    await lumenHoldsFrance(w);
    const res = await bookDigital(w.lumen, digital(w, w.lumen, { exclusivity: { category: 'APPAREL', territories: ['EU'], start: at(20 * DAY), end: at(90 * DAY) } }, { territories: ['EU'] }));
    expect(res.userErrors).toEqual([]);
  });

  it("refuses a competing exclusivity where the territories meet, and allows one where they do not", async () => {
    const w = await world();
    await lumenHoldsFrance(w);
    const germany = await bookDigital(w.rivale, digital(w, w.rivale, { exclusivity: { ...APPAREL_FR, territories: ['DE'] } }, { territories: ['DE'] }));
    expect(germany.userErrors).toEqual([]);
    const europe = await bookDigital(w.rivale, digital(w, w.rivale, { exclusivity: { ...APPAREL_FR, territories: ['EU'] } }, { territories: ['DE'] }));
    await expectConflict(europe, w, 'FR', ['input', 'exclusivity', 'territories']);
  });

  it("refuses an exclusivity over another brand's licence already running there", async () => {
    const w = await world();
    const licence = await bookDigital(w.rivale, digital(w, w.rivale, {}, { territories: ['EU'] }));
    expect(licence.userErrors).toEqual([]);
    const res = await bookDigital(w.lumen, digital(w, w.lumen, { exclusivity: APPAREL_FR }));
    expect(res.booking).toBeNull();
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([['EXCLUSIVITY_CONFLICT', ['input', 'exclusivity', 'territories']]]);
    expect(res.userErrors[0].message).toContain('APPAREL in EU');
    expect(res.userErrors[0].message).not.toContain(w.rivale.id);
  });

  it('is released with its booking: once cancelled, the other brand may book', async () => {
    const w = await world();
    const id = await lumenHoldsFrance(w);
    expect((await bookDigital(w.rivale, digital(w, w.rivale))).userErrors.map((e) => e.code)).toEqual(['EXCLUSIVITY_CONFLICT']);
    const cancelled = await app.gql(CancelBookingDocument, { id, reason: 'campaign dropped' }, w.lumen.token);
    expect(cancelled.cancelBooking.userErrors).toEqual([]);
    expect((await bookDigital(w.rivale, digital(w, w.rivale))).userErrors).toEqual([]);
  });

  it.each<[string, Partial<ExclusivityInput>, string[], string]>([
    ['an unknown territory', { territories: ['FR', 'EUROPE'] }, ['input', 'exclusivity', 'territories', '1'], 'INVALID_INPUT'],
    ['no territory', { territories: [] }, ['input', 'exclusivity', 'territories'], 'INVALID_INPUT'],
    ['another category than the booking', { category: 'BEAUTY' }, ['input', 'exclusivity', 'category'], 'INVALID_INPUT'],
    ['an end before its start', { start: at(10 * DAY), end: at(DAY) }, ['input', 'exclusivity', 'end'], 'INVALID_RANGE'],
    ['more than ten years', { end: at(3700 * DAY) }, ['input', 'exclusivity', 'end'], 'INVALID_RANGE'],
  ])('refuses %s', async (_name, patch, field, code) => {
    const w = await world();
    const res = await bookDigital(w.lumen, digital(w, w.lumen, { exclusivity: { ...APPAREL_FR, ...patch } }));
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([[code, field]]);
  });
});

describe('exclusivity and physical bookings', () => {
  it("refuses another brand's physical booking in the category (worldwide unless told), and not one without a category", async () => {
    const w = await world();
    await lumenHoldsFrance(w);
    await expectConflict(await bookPhysical(w.rivale.token, physical(w, w.rivale, { category: 'APPAREL' })), w, 'FR', ['input', 'territories']);
    await expectConflict(await bookPhysical(w.rivale.token, physical(w, w.rivale, { category: 'APPAREL', territories: ['FR'] })), w, 'FR', ['input', 'territories']);
    const elsewhere = await bookPhysical(w.rivale.token, physical(w, w.rivale, { category: 'APPAREL', territories: ['US'], start: at(6 * DAY + 9), end: at(6 * DAY + 17) }));
    expect(elsewhere.userErrors).toEqual([]);
    expect(elsewhere.booking).toMatchObject({ productCategory: 'APPAREL', productTerritories: ['US'], exclusivity: null });
    const unscoped = await bookPhysical(w.rivale.token, physical(w, w.rivale, { start: at(7 * DAY + 9), end: at(7 * DAY + 17) }));
    expect(unscoped.userErrors).toEqual([]);
    expect(unscoped.booking).toMatchObject({ productCategory: null, productTerritories: null });
  });

  it("refuses moving another brand's booking into the exclusivity's period, and leaves it where it was", async () => {
    const w = await world();
    await lumenHoldsFrance(w);
    const later = await bookPhysical(w.rivale.token, physical(w, w.rivale, { category: 'APPAREL', territories: ['FR'], start: at(40 * DAY + 9), end: at(40 * DAY + 17) }));
    expect(later.userErrors).toEqual([]);
    const id = later.booking!.id;
    const moved = (await app.gql(RescheduleBookingDocument, { input: { id, start: at(5 * DAY + 9), end: at(5 * DAY + 17) } }, w.rivale.token)).rescheduleBooking;
    expect(moved.booking).toBeNull();
    expect(moved.userErrors.map((e) => [e.code, e.field])).toEqual([['EXCLUSIVITY_CONFLICT', ['input', 'start']]]);
    expect(moved.userErrors[0].message).not.toContain('Lumen');
    const after = (await app.gql(RescheduleBookingDocument, { input: { id, start: at(41 * DAY + 9), end: at(41 * DAY + 17) } }, w.rivale.token)).rescheduleBooking;
    expect(after.userErrors).toEqual([]);
  });

  it('grants exclusivity from a confirmed physical booking, with its fee frozen in the deal memo, against digital work of others', async () => {
    const w = await world();
    const res = await bookPhysical(w.agency.token, physical(w, w.lumen, { status: 'CONFIRMED', exclusivity: APPAREL_FR }));
    expect(res.userErrors).toEqual([]);
    expect(res.booking).toMatchObject({ status: 'CONFIRMED', productCategory: 'APPAREL', productTerritories: ['WORLDWIDE'], exclusivity: { territories: ['FR'] } });
    expect(res.booking!.quote!.frozen).toBe(true);
    // A day at 600.00, 10% of it for one month in one country, before the service fee.
    expect(res.booking!.quote!.lines.find((l) => l.kind === 'EXCLUSIVITY_FEE')).toMatchObject({ quantity: 1, amount: { amount: 6000 } });
    await expectConflict(await bookDigital(w.rivale, digital(w, w.rivale)), w, 'FR', ['input', 'usage', 'territories']);
  });

  it('an exclusive physical option holds too, and refuses a physical option of another brand by its exclusivity', async () => {
    const w = await world();
    expect((await bookPhysical(w.lumen.token, physical(w, w.lumen, { exclusivity: APPAREL_FR }))).userErrors).toEqual([]);
    const res = await bookPhysical(w.rivale.token, physical(w, w.rivale, { exclusivity: { ...APPAREL_FR, territories: ['WORLDWIDE'] } }));
    await expectConflict(res, w, 'FR', ['input', 'exclusivity', 'territories']);
  });

  it.each<[string, Partial<CreatePhysicalBookingInput>, string[]]>([
    ['territories without a category', { territories: ['FR'] }, ['input', 'territories']],
    ['an unknown territory', { category: 'APPAREL', territories: ['ATLANTIS'] }, ['input', 'territories', '0']],
    ['an exclusivity in another category', { category: 'FOOTWEAR', exclusivity: APPAREL_FR }, ['input', 'exclusivity', 'category']],
  ])('refuses %s', async (_name, patch, field) => {
    const w = await world();
    const res = await bookPhysical(w.lumen.token, physical(w, w.lumen, patch));
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', field]]);
  });
});

describe('the exclusivity fee', () => {
  it('is a rate card term, quoted before booking, bounded to 0..10,000 bps', async () => {
    const w = await world();
    const term = await app.gql(ExclusivityFeeTermDocument, { agencyId: w.agency.id }, w.agency.token);
    expect(term.rateCard!.exclusivityMonthlyBps).toBe(1000);
    await setCard(app, w.agency.token, { ...PRICED_CARD, exclusivityMonthlyBps: 2500 });
    const quote = await app.gql(
      QuoteBookingDocument,
      { input: { digital: digital(w, w.lumen, { exclusivity: { ...APPAREL_FR, territories: ['EU'], end: at(45 * DAY) } }) } },
      w.lumen.token,
    );
    expect(quote.quoteBooking.userErrors).toEqual([]);
    // 700.00 of work, 25% of it a month, two started months, the EU at 3×.
    const line = quote.quoteBooking.quote!.lines.find((l) => l.kind === 'EXCLUSIVITY_FEE');
    expect(line).toMatchObject({ quantity: 2, amount: { amount: 105000 } });
    const bad = await app.gql(SetRateCardDocument, { input: { ...PRICED_CARD, exclusivityMonthlyBps: 10001 } }, w.agency.token);
    expect(bad.setRateCard.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['input', 'exclusivityMonthlyBps']]]);
  });
});
