import {
  BookingByIdDocument,
  BookingMoneyDocument,
  CompleteBookingDocument,
  ConfirmBookingDocument,
  CreateDigitalBookingDocument,
  CreatePhysicalBookingDocument,
  QuoteBookingDocument,
  type CreateDigitalBookingInput,
  type CreatePhysicalBookingInput,
  type SetRateCardInput,
} from './generated/graphql';
import { at, seedScenario, seedTwin, type Scenario } from './support/factories';
import { DEFAULT_CARD, fromNow, past, setCard } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Prices twin work too, but only images and e-commerce usage. */
const TWIN_CARD: SetRateCardInput = {
  ...DEFAULT_CARD,
  deliverablePrices: [{ key: 'IMAGE', amount: 3333 }],
  usageMonthlyFees: [{ key: 'ECOMMERCE', amount: 5000 }],
};

const eur = (amount: number) => ({ amount, currency: 'EUR' });

function physical(s: Scenario, start: string, end: string, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return { modelId: s.model.id, brandId: s.brand.id, title: 'Lookbook', start, end, location: { name: 'Studio 5', timeZone: 'Europe/Paris' }, ...extra };
}

/** Two images, e-commerce usage for two months in the EU, produced from `start` to `end`. */
function digital(s: Scenario, start: string, end: string, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'Twin e-commerce',
    start,
    end,
    deliverables: [{ kind: 'IMAGE', quantity: 2 }],
    category: 'APPAREL',
    usage: { media: ['ECOMMERCE'], territories: ['EU'], start: '2030-06-05T00:00:00.000Z', end: '2030-08-05T00:00:00.000Z' },
    ...extra,
  };
}

async function bookPhysical(s: Scenario, input: CreatePhysicalBookingInput): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input }, input.status === 'CONFIRMED' ? s.agency.token : s.brand.token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function bookDigital(s: Scenario, input: CreateDigitalBookingInput): Promise<string> {
  const res = (await app.gql(CreateDigitalBookingDocument, { input }, s.agency.token)).createDigitalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

const moneyOf = async (id: string, token: string) => (await app.gql(BookingMoneyDocument, { id }, token)).booking;

async function bookingsOf(modelId: string): Promise<number> {
  const [{ n }] = await app.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from booking where model_id = ?', [modelId]);
  return Number(n);
}

/** Next year's 15 January, 09:00 to 17:00 UTC: work that has not happened yet. */
function nextJanuary(): [string, string] {
  const year = new Date().getUTCFullYear() + 1;
  return [`${year}-01-15T09:00:00.000Z`, `${year}-01-15T17:00:00.000Z`];
}

describe('completion only once the work has started', () => {
  it('refuses to complete a physical job next January: BOOKING_NOT_STARTED, and nothing is written', async () => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const [start, end] = nextJanuary();
    const id = await bookPhysical(s, physical(s, start, end, { status: 'CONFIRMED' }));

    const res = (await app.gql(CompleteBookingDocument, { input: { id, actualEnd: end } }, s.agency.token)).completeBooking;
    expect(res).toEqual({ booking: null, userErrors: [{ code: 'BOOKING_NOT_STARTED', field: ['input', 'id'], message: expect.stringContaining(start) }] });
    expect(await moneyOf(id, s.agency.token)).toMatchObject({ status: 'CONFIRMED', payouts: [] });
    const [row] = await app.orm.em.getConnection().execute<{ actual_end: Date | null }[]>('select actual_end from booking where id = ?', [id]);
    expect(row.actual_end).toBeNull();
  });

  it('refuses to complete a twin job before its production window opens', async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, TWIN_CARD);
    const id = await bookDigital(s, digital(s, at(10), at(34), { status: 'CONFIRMED' }));
    const res = (await app.gql(CompleteBookingDocument, { input: { id } }, s.agency.token)).completeBooking;
    expect(res).toEqual({ booking: null, userErrors: [{ code: 'BOOKING_NOT_STARTED', field: ['input', 'id'], message: expect.any(String) }] });
    expect(await moneyOf(id, s.agency.token)).toMatchObject({ status: 'CONFIRMED', payouts: [] });
  });

  it('books a job that started an hour ago (agencies record past work) and completes it', async () => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await bookPhysical(s, physical(s, ...fromNow(-1, 8), { status: 'CONFIRMED' }));
    const res = (await app.gql(CompleteBookingDocument, { input: { id } }, s.agency.token)).completeBooking;
    expect(res.userErrors).toEqual([]);
    expect(res.booking?.status).toBe('COMPLETED');
  });

  it.each([
    ['at its start', 9],
    ['before its start', 8],
  ])('refuses an actual end %s: INVALID_RANGE on input.actualEnd, nothing written', async (_, hour) => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await bookPhysical(s, physical(s, past(9), past(17), { status: 'CONFIRMED' }));
    const res = (await app.gql(CompleteBookingDocument, { input: { id, actualEnd: past(hour) } }, s.agency.token)).completeBooking;
    expect(res).toEqual({ booking: null, userErrors: [{ code: 'INVALID_RANGE', field: ['input', 'actualEnd'], message: expect.any(String) }] });
    expect(await moneyOf(id, s.agency.token)).toMatchObject({ status: 'CONFIRMED', payouts: [] });
  });
});

