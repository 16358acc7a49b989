import {
  BookingByIdDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  CreatePhysicalBookingDocument,
  ModelBookingListDocument,
  type BookingByIdQuery,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { at, seedBrand, type Party, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type Booked = NonNullable<BookingByIdQuery['booking']>;
type PhysicalBooked = Extract<Booked, { optionRank: number | null }>;

function slot(s: Scenario, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return {
    modelId: s.model.id,
    title: 'Fitting',
    start: at(start),
    end: at(end),
    location: { name: 'Atelier', timeZone: 'Europe/Paris' },
    ...extra,
  };
}

/** Places an option as the brand (its token implies the brand) and returns its id. */
async function placeOption(s: Scenario, brand: Party, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input: slot(s, start, end, extra) }, brand.token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  expect(res.booking).toMatchObject({ status: 'OPTION', brand: { id: brand.id } });
  return res.booking!.id;
}

/** The booking as the admin sees it, known to be physical. */
async function physical(id: string): Promise<PhysicalBooked> {
  const booking = (await app.gql(BookingByIdDocument, { id })).booking;
  if (!booking || !('optionRank' in booking)) throw new Error(`booking ${id} is not a visible physical booking`);
  return booking;
}

async function ranks(ids: string[]): Promise<(number | null)[]> {
  return Promise.all(ids.map(async (id) => (await physical(id)).optionRank));
}

async function statuses(ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await physical(id)).status));
}

