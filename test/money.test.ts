import { randomUUID } from 'node:crypto';
import {
  BookingMoneyDocument,
  CancelBookingDocument,
  CompleteBookingDocument,
  ConfirmBookingDocument,
  CreateDigitalBookingDocument,
  CreatePhysicalBookingDocument,
  DigitalDeliveryDocument,
  QuoteBookingDocument,
  RateCardDetailsDocument,
  SetRateCardDocument,
  type CompleteBookingInput,
  type CreateDigitalBookingInput,
  type CreatePhysicalBookingInput,
  type SetRateCardInput,
} from './generated/graphql';
import { seedAgency, seedModel, seedScenario, seedTwin, type Party, type Scenario } from './support/factories';
import { DEFAULT_CARD, fromNow, past, setCard, type MoneyBooking, type PayoutLine } from './support/money';
import { approveDeliveries } from './support/deliveries';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Her own card: dearer than the agency default, and priced for twin work too. */
const MODEL_CARD: Omit<SetRateCardInput, 'modelId'> = {
  currency: 'EUR',
  hourlyRate: 12000,
  halfDayRate: 40000,
  dayRate: 70000,
  deliverablePrices: [
    { key: 'IMAGE', amount: 3333 },
    { key: 'VIDEO', amount: 10001 },
  ],
  usageMonthlyFees: [{ key: 'ECOMMERCE', amount: 5000 }],
};

const line = (kind: string, description: string, unit: string, quantity: number, unitAmount: number, amount: number, currency = 'EUR') => ({
  kind,
  description,
  unit,
  quantity,
  unitAmount: { amount: unitAmount, currency },
  amount: { amount, currency },
});

const parts = (currency: string, brandTotal: number, model: number, agency: number, motherAgency: number, platform: number) => ({
  currency,
  brandTotal: { amount: brandTotal, currency },
  modelAmount: { amount: model, currency },
  agencyAmount: { amount: agency, currency },
  motherAgencyAmount: { amount: motherAgency, currency },
  platformAmount: { amount: platform, currency },
});

function physical(s: Scenario, start: string, end: string, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return { modelId: s.model.id, title: 'Lookbook', start, end, location: { name: 'Studio 5', timeZone: 'Europe/Paris' }, ...extra };
}

function digital(s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput {
  return {
    modelId: s.model.id,
    title: 'Twin e-commerce',
    start: past(10),
    end: past(34),
    deliverables: [
      { kind: 'IMAGE', quantity: 7 },
      { kind: 'VIDEO', quantity: 1 },
    ],
    category: 'APPAREL',
    // Exactly three calendar months of licence.
    usage: { media: ['ECOMMERCE'], territories: ['FR'], start: '2030-06-05T00:00:00.000Z', end: '2030-09-05T00:00:00.000Z' },
    ...extra,
  };
}

/** The brand places an option and the agency confirms it, so the quote is frozen by confirmBooking. */
async function confirmedPhysical(s: Scenario, start: string, end: string): Promise<string> {
  const id = await physicalOption(s, start, end);
  const confirmed = await app.gql(ConfirmBookingDocument, { id }, s.agency.token);
  expect(confirmed.confirmBooking.userErrors).toEqual([]);
  return id;
}

async function physicalOption(s: Scenario, start: string, end: string): Promise<string> {
  const created = await app.gql(CreatePhysicalBookingDocument, { input: physical(s, start, end) }, s.brand.token);
  expect(created.createPhysicalBooking.userErrors).toEqual([]);
  return created.createPhysicalBooking.booking!.id;
}

/** A digital booking placed by the brand and confirmed by the agency; unless told otherwise, what was ordered is delivered and approved. */
async function confirmedDigital(s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}, approveOrder = true): Promise<string> {
  const input = digital(s, extra);
  const created = await app.gql(CreateDigitalBookingDocument, { input }, s.brand.token);
  expect(created.createDigitalBooking.userErrors).toEqual([]);
  const id = created.createDigitalBooking.booking!.id;
  const confirmed = await app.gql(ConfirmBookingDocument, { id }, s.agency.token);
  expect(confirmed.confirmBooking.userErrors).toEqual([]);
  if (approveOrder) await approveDeliveries(app, s, id, input.deliverables);
  return id;
}

