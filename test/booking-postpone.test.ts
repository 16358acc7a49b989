import {
  BookingScheduleDocument,
  BrandStatementDocument,
  CancelBookingDocument,
  CompleteBookingDocument,
  CreateDigitalBookingDocument,
  CreatePhysicalBookingDocument,
  PostponeBookingDocument,
  type CreatePhysicalBookingInput,
  type PostponeBookingInput,
} from './generated/graphql';
import { at, confirmedPhysical, seedTwin, type Scenario } from './support/factories';
import { past, PRICED_CARD, seedPricedScenario, setCard } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 24;
const WEATHER = 'storm warning on the coast';

async function book(input: CreatePhysicalBookingInput, token: string): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function postpone(input: PostponeBookingInput, token: string) {
  return (await app.gql(PostponeBookingDocument, { input }, token)).postponeBooking;
}

async function read(id: string) {
  return (await app.gql(BookingScheduleDocument, { id })).booking!;
}

/** What the brand's statement charges for one booking over all time. */
async function statementAmount(s: Scenario, id: string): Promise<number | undefined> {
  const statement = (await app.gql(BrandStatementDocument, { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }, s.brand.token)).brandStatement!;
  // One line per booking and reason (a postponement fee, the work): the booking's charge is their sum.
  const lines = statement.charges.filter((c) => c.bookingId === id);
  return lines.length ? lines.reduce((total, c) => total + c.amount.amount, 0) : undefined;
}

const sum = (lines: { amount: { amount: number } }[]) => lines.reduce((t, l) => t + l.amount.amount, 0);

describe('postponing a confirmed job for weather', () => {
  it('moves it, writes a POSTPONEMENT line, and charges the brand the fee its deal memo holds, split like the total', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 17), s.agency.token);
    // The card changes after the deal: the fee is the frozen share of the frozen total (50% of 72,000), not today's.
    await setCard(app, s.agency.token, { ...PRICED_CARD, weatherPostponementBps: 1000 });
    const res = await postpone({ id, start: at(2 * DAY + 9), end: at(2 * DAY + 17), reason: WEATHER }, s.agency.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking).toMatchObject({ id, status: 'CONFIRMED', start: at(2 * DAY + 9), end: at(2 * DAY + 17) });
    const after = await read(id);
    expect(after.history.at(-1)).toEqual({
      kind: 'POSTPONEMENT',
      fromStatus: 'CONFIRMED',
      toStatus: 'CONFIRMED',
      fromStart: at(9),
      fromEnd: at(17),
      toStart: at(2 * DAY + 9),
      toEnd: at(2 * DAY + 17),
      actorRole: 'AGENCY',
      reason: WEATHER,
    });
    expect(after.charges).toEqual({
      lines: [{ kind: 'POSTPONEMENT_FEE', amount: { amount: 36000, currency: 'EUR' } }],
      total: { amount: 36000, currency: 'EUR' },
    });
    expect(after.payouts.every((p) => p.reason === 'POSTPONEMENT')).toBe(true);
    expect(sum(after.payouts)).toBe(36000);
    expect(await statementAmount(s, id)).toBe(36000);
    // The deal itself is unchanged: same length, same price.
    expect(after.quote?.brandTotal).toEqual({ amount: 72000, currency: 'EUR' });
  });

  it('charges once however often the same postponement is sent, one after another or at once', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 17), s.agency.token);
    const input = { id, start: at(DAY + 9), end: at(DAY + 17), reason: WEATHER };
    const answers = await Promise.all(Array.from({ length: 6 }, () => postpone(input, s.agency.token)));
    expect(answers.map((a) => [a.userErrors, a.booking?.start])).toEqual(Array.from({ length: 6 }, () => [[], at(DAY + 9)]));
    expect((await postpone(input, s.agency.token)).userErrors).toEqual([]);
    const after = await read(id);
    expect(after.history.filter((h) => h.kind === 'POSTPONEMENT')).toHaveLength(1);
    expect(sum(after.payouts)).toBe(36000);
    expect(after.charges?.total.amount).toBe(36000);
  });

  it('charges each of two postponements, and at completion the work on top: charges, payouts and the statement agree', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 0, 0, { start: past(9), end: past(17) }), s.agency.token);
    expect((await postpone({ id, start: past(DAY + 9), end: past(DAY + 17), reason: WEATHER }, s.agency.token)).userErrors).toEqual([]);
    // Shorter the second time: its fee is half of the 72,000 agreed before it, and the deal is repriced to a half day.
    expect((await postpone({ id, start: past(2 * DAY + 9), end: past(2 * DAY + 13), reason: 'rain again' }, s.agency.token)).userErrors).toEqual([]);
    const done = (await app.gql(CompleteBookingDocument, { input: { id } }, s.agency.token)).completeBooking;
    expect(done.userErrors).toEqual([]);
    const after = await read(id);
    expect(after.charges?.lines.map((l) => [l.kind, l.amount.amount])).toEqual([
      ['POSTPONEMENT_FEE', 36000],
      ['POSTPONEMENT_FEE', 36000],
      ['BASE_FEE', 35000],
      ['SERVICE_FEE', 7000],
    ]);
    expect(after.charges?.total.amount).toBe(36000 + 36000 + 42000);
    expect(sum(after.payouts)).toBe(after.charges?.total.amount);
    expect(await statementAmount(s, id)).toBe(after.charges?.total.amount);
    expect(after.history.map((h) => h.kind)).toEqual(['STATUS', 'POSTPONEMENT', 'POSTPONEMENT', 'STATUS']);
  });

  it('refuses a clash with PHYSICAL_CLASH and charges nothing', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 17), s.agency.token);
    await book(confirmedPhysical(s, DAY + 8, DAY + 10, { brandId: s.otherBrand.id }), s.agency.token);
    const res = await postpone({ id, start: at(DAY + 9), end: at(DAY + 17), reason: WEATHER }, s.agency.token);
    expect(res.userErrors.map((e) => [e.code, e.conflict?.start])).toEqual([['PHYSICAL_CLASH', at(DAY + 8)]]);
    const after = await read(id);
    expect([after.start, after.payouts.length, after.charges, after.history.length]).toEqual([at(9), 0, null, 1]);
  });

  it('is the agency’s: refused to the brand and the model; and only a confirmed physical job is postponed', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 17), s.agency.token);
    const input = { id, start: at(DAY + 9), end: at(DAY + 17), reason: WEATHER };
    expect((await postpone(input, s.brand.token)).userErrors.map((e) => [e.code, e.field])).toEqual([['FORBIDDEN', ['input', 'id']]]);
    expect((await postpone(input, s.model.token)).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect((await postpone(input, s.otherBrand.token)).userErrors.map((e) => e.code)).toEqual(['BOOKING_NOT_FOUND']);

    const option = await book({ ...confirmedPhysical(s, 2 * DAY, 2 * DAY + 4), status: 'OPTION' }, s.brand.token);
    expect((await postpone({ ...input, id: option }, s.agency.token)).userErrors.map((e) => e.code)).toEqual(['TRANSITION_NOT_ALLOWED']);

    await seedTwin(app, s.agency, s.model.id);
    const twin = (
      await app.gql(
        CreateDigitalBookingDocument,
        {
          input: {
            modelId: s.model.id,
            brandId: s.brand.id,
            title: 'Drop',
            category: 'APPAREL',
            start: at(0),
            end: at(DAY),
            deliverables: [{ kind: 'IMAGE', quantity: 1 }],
            usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(DAY), end: at(10 * DAY) },
            status: 'CONFIRMED',
          },
        },
        s.agency.token,
      )
    ).createDigitalBooking.booking!.id;
    expect((await postpone({ ...input, id: twin }, s.agency.token)).userErrors.map((e) => e.code)).toEqual(['INVALID_INPUT']);

    await app.gql(CancelBookingDocument, { id, reason: 'called off' }, s.agency.token);
    expect((await postpone(input, s.agency.token)).userErrors.map((e) => e.code)).toEqual(['TRANSITION_NOT_ALLOWED']);
    expect((await read(id)).payouts).toEqual([]);
  });

  it('refuses a blank reason and a reversed range before anything is looked up', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 17), s.agency.token);
    const res = await postpone({ id, start: at(DAY + 17), end: at(DAY + 9), reason: '  ' }, s.agency.token);
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_RANGE', ['input', 'end']],
      ['INVALID_INPUT', ['input', 'reason']],
    ]);
  });
});