async function confirm(id: string, token: string) {
  return (await app.gql(ConfirmBookingDocument, { id }, token)).confirmBooking;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('option ranking', () => {
  it('ranks an option by when it was placed among the live options that overlap it, whoever placed them', async () => {
    const s = await seedPricedScenario(app);
    const third = await seedBrand(app);
    const first = await placeOption(s, s.brand, 9, 17);
    const second = await placeOption(s, s.otherBrand, 10, 12);
    const last = await placeOption(s, third, 16, 18);
    // Ranks count only the earlier options that overlap: `last` overlaps `first` but not `second`.
    expect(await ranks([first, second, last])).toEqual([1, 2, 2]);
    const fourth = await placeOption(s, third, 11, 17);
    expect(await ranks([first, second, last, fourth])).toEqual([1, 2, 2, 4]);
  });

  it('ranks three options on the same slot 1st, 2nd and 3rd, and reports each rank on creation too', async () => {
    const s = await seedPricedScenario(app);
    const third = await seedBrand(app);
    const created: (number | null)[] = [];
    const ids: string[] = [];
    for (const brand of [s.brand, s.otherBrand, third]) {
      const res = (await app.gql(CreatePhysicalBookingDocument, { input: slot(s, 9, 17) }, brand.token)).createPhysicalBooking;
      const booking = res.booking;
      created.push(booking && 'optionRank' in booking ? booking.optionRank : -1);
      if (booking) ids.push(booking.id);
    }
    expect(created).toEqual([1, 2, 3]);
    expect(await ranks(ids)).toEqual([1, 2, 3]);
  });

  it('gives rank 1 to an option that overlaps no other, including one adjacent to an option', async () => {
    const s = await seedPricedScenario(app);
    const morning = await placeOption(s, s.brand, 9, 12);
    const afternoon = await placeOption(s, s.otherBrand, 12, 15);
    const nextDay = await placeOption(s, s.otherBrand, 33, 41);
    expect(await ranks([morning, afternoon, nextDay])).toEqual([1, 1, 1]);
  });

  it('counts travel buffers: an option whose travel reaches into an earlier option ranks behind it', async () => {
    const s = await seedPricedScenario(app);
    const morning = await placeOption(s, s.brand, 9, 12);
    const afternoon = await placeOption(s, s.otherBrand, 12, 15, { travelBeforeMinutes: 30 });
    expect(await ranks([morning, afternoon])).toEqual([1, 2]);
  });

  it('gives no rank to a booking that is not a live option', async () => {
    const s = await seedPricedScenario(app);
    const option = await placeOption(s, s.brand, 9, 12);
    expect((await confirm(option, s.brand.token)).userErrors).toEqual([]);
    expect(await ranks([option])).toEqual([null]);
  });
});

describe('confirming options', () => {
  it('lets a brand pick up its own option while it ranks 1st', async () => {
    const s = await seedPricedScenario(app);
    const id = await placeOption(s, s.brand, 9, 17);
    expect(await ranks([id])).toEqual([1]);
    const res = await confirm(id, s.brand.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking).toMatchObject({ id, status: 'CONFIRMED', optionRank: null });
    const history = (await physical(id)).history;
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.actorRole, h.actorId])).toEqual([
      [null, 'OPTION', 'BRAND', s.brand.id],
      ['OPTION', 'CONFIRMED', 'BRAND', s.brand.id],
    ]);
  });

  it('refuses a brand its own option ranked 2nd with OPTION_NOT_FIRST, and changes nothing', async () => {
    const s = await seedPricedScenario(app);
    const first = await placeOption(s, s.brand, 9, 17);
    const second = await placeOption(s, s.otherBrand, 12, 14);
    const res = await confirm(second, s.otherBrand.token);
    expect(res.booking).toBeNull();
    // The other brand learns the range of the option ahead, not whose it is.
    expect(res.userErrors).toEqual([
      {
        code: 'OPTION_NOT_FIRST',
        field: ['id'],
        message: `the option ranks 2; the first live option holds ${at(9)} to ${at(17)} (travel included)`,
        conflict: { start: at(9), end: at(17), bookingId: null },
      },
    ]);
    expect(await statuses([first, second])).toEqual(['OPTION', 'OPTION']);
    expect(await ranks([first, second])).toEqual([1, 2]);
    expect((await physical(second)).history).toHaveLength(1);
  });

  it("does not let a brand confirm another brand's option: BOOKING_NOT_FOUND, as it cannot see it", async () => {
    const s = await seedPricedScenario(app);
    const theirs = await placeOption(s, s.brand, 9, 17);
    const res = await confirm(theirs, s.otherBrand.token);
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([{ code: 'BOOKING_NOT_FOUND', field: ['id'], message: 'no such booking', conflict: null }]);
    expect(await statuses([theirs])).toEqual(['OPTION']);
  });

  it('refuses the agency a 2nd option while the 1st is live, then confirms it once the 1st is released', async () => {
    const s = await seedPricedScenario(app);
    const first = await placeOption(s, s.brand, 9, 17);
    const second = await placeOption(s, s.otherBrand, 10, 18);
    const early = await confirm(second, s.agency.token);
    // The agency sees its model's bookings: it is told which option is ahead.
    expect(early.userErrors).toEqual([
      {
        code: 'OPTION_NOT_FIRST',
        field: ['id'],
        message: `the option ranks 2; the first live option holds ${at(9)} to ${at(17)} (travel included)`,
        conflict: { start: at(9), end: at(17), bookingId: first },
      },
    ]);

    const released = (await app.gql(CancelBookingDocument, { id: first, reason: 'campaign moved' }, s.brand.token)).cancelBooking;
    expect(released.userErrors).toEqual([]);
    expect(released.booking?.status).toBe('RELEASED');
    expect(await ranks([first, second])).toEqual([null, 1]);

    const res = await confirm(second, s.agency.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking).toMatchObject({ id: second, status: 'CONFIRMED' });
    expect((await physical(second)).history.at(-1)).toMatchObject({ fromStatus: 'OPTION', toStatus: 'CONFIRMED', actorRole: 'AGENCY', actorId: s.agency.id });
  });

  it('lets the brand of a 2nd option pick it up once the 1st is released', async () => {
    const s = await seedPricedScenario(app);
    const first = await placeOption(s, s.brand, 9, 17);
    const second = await placeOption(s, s.otherBrand, 9, 17);
    expect((await app.gql(CancelBookingDocument, { id: first, reason: 'not needed' }, s.brand.token)).cancelBooking.userErrors).toEqual([]);
    const res = await confirm(second, s.otherBrand.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking?.status).toBe('CONFIRMED');
  });

  it('releases the overlapping lower options on confirmation, telling their holders in a SYSTEM history entry that does not name the booking, and leaves the others alone', async () => {
    const s = await seedPricedScenario(app);
    const third = await seedBrand(app);
    const picked = await placeOption(s, s.brand, 9, 12);
    const overlapping = await placeOption(s, s.otherBrand, 10, 13);
    const sameSlot = await placeOption(s, third, 9, 12);
    // Adjacent to the picked option ([9,12) then [12,15)), but behind `overlapping`, which it does overlap.
    const adjacent = await placeOption(s, third, 12, 15);
    const otherDay = await placeOption(s, s.otherBrand, 33, 36);
    expect(await ranks([picked, overlapping, sameSlot, adjacent, otherDay])).toEqual([1, 2, 3, 2, 1]);

    const res = await confirm(picked, s.brand.token);
    expect(res.userErrors).toEqual([]);
    expect(await statuses([picked, overlapping, sameSlot, adjacent, otherDay])).toEqual(['CONFIRMED', 'RELEASED', 'RELEASED', 'OPTION', 'OPTION']);
    // With `overlapping` gone, nothing live ranks above the adjacent option any more.
    expect(await ranks([adjacent, otherDay])).toEqual([1, 1]);

    for (const id of [overlapping, sameSlot]) {
      const history = (await physical(id)).history;
      expect(history).toHaveLength(2);
      expect(history[1]).toEqual({
        fromStatus: 'OPTION',
        toStatus: 'RELEASED',
        actorRole: 'SYSTEM',
        actorId: null,
        // Neutral: the holder may be another brand, which must not learn the confirmed booking's id.
        reason: 'another booking was confirmed over this option',
        at: expect.any(String),
      });
    }
    for (const id of [adjacent, otherDay]) expect((await physical(id)).history).toHaveLength(1);
  });

  it('does not let a brand create a CONFIRMED booking: FORBIDDEN, and nothing is stored', async () => {
    const s = await seedPricedScenario(app);
    const res = (await app.gql(CreatePhysicalBookingDocument, { input: slot(s, 9, 17, { status: 'CONFIRMED' }) }, s.brand.token))
      .createPhysicalBooking;
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['input', 'status'], message: 'a brand places options; the agency confirms', conflict: null },
    ]);
    const list = await app.gql(ModelBookingListDocument, { id: s.model.id });
    expect(list.model?.bookings.edges).toEqual([]);
  });
});

