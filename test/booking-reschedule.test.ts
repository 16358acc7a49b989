import {
  BookingScheduleDocument,
  CancelBookingDocument,
  CompleteBookingDocument,
  ConfirmBookingDocument,
  CreateDigitalBookingDocument,
  CreateLockoutDocument,
  CreatePhysicalBookingDocument,
  RescheduleBookingDocument,
  type CreateDigitalBookingInput,
  type CreatePhysicalBookingInput,
  type RescheduleBookingInput,
} from './generated/graphql';
import { at, confirmedPhysical, OPEN_CONSENT, seedTwin, type Party, type Scenario } from './support/factories';
import { past, PRICED_CARD, seedPricedScenario, setCard } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 24;

async function book(input: CreatePhysicalBookingInput, token: string): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

function option(s: Scenario, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return { modelId: s.model.id, title: 'Casting', start: at(start), end: at(end), location: { name: 'Atelier', timeZone: 'Europe/Paris' }, ...extra };
}

async function reschedule(input: RescheduleBookingInput, token: string) {
  return (await app.gql(RescheduleBookingDocument, { input }, token)).rescheduleBooking;
}

async function read(id: string) {
  return (await app.gql(BookingScheduleDocument, { id })).booking!;
}

const rankOf = (b: Awaited<ReturnType<typeof read>>) => ('optionRank' in b ? b.optionRank : undefined);

