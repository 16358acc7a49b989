import {
  BookingChallengeDocument,
  CalendarLockoutsDocument,
  ConfirmBookingOverrideDocument,
  CreateDigitalBookingDocument,
  CreateLockoutDocument,
  CreatePhysicalBookingDocument,
  ModelLockoutsDocument,
  RemoveLockoutDocument,
  type CreateLockoutInput,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { Role } from '../src/core/viewer';
import { at, confirmedPhysical, seedAgency, seedTwin, type Party, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const REASON = 'Family wedding in Lyon';

function lockout(s: Scenario, start: number, end: number, extra: Partial<CreateLockoutInput> = {}): CreateLockoutInput {
  return { modelId: s.model.id, start: at(start), end: at(end), kind: 'HOLIDAY', reason: REASON, ...extra };
}

async function lockOut(input: CreateLockoutInput, token: string) {
  return (await app.gql(CreateLockoutDocument, { input }, token)).createLockout;
}

async function lockOutOk(input: CreateLockoutInput, token: string): Promise<string> {
  const res = await lockOut(input, token);
  expect(res.userErrors).toEqual([]);
  return res.lockout!.id;
}

function option(s: Scenario, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return { modelId: s.model.id, title: 'Casting', start: at(start), end: at(end), location: { name: 'Studio 2', timeZone: 'Europe/Paris' }, ...extra };
}

async function book(input: CreatePhysicalBookingInput, token: string) {
  return (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
}

async function confirm(id: string, token: string, overrideLockout: string | null = null) {
  return (await app.gql(ConfirmBookingOverrideDocument, { id, overrideLockout }, token)).confirmBooking;
}

const lockedOut = (start: number, end: number) => ({ code: 'LOCKED_OUT', conflict: { start: at(start), end: at(end), bookingId: null } });

describe('placing a lockout', () => {
  it('is open to the model and her agency, who read it in full; anyone else gets no list', async () => {
    const s = await seedPricedScenario(app);
    const res = await lockOut(lockout(s, 9, 33, { kind: 'ILLNESS', reason: '  Flu  ' }), s.model.token);
    expect(res.userErrors).toEqual([]);
    expect(res.lockout).toMatchObject({ kind: 'ILLNESS', reason: 'Flu', start: at(9), end: at(33), createdByRole: 'MODEL', createdById: s.model.id, removedAt: null });
    await lockOutOk(lockout(s, 100, 110), s.agency.token);
    for (const token of [s.model.token, s.agency.token]) {
      const list = (await app.gql(ModelLockoutsDocument, { id: s.model.id }, token)).model!.lockouts!.edges.map((e) => e.node.reason);
      expect(list).toEqual(['Flu', REASON]);
    }
    expect((await app.gql(ModelLockoutsDocument, { id: s.model.id }, s.brand.token)).model!.lockouts).toBeNull();
  });

  it('is refused to a brand (FORBIDDEN) and to another agency or model (MODEL_NOT_FOUND)', async () => {
    const s = await seedPricedScenario(app);
    const otherAgency = await seedAgency(app);
    const otherModel = await app.token({ role: Role.MODEL, modelId: '00000000-0000-4000-8000-000000000001' });
    expect((await lockOut(lockout(s, 9, 17), s.brand.token)).userErrors).toMatchObject([{ code: 'FORBIDDEN', field: ['input', 'modelId'] }]);
    expect((await lockOut(lockout(s, 9, 17), otherAgency.token)).userErrors).toMatchObject([{ code: 'MODEL_NOT_FOUND' }]);
    expect((await lockOut(lockout(s, 9, 17), otherModel)).userErrors).toMatchObject([{ code: 'MODEL_NOT_FOUND' }]);
  });

  it('refuses a malformed one: a reversed range, an empty reason', async () => {
    const s = await seedPricedScenario(app);
    expect((await lockOut(lockout(s, 17, 9), s.agency.token)).userErrors).toMatchObject([{ code: 'INVALID_RANGE', field: ['input', 'end'] }]);
    expect((await lockOut(lockout(s, 9, 17, { reason: '  ' }), s.agency.token)).userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'reason'] }]);
  });
});

