import {
  ApprovePayoutsDocument,
  BookingMoneyDocument,
  CancelBookingDocument,
  CompleteBookingDocument,
  ConfirmBookingDocument,
  CreateDigitalBookingDocument,
  CreateLockoutDocument,
  CreatePhysicalBookingDocument,
  MarkPayoutsPaidDocument,
  NarrowConsentDocument,
  PostponeBookingDocument,
  RemoveLockoutDocument,
  RescheduleBookingDocument,
  type CreateDigitalBookingInput,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { onCommittedEvents, recordEvent, type DomainEvent } from '../src/core/events';
import { at, confirmedPhysical, OPEN_CONSENT, seedTwin, type Scenario } from './support/factories';
import { past, seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
const heard: DomainEvent[] = [];
let stopListening: () => void;
beforeAll(async () => {
  app = await startTestApp();
  stopListening = onCommittedEvents((events) => heard.push(...events));
});
afterAll(async () => {
  stopListening();
  await app.close();
});

interface EventRow {
  id: string;
  seq: string;
  type: string;
  model_id: string | null;
  agency_id: string | null;
  brand_id: string | null;
  booking_id: string | null;
  payload: Record<string, unknown>;
}

/** The events recorded about one thing (a booking, a model), in order. */
async function eventsOf(column: 'booking_id' | 'model_id', id: string): Promise<EventRow[]> {
  return app.orm.em.fork().execute<EventRow[]>(`select id, seq::text as seq, type, model_id, agency_id, brand_id, booking_id, payload from domain_event where ${column} = ? order by seq`, [id]);
}

const typesOf = async (column: 'booking_id' | 'model_id', id: string) => (await eventsOf(column, id)).map((e) => e.type);

function option(s: Scenario, start: number, end: number): CreatePhysicalBookingInput {
  return { modelId: s.model.id, title: 'Casting', start: at(start), end: at(end), location: { name: 'Studio 2', timeZone: 'Europe/Paris' } };
}

async function createPhysical(input: CreatePhysicalBookingInput, token: string): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

describe('each change records exactly one event, with its parties', () => {
  it('an option placed, confirmed, moved, postponed and cancelled', async () => {
    const s = await seedPricedScenario(app);
    const id = await createPhysical(option(s, 9, 17), s.brand.token);
    const [created] = await eventsOf('booking_id', id);
    expect(created).toMatchObject({
      type: 'booking.created',
      model_id: s.model.id,
      agency_id: s.agency.id,
      brand_id: s.brand.id,
      booking_id: id,
      payload: { bookingType: 'PHYSICAL', status: 'OPTION', title: 'Casting', start: at(9), end: at(17) },
    });
    // Heard in this process too, once committed, with the same id and order.
    expect(heard.find((e) => e.bookingId === id)).toMatchObject({ id: created.id, seq: created.seq, type: 'booking.created' });

    expect((await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking.userErrors).toEqual([]);
    expect(await typesOf('booking_id', id)).toEqual(['booking.created', 'booking.confirmed']);
    expect((await eventsOf('booking_id', id))[1].payload).toMatchObject({ status: 'CONFIRMED', fromStatus: 'OPTION' });

    const moved = (await app.gql(RescheduleBookingDocument, { input: { id, start: at(33), end: at(41) } }, s.agency.token)).rescheduleBooking;
    expect(moved.userErrors).toEqual([]);
    const postponed = (await app.gql(PostponeBookingDocument, { input: { id, start: at(57), end: at(65), reason: 'Rain' } }, s.agency.token)).postponeBooking;
    expect(postponed.userErrors).toEqual([]);
    const cancelled = (await app.gql(CancelBookingDocument, { id, reason: 'Campaign dropped' }, s.brand.token)).cancelBooking;
    expect(cancelled.userErrors).toEqual([]);

    const events = await eventsOf('booking_id', id);
    expect(events.map((e) => e.type)).toEqual(['booking.created', 'booking.confirmed', 'booking.rescheduled', 'booking.rescheduled', 'booking.cancelled']);
    expect(events[2].payload).toMatchObject({ kind: 'RESCHEDULE', fromStart: at(9), fromEnd: at(17), start: at(33), end: at(41) });
    expect(events[3].payload).toMatchObject({ kind: 'POSTPONEMENT', fromStart: at(33), start: at(57) });
    expect(events[4].payload).toMatchObject({ status: 'CANCELLED', fromStatus: 'CONFIRMED' });
    // Global order is the order of the changes.
    const seqs = events.map((e) => BigInt(e.seq));
    expect([...seqs].sort((a, b) => (a < b ? -1 : 1))).toEqual(seqs);
  });

  it('an option its brand lets go is released', async () => {
    const s = await seedPricedScenario(app);
    const id = await createPhysical(option(s, 9, 17), s.brand.token);
    expect((await app.gql(CancelBookingDocument, { id, reason: 'Not needed' }, s.brand.token)).cancelBooking.userErrors).toEqual([]);
    expect(await typesOf('booking_id', id)).toEqual(['booking.created', 'booking.released']);
  });

  it('a booking made confirmed at once, physical and digital', async () => {
    const s = await seedPricedScenario(app);
    const physical = await createPhysical(confirmedPhysical(s, 9, 17), s.agency.token);
    expect(await eventsOf('booking_id', physical)).toMatchObject([{ type: 'booking.created', payload: { status: 'CONFIRMED', bookingType: 'PHYSICAL' } }]);

    await seedTwin(app, s.agency, s.model.id);
    const input: CreateDigitalBookingInput = {
      modelId: s.model.id,
      brandId: s.brand.id,
      title: 'E-commerce stills',
      start: at(9),
      end: at(33),
      category: 'APPAREL',
      deliverables: [{ kind: 'IMAGE', quantity: 20 }],
      usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(24), end: at(24 * 60) },
      status: 'CONFIRMED',
    };
    const res = (await app.gql(CreateDigitalBookingDocument, { input }, s.agency.token)).createDigitalBooking;
    expect(res.userErrors).toEqual([]);
    expect(await eventsOf('booking_id', res.booking!.id)).toMatchObject([
      { type: 'booking.created', brand_id: s.brand.id, agency_id: s.agency.id, payload: { status: 'CONFIRMED', bookingType: 'DIGITAL' } },
    ]);
  });

  it('a refused change records nothing', async () => {
    const s = await seedPricedScenario(app);
    await createPhysical(confirmedPhysical(s, 9, 17), s.agency.token);
    const before = (await typesOf('model_id', s.model.id)).length;
    const clash = (await app.gql(CreatePhysicalBookingDocument, { input: confirmedPhysical(s, 10, 12) }, s.agency.token)).createPhysicalBooking;
    expect(clash.userErrors).toMatchObject([{ code: 'PHYSICAL_CLASH' }]);
    const twice = await createPhysical(option(s, 30, 40), s.brand.token);
    expect((await app.gql(CancelBookingDocument, { id: twice, reason: 'x' }, s.brand.token)).cancelBooking.userErrors).toEqual([]);
    expect((await app.gql(CancelBookingDocument, { id: twice, reason: 'x' }, s.brand.token)).cancelBooking.userErrors).toMatchObject([{ code: 'TRANSITION_NOT_ALLOWED' }]);
    expect((await typesOf('model_id', s.model.id)).length).toBe(before + 2);
  });

  it('completion, then its payout lines approved and paid: one event per line and step, never to the brand', async () => {
    const s = await seedPricedScenario(app);
    const id = await createPhysical(confirmedPhysical(s, 0, 0, { start: past(9), end: past(17) }), s.agency.token);
    expect((await app.gql(CompleteBookingDocument, { input: { id } }, s.agency.token)).completeBooking.userErrors).toEqual([]);
    const lines = (await app.gql(BookingMoneyDocument, { id }, s.agency.token)).booking!.payouts;
    const ids = lines.map((p) => p.id);
    expect((await app.gql(ApprovePayoutsDocument, { ids }, s.agency.token)).approvePayouts.userErrors).toEqual([]);
    const paid = await app.gql(MarkPayoutsPaidDocument, { input: { ids, externalReference: 'SEPA-1' } }, s.agency.token);
    expect(paid.markPayoutsPaid.userErrors).toEqual([]);

    const events = await eventsOf('booking_id', id);
    expect(events.map((e) => e.type)).toEqual(['booking.created', 'booking.completed', ...ids.map(() => 'payout.approved'), ...ids.map(() => 'payout.paid')]);
    const approved = events.filter((e) => e.type === 'payout.approved');
    expect(approved.map((e) => e.payload.payoutId).sort()).toEqual([...ids].sort());
    for (const e of approved) {
      expect(e).toMatchObject({ agency_id: s.agency.id, brand_id: null });
      // Only the model's own line names her: she may read that one and no other.
      expect(e.model_id).toBe(e.payload.party === 'MODEL' ? s.model.id : null);
    }
  });

  it('her consent narrowed, a lockout placed and lifted (lifting it again changes nothing)', async () => {
    const s = await seedPricedScenario(app);
    const twinId = await seedTwin(app, s.agency, s.model.id);
    const since = (await typesOf('model_id', s.model.id)).length;
    const narrowed = (await app.gql(NarrowConsentDocument, { input: { twinId, consentScope: { ...OPEN_CONSENT, allowedMedia: ['ECOMMERCE'] } } }, s.model.token)).narrowConsent;
    expect(narrowed.userErrors).toEqual([]);
    const placed = (await app.gql(CreateLockoutDocument, { input: { modelId: s.model.id, start: at(9), end: at(33), kind: 'HOLIDAY', reason: 'Off' } }, s.model.token)).createLockout;
    expect(placed.userErrors).toEqual([]);
    const lockoutId = placed.lockout!.id;
    for (let i = 0; i < 2; i += 1) {
      expect((await app.gql(RemoveLockoutDocument, { input: { id: lockoutId } }, s.agency.token)).removeLockout.userErrors).toEqual([]);
    }
    const events = (await eventsOf('model_id', s.model.id)).slice(since);
    expect(events.map((e) => e.type)).toEqual(['consent.changed', 'lockout.created', 'lockout.removed']);
    expect(events[0]).toMatchObject({ agency_id: s.agency.id, brand_id: null, payload: { twinId } });
    expect(events[1].payload).toEqual({ lockoutId, kind: 'HOLIDAY', start: at(9), end: at(33) });
  });
});

describe('recordEvent', () => {
  it('writes in the caller’s transaction: rolled back with it, and heard only after a commit', async () => {
    const em = app.orm.em.fork();
    const bookingId = '00000000-0000-4000-8000-0000000000e1';
    const heardBefore = heard.length;
    await expect(
      em.transactional(async (tx) => {
        await recordEvent(tx, { type: 'booking.cancelled', bookingId });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await eventsOf('booking_id', bookingId)).toEqual([]);
    expect(heard.length).toBe(heardBefore);

    let heardInside = -1;
    const recorded = await em.transactional(async (tx) => {
      const e = await recordEvent(tx, { type: 'booking.released', bookingId, payload: { n: 1 } });
      heardInside = heard.length;
      return e;
    });
    expect(heardInside).toBe(heardBefore);
    expect(heard.slice(heardBefore)).toEqual([recorded]);
    expect(await eventsOf('booking_id', bookingId)).toMatchObject([{ id: recorded.id, seq: recorded.seq, type: 'booking.released', payload: { n: 1 } }]);
  });
});