async function complete(agency: Party, input: CompleteBookingInput) {
  return (await app.gql(CompleteBookingDocument, { input }, agency.token)).completeBooking;
}

async function moneyOf(id: string, token: string): Promise<MoneyBooking> {
  const res = await app.gql(BookingMoneyDocument, { id }, token);
  expect(res.booking).not.toBeNull();
  return res.booking!;
}

/** Payout lines in a fixed order, with the fields that matter to the ledger. */
function ledger(payouts: PayoutLine[]) {
  return [...payouts]
    .sort((a, b) => a.party.localeCompare(b.party))
    .map((p) => ({ party: p.party, partyId: p.partyId, reason: p.reason, status: p.status, amount: p.amount }));
}

/** A quote request as the agency sends it for the brand: the agency sees how the price is shared, the brand does not. */
function forBrand(s: Scenario, input: { physical?: CreatePhysicalBookingInput; digital?: CreateDigitalBookingInput }) {
  return {
    physical: input.physical && { ...input.physical, brandId: s.brand.id },
    digital: input.digital && { ...input.digital, brandId: s.brand.id },
  };
}

const sum = (payouts: PayoutLine[]) => payouts.reduce((total, p) => total + p.amount.amount, 0);

describe('quotes before booking', () => {
  it('prices physical and digital requests with exact lines and parts; her own card overrides the agency default', async () => {
    const s = await seedScenario(app);
    const other = await seedModel(app, s.agency);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    await setCard(app, s.agency.token, { ...MODEL_CARD, modelId: s.model.id });

    // 8 h under her card: the day rate (70 000) beats 8 × 12 000; +20% service fee; 20% commission; 5% platform.
    const day = await app.gql(QuoteBookingDocument, { input: forBrand(s, { physical: physical(s, past(9), past(17)) }) }, s.agency.token);
    expect(day.quoteBooking).toEqual({
      userErrors: [],
      quote: {
        frozen: false,
        frozenAt: null,
        lines: [line('BASE_FEE', 'Day rate (up to 8 h)', 'DAY', 1, 70000, 70000), line('SERVICE_FEE', 'Agency service fee (20%)', 'FLAT', 1, 14000, 14000)],
        ...parts('EUR', 84000, 56000, 23800, 0, 4200),
      },
    });

    // 3 h: 3 × 12 000 = 36 000 is cheaper than her half day (40 000).
    const short = await app.gql(QuoteBookingDocument, { input: forBrand(s, { physical: physical(s, past(9), past(12)) }) }, s.agency.token);
    expect(short.quoteBooking.quote).toEqual({
      frozen: false,
      frozenAt: null,
      lines: [line('BASE_FEE', 'Hourly rate, 180 min', 'MINUTE', 180, 12000, 36000), line('SERVICE_FEE', 'Agency service fee (20%)', 'FLAT', 1, 7200, 7200)],
      ...parts('EUR', 43200, 28800, 12240, 0, 2160),
    });

    // Another model of the agency has no card of her own: the default prices her (half day 35 000 < 4 × 10 000).
    const half = await app.gql(QuoteBookingDocument, { input: forBrand(s, { physical: { ...physical(s, past(9), past(13)), modelId: other.id } }) }, s.agency.token);
    expect(half.quoteBooking.quote).toEqual({
      frozen: false,
      frozenAt: null,
      lines: [line('BASE_FEE', 'Half-day rate (up to 4 h)', 'HALF_DAY', 1, 35000, 35000), line('SERVICE_FEE', 'Agency service fee (20%)', 'FLAT', 1, 7000, 7000)],
      ...parts('EUR', 42000, 28000, 11900, 0, 2100),
    });

    // Twin work: 7 × 3 333 + 10 001 + 3 months × 5 000 (one country, 1×) = 48 332, split 60/30/10 by largest remainder
    // (28 999.2 / 14 499.6 / 4 833.2: the one leftover unit goes to the agency).
    const twin = await app.gql(QuoteBookingDocument, { input: forBrand(s, { digital: digital(s) }) }, s.agency.token);
    expect(twin.quoteBooking).toEqual({
      userErrors: [],
      quote: {
        frozen: false,
        frozenAt: null,
        lines: [
          line('DELIVERABLE', 'IMAGE × 7', 'ITEM', 7, 3333, 23331),
          line('DELIVERABLE', 'VIDEO × 1', 'ITEM', 1, 10001, 10001),
          line('USAGE_FEE', 'ECOMMERCE usage, 3 months, FR', 'MONTH', 3, 5000, 15000),
        ],
        ...parts('EUR', 48332, 28999, 14500, 0, 4833),
      },
    });

    const [{ n }] = await app.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from booking where model_id in (?, ?)', [s.model.id, other.id]);
    expect(Number(n)).toBe(0);
  });
});

