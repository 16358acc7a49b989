import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { randomUUID } from 'node:crypto';
import {
  AgencyStatementFullDocument,
  ApprovePayoutsDocument,
  BookingMoneyDocument,
  BrandStatementDocument,
  CancelBookingDocument,
  CompleteBookingDocument,
  ConfirmBookingDocument,
  CreateDigitalBookingDocument,
  CreatePhysicalBookingDocument,
  MarkPayoutsPaidDocument,
  ModelEarningsDocument,
  type CompleteBookingInput,
  type CompleteBookingMutation,
  type CreateDigitalBookingInput,
  type SetRateCardInput,
} from './generated/graphql';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { seedAgency, seedModel, seedScenario, seedTwin, type Party, type Scenario } from './support/factories';
import { DEFAULT_CARD, fromNow, inHours, past, setCard, type PayoutLine } from './support/money';
import { approveDeliveries } from './support/deliveries';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const JPY_CARD: Omit<SetRateCardInput, 'modelId'> = {
  currency: 'JPY',
  hourlyRate: 15001,
  halfDayRate: 50001,
  dayRate: 90001,
  deliverablePrices: [{ key: 'IMAGE', amount: 33333 }],
  usageMonthlyFees: [{ key: 'ECOMMERCE', amount: 10001 }],
};

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const jpy = (amount: number) => ({ amount, currency: 'JPY' });
const sum = (payouts: PayoutLine[]) => payouts.reduce((total, p) => total + p.amount.amount, 0);