describe('a lockout over physical work', () => {
  it("refuses a brand's option in its range with LOCKED_OUT naming the range and nothing of why; not one beside it", async () => {
    const s = await seedPricedScenario(app);
    await lockOutOk(lockout(s, 24, 48), s.model.token);
    const res = await book(option(s, 30, 34), s.brand.token);
    expect(res.booking).toBeNull();
    expect(res.userErrors).toMatchObject([lockedOut(24, 48)]);
    expect(res.userErrors[0].message).not.toContain('Lyon');
    // The travel before it reaches into the lockout: the blocked range is what counts.
    expect((await book(option(s, 48, 50, { travelBeforeMinutes: 30 }), s.brand.token)).userErrors).toMatchObject([lockedOut(24, 48)]);
    // Adjacent, half-open ranges do not overlap.
    expect((await book(option(s, 48, 50), s.brand.token)).userErrors).toEqual([]);
  });

  it('refuses it also when her terms are remembered from an earlier booking (the one-statement write)', async () => {
    const s = await seedPricedScenario(app);
    expect((await book(option(s, 0, 2), s.brand.token)).userErrors).toEqual([]);
    await lockOutOk(lockout(s, 24, 48), s.model.token);
    expect((await book(option(s, 30, 34), s.brand.token)).userErrors).toMatchObject([lockedOut(24, 48)]);
    expect((await book(confirmedPhysical(s, 30, 34), s.agency.token)).userErrors).toMatchObject([lockedOut(24, 48)]);
  });

  it('lets her agency book through it with a reason, kept in the history; a brand may not (FORBIDDEN)', async () => {
    const s = await seedPricedScenario(app);
    await lockOutOk(lockout(s, 24, 48), s.model.token);
    expect((await book(confirmedPhysical(s, 30, 34), s.agency.token)).userErrors).toMatchObject([lockedOut(24, 48)]);
    const forbidden = await book(option(s, 30, 34, { overrideLockout: 'she agreed' }), s.brand.token);
    expect(forbidden.userErrors).toMatchObject([{ code: 'FORBIDDEN', field: ['input', 'overrideLockout'] }]);
    const res = await book(confirmedPhysical(s, 30, 34, { overrideLockout: 'she agreed by phone' }), s.agency.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking!.status).toBe('CONFIRMED');
    const history = (await app.gql(BookingChallengeDocument, { id: res.booking!.id }, s.agency.token)).booking!.history;
    expect(history).toMatchObject([{ fromStatus: null, toStatus: 'CONFIRMED', actorRole: 'AGENCY', reason: 'overrides a lockout: she agreed by phone' }]);
    // With nothing to override, the history says nothing of it.
    const plain = await book(confirmedPhysical(s, 60, 64, { overrideLockout: 'just in case' }), s.agency.token);
    const plainHistory = (await app.gql(BookingChallengeDocument, { id: plain.booking!.id }, s.agency.token)).booking!.history;
    expect(plainHistory).toMatchObject([{ toStatus: 'CONFIRMED', reason: null }]);
  });

  it('refuses confirming an option placed before it (LOCKED_OUT), unless her agency overrides; a brand may not', async () => {
    const s = await seedPricedScenario(app);
    const id = (await book(option(s, 30, 34), s.brand.token)).booking!.id;
    await lockOutOk(lockout(s, 24, 48), s.model.token);
    expect((await confirm(id, s.brand.token)).userErrors).toMatchObject([{ ...lockedOut(24, 48), field: ['id'] }]);
    expect((await confirm(id, s.agency.token)).userErrors).toMatchObject([lockedOut(24, 48)]);
    expect((await confirm(id, s.brand.token, 'please')).userErrors).toMatchObject([{ code: 'FORBIDDEN', field: ['overrideLockout'] }]);
    const res = await confirm(id, s.agency.token, 'she moved her trip');
    expect(res.userErrors).toEqual([]);
    expect(res.booking!.status).toBe('CONFIRMED');
    const history = (await app.gql(BookingChallengeDocument, { id }, s.agency.token)).booking!.history;
    expect(history.at(-1)).toMatchObject({ fromStatus: 'OPTION', toStatus: 'CONFIRMED', reason: 'overrides a lockout: she moved her trip' });
  });

  it('no longer blocks once lifted; lifting records who and why, is idempotent, and the list keeps it only on request', async () => {
    const s = await seedPricedScenario(app);
    const id = await lockOutOk(lockout(s, 24, 48), s.model.token);
    expect((await app.gql(RemoveLockoutDocument, { input: { id } }, s.brand.token)).removeLockout.userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
    const removed = (await app.gql(RemoveLockoutDocument, { input: { id, reason: 'trip cancelled' } }, s.agency.token)).removeLockout;
    expect(removed.userErrors).toEqual([]);
    expect(removed.lockout).toMatchObject({ removedByRole: 'AGENCY', removedById: s.agency.id, removalReason: 'trip cancelled' });
    const again = (await app.gql(RemoveLockoutDocument, { input: { id } }, s.model.token)).removeLockout;
    expect(again.lockout).toMatchObject({ removedAt: removed.lockout!.removedAt, removedByRole: 'AGENCY' });
    expect((await book(option(s, 30, 34), s.brand.token)).userErrors).toEqual([]);
    expect((await app.gql(ModelLockoutsDocument, { id: s.model.id }, s.model.token)).model!.lockouts!.edges).toEqual([]);
    expect((await app.gql(ModelLockoutsDocument, { id: s.model.id, includeRemoved: true }, s.model.token)).model!.lockouts!.edges).toHaveLength(1);
  });

  it('does not block digital work by her twin', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await lockOutOk(lockout(s, 24, 48), s.model.token);
    const res = (
      await app.gql(
        CreateDigitalBookingDocument,
        {
          input: {
            modelId: s.model.id,
            brandId: s.brand.id,
            title: 'E-commerce stills',
            start: at(24),
            end: at(48),
            category: 'APPAREL',
            deliverables: [{ kind: 'IMAGE', quantity: 20 }],
            usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(48), end: at(24 * 90) },
            status: 'CONFIRMED',
          },
        },
        s.agency.token,
      )
    ).createDigitalBooking;
    expect(res.userErrors).toEqual([]);
  });
});