describe('the deal memo', () => {
  it('is frozen at confirmation, survives a card change, and completion past 8 h and 12 h pays from it exactly', async () => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, { ...MODEL_CARD, modelId: s.model.id });
    const id = await confirmedPhysical(s, past(9), past(17));

    const confirmed = await moneyOf(id, s.agency.token);
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.quote).toEqual({
      frozen: true,
      frozenAt: expect.any(String),
      lines: [line('BASE_FEE', 'Day rate (up to 8 h)', 'DAY', 1, 70000, 70000), line('SERVICE_FEE', 'Agency service fee (20%)', 'FLAT', 1, 14000, 14000)],
      ...parts('EUR', 84000, 56000, 23800, 0, 4200),
    });
    expect(confirmed.payouts).toEqual([]);

    await setCard(app, s.agency.token, { currency: 'EUR', hourlyRate: 99999, halfDayRate: 99999, dayRate: 99999, modelCommissionBps: 5000, modelId: s.model.id });
    // The card did change: a new request is priced at 99 999 + 20 000 service fee.
    const live = await app.gql(QuoteBookingDocument, { input: { physical: physical(s, past(40), past(48)) } }, s.brand.token);
    expect(live.quoteBooking.quote!.brandTotal).toEqual({ amount: 119999, currency: 'EUR' });
    expect((await moneyOf(id, s.agency.token)).quote).toEqual(confirmed.quote);

    // 09:00 → 22:30 is 810 min: the day (70 000), 240 min at 1.5 × 12 000 (72 000) and 90 min at 2 × 12 000 (36 000).
    // Fee 178 000, service fee 35 600, brand total 213 600; the model keeps 80% of the fee, the platform 5% of the total.
    const done = await complete(s.agency, { id, actualEnd: past(22.5) });
    expect(done.userErrors).toEqual([]);
    expect(done.booking).toEqual({ id, status: 'COMPLETED', completedAt: expect.any(String) });
    const completed = await moneyOf(id, s.agency.token);
    expect(ledger(completed.payouts)).toEqual([
      { party: 'AGENCY', partyId: s.agency.id, reason: 'FEE', status: 'PENDING', amount: { amount: 60520, currency: 'EUR' } },
      { party: 'MODEL', partyId: s.model.id, reason: 'FEE', status: 'PENDING', amount: { amount: 142400, currency: 'EUR' } },
      { party: 'PLATFORM', partyId: null, reason: 'FEE', status: 'PENDING', amount: { amount: 10680, currency: 'EUR' } },
    ]);
    expect(sum(completed.payouts)).toBe(213600);
    expect(completed.payouts.every((p) => p.bookingId === id)).toBe(true);
    // The deal memo stays what was agreed; the payouts carry what actually happened.
    expect(completed.quote).toEqual(confirmed.quote);
  });

  it('of an unconfirmed booking follows the current card until confirmation', async () => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await physicalOption(s, past(9), past(17));
    const dayQuote = (dayRate: number, fee: number, total: number, model: number, agency: number, platform: number, frozen = false) => ({
      frozen,
      frozenAt: frozen ? expect.any(String) : null,
      lines: [line('BASE_FEE', 'Day rate (up to 8 h)', 'DAY', 1, dayRate, dayRate), line('SERVICE_FEE', 'Agency service fee (20%)', 'FLAT', 1, fee, fee)],
      ...parts('EUR', total, model, agency, 0, platform),
    });
    expect((await moneyOf(id, s.agency.token)).quote).toEqual(dayQuote(60000, 12000, 72000, 48000, 20400, 3600));

    await setCard(app, s.agency.token, { ...DEFAULT_CARD, dayRate: 65000 });
    expect((await moneyOf(id, s.agency.token)).quote).toEqual(dayQuote(65000, 13000, 78000, 52000, 22100, 3900));

    // Her own card, once she has one, wins over the agency default.
    await setCard(app, s.agency.token, { ...DEFAULT_CARD, dayRate: 50000, modelId: s.model.id });
    expect((await moneyOf(id, s.agency.token)).quote).toEqual(dayQuote(50000, 10000, 60000, 40000, 17000, 3000));

    expect((await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking.userErrors).toEqual([]);
    await setCard(app, s.agency.token, { ...DEFAULT_CARD, dayRate: 1, modelId: s.model.id });
    expect((await moneyOf(id, s.agency.token)).quote).toEqual(dayQuote(50000, 10000, 60000, 40000, 17000, 3000, true));
  });
});