/** The brand places an option, the agency confirms it (freezing the quote). */
async function confirmedPhysical(s: Scenario, start: string, end: string, title = 'Lookbook', brand: Party = s.brand): Promise<string> {
  const created = await app.gql(
    CreatePhysicalBookingDocument,
    { input: { modelId: s.model.id, title, start, end, location: { name: 'Studio 5', timeZone: 'Europe/Paris' } } },
    brand.token,
  );
  expect(created.createPhysicalBooking.userErrors).toEqual([]);
  const id = created.createPhysicalBooking.booking!.id;
  expect((await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking.userErrors).toEqual([]);
  return id;
}

async function confirmedDigital(s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}): Promise<string> {
  const input: CreateDigitalBookingInput = {
    modelId: s.model.id,
    title: 'Twin e-commerce',
    start: past(10),
    end: past(34),
    deliverables: [{ kind: 'IMAGE', quantity: 2 }],
    category: 'APPAREL',
    usage: { media: ['ECOMMERCE'], territories: ['EU'], start: '2030-06-05T00:00:00.000Z', end: '2030-08-05T00:00:00.000Z' },
    ...extra,
  };
  const created = await app.gql(CreateDigitalBookingDocument, { input }, s.brand.token);
  expect(created.createDigitalBooking.userErrors).toEqual([]);
  const id = created.createDigitalBooking.booking!.id;
  expect((await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking.userErrors).toEqual([]);
  // Completion pays for approved deliveries only: what was ordered is delivered and approved.
  await approveDeliveries(app, s, id, input.deliverables);
  return id;
}

async function complete(agency: Party, input: CompleteBookingInput): Promise<void> {
  expect((await app.gql(CompleteBookingDocument, { input }, agency.token)).completeBooking.userErrors).toEqual([]);
}

async function payoutsOf(id: string, token: string): Promise<PayoutLine[]> {
  const res = await app.gql(BookingMoneyDocument, { id }, token);
  return [...res.booking!.payouts].sort((a, b) => a.party.localeCompare(b.party));
}

const byParty = (payouts: PayoutLine[], party: string) => payouts.find((p) => p.party === party)!.id;

/** Rows in the database per party of one booking: what "written once" is about, whatever the API says. */
async function rowsPerParty(bookingId: string): Promise<{ party: string; n: number; amount: number }[]> {
  const rows = await app.orm.em
    .getConnection()
    .execute<{ party: string; n: string; amount: string }[]>('select party, count(*) as n, sum(amount) as amount from payout where booking_id = ? group by party order by party', [
      bookingId,
    ]);
  return rows.map((r) => ({ party: r.party, n: Number(r.n), amount: Number(r.amount) }));
}

/** Payout lines of a completed 09:00 → 18:00 booking on the default card: 75 000 fee + 15 000 service = 90 000. */
const NINE_HOUR_ROWS = [
  { party: 'AGENCY', n: 1, amount: 25500 },
  { party: 'MODEL', n: 1, amount: 60000 },
  { party: 'PLATFORM', n: 1, amount: 4500 },
];

describe('completion writes payouts exactly once', () => {
  it('completing twice writes one set; the repeat changes nothing, even with another actual end', async () => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await confirmedPhysical(s, past(9), past(17));
    const first = (await app.gql(CompleteBookingDocument, { input: { id, actualEnd: past(18) } }, s.agency.token)).completeBooking;
    expect(first.userErrors).toEqual([]);
    const payouts = await payoutsOf(id, s.agency.token);

    const again = (await app.gql(CompleteBookingDocument, { input: { id, actualEnd: past(21) } }, s.agency.token)).completeBooking;
    expect(again).toEqual(first);
    expect(await payoutsOf(id, s.agency.token)).toEqual(payouts);
    expect(sum(payouts)).toBe(90000);
    expect(await rowsPerParty(id)).toEqual(NINE_HOUR_ROWS);
  });

  it('two concurrent completions through one API: both answer without errors, one set of payouts is written', async () => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const ids = [await confirmedPhysical(s, past(9), past(17)), await confirmedPhysical(s, past(33), past(41))];
    const responses = await Promise.all(
      ids.flatMap((id) => [0, 1].map(() => app.request(CompleteBookingDocument, { input: { id, actualEnd: id === ids[0] ? past(18) : past(42) } }, s.agency.token))),
    );
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data!.completeBooking).toMatchObject({ booking: { status: 'COMPLETED' }, userErrors: [] });
    }
    for (const id of ids) expect(await rowsPerParty(id)).toEqual(NINE_HOUR_ROWS);
  });

  // On the embedded engine, the test through one API above is the concurrent case that can run.
  describeOnServer('across two API processes', ONE_CONNECTION, () => {
    let processes: ApiProcess[] = [];
    /** Two API processes on one database. */
    let targets: string[] = [];

    beforeAll(async () => {
      processes = await Promise.all([startApiProcess(app.db.url), startApiProcess(app.db.url)]);
      targets = processes.map((p) => p.url);
    }, 180_000);

    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop()));
    });

    async function post<R, V>(url: string, doc: TypedDocumentNode<R, V>, variables: V, token: string): Promise<GraphQLResponse<R>> {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: print(doc), variables }),
      });
      return { status: res.status, ...((await res.json()) as Omit<GraphQLResponse<R>, 'status'>) };
    }

    it('concurrent completions of the same bookings: every response succeeds, each booking has one row per party', async () => {
      const s = await seedScenario(app);
      await setCard(app, s.agency.token, DEFAULT_CARD);
      const ids: string[] = [];
      for (let day = 0; day < 4; day++) ids.push(await confirmedPhysical(s, past(24 * day + 9), past(24 * day + 17)));
      const responses: GraphQLResponse<CompleteBookingMutation>[] = await Promise.all(
        ids.flatMap((id, day) => targets.map((url) => post(url, CompleteBookingDocument, { input: { id, actualEnd: past(24 * day + 18) } }, s.agency.token))),
      );
      for (const res of responses) {
        expect(res.status).toBe(200);
        expect(res.errors).toBeUndefined();
        expect(res.data!.completeBooking).toMatchObject({ booking: { status: 'COMPLETED' }, userErrors: [] });
      }
      for (const id of ids) expect(await rowsPerParty(id)).toEqual(NINE_HOUR_ROWS);
    });
  });
});