describe('a lockout over confirmed physical work', () => {
  it('is refused with PHYSICAL_CLASH naming the booking, unless her agency overrides with a reason; she may not override', async () => {
    const s = await seedPricedScenario(app);
    const booked = (await book(confirmedPhysical(s, 30, 34), s.agency.token)).booking!.id;
    const refused = await lockOut(lockout(s, 24, 48), s.model.token);
    expect(refused.lockout).toBeNull();
    expect(refused.userErrors).toMatchObject([{ code: 'PHYSICAL_CLASH', conflict: { start: at(30), end: at(34), bookingId: booked } }]);
    expect((await lockOut(lockout(s, 24, 48, { overrideBookings: 'mine' }), s.model.token)).userErrors).toMatchObject([
      { code: 'FORBIDDEN', field: ['input', 'overrideBookings'] },
    ]);
    const placed = await lockOut(lockout(s, 24, 48, { overrideBookings: 'the shoot is moved next week' }), s.agency.token);
    expect(placed.userErrors).toEqual([]);
    expect(placed.lockout!.overrideReason).toBe('the shoot is moved next week');
    // The confirmed booking stays as it was.
    expect((await app.gql(BookingChallengeDocument, { id: booked }, s.agency.token)).booking!.status).toBe('CONFIRMED');
  });
});

describe('her calendar', () => {
  async function calendar(s: Scenario, who: Party) {
    return (await app.gql(CalendarLockoutsDocument, { id: s.model.id, from: at(0), to: at(72) }, who.token)).model!.calendar!;
  }

  it('shows lockouts in full to her and her agency, as busy ranges to brands, and never as free for physical work', async () => {
    const s = await seedPricedScenario(app);
    const id = await lockOutOk(lockout(s, 24, 48), s.model.token);
    for (const who of [s.model, s.agency]) {
      expect((await calendar(s, who)).lockouts).toEqual([
        { lockoutId: id, busy: false, kind: 'HOLIDAY', reason: REASON, start: at(24), end: at(48), localStart: { dateTime: '2030-06-04T02:00:00' } },
      ]);
    }
    const brandView = await calendar(s, s.brand);
    expect(brandView.lockouts).toEqual([{ lockoutId: null, busy: true, kind: null, reason: null, start: at(24), end: at(48), localStart: { dateTime: '2030-06-04T02:00:00' } }]);
    expect(brandView.freeForPhysical).toEqual([
      { start: at(0), end: at(24) },
      { start: at(48), end: at(72) },
    ]);
  });
});
