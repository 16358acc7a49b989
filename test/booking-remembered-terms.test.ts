import { BookingMoneyDocument, CreatePhysicalBookingDocument, type CreatePhysicalBookingInput } from './generated/graphql';
import { at, confirmedPhysical as physical, seedAgency, seedScenario, type Scenario } from './support/factories';
import { DEFAULT_CARD as CARD, setCard, seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

// The create path remembers a model's terms (her agency, her card) between requests and writes in one statement
// that re-checks them. Each test books the model once, so that her terms are remembered, then changes what they
// depend on and books again: the second answer must be the one a fresh read would give.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function book(input: CreatePhysicalBookingInput, token: string) {
  return (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
}

async function bookOk(input: CreatePhysicalBookingInput, token: string): Promise<string> {
  const res = await book(input, token);
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

/** The frozen brand total of a booking, as its agency sees it. */
async function frozenTotal(s: Scenario, id: string): Promise<number | undefined> {
  const res = await app.gql(BookingMoneyDocument, { id }, s.agency.token);
  expect(res.booking?.quote?.frozen).toBe(true);
  return res.booking?.quote?.brandTotal?.amount;
}

describe('a model booked again', () => {
  it('is priced with her agency card as it is now, after the card changed', async () => {
    const s = await seedPricedScenario(app);
    await setCard(app, s.agency.token, CARD);
    // One hour at 100.00 plus the 20 % service fee.
    expect(await frozenTotal(s, await bookOk(physical(s, 9, 10), s.agency.token))).toBe(12000);
    await setCard(app, s.agency.token, { ...CARD, hourlyRate: 20000 });
    expect(await frozenTotal(s, await bookOk(physical(s, 11, 12), s.agency.token))).toBe(24000);
  });

  it('is priced with her own card once she has one, over the agency default used before', async () => {
    const s = await seedPricedScenario(app);
    await setCard(app, s.agency.token, CARD);
    expect(await frozenTotal(s, await bookOk(physical(s, 9, 10), s.agency.token))).toBe(12000);
    await setCard(app, s.agency.token, { ...CARD, modelId: s.model.id, hourlyRate: 15000 });
    expect(await frozenTotal(s, await bookOk(physical(s, 11, 12), s.agency.token))).toBe(18000);
  });

  it('gets a frozen quote once her agency has a card, where before it had none', async () => {
    const s = await seedScenario(app);
    // Without a card she can be optioned, not confirmed: she is remembered with no card.
    const first = await bookOk(physical(s, 9, 10, { status: 'OPTION' }), s.agency.token);
    expect((await app.gql(BookingMoneyDocument, { id: first }, s.agency.token)).booking?.quote).toBeNull();
    await setCard(app, s.agency.token, CARD);
    expect(await frozenTotal(s, await bookOk(physical(s, 11, 12), s.agency.token))).toBe(12000);
  });

  it('is refused OPTION_NOT_FIRST over an option placed since, and writes nothing', async () => {
    const s = await seedPricedScenario(app);
    await bookOk(physical(s, 9, 10), s.agency.token);
    await bookOk(physical(s, 12, 13, { status: 'OPTION', brandId: undefined }), s.brand.token);
    const res = await book(physical(s, 12, 14), s.agency.token);
    expect(res.userErrors.map((e) => e.code)).toEqual(['OPTION_NOT_FIRST']);
    expect(res.booking).toBeNull();
  });

  it('is refused PHYSICAL_CLASH for an option over a booking confirmed since, naming it for its own agency', async () => {
    const s = await seedPricedScenario(app);
    await bookOk(physical(s, 9, 10), s.agency.token);
    const confirmed = await bookOk(physical(s, 12, 14, { brandId: s.otherBrand.id }), s.agency.token);
    const res = await book(physical(s, 13, 15, { status: 'OPTION' }), s.agency.token);
    expect(res.userErrors).toEqual([expect.objectContaining({ code: 'PHYSICAL_CLASH', conflict: { start: at(12), end: at(14), bookingId: confirmed } })]);
  });

  it('is refused BRAND_NOT_FOUND for an unknown brand, then booked for a real one', async () => {
    const s = await seedPricedScenario(app);
    await bookOk(physical(s, 9, 10), s.agency.token);
    const res = await book(physical(s, 11, 12, { brandId: '00000000-0000-4000-8000-000000000000' }), s.agency.token);
    expect(res.userErrors.map((e) => e.code)).toEqual(['BRAND_NOT_FOUND']);
    await bookOk(physical(s, 11, 12), s.agency.token);
  });

  it('is the same model when its id comes in capitals: booked, and refused over its own booking', async () => {
    const s = await seedPricedScenario(app);
    await bookOk(physical(s, 9, 10), s.agency.token);
    const upper = s.model.id.toUpperCase();
    await bookOk(physical(s, 11, 12, { modelId: upper }), s.agency.token);
    const res = await book(physical(s, 11.5, 13, { modelId: upper }), s.agency.token);
    expect(res.userErrors.map((e) => e.code)).toEqual(['PHYSICAL_CLASH']);
  });

  it('stays MODEL_NOT_FOUND for another agency', async () => {
    const s = await seedPricedScenario(app);
    await bookOk(physical(s, 9, 10), s.agency.token);
    const other = await seedAgency(app);
    const res = await book(physical(s, 11, 12), other.token);
    expect(res.userErrors.map((e) => e.code)).toEqual(['MODEL_NOT_FOUND']);
  });
});