describe('mother agency', () => {
  it("takes 10% of the commission as a MOTHER_AGENCY payout owed to the mother agency's id", async () => {
    const mother = await seedAgency(app);
    const s = await seedScenario(app, { motherAgencyId: mother.id });
    await setCard(app, s.agency.token, { ...DEFAULT_CARD, hourlyRate: 10001 });

    // 09:00 → 18:15: the day (60 000) and 75 min of overtime at 1.5 × 10 001 = 15 001.5 → 15 002 an hour, so 18 752.5 → 18 753.
    // Fee 78 753: service fee 15 751 (15 750.6), commission 15 751, mother agency 10% of it = 1 575, platform 5% of 94 504 = 4 725.
    const quoted = await app.gql(QuoteBookingDocument, { input: forBrand(s, { physical: physical(s, past(9), past(18.25)) }) }, s.agency.token);
    expect(quoted.quoteBooking.quote).toEqual({
      frozen: false,
      frozenAt: null,
      lines: [
        line('BASE_FEE', 'Day rate (up to 8 h)', 'DAY', 1, 60000, 60000),
        line('OVERTIME', 'Overtime 8–12 h, 75 min at 1.5× hourly', 'MINUTE', 75, 15002, 18753),
        line('SERVICE_FEE', 'Agency service fee (20%)', 'FLAT', 1, 15751, 15751),
      ],
      ...parts('EUR', 94504, 63002, 25202, 1575, 4725),
    });

    const id = await confirmedPhysical(s, past(9), past(17));
    expect((await moneyOf(id, s.agency.token)).quote).toMatchObject(parts('EUR', 72000, 48000, 19200, 1200, 3600));
    expect((await complete(s.agency, { id, actualEnd: past(18.25) })).userErrors).toEqual([]);
    const payouts = (await moneyOf(id, s.agency.token)).payouts;
    expect(ledger(payouts)).toEqual([
      { party: 'AGENCY', partyId: s.agency.id, reason: 'FEE', status: 'PENDING', amount: { amount: 25202, currency: 'EUR' } },
      { party: 'MODEL', partyId: s.model.id, reason: 'FEE', status: 'PENDING', amount: { amount: 63002, currency: 'EUR' } },
      { party: 'MOTHER_AGENCY', partyId: mother.id, reason: 'FEE', status: 'PENDING', amount: { amount: 1575, currency: 'EUR' } },
      { party: 'PLATFORM', partyId: null, reason: 'FEE', status: 'PENDING', amount: { amount: 4725, currency: 'EUR' } },
    ]);
    expect(sum(payouts)).toBe(94504);
  });
});