describe('rescheduling a confirmed physical booking', () => {
  it('moves it to a free time for the agency, keeping its id, brand and placement instant, and writes where from and where to', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 17, { travelBeforeMinutes: 30 }), s.agency.token);
    const before = await read(id);
    const res = await reschedule({ id, start: at(DAY + 9), end: at(DAY + 17), reason: 'the studio moved the day' }, s.agency.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking).toMatchObject({ id, status: 'CONFIRMED', brand: { id: s.brand.id }, start: at(DAY + 9), end: at(DAY + 17), blockedStart: at(DAY + 8.5) });
    const after = await read(id);
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.history.map((h) => h.kind)).toEqual(['STATUS', 'RESCHEDULE']);
    expect(after.history.at(-1)).toEqual({
      kind: 'RESCHEDULE',
      fromStatus: 'CONFIRMED',
      toStatus: 'CONFIRMED',
      fromStart: at(9),
      fromEnd: at(17),
      toStart: at(DAY + 9),
      toEnd: at(DAY + 17),
      actorRole: 'AGENCY',
      reason: 'the studio moved the day',
    });
    // Same length, same deal: 8 h at the day rate plus the service fee.
    expect(after.quote?.brandTotal).toEqual({ amount: 72000, currency: 'EUR' });
    // The old time is free again: another booking can be confirmed there.
    await book(confirmedPhysical(s, 9, 17, { brandId: s.otherBrand.id }), s.agency.token);
  });

  it('prices a job whose length changed from its frozen terms, not from the card as it stands, and the brand sees the new lines', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 17), s.agency.token);
    // The card doubles after the deal was made.
    await setCard(app, s.agency.token, { ...PRICED_CARD, hourlyRate: 20000, halfDayRate: 70000, dayRate: 120000 });
    const res = await reschedule({ id, start: at(DAY + 9), end: at(DAY + 13) }, s.agency.token);
    expect(res.userErrors).toEqual([]);
    const asBrand = (await app.gql(BookingScheduleDocument, { id }, s.brand.token)).booking!;
    expect(asBrand.quote).toMatchObject({
      frozen: true,
      lines: [
        { kind: 'BASE_FEE', quantity: 1, amount: { amount: 35000, currency: 'EUR' } },
        { kind: 'SERVICE_FEE', amount: { amount: 7000, currency: 'EUR' } },
      ],
      brandTotal: { amount: 42000, currency: 'EUR' },
    });
    // The parts follow the repriced deal: the model's share is the half-day less her agency's 20%.
    expect((await read(id)).quote?.modelAmount).toEqual({ amount: 28000, currency: 'EUR' });
  });

  it('refuses a move onto another confirmed booking with PHYSICAL_CLASH naming its range and id, and changes nothing', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 12), s.agency.token);
    const other = await book(confirmedPhysical(s, 14, 17, { brandId: s.otherBrand.id, travelAfterMinutes: 60 }), s.agency.token);
    const res = await reschedule({ id, start: at(15), end: at(19) }, s.agency.token);
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([
      expect.objectContaining({ code: 'PHYSICAL_CLASH', field: ['input', 'start'], conflict: { start: at(14), end: at(18), bookingId: other } }),
    ]);
    const after = await read(id);
    expect([after.start, after.end, after.history.length]).toEqual([at(9), at(12), 1]);
  });

  it('refuses a move into her lockout with LOCKED_OUT naming its range, for a confirmed booking and for an option, and changes nothing', async () => {
    const s = await seedPricedScenario(app);
    const confirmed = await book(confirmedPhysical(s, 9, 12), s.agency.token);
    const held = await book(option(s, 9 + DAY, 12 + DAY), s.brand.token);
    const placed = (await app.gql(CreateLockoutDocument, { input: { modelId: s.model.id, start: at(2 * DAY), end: at(3 * DAY), kind: 'HOLIDAY', reason: 'family' } }, s.model.token)).createLockout;
    expect(placed.userErrors).toEqual([]);
    for (const [id, token] of [[confirmed, s.agency.token], [held, s.brand.token]] as const) {
      const res = await reschedule({ id, start: at(2 * DAY + 9), end: at(2 * DAY + 12) }, token);
      expect(res.booking).toBeNull();
      expect(res.userErrors).toEqual([expect.objectContaining({ code: 'LOCKED_OUT', field: ['input', 'start'], conflict: { start: at(2 * DAY), end: at(3 * DAY), bookingId: null } })]);
      expect((await read(id)).history.length).toBe(1);
    }
  });

  it('refuses a move onto live options with OPTION_NOT_FIRST naming the first placed, as booking it there as confirmed would be', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 12), s.agency.token);
    const first = await book(option(s, 15, 18), s.otherBrand.token);
    await book(option(s, 14, 16), s.otherBrand.token);
    const res = await reschedule({ id, start: at(14), end: at(17) }, s.agency.token);
    expect(res.booking).toBeNull();
    expect(res.userErrors.map((e) => [e.code, e.conflict])).toEqual([['OPTION_NOT_FIRST', { start: at(15), end: at(18), bookingId: first }]]);
    expect((await read(id)).start).toBe(at(9));
  });

  it('lets neither its brand nor the model move it, nor another brand see it, and refuses a completed or cancelled booking', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 12), s.agency.token);
    const move = { id, start: at(DAY + 9), end: at(DAY + 12) };
    expect((await reschedule(move, s.brand.token)).userErrors.map((e) => [e.code, e.field])).toEqual([['FORBIDDEN', ['input', 'id']]]);
    expect((await reschedule(move, s.model.token)).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect((await reschedule(move, s.otherBrand.token)).userErrors.map((e) => e.code)).toEqual(['BOOKING_NOT_FOUND']);
    expect((await read(id)).start).toBe(at(9));

    await app.gql(CancelBookingDocument, { id, reason: 'called off' }, s.agency.token);
    expect((await reschedule(move, s.agency.token)).userErrors.map((e) => e.code)).toEqual(['TRANSITION_NOT_ALLOWED']);

    const done = await book(confirmedPhysical(s, 0, 2, { start: past(9), end: past(12) }), s.agency.token);
    expect((await app.gql(CompleteBookingDocument, { input: { id: done } }, s.agency.token)).completeBooking.userErrors).toEqual([]);
    const res = await reschedule({ id: done, start: past(DAY + 9), end: past(DAY + 12) }, s.agency.token);
    expect(res.userErrors.map((e) => e.code)).toEqual(['TRANSITION_NOT_ALLOWED']);
    expect((await read(done)).start).toBe(past(9));
  });

  it('moves nothing when its frozen terms cannot price the new length: the time, the history and the deal stay as they were', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 17), s.agency.token);
    // A deal memo whose fees exceed what the agency earns: pricing refuses it (no card can be set so; written by hand).
    await app.orm.em
      .getConnection()
      .execute(`update booking_quote set terms = jsonb_set(terms, '{platformFeeBps}', '10000') where booking_id = ?`, [id]);
    const res = await reschedule({ id, start: at(DAY + 9), end: at(DAY + 20) }, s.agency.token);
    expect(res.booking).toBeNull();
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([['UNPRICED_TERM', ['input', 'id']]]);
    const after = await read(id);
    expect([after.start, after.end, after.history.length, after.quote?.brandTotal?.amount]).toEqual([at(9), at(17), 1, 72000]);
  });

  it('refuses malformed times before looking anything up', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(confirmedPhysical(s, 9, 12), s.agency.token);
    const res = await reschedule({ id, start: at(12), end: at(9), travelBeforeMinutes: -1 }, s.agency.token);
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_RANGE', ['input', 'end']],
      ['INVALID_INPUT', ['input', 'travelBeforeMinutes']],
    ]);
  });
});