describe('payout lifecycle', () => {
  async function completedBooking(s: Scenario, start = past(9), end = past(17)): Promise<PayoutLine[]> {
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await confirmedPhysical(s, start, end);
    await complete(s.agency, { id });
    const payouts = await payoutsOf(id, s.agency.token);
    expect(payouts.map((p) => [p.party, p.status, p.amount.amount])).toEqual([
      ['AGENCY', 'PENDING', 20400],
      ['MODEL', 'PENDING', 48000],
      ['PLATFORM', 'PENDING', 3600],
    ]);
    return payouts;
  }

  const statuses = async (bookingId: string, token: string) => (await payoutsOf(bookingId, token)).map((p) => [p.party, p.status, p.externalReference]);

  it('approves PENDING lines, then marks them PAID with the transfer reference', async () => {
    const s = await seedScenario(app);
    const payouts = await completedBooking(s);
    const ids = payouts.map((p) => p.id);

    const approved = (await app.gql(ApprovePayoutsDocument, { ids }, s.agency.token)).approvePayouts;
    expect(approved.userErrors).toEqual([]);
    expect(approved.payouts.map((p) => [p.id, p.status]).sort()).toEqual(ids.map((id) => [id, 'APPROVED']).sort());

    const paid = (await app.gql(MarkPayoutsPaidDocument, { input: { ids: ids.slice(0, 2), externalReference: '  SEPA-2030-0042 ' } }, s.agency.token)).markPayoutsPaid;
    expect(paid.userErrors).toEqual([]);
    expect(paid.payouts).toHaveLength(2);
    for (const p of paid.payouts) expect(p).toEqual({ id: p.id, status: 'PAID', externalReference: 'SEPA-2030-0042', paidAt: expect.any(String) });
    expect(await statuses(payouts[0].bookingId, s.agency.token)).toEqual([
      ['AGENCY', 'PAID', 'SEPA-2030-0042'],
      ['MODEL', 'PAID', 'SEPA-2030-0042'],
      ['PLATFORM', 'APPROVED', null],
    ]);
  });

  it('refuses PAID before APPROVED, approving twice and paying twice with TRANSITION_NOT_ALLOWED, changing nothing', async () => {
    const s = await seedScenario(app);
    const payouts = await completedBooking(s);
    const ids = payouts.map((p) => p.id);
    const bookingId = payouts[0].bookingId;
    // Each refusal names the argument the ids came in and the index of the first line refused.
    const refused = (field: string[]) => ({ payouts: [], userErrors: [{ code: 'TRANSITION_NOT_ALLOWED', field, message: expect.any(String) }] });

    expect((await app.gql(MarkPayoutsPaidDocument, { input: { ids, externalReference: 'TRX-1' } }, s.agency.token)).markPayoutsPaid).toEqual(refused(['input', 'ids', '0']));
    expect(await statuses(bookingId, s.agency.token)).toEqual([
      ['AGENCY', 'PENDING', null],
      ['MODEL', 'PENDING', null],
      ['PLATFORM', 'PENDING', null],
    ]);

    expect((await app.gql(ApprovePayoutsDocument, { ids }, s.agency.token)).approvePayouts.userErrors).toEqual([]);
    expect((await app.gql(ApprovePayoutsDocument, { ids: [ids[0]] }, s.agency.token)).approvePayouts).toEqual(refused(['ids', '0']));
    expect((await app.gql(MarkPayoutsPaidDocument, { input: { ids: [ids[1]], externalReference: 'TRX-1' } }, s.agency.token)).markPayoutsPaid.userErrors).toEqual([]);
    expect((await app.gql(MarkPayoutsPaidDocument, { input: { ids: [ids[1]], externalReference: 'TRX-2' } }, s.agency.token)).markPayoutsPaid).toEqual(
      refused(['input', 'ids', '0']),
    );
    expect((await app.gql(ApprovePayoutsDocument, { ids: [ids[1]] }, s.agency.token)).approvePayouts).toEqual(refused(['ids', '0']));
    expect(await statuses(bookingId, s.agency.token)).toEqual([
      ['AGENCY', 'APPROVED', null],
      ['MODEL', 'PAID', 'TRX-1'],
      ['PLATFORM', 'APPROVED', null],
    ]);
  });

  it('lets no one but the booking’s agency move its lines: another agency, the brand, the model get PAYOUT_NOT_FOUND', async () => {
    const s = await seedScenario(app);
    const rival = await seedAgency(app);
    const payouts = await completedBooking(s);
    const ids = payouts.map((p) => p.id);
    const notFound = (field: string[]) => ({ payouts: [], userErrors: [{ code: 'PAYOUT_NOT_FOUND', field, message: expect.any(String) }] });
    for (const token of [rival.token, s.brand.token, s.model.token]) {
      expect((await app.gql(ApprovePayoutsDocument, { ids }, token)).approvePayouts).toEqual(notFound(['ids', '0']));
    }
    // Approved by the agency, they still cannot be marked paid by anyone else.
    expect((await app.gql(ApprovePayoutsDocument, { ids }, s.agency.token)).approvePayouts.userErrors).toEqual([]);
    for (const token of [rival.token, s.brand.token, s.model.token]) {
      expect((await app.gql(MarkPayoutsPaidDocument, { input: { ids, externalReference: 'TRX-9' } }, token)).markPayoutsPaid).toEqual(notFound(['input', 'ids', '0']));
    }
    expect((await payoutsOf(payouts[0].bookingId, s.agency.token)).map((p) => p.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
  });

  it('is all or none: one unknown id, one line of another agency or one line in the wrong state leaves every line as it was', async () => {
    const s = await seedScenario(app);
    const rival = await seedScenario(app);
    const mine = await completedBooking(s);
    const theirs = await completedBooking(rival);
    const bookingId = mine[0].bookingId;
    const pending = () => statuses(bookingId, s.agency.token);
    const untouched = [
      ['AGENCY', 'PENDING', null],
      ['MODEL', 'PENDING', null],
      ['PLATFORM', 'PENDING', null],
    ];

    const unknown = (await app.gql(ApprovePayoutsDocument, { ids: [mine[0].id, mine[1].id, randomUUID()] }, s.agency.token)).approvePayouts;
    expect(unknown).toEqual({ payouts: [], userErrors: [{ code: 'PAYOUT_NOT_FOUND', field: ['ids', '2'], message: expect.any(String) }] });
    expect(await pending()).toEqual(untouched);

    const foreign = (await app.gql(ApprovePayoutsDocument, { ids: [mine[0].id, theirs[0].id] }, s.agency.token)).approvePayouts;
    expect(foreign.userErrors.map((e) => e.code)).toEqual(['PAYOUT_NOT_FOUND']);
    expect(await pending()).toEqual(untouched);
    expect((await payoutsOf(theirs[0].bookingId, rival.agency.token)).map((p) => p.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);

    expect((await app.gql(ApprovePayoutsDocument, { ids: [mine[2].id] }, s.agency.token)).approvePayouts.userErrors).toEqual([]);
    const mixed = (await app.gql(ApprovePayoutsDocument, { ids: [mine[0].id, mine[1].id, mine[2].id] }, s.agency.token)).approvePayouts;
    expect(mixed.userErrors.map((e) => e.code)).toEqual(['TRANSITION_NOT_ALLOWED']);
    expect(await pending()).toEqual([
      ['AGENCY', 'PENDING', null],
      ['MODEL', 'PENDING', null],
      ['PLATFORM', 'APPROVED', null],
    ]);
  });

  it('refuses an empty id list, a malformed id and a blank transfer reference with INVALID_INPUT', async () => {
    const s = await seedScenario(app);
    const payouts = await completedBooking(s);
    const ids = payouts.map((p) => p.id);
    const invalid = (field: string[]) => ({ payouts: [], userErrors: [{ code: 'INVALID_INPUT', field, message: expect.any(String) }] });
    expect((await app.gql(ApprovePayoutsDocument, { ids: [] }, s.agency.token)).approvePayouts).toEqual(invalid(['ids']));
    expect((await app.gql(ApprovePayoutsDocument, { ids: [ids[0], 'not-a-uuid'] }, s.agency.token)).approvePayouts).toEqual(invalid(['ids', '1']));
    expect((await app.gql(ApprovePayoutsDocument, { ids }, s.agency.token)).approvePayouts.userErrors).toEqual([]);
    expect((await app.gql(MarkPayoutsPaidDocument, { input: { ids, externalReference: '   ' } }, s.agency.token)).markPayoutsPaid).toEqual(
      invalid(['input', 'externalReference']),
    );
    expect((await payoutsOf(payouts[0].bookingId, s.agency.token)).map((p) => p.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
  });
});

describe('visibility of money', () => {
  it('a brand sees the lines and total of its own booking’s quote but not its split nor any payout line, and nothing of another brand’s booking', async () => {
    const s = await seedScenario(app);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await confirmedPhysical(s, past(9), past(17));
    await complete(s.agency, { id });

    const own = (await app.gql(BookingMoneyDocument, { id }, s.brand.token)).booking!;
    expect(own.status).toBe('COMPLETED');
    // What it pays, line by line, and not how the agency, the model and the platform share it.
    expect(own.quote).toMatchObject({ frozen: true, brandTotal: eur(72000), modelAmount: null, agencyAmount: null, motherAgencyAmount: null, platformAmount: null });
    expect(own.quote!.lines.map((l) => l.kind)).toEqual(['BASE_FEE', 'SERVICE_FEE']);
    const agencyView = (await app.gql(BookingMoneyDocument, { id }, s.agency.token)).booking!;
    expect(agencyView.quote).toMatchObject({ brandTotal: eur(72000), modelAmount: eur(48000), agencyAmount: eur(20400), platformAmount: eur(3600) });
    expect(own.payouts).toEqual([]);
    expect((await app.gql(BookingMoneyDocument, { id }, s.otherBrand.token)).booking).toBeNull();
  });

  it('the model sees her own part of the quote and only her own MODEL payout line; another model sees nothing', async () => {
    const s = await seedScenario(app);
    const other = await seedModel(app, s.agency);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    const id = await confirmedPhysical(s, past(9), past(17));
    await complete(s.agency, { id });

    const hers = (await app.gql(BookingMoneyDocument, { id }, s.model.token)).booking!;
    // Her own part only: neither the brand's lines nor the agency's and platform's shares.
    expect(hers.quote).toMatchObject({ lines: [], brandTotal: null, modelAmount: eur(48000), agencyAmount: null, motherAgencyAmount: null, platformAmount: null });
    expect(hers.payouts.map((p) => ({ party: p.party, partyId: p.partyId, reason: p.reason, amount: p.amount }))).toEqual([
      { party: 'MODEL', partyId: s.model.id, reason: 'FEE', amount: eur(48000) },
    ]);
    expect((await app.gql(BookingMoneyDocument, { id }, other.token)).booking).toBeNull();
    // Her agency sees the whole ledger.
    expect((await payoutsOf(id, s.agency.token)).map((p) => p.party)).toEqual(['AGENCY', 'MODEL', 'PLATFORM']);
  });

  it('model.earnings splits by type and currency and by pending / approved / paid, for her and her agency only', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const mother = await seedAgency(app);
    const s = await seedScenario(app, { motherAgencyId: mother.id });
    const other = await seedModel(app, s.agency);
    await seedTwin(app, s.agency, s.model.id);
    await setCard(app, s.agency.token, {
      modelId: s.model.id,
      currency: 'EUR',
      hourlyRate: 12000,
      halfDayRate: 40000,
      dayRate: 70000,
      deliverablePrices: [{ key: 'IMAGE', amount: 3333 }],
      usageMonthlyFees: [{ key: 'ECOMMERCE', amount: 5000 }],
    });
    // Frozen in EUR: a day (model 56 000 of 70 000), a half day (32 000 of 40 000) and twin work (60% of 2 × 3 333 + 2 × 5 000 × 3 = 36 666 → 22 000).
    const day = await confirmedPhysical(s, past(9), past(17));
    const halfDay = await confirmedPhysical(s, past(33), past(37));
    const twin = await confirmedDigital(s);
    // Her card moves to yen; a later booking is frozen in JPY: 90 001 × 80% = 72 000.8 → model 72 001 (the commission rounds down).
    await setCard(app, s.agency.token, { ...JPY_CARD, modelId: s.model.id });
    const yen = await confirmedPhysical(s, past(57), past(65));
    for (const id of [day, halfDay, twin, yen]) await complete(s.agency, { id });

    const modelLine = async (id: string) => byParty(await payoutsOf(id, s.agency.token), 'MODEL');
    const [dayLine, twinLine] = [await modelLine(day), await modelLine(twin)];
    expect((await app.gql(ApprovePayoutsDocument, { ids: [dayLine, twinLine] }, s.agency.token)).approvePayouts.userErrors).toEqual([]);
    expect((await app.gql(MarkPayoutsPaidDocument, { input: { ids: [dayLine], externalReference: 'TRX-7' } }, s.agency.token)).markPayoutsPaid.userErrors).toEqual([]);

    const to = inHours(1);
    const expected = [
      { bookingType: 'DIGITAL', bookings: 1, total: eur(22000), pending: eur(0), approved: eur(22000), paid: eur(0) },
      { bookingType: 'PHYSICAL', bookings: 2, total: eur(88000), pending: eur(32000), approved: eur(0), paid: eur(56000) },
      { bookingType: 'PHYSICAL', bookings: 1, total: jpy(72001), pending: jpy(72001), approved: jpy(0), paid: jpy(0) },
    ];
    for (const token of [s.model.token, s.agency.token, app.adminToken]) {
      expect((await app.gql(ModelEarningsDocument, { id: s.model.id, from, to }, token)).model).toEqual({ id: s.model.id, earnings: expected });
    }
    // Nothing was written before the period asked for.
    expect((await app.gql(ModelEarningsDocument, { id: s.model.id, from: inHours(-48), to: from }, s.model.token)).model!.earnings).toEqual([]);
    // A brand and her mother agency may see the model, not her earnings; another model does not see her at all.
    for (const token of [s.brand.token, mother.token]) {
      expect((await app.gql(ModelEarningsDocument, { id: s.model.id, from, to }, token)).model).toEqual({ id: s.model.id, earnings: null });
    }
    expect((await app.gql(ModelEarningsDocument, { id: s.model.id, from, to }, other.token)).model).toBeNull();
  });

  it('agencyStatement: owed to the agency includes its MOTHER_AGENCY lines; owed to models covers the models it manages', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const motherAgency = await seedAgency(app);
    const s = await seedScenario(app, { motherAgencyId: motherAgency.id });
    const own: Scenario = { ...s, agency: motherAgency, model: await seedModel(app, motherAgency) };
    await setCard(app, s.agency.token, DEFAULT_CARD);
    await setCard(app, motherAgency.token, DEFAULT_CARD);
    // s.model (mother agency elsewhere): 72 000 = model 48 000 + agency 19 200 + mother 1 200 + platform 3 600.
    const scouted = await confirmedPhysical(s, past(9), past(17));
    // The mother agency's own model: 72 000 = model 48 000 + agency 20 400 + platform 3 600.
    const ownBooking = await confirmedPhysical(own, past(9), past(17));
    await complete(s.agency, { id: scouted });
    await complete(motherAgency, { id: ownBooking });
    const agencyLine = byParty(await payoutsOf(ownBooking, motherAgency.token), 'AGENCY');
    expect((await app.gql(ApprovePayoutsDocument, { ids: [agencyLine] }, motherAgency.token)).approvePayouts.userErrors).toEqual([]);
    const to = inHours(1);
    const line = (bookings: number, total: number, pending: number, approved = 0) => ({
      bookingType: 'PHYSICAL',
      bookings,
      total: eur(total),
      pending: eur(pending),
      approved: eur(approved),
      paid: eur(0),
    });

    const motherView = { owedToAgency: [line(2, 21600, 1200, 20400)], owedToModels: [line(1, 48000, 48000)] };
    expect((await app.gql(AgencyStatementFullDocument, { from, to }, motherAgency.token)).agencyStatement).toEqual(motherView);
    const representing = { owedToAgency: [line(1, 19200, 19200)], owedToModels: [line(1, 48000, 48000)] };
    expect((await app.gql(AgencyStatementFullDocument, { from, to }, s.agency.token)).agencyStatement).toEqual(representing);
    // An agency naming another agency still gets its own statement; an admin names the agency; a brand or a model gets none.
    expect((await app.gql(AgencyStatementFullDocument, { from, to, agencyId: motherAgency.id }, s.agency.token)).agencyStatement).toEqual(representing);
    expect((await app.gql(AgencyStatementFullDocument, { from, to, agencyId: motherAgency.id }, app.adminToken)).agencyStatement).toEqual(motherView);
    expect((await app.gql(AgencyStatementFullDocument, { from, to, agencyId: s.agency.id }, s.brand.token)).agencyStatement).toBeNull();
    expect((await app.gql(AgencyStatementFullDocument, { from, to, agencyId: s.agency.id }, s.model.token)).agencyStatement).toBeNull();
  });

  it('brandStatement: one charge per booking (work or cancellation fee) and totals per currency', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const s = await seedScenario(app);
    const yenModel = await seedModel(app, s.agency);
    const yen: Scenario = { ...s, model: yenModel };
    await seedTwin(app, s.agency, yenModel.id);
    await setCard(app, s.agency.token, DEFAULT_CARD);
    await setCard(app, s.agency.token, { ...JPY_CARD, modelId: yenModel.id });

    const shoot = await confirmedPhysical(s, past(9), past(17), 'Summer shoot');
    await complete(s.agency, { id: shoot });
    // 2 × 33 333 + 2 months × 10 001 × 3 (EU) = 126 672 ¥.
    const twin = await confirmedDigital(yen, { title: 'Twin catalogue' });
    await complete(s.agency, { id: twin });
    // Cancelled by the brand 30 h ahead: half of 72 000.
    const cancelled = await confirmedPhysical(s, ...fromNow(30, 8), 'Cancelled show');
    expect((await app.gql(CancelBookingDocument, { id: cancelled, reason: 'show moved' }, s.brand.token)).cancelBooking.userErrors).toEqual([]);
    // Another brand's booking of the same model is not on this brand's statement.
    const theirs = await confirmedPhysical(s, past(33), past(41), 'Their shoot', s.otherBrand);
    await complete(s.agency, { id: theirs });
    const to = inHours(1);

    const statement = {
      charges: [
        { bookingId: shoot, bookingType: 'PHYSICAL', title: 'Summer shoot', amount: eur(72000) },
        { bookingId: twin, bookingType: 'DIGITAL', title: 'Twin catalogue', amount: jpy(126672) },
        { bookingId: cancelled, bookingType: 'PHYSICAL', title: 'Cancelled show', amount: eur(36000) },
      ],
      totals: [eur(108000), jpy(126672)],
    };
    expect((await app.gql(BrandStatementDocument, { from, to }, s.brand.token)).brandStatement).toEqual(statement);
    // A brand naming another brand still gets its own statement; an admin names the brand.
    expect((await app.gql(BrandStatementDocument, { from, to, brandId: s.otherBrand.id }, s.brand.token)).brandStatement).toEqual(statement);
    expect((await app.gql(BrandStatementDocument, { from, to, brandId: s.brand.id }, app.adminToken)).brandStatement).toEqual(statement);
    expect((await app.gql(BrandStatementDocument, { from, to }, s.otherBrand.token)).brandStatement).toEqual({
      charges: [{ bookingId: theirs, bookingType: 'PHYSICAL', title: 'Their shoot', amount: eur(72000) }],
      totals: [eur(72000)],
    });
    expect((await app.gql(BrandStatementDocument, { from, to, brandId: s.brand.id }, s.agency.token)).brandStatement).toBeNull();
    expect((await app.gql(BrandStatementDocument, { from: to, to: inHours(2) }, s.brand.token)).brandStatement).toEqual({ charges: [], totals: [] });
  });
});