describe('digital bookings', () => {
  it("split the brand total by the twin's 60/30/10 ownership by largest remainder; what was delivered replaces what was ordered", async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, { ...MODEL_CARD, modelId: s.model.id });
    const asOrdered = await confirmedDigital(s);
    const delivered = await confirmedDigital(s, { title: 'Twin lookbook' }, false);

    const frozen = (await moneyOf(delivered, s.agency.token)).quote;
    expect(frozen).toEqual({
      frozen: true,
      frozenAt: expect.any(String),
      lines: [
        line('DELIVERABLE', 'IMAGE × 7', 'ITEM', 7, 3333, 23331),
        line('DELIVERABLE', 'VIDEO × 1', 'ITEM', 1, 10001, 10001),
        line('USAGE_FEE', 'ECOMMERCE usage, 3 months, FR', 'MONTH', 3, 5000, 15000),
      ],
      ...parts('EUR', 48332, 28999, 14500, 0, 4833),
    });

    expect((await complete(s.agency, { id: asOrdered })).userErrors).toEqual([]);
    const full = (await moneyOf(asOrdered, s.agency.token)).payouts;
    expect(ledger(full)).toEqual([
      { party: 'AGENCY', partyId: s.agency.id, reason: 'FEE', status: 'PENDING', amount: { amount: 14500, currency: 'EUR' } },
      { party: 'MODEL', partyId: s.model.id, reason: 'FEE', status: 'PENDING', amount: { amount: 28999, currency: 'EUR' } },
      { party: 'PLATFORM', partyId: null, reason: 'FEE', status: 'PENDING', amount: { amount: 4833, currency: 'EUR' } },
    ]);
    expect(sum(full)).toBe(48332);

    // Five images and no video: 5 × 3 333 + 15 000 = 31 665 → 18 999 / 9 499.5 / 3 166.5; the tied leftover unit goes to the agency.
    await approveDeliveries(app, s, delivered, [{ kind: 'image', quantity: 2 }, { kind: 'IMAGE', quantity: 3 }]);
    const done = await complete(s.agency, { id: delivered });
    expect(done.userErrors).toEqual([]);
    const partial = await moneyOf(delivered, s.agency.token);
    expect(ledger(partial.payouts)).toEqual([
      { party: 'AGENCY', partyId: s.agency.id, reason: 'FEE', status: 'PENDING', amount: { amount: 9500, currency: 'EUR' } },
      { party: 'MODEL', partyId: s.model.id, reason: 'FEE', status: 'PENDING', amount: { amount: 18999, currency: 'EUR' } },
      { party: 'PLATFORM', partyId: null, reason: 'FEE', status: 'PENDING', amount: { amount: 3166, currency: 'EUR' } },
    ]);
    expect(sum(partial.payouts)).toBe(31665);
    expect(partial.quote).toEqual(frozen);
    const delivery = await app.gql(DigitalDeliveryDocument, { id: delivered }, s.agency.token);
    expect(delivery.booking).toMatchObject({
      status: 'COMPLETED',
      deliverables: [
        { kind: 'IMAGE', quantity: 7 },
        { kind: 'VIDEO', quantity: 1 },
      ],
      delivered: [{ kind: 'IMAGE', quantity: 5 }],
    });
  });

  it('keep a zero-decimal currency (JPY) in whole yen, exactly, physical and digital', async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, {
      modelId: s.model.id,
      currency: 'JPY',
      hourlyRate: 15001,
      halfDayRate: 50001,
      dayRate: 90001,
      deliverablePrices: [{ key: 'IMAGE', amount: 33333 }],
      usageMonthlyFees: [{ key: 'ECOMMERCE', amount: 10001 }],
    });

    // 09:00 → 19:10: the day and 130 min at 1.5 × 15 001 = 22 501.5 → 22 502 ¥/h, so 48 754.33 → 48 754 ¥.
    const quoted = await app.gql(QuoteBookingDocument, { input: forBrand(s, { physical: physical(s, past(9), '2025-06-02T19:10:00.000Z') }) }, s.agency.token);
    expect(quoted.quoteBooking.quote).toEqual({
      frozen: false,
      frozenAt: null,
      lines: [
        line('BASE_FEE', 'Day rate (up to 8 h)', 'DAY', 1, 90001, 90001, 'JPY'),
        line('OVERTIME', 'Overtime 8–12 h, 130 min at 1.5× hourly', 'MINUTE', 130, 22502, 48754, 'JPY'),
        line('SERVICE_FEE', 'Agency service fee (20%)', 'FLAT', 1, 27751, 27751, 'JPY'),
      ],
      ...parts('JPY', 166506, 111004, 47177, 0, 8325),
    });

    // 2 × 33 333 + 2 months × 10 001 × 3 (EU) = 126 672 ¥ → 76 003.2 / 38 001.6 / 12 667.2 → 76 003 / 38 002 / 12 667.
    const id = await confirmedDigital(s, {
      deliverables: [{ kind: 'IMAGE', quantity: 2 }],
      usage: { media: ['ECOMMERCE'], territories: ['EU'], start: '2030-06-05T00:00:00.000Z', end: '2030-08-05T00:00:00.000Z' },
    });
    expect((await moneyOf(id, s.agency.token)).quote).toEqual({
      frozen: true,
      frozenAt: expect.any(String),
      lines: [line('DELIVERABLE', 'IMAGE × 2', 'ITEM', 2, 33333, 66666, 'JPY'), line('USAGE_FEE', 'ECOMMERCE usage, 2 months, EU', 'MONTH', 2, 10001, 60006, 'JPY')],
      ...parts('JPY', 126672, 76003, 38002, 0, 12667),
    });
    expect((await complete(s.agency, { id })).userErrors).toEqual([]);
    const payouts = (await moneyOf(id, s.agency.token)).payouts;
    expect(ledger(payouts)).toEqual([
      { party: 'AGENCY', partyId: s.agency.id, reason: 'FEE', status: 'PENDING', amount: { amount: 38002, currency: 'JPY' } },
      { party: 'MODEL', partyId: s.model.id, reason: 'FEE', status: 'PENDING', amount: { amount: 76003, currency: 'JPY' } },
      { party: 'PLATFORM', partyId: null, reason: 'FEE', status: 'PENDING', amount: { amount: 12667, currency: 'JPY' } },
    ]);
    expect(sum(payouts)).toBe(126672);
  });
});

