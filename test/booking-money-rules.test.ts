import {
  BookingByIdDocument,
  BookingChargesDocument,
  BookingMoneyDocument,
  BrandStatementDocument,
  CancelBookingDocument,
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
import { DEFAULT_CARD, fromNow, inHours, past, setCard } from './support/money';
import { approveDeliveries } from './support/deliveries';
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
const line = (kind: string, description: string, unit: string, quantity: number, unitAmount: number, amount: number) => ({
  kind,
  description,
  unit,
  quantity,
  unitAmount: eur(unitAmount),
  amount: eur(amount),
});

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
const chargesOf = async (id: string, token: string) => (await app.gql(BookingChargesDocument, { id }, token)).booking;

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

describe('what the brand is charged', () => {
  const statementOf = async (s: Scenario, from: string) => (await app.gql(BrandStatementDocument, { from, to: inHours(1) }, s.brand.token)).brandStatement!;

  it('at completion with overtime: the frozen lines plus OVERTIME, totalling its payouts and its line in the brand statement', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await bookPhysical(s, physical(s, past(9), past(17), { status: 'CONFIRMED' }));
    expect((await chargesOf(id, s.brand.token))!.charges).toBeNull();

    // Two hours past the day: 120 min at 1.5 × 10 000 = 30 000; fee 90 000 + 20% service fee = 108 000.
    expect((await app.gql(CompleteBookingDocument, { input: { id, actualEnd: past(19) } }, s.agency.token)).completeBooking.userErrors).toEqual([]);
    const charged = {
      currency: 'EUR',
      chargedAt: expect.any(String),
      lines: [
        line('BASE_FEE', 'Day rate (up to 8 h)', 'DAY', 1, 60000, 60000),
        line('OVERTIME', 'Overtime 8–12 h, 120 min at 1.5× hourly', 'MINUTE', 120, 15000, 30000),
        line('SERVICE_FEE', 'Agency service fee (20%)', 'FLAT', 1, 18000, 18000),
      ],
      total: eur(108000),
    };
    const asBrand = (await chargesOf(id, s.brand.token))!;
    expect(asBrand).toMatchObject({ status: 'COMPLETED', quote: { brandTotal: eur(72000) }, charges: charged });
    const asAgency = (await chargesOf(id, s.agency.token))!;
    expect(asAgency.charges).toEqual(asBrand.charges);
    expect(asAgency.payouts.reduce((total, p) => total + p.amount.amount, 0)).toBe(108000);
    expect((await statementOf(s, from)).charges).toEqual([{ bookingId: id, bookingType: 'PHYSICAL', title: 'Lookbook', amount: eur(108000) }]);
    // What the brand pays is not the model's to read.
    expect((await chargesOf(id, s.model.token))!.charges).toBeNull();
  });

  it('after a brand cancels a confirmed booking: the cancellation fee, as the statement charges it; an agency cancellation charges nothing', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    // 30 h of notice: half of 72 000.
    const byBrand = await bookPhysical(s, physical(s, ...fromNow(30, 8), { status: 'CONFIRMED' }));
    const byAgency = await bookPhysical(s, physical(s, ...fromNow(60, 8), { status: 'CONFIRMED' }));
    expect((await app.gql(CancelBookingDocument, { id: byBrand, reason: 'show moved' }, s.brand.token)).cancelBooking.userErrors).toEqual([]);
    expect((await app.gql(CancelBookingDocument, { id: byAgency, reason: 'model is ill' }, s.agency.token)).cancelBooking.userErrors).toEqual([]);

    const cancelled = (await chargesOf(byBrand, s.brand.token))!;
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      charges: { currency: 'EUR', lines: [line('CANCELLATION_FEE', 'Cancellation fee, 50% of the agreed total', 'FLAT', 1, 36000, 36000)], total: eur(36000) },
    });
    expect((await chargesOf(byBrand, s.agency.token))!.payouts.reduce((total, p) => total + p.amount.amount, 0)).toBe(36000);
    expect((await statementOf(s, from)).charges).toEqual([{ bookingId: byBrand, bookingType: 'PHYSICAL', title: 'Lookbook', amount: eur(36000) }]);
    expect((await chargesOf(byAgency, s.brand.token))!.charges).toBeNull();
  });

  it('of a twin job delivered beyond the order: the delivered items, as the payouts and the statement say', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, TWIN_CARD);
    const id = await bookDigital(s, digital(s, past(10), past(34), { status: 'CONFIRMED' }));
    // Ordered: 2 × 3 333 + 2 months × 5 000 × 3 (EU) = 36 666. Delivered: 5 images, 16 665 + 30 000 = 46 665.
    expect((await chargesOf(id, s.brand.token))!.quote).toEqual({ brandTotal: eur(36666) });
    await approveDeliveries(app, s, id, [{ kind: 'IMAGE', quantity: 5 }]);
    const done = (await app.gql(CompleteBookingDocument, { input: { id } }, s.agency.token)).completeBooking;
    expect(done.userErrors).toEqual([]);

    const asBrand = (await chargesOf(id, s.brand.token))!;
    expect(asBrand.charges).toEqual({
      currency: 'EUR',
      chargedAt: expect.any(String),
      lines: [line('DELIVERABLE', 'IMAGE × 5', 'ITEM', 5, 3333, 16665), line('USAGE_FEE', 'ECOMMERCE usage, 2 months, EU', 'MONTH', 2, 5000, 30000)],
      total: eur(46665),
    });
    expect((await chargesOf(id, s.agency.token))!.payouts.reduce((total, p) => total + p.amount.amount, 0)).toBe(46665);
    expect((await statementOf(s, from)).charges).toEqual([{ bookingId: id, bookingType: 'DIGITAL', title: 'Twin e-commerce', amount: eur(46665) }]);
  });
});
