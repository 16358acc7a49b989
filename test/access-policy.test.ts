import {
  BookingMoneyDocument,
  BookingsDocument,
  CreateDigitalBookingDocument,
  ModelByIdDocument,
  ModelCalendarDocument,
  ModelEarningsDocument,
  ModelsDocument,
  QuoteBookingDocument,
  type CreateDigitalBookingInput,
} from './generated/graphql';
import { at, seedAgency, seedModel, seedScenario, seedTwin, type Party, type Scenario } from './support/factories';
import { DEFAULT_CARD, setCard } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * The access policy (src/core/access-policy.ts) through GraphQL, where its copies used to disagree: what a mother
 * agency and a brand learn of a model, her twin and her bookings' money.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const twinJob = (s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput => ({
  modelId: s.model.id,
  title: 'Twin e-commerce',
  start: at(10),
  end: at(34),
  deliverables: [{ kind: 'IMAGE', quantity: 4 }],
  category: 'APPAREL',
  usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(10), end: at(24 * 60) },
  ...extra,
});

const CARD = { ...DEFAULT_CARD, deliverablePrices: [{ key: 'IMAGE', amount: 25000 }], usageMonthlyFees: [{ key: 'ECOMMERCE', amount: 10000 }] };

describe('a mother agency', () => {
  let s: Scenario;
  let mother: Party;
  let placed: Party;
  beforeAll(async () => {
    s = await seedScenario(app);
    mother = await seedAgency(app);
    placed = await seedModel(app, s.agency, { motherAgencyId: mother.id });
    await seedTwin(app, s.agency, placed.id);
  });

  it('finds the models it placed both by id and in its list, and no one else', async () => {
    expect((await app.gql(ModelByIdDocument, { id: placed.id }, mother.token)).model?.id).toBe(placed.id);
    const listed = (await app.gql(ModelsDocument, { first: 100 }, mother.token)).models.edges.map((e) => e.node.id);
    expect(listed).toEqual([placed.id]);
    expect((await app.gql(ModelByIdDocument, { id: s.model.id }, mother.token)).model).toBeNull();
  });

  it('sees nothing else of her: not her twin, its split, her calendar, her earnings or her bookings', async () => {
    const seen = (await app.gql(ModelByIdDocument, { id: placed.id }, mother.token)).model!;
    expect(seen.twin).toBeNull();
    // Her own agency does see the twin and its split: the null above is the policy, not a missing twin.
    expect((await app.gql(ModelByIdDocument, { id: placed.id }, s.agency.token)).model!.twin?.ownershipSplit).toEqual({ modelBps: 6000 });
    const window = { id: placed.id, from: at(0), to: at(24 * 7) };
    expect((await app.gql(ModelCalendarDocument, window, mother.token)).model!.calendar).toBeNull();
    expect((await app.gql(ModelEarningsDocument, window, mother.token)).model!.earnings).toBeNull();
    expect((await app.gql(BookingsDocument, { first: 100 }, mother.token)).bookings.edges).toEqual([]);
  });
});

describe('a brand', () => {
  it("quoting a twin job learns its price, not the twin's ownership split", async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, CARD);
    const asBrand = (await app.gql(QuoteBookingDocument, { input: { digital: twinJob(s) } }, s.brand.token)).quoteBooking;
    expect(asBrand.userErrors).toEqual([]);
    expect(asBrand.quote).toMatchObject({ modelAmount: null, agencyAmount: null, motherAgencyAmount: null, platformAmount: null });
    expect(asBrand.quote!.brandTotal!.amount).toBeGreaterThan(0);
    const asAgency = (await app.gql(QuoteBookingDocument, { input: { digital: twinJob(s, { brandId: s.brand.id }) } }, s.agency.token)).quoteBooking;
    expect(asAgency.quote!.brandTotal).toEqual(asBrand.quote!.brandTotal);
    expect(asAgency.quote!.lines).toEqual(asBrand.quote!.lines);
    // 60 / 30 / 10 of the net, as the twin's split says.
    const { modelAmount, agencyAmount, platformAmount } = asAgency.quote!;
    expect([modelAmount!.amount, agencyAmount!.amount, platformAmount!.amount].map((a) => Math.round((a / asAgency.quote!.brandTotal!.amount) * 10))).toEqual([6, 3, 1]);
  });

  it("reads its twin booking's quote without the split, and another brand reads none of it", async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, CARD);
    const created = (await app.gql(CreateDigitalBookingDocument, { input: twinJob(s) }, s.brand.token)).createDigitalBooking;
    expect(created.userErrors).toEqual([]);
    const id = created.booking!.id;
    const own = (await app.gql(BookingMoneyDocument, { id }, s.brand.token)).booking!;
    expect(own.quote).toMatchObject({ modelAmount: null, agencyAmount: null, platformAmount: null });
    expect(own.quote!.lines.length).toBeGreaterThan(0);
    expect((await app.gql(BookingMoneyDocument, { id }, s.agency.token)).booking!.quote!.modelAmount).not.toBeNull();
    expect((await app.gql(BookingMoneyDocument, { id }, s.otherBrand.token)).booking).toBeNull();
  });
});