describe('cancellation of a confirmed booking', () => {
  it('by the brand costs 100% / 50% / 25% / 0% of the frozen total by notice, split like the total', async () => {
    const mother = await seedAgency(app);
    const s = await seedScenario(app, { motherAgencyId: mother.id });
    await setCard(app, s.agency.token, DEFAULT_CARD);
    // Frozen: 72 000 = model 48 000 + agency 19 200 + mother agency 1 200 + platform 3 600.
    const cases = [
      { notice: 10, parts: [19200, 48000, 1200, 3600] },
      { notice: 30, parts: [9600, 24000, 600, 1800] },
      { notice: 60, parts: [4800, 12000, 300, 900] },
      { notice: 100, parts: null },
    ];
    const ids: string[] = [];
    for (const c of cases) ids.push(await confirmedPhysical(s, ...fromNow(c.notice, 8)));
    for (const [i, c] of cases.entries()) {
      expect((await moneyOf(ids[i], s.agency.token)).quote).toMatchObject({ frozen: true, ...parts('EUR', 72000, 48000, 19200, 1200, 3600) });
      const cancelled = await app.gql(CancelBookingDocument, { id: ids[i], reason: 'campaign moved' }, s.brand.token);
      expect(cancelled.cancelBooking.userErrors).toEqual([]);
      expect(cancelled.cancelBooking.booking!.status).toBe('CANCELLED');
      const payouts = (await moneyOf(ids[i], s.agency.token)).payouts;
      if (!c.parts) {
        expect(payouts).toEqual([]);
        continue;
      }
      const [agency, model, motherShare, platform] = c.parts;
      const fee = (party: string, partyId: string | null, amount: number) => ({ party, partyId, reason: 'CANCELLATION', status: 'PENDING', amount: { amount, currency: 'EUR' } });
      expect(ledger(payouts)).toEqual([
        fee('AGENCY', s.agency.id, agency),
        fee('MODEL', s.model.id, model),
        fee('MOTHER_AGENCY', mother.id, motherShare),
        fee('PLATFORM', null, platform),
      ]);
      expect(sum(payouts)).toBe([72000, 36000, 18000][i]);
    }
  });

  it('by the agency costs the brand nothing', async () => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await confirmedPhysical(s, ...fromNow(10, 8));
    const cancelled = await app.gql(CancelBookingDocument, { id, reason: 'model is ill' }, s.agency.token);
    expect(cancelled.cancelBooking.userErrors).toEqual([]);
    expect(cancelled.cancelBooking.booking!.status).toBe('CANCELLED');
    expect((await moneyOf(id, s.agency.token)).payouts).toEqual([]);
    const [{ n }] = await app.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from payout where booking_id = ?', [id]);
    expect(Number(n)).toBe(0);
  });
});