describe('confirmed only with a price', () => {
  it('refuses a physical booking created as CONFIRMED for a model no card prices, as quoteBooking does, writing nothing', async () => {
    const s = await seedScenario(app);
    const input = physical(s, at(9), at(17), { status: 'CONFIRMED' });
    const quoted = (await app.gql(QuoteBookingDocument, { input: { physical: { ...input, status: null } } }, s.agency.token)).quoteBooking;
    expect(quoted.userErrors).toEqual([{ code: 'RATE_CARD_MISSING', field: ['input', 'physical', 'modelId'], message: expect.any(String) }]);

    const res = (await app.gql(CreatePhysicalBookingDocument, { input }, s.agency.token)).createPhysicalBooking;
    expect(res).toEqual({ booking: null, userErrors: [{ code: 'RATE_CARD_MISSING', field: ['input', 'modelId'], message: quoted.userErrors[0].message, conflict: null }] });
    expect(await bookingsOf(s.model.id)).toBe(0);
  });

  it('refuses a twin booking created as CONFIRMED with a medium the card does not price: UNPRICED_TERM naming it, as quoteBooking does', async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, TWIN_CARD);
    const input = digital(s, at(10), at(34), { usage: { ...digital(s, at(10), at(34)).usage, media: ['ECOMMERCE', 'SOCIAL'] }, status: 'CONFIRMED' });
    const quoted = (await app.gql(QuoteBookingDocument, { input: { digital: { ...input, status: null } } }, s.agency.token)).quoteBooking;
    expect(quoted.userErrors).toEqual([{ code: 'UNPRICED_TERM', field: ['input', 'digital', 'usage', 'media'], message: expect.stringContaining('SOCIAL') }]);

    const res = (await app.gql(CreateDigitalBookingDocument, { input }, s.agency.token)).createDigitalBooking;
    expect(res).toEqual({ booking: null, userErrors: [{ code: 'UNPRICED_TERM', field: ['input', 'usage', 'media'], message: quoted.userErrors[0].message, conflict: null }] });
    // Rolled back whole: no booking, no history line, no quote.
    expect(await bookingsOf(s.model.id)).toBe(0);
  });

  it('refuses a twin booking created as CONFIRMED for a model with no card: RATE_CARD_MISSING, nothing written', async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const res = (await app.gql(CreateDigitalBookingDocument, { input: digital(s, at(10), at(34), { status: 'CONFIRMED' }) }, s.agency.token)).createDigitalBooking;
    expect(res).toEqual({ booking: null, userErrors: [{ code: 'RATE_CARD_MISSING', field: ['input', 'modelId'], message: expect.any(String), conflict: null }] });
    expect(await bookingsOf(s.model.id)).toBe(0);
  });

  it('refuses to confirm an option no card prices; once a card exists the same option confirms with a frozen quote', async () => {
    const s = await seedScenario(app);
    const id = await bookPhysical(s, physical(s, at(9), at(17)));
    const refused = (await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking;
    expect(refused).toEqual({ booking: null, userErrors: [{ code: 'RATE_CARD_MISSING', field: ['id'], message: expect.any(String), conflict: null }] });
    const after = (await app.gql(BookingByIdDocument, { id }, s.agency.token)).booking!;
    expect(after.status).toBe('OPTION');
    expect(after.history.map((h) => h.toStatus)).toEqual(['OPTION']);

    await setCard(app, s.agency.token, DEFAULT_CARD);
    expect((await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking.userErrors).toEqual([]);
    expect(await moneyOf(id, s.agency.token)).toMatchObject({ status: 'CONFIRMED', quote: { frozen: true, brandTotal: eur(72000) } });
  });

  it('refuses to confirm a twin option with a medium the card does not price, with the message quoteBooking gives', async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, TWIN_CARD);
    const input = digital(s, at(10), at(34), { usage: { ...digital(s, at(10), at(34)).usage, media: ['SOCIAL'] } });
    const quoted = (await app.gql(QuoteBookingDocument, { input: { digital: input } }, s.agency.token)).quoteBooking;
    const id = await bookDigital(s, input);

    const refused = (await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking;
    expect(refused).toEqual({ booking: null, userErrors: [{ code: 'UNPRICED_TERM', field: ['id'], message: quoted.userErrors[0].message, conflict: null }] });
    expect(await moneyOf(id, s.agency.token)).toMatchObject({ status: 'OPTION', quote: null });
  });

  it('prices a confirmed create with a card set after the model was last booked (her terms are remembered between requests)', async () => {
    const s = await seedScenario(app);
    // Booked once without a card, so her terms are remembered with none.
    await bookPhysical(s, physical(s, at(9), at(17)));
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await bookPhysical(s, physical(s, at(33), at(41), { status: 'CONFIRMED' }));
    expect(await moneyOf(id, s.agency.token)).toMatchObject({ status: 'CONFIRMED', quote: { frozen: true, brandTotal: eur(72000) } });
  });
});