describe('the database keeps payouts once', () => {
  async function payoutRows(id: string) {
    return app.orm.em.getConnection().execute<{ id: string; party: string; reason: string; postponement_id: string | null }[]>(
      'select id, party, reason, postponement_id from payout where booking_id = ? order by party',
      [id],
    );
  }

  const copy = (id: string, reason: string, postponement: string | null) =>
    app.orm.em.getConnection().execute(
      `insert into payout (id, booking_id, booking_type, party, party_id, reason, amount, currency, status, created_at, postponement_id)
       select gen_random_uuid(), booking_id, booking_type, party, party_id, ?, amount, currency, 'PENDING', now(), ?::uuid from payout where id = ?`,
      [reason, postponement, id],
    );

  it('refuses a second fee for the same postponement, and a second end payout beside a completion', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 0, 0, { start: past(9), end: past(17) }), s.agency.token);
    expect((await postpone({ id, start: past(DAY + 9), end: past(DAY + 17), reason: WEATHER }, s.agency.token)).userErrors).toEqual([]);
    expect((await app.gql(CompleteBookingDocument, { input: { id } }, s.agency.token)).completeBooking.userErrors).toEqual([]);
    const rows = await payoutRows(id);
    const fee = rows.find((r) => r.reason === 'POSTPONEMENT')!;
    const work = rows.find((r) => r.reason === 'FEE')!;
    await expect(copy(fee.id, 'POSTPONEMENT', fee.postponement_id)).rejects.toThrow(/payout_once_per_booking_party_charge/);
    await expect(copy(work.id, 'CANCELLATION', null)).rejects.toThrow(/payout_once_per_booking_party_charge/);
    // A postponement fee names its postponement; nothing else does.
    await expect(copy(work.id, 'POSTPONEMENT', null)).rejects.toThrow(/payout_postponement_named/);
    expect(await payoutRows(id)).toHaveLength(rows.length);
  });
});