describe('validation', () => {
  const invalidCards: [string, Partial<SetRateCardInput>, string[][]][] = [
    ['commission below 0 bps', { modelCommissionBps: -1 }, [['input', 'modelCommissionBps']]],
    ['service fee above 10 000 bps', { serviceFeeBps: 10001 }, [['input', 'serviceFeeBps']]],
    ['mother agency share above 10 000 bps', { motherAgencyShareBps: 10001 }, [['input', 'motherAgencyShareBps']]],
    ['platform fee below 0 bps', { platformFeeBps: -1 }, [['input', 'platformFeeBps']]],
    ['currency EURO', { currency: 'EURO' }, [['input', 'currency']]],
    ['currency eur', { currency: 'eur' }, [['input', 'currency']]],
    ['a negative hourly rate', { hourlyRate: -1 }, [['input', 'hourlyRate']]],
    ['a negative day rate', { dayRate: -100 }, [['input', 'dayRate']]],
    ['a negative deliverable price', { deliverablePrices: [{ key: 'IMAGE', amount: 100 }, { key: 'VIDEO', amount: -5 }] }, [['input', 'deliverablePrices', '1', 'amount']]],
    ['two cancellation bands with the same hours', { cancellationBands: [{ noticeHours: 24, bps: 10000 }, { noticeHours: 24, bps: 5000 }] }, [['input', 'cancellationBands']]],
    ['a cancellation band above 10 000 bps', { cancellationBands: [{ noticeHours: 24, bps: 10001 }] }, [['input', 'cancellationBands', '0', 'bps']]],
    [
      'several problems at once',
      { currency: 'eur', hourlyRate: -1, serviceFeeBps: 10001 },
      [
        ['input', 'currency'],
        ['input', 'hourlyRate'],
        ['input', 'serviceFeeBps'],
      ],
    ],
  ];

  it.each(invalidCards)('refuses a rate card with %s and stores nothing', async (_, bad, fields) => {
    const agency = await seedAgency(app);
    const model = await seedModel(app, agency);
    await setCard(app, agency.token, DEFAULT_CARD);
    const before = await app.gql(RateCardDetailsDocument, {}, agency.token);
    expect(before.rateCard).toMatchObject({ currency: 'EUR', dayRate: { amount: 60000, currency: 'EUR' }, modelId: null });

    const refused = await app.gql(SetRateCardDocument, { input: { ...DEFAULT_CARD, dayRate: 61000, ...bad } }, agency.token);
    expect(refused.setRateCard).toEqual({
      rateCard: null,
      userErrors: fields.map((field) => ({ code: 'INVALID_INPUT', field, message: expect.any(String) })),
    });
    expect(await app.gql(RateCardDetailsDocument, {}, agency.token)).toEqual(before);

    // A model without a card still has none after a refused one.
    const forModel = await app.gql(SetRateCardDocument, { input: { ...DEFAULT_CARD, ...bad, modelId: model.id } }, agency.token);
    expect(forModel.setRateCard.userErrors.map((e) => e.field)).toEqual(fields);
    expect((await app.gql(RateCardDetailsDocument, { modelId: model.id }, agency.token)).rateCard).toBeNull();
  });

  it('refuses to complete a booking that is not confirmed: TRANSITION_NOT_ALLOWED, nothing written', async () => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await physicalOption(s, past(9), past(17));
    const res = await complete(s.agency, { id, actualEnd: past(18) });
    expect(res).toEqual({ booking: null, userErrors: [{ code: 'TRANSITION_NOT_ALLOWED', field: ['input', 'id'], message: expect.any(String) }] });
    const after = await moneyOf(id, s.agency.token);
    expect(after.status).toBe('OPTION');
    expect(after.payouts).toEqual([]);
  });

  it('refuses to complete a booking confirmed without a price that no card prices now: RATE_CARD_MISSING, and the failed attempt leaves no trace', async () => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await confirmedPhysical(s, past(9), past(17));
    // As a booking confirmed before confirming required a price: no deal memo, and no card left to price it.
    await app.orm.em.getConnection().execute('delete from booking_quote where booking_id = ?', [id]);
    await app.orm.em.getConnection().execute('delete from rate_card where agency_id = ?', [s.agency.id]);
    expect((await moneyOf(id, s.agency.token)).quote).toBeNull();

    const res = await complete(s.agency, { id, actualEnd: past(20) });
    expect(res).toEqual({
      booking: null,
      userErrors: [{ code: 'RATE_CARD_MISSING', field: ['input', 'id'], message: expect.stringContaining('confirmed without a price') }],
    });
    const after = await moneyOf(id, s.agency.token);
    expect(after.status).toBe('CONFIRMED');
    expect(after.payouts).toEqual([]);
    const [row] = await app.orm.em.getConnection().execute<{ actual_end: Date | null }[]>('select actual_end from booking where id = ?', [id]);
    expect(row.actual_end).toBeNull();

    // Once a card exists, completing at the planned end pays the planned 8 h, not the refused actual end.
    await setCard(app, s.agency.token, DEFAULT_CARD);
    expect((await complete(s.agency, { id })).userErrors).toEqual([]);
    expect(sum((await moneyOf(id, s.agency.token)).payouts)).toBe(72000);
  });

  it('refuses to complete with an approved kind the frozen card does not price, storing nothing', async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, { ...MODEL_CARD, modelId: s.model.id });
    const id = await confirmedDigital(s, {}, false);
    await approveDeliveries(app, s, id, [{ kind: 'GIF', quantity: 3 }]);
    const res = await complete(s.agency, { id });
    expect(res).toEqual({ booking: null, userErrors: [{ code: 'UNPRICED_TERM', field: ['input', 'id'], message: expect.any(String) }] });
    const delivery = await app.gql(DigitalDeliveryDocument, { id }, s.agency.token);
    expect(delivery.booking).toMatchObject({ status: 'CONFIRMED', delivered: null });
    expect((await moneyOf(id, s.agency.token)).payouts).toEqual([]);

    // Once what was ordered is approved too, the refusal still stands: an approved GIF is still unpriced.
    await approveDeliveries(app, s, id, [{ kind: 'IMAGE', quantity: 7 }, { kind: 'VIDEO', quantity: 1 }]);
    expect((await complete(s.agency, { id })).userErrors.map((e) => e.code)).toEqual(['UNPRICED_TERM']);
  });

  it('refuses to quote what the card does not price: UNPRICED_TERM naming the deliverable or medium, RATE_CARD_MISSING without a card', async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const none = await app.gql(QuoteBookingDocument, { input: { physical: physical(s, past(9), past(17)) } }, s.brand.token);
    expect(none.quoteBooking).toEqual({
      quote: null,
      userErrors: [{ code: 'RATE_CARD_MISSING', field: ['input', 'physical', 'modelId'], message: expect.any(String) }],
    });

    await setCard(app, s.agency.token, { ...MODEL_CARD, modelId: s.model.id });
    const gif = await app.gql(QuoteBookingDocument, { input: { digital: digital(s, { deliverables: [{ kind: 'IMAGE', quantity: 1 }, { kind: 'GIF', quantity: 2 }] }) } }, s.brand.token);
    expect(gif.quoteBooking.quote).toBeNull();
    expect(gif.quoteBooking.userErrors).toEqual([{ code: 'UNPRICED_TERM', field: ['input', 'digital', 'deliverables'], message: expect.stringContaining('GIF') }]);

    const print = await app.gql(
      QuoteBookingDocument,
      { input: { digital: digital(s, { usage: { ...digital(s).usage, media: ['ECOMMERCE', 'PRINT'] } }) } },
      s.brand.token,
    );
    expect(print.quoteBooking.quote).toBeNull();
    expect(print.quoteBooking.userErrors).toEqual([{ code: 'UNPRICED_TERM', field: ['input', 'digital', 'usage', 'media'], message: expect.stringContaining('PRINT') }]);
  });

  it('refuses to complete an unknown booking id or another agency’s booking', async () => {
    const s = await seedScenario(app);
    const rival = await seedAgency(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await confirmedPhysical(s, past(9), past(17));
    for (const [token, target] of [
      [rival.token, id],
      [s.brand.token, id],
      [s.agency.token, randomUUID()],
    ]) {
      const res = (await app.gql(CompleteBookingDocument, { input: { id: target } }, token)).completeBooking;
      expect(res).toEqual({ booking: null, userErrors: [{ code: 'BOOKING_NOT_FOUND', field: ['input', 'id'], message: expect.any(String) }] });
    }
    expect((await moneyOf(id, s.agency.token)).status).toBe('CONFIRMED');
  });
});