describe('option expiry', () => {
  it('stops an expired option holding: the next moves up, and confirming it answers OPTION_EXPIRED and marks it EXPIRED', async () => {
    const s = await seedPricedScenario(app);
    const third = await seedBrand(app);
    // Long enough to place and rank three options first, even on a loaded machine; short enough to wait for.
    const expiresAt = new Date(Date.now() + 2000);
    const expiring = await placeOption(s, s.brand, 9, 17, { optionExpiresAt: expiresAt.toISOString() });
    const next = await placeOption(s, s.otherBrand, 9, 17);
    const lapsing = await placeOption(s, third, 10, 12, { optionExpiresAt: expiresAt.toISOString() });
    const elsewhere = await placeOption(s, third, 30, 32, { optionExpiresAt: expiresAt.toISOString() });
    expect(await ranks([expiring, next, lapsing])).toEqual([1, 2, 3]);

    await sleep(Math.max(0, expiresAt.getTime() - Date.now()) + 100);
    // Nothing has touched the expired options yet: they already read EXPIRED and no longer hold or rank.
    expect(await statuses([expiring, next, lapsing])).toEqual(['EXPIRED', 'OPTION', 'EXPIRED']);
    expect(await ranks([expiring, next, lapsing])).toEqual([null, 1, null]);

    const res = await confirm(expiring, s.brand.token);
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([
      { code: 'OPTION_EXPIRED', field: ['id'], message: `the option expired at ${expiresAt.toISOString()}`, conflict: null },
    ]);
    const expired = await physical(expiring);
    expect(expired.status).toBe('EXPIRED');
    expect(expired.history.map((h) => [h.fromStatus, h.toStatus, h.actorRole, h.actorId, h.reason])).toEqual([
      [null, 'OPTION', 'BRAND', s.brand.id, null],
      ['OPTION', 'EXPIRED', 'SYSTEM', null, 'the option expired before it was confirmed'],
    ]);

    // Cancelling an option that had lapsed closes it as EXPIRED, not as released by its holder.
    const cancelled = (await app.gql(CancelBookingDocument, { id: elsewhere, reason: 'no longer needed' }, third.token)).cancelBooking;
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.booking?.status).toBe('EXPIRED');
    expect((await physical(elsewhere)).history.map((h) => [h.fromStatus, h.toStatus, h.actorRole, h.reason])).toEqual([
      [null, 'OPTION', 'BRAND', null],
      ['OPTION', 'EXPIRED', 'SYSTEM', 'the option had expired before it was cancelled'],
    ]);

    const picked = await confirm(next, s.otherBrand.token);
    expect(picked.userErrors).toEqual([]);
    expect(picked.booking?.status).toBe('CONFIRMED');
    // An option that had already lapsed is closed as EXPIRED, not reported to its holder as released.
    const lapsed = await physical(lapsing);
    expect(lapsed.status).toBe('EXPIRED');
    expect(lapsed.history.map((h) => [h.fromStatus, h.toStatus, h.actorRole])).toEqual([
      [null, 'OPTION', 'BRAND'],
      ['OPTION', 'EXPIRED', 'SYSTEM'],
    ]);
  });

  it('refuses an option expiry that is already past', async () => {
    const s = await seedPricedScenario(app);
    const res = (
      await app.gql(CreatePhysicalBookingDocument, { input: slot(s, 9, 17, { optionExpiresAt: new Date(Date.now() - 1000).toISOString() }) }, s.brand.token)
    ).createPhysicalBooking;
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'optionExpiresAt'], message: 'an option expiry must be in the future', conflict: null },
    ]);
  });

  it('refuses a confirmed booking placed directly over a live option: the option holds the slot first', async () => {
    const s = await seedPricedScenario(app);
    const option = await placeOption(s, s.brand, 9, 12);
    const direct = (
      await app.gql(CreatePhysicalBookingDocument, { input: slot(s, 10, 11, { brandId: s.otherBrand.id, status: 'CONFIRMED' }) }, s.agency.token)
    ).createPhysicalBooking;
    expect(direct.booking).toBeNull();
    expect(direct.userErrors.map((e) => [e.code, e.field])).toEqual([['OPTION_NOT_FIRST', ['input', 'start']]]);
    expect(await ranks([option])).toEqual([1]);
    // Once the option is released, the agency books the time directly.
    expect((await app.gql(CancelBookingDocument, { id: option, reason: 'not needed' }, s.brand.token)).cancelBooking.userErrors).toEqual([]);
    const retry = (
      await app.gql(CreatePhysicalBookingDocument, { input: slot(s, 10, 11, { brandId: s.otherBrand.id, status: 'CONFIRMED' }) }, s.agency.token)
    ).createPhysicalBooking;
    expect(retry.userErrors).toEqual([]);
  });
});