describe('rescheduling an option', () => {
  it('lets its brand move it; it then ranks from when it moved, behind the options already holding the new time', async () => {
    const s = await seedPricedScenario(app);
    const mine = await book(option(s, 9, 12), s.brand.token);
    const theirs = await book(option(s, 10, 13), s.otherBrand.token);
    expect([rankOf(await read(mine)), rankOf(await read(theirs))]).toEqual([1, 2]);
    const res = await reschedule({ id: mine, start: at(11), end: at(14), location: { name: 'Studio 9', timeZone: 'Europe/London' } }, s.brand.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking).toMatchObject({ status: 'OPTION', start: at(11), locationName: 'Studio 9', locationTimeZone: 'Europe/London' });
    expect([rankOf(await read(mine)), rankOf(await read(theirs))]).toEqual([2, 1]);
    // And the other brand may now pick its option up.
    const picked = (await app.gql(ConfirmBookingDocument, { id: theirs }, s.otherBrand.token)).confirmBooking;
    expect(picked.userErrors).toEqual([]);
  });

  it('refuses an option moved over confirmed work with PHYSICAL_CLASH naming the range only, not whose booking it is', async () => {
    const s = await seedPricedScenario(app);
    await book(confirmedPhysical(s, 14, 17, { brandId: s.otherBrand.id }), s.agency.token);
    const mine = await book(option(s, 9, 12), s.brand.token);
    const res = await reschedule({ id: mine, start: at(15), end: at(16) }, s.brand.token);
    expect(res.userErrors.map((e) => [e.code, e.conflict])).toEqual([['PHYSICAL_CLASH', { start: at(14), end: at(17), bookingId: null }]]);
    expect((await read(mine)).start).toBe(at(9));
  });

  it("refuses another brand's option as not found, and an option past its expiry as OPTION_EXPIRED (written EXPIRED)", async () => {
    const s = await seedPricedScenario(app);
    const mine = await book(option(s, 9, 12, { optionExpiresAt: new Date(Date.now() + 3600_000).toISOString() }), s.brand.token);
    const move = { id: mine, start: at(DAY + 9), end: at(DAY + 12) };
    expect((await reschedule(move, s.otherBrand.token)).userErrors.map((e) => e.code)).toEqual(['BOOKING_NOT_FOUND']);
    await app.orm.em.getConnection().execute(`update booking set option_expires_at = now() - interval '1 minute' where id = ?`, [mine]);
    expect((await reschedule(move, s.brand.token)).userErrors.map((e) => e.code)).toEqual(['OPTION_EXPIRED']);
    const after = await read(mine);
    expect([after.status, after.start, after.history.at(-1)?.toStatus]).toEqual(['EXPIRED', at(9), 'EXPIRED']);
  });
});

describe('rescheduling twin work', () => {
  function twinJob(s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput {
    return {
      modelId: s.model.id,
      brandId: s.brand.id,
      title: 'E-commerce drop',
      category: 'APPAREL',
      start: at(0),
      end: at(4 * DAY),
      deliverables: [{ kind: 'IMAGE', quantity: 10 }],
      usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(4 * DAY), end: at(34 * DAY) },
      status: 'CONFIRMED',
      ...extra,
    };
  }

  async function bookTwin(input: CreateDigitalBookingInput, token: Party['token']): Promise<string> {
    const res = (await app.gql(CreateDigitalBookingDocument, { input }, token)).createDigitalBooking;
    expect(res.userErrors).toEqual([]);
    return res.booking!.id;
  }

  it('moves a confirmed job’s window and licence inside consent, and prices the longer licence from its frozen terms', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const id = await bookTwin(twinJob(s), s.agency.token);
    const before = (await read(id)).quote!.brandTotal!.amount;
    const res = await reschedule({ id, start: at(DAY), end: at(5 * DAY), usage: { start: at(5 * DAY), end: at(65 * DAY) } }, s.agency.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking).toMatchObject({ start: at(DAY), end: at(5 * DAY), usageStart: at(5 * DAY), usageEnd: at(65 * DAY) });
    const after = await read(id);
    // One month of e-commerce usage (10,000) more.
    expect(after.quote!.brandTotal!.amount - before).toBe(10000);
    expect(after.history.at(-1)).toMatchObject({ kind: 'RESCHEDULE', fromStart: at(0), toStart: at(DAY) });
  });

  it("refuses a licence past the twin's consent, and a window where the twin already runs as many jobs as its cap", async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id, { maxConcurrentJobs: 1, consentScope: { ...OPEN_CONSENT, consentEndsAt: at(60 * DAY) } });
    const id = await bookTwin(twinJob(s), s.agency.token);
    await bookTwin(twinJob(s, { start: at(10 * DAY), end: at(12 * DAY), status: 'OPTION' }), s.brand.token);
    const late = await reschedule({ id, start: at(0), end: at(4 * DAY), usage: { start: at(4 * DAY), end: at(90 * DAY) } }, s.agency.token);
    expect(late.userErrors.map((e) => e.code)).toEqual(['CONSENT_NOT_COVERED']);
    const crowded = await reschedule({ id, start: at(11 * DAY), end: at(13 * DAY) }, s.agency.token);
    expect(crowded.userErrors.map((e) => e.code)).toEqual(['TWIN_CAPACITY_REACHED']);
    const after = await read(id);
    expect([after.start, after.history.length]).toEqual([at(0), 1]);
  });

  it('refuses a place or travel for a digital job, and a licence period for a physical one', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const digital = await bookTwin(twinJob(s), s.agency.token);
    const physical = await book(confirmedPhysical(s, 9, 12), s.agency.token);
    expect((await reschedule({ id: digital, start: at(0), end: at(DAY), travelAfterMinutes: 30 }, s.agency.token)).userErrors.map((e) => e.code)).toEqual(['INVALID_INPUT']);
    const usage = { start: at(DAY), end: at(2 * DAY) };
    expect((await reschedule({ id: physical, start: at(10), end: at(12), usage }, s.agency.token)).userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['input', 'usage']],
    ]);
  });
});
