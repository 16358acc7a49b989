import fc from 'fast-check';
import { print } from 'graphql';
import { randomUUID } from 'node:crypto';
import { Role } from '../src/core/viewer';
import {
  BookingByIdDocument,
  BookingsDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  CreateDigitalBookingDocument,
  CreateDigitalTwinDocument,
  CreateModelDocument,
  CreatePhysicalBookingDocument,
  ModelByIdDocument,
  ModelCalendarDocument,
  ModelsDocument,
  UpdateDigitalTwinDocument,
  type CreateDigitalBookingInput,
  type CreatePhysicalBookingInput,
  type UserErrorCode,
} from './generated/graphql';
import { at, seedTwin, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const UNKNOWN_ID = randomUUID();

/** Fails when a response gives away internals: a stack trace, a source path or SQL. */
function expectNoInternals(body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  expect(text).not.toMatch(/stacktrace/i);
  expect(text).not.toMatch(/at \/|node_modules|\.ts:\d/);
  expect(text).not.toMatch(/insert into|select |delete from|update "/i);
}

/** The one user error a refused mutation answers with, as the API sends it. */
const refusal = (code: UserErrorCode, field: string[] | null) => ({ code, field, message: expect.any(String), conflict: null });

/** Checks an HTTP 200 answer whose payload is refused with exactly this one user error and nothing else. */
function expectRefused<R>(res: GraphQLResponse<R>, key: keyof R, code: UserErrorCode, field: string[] | null, extra: Record<string, unknown> = {}): void {
  expectNoInternals(res);
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  expect(res.data?.[key]).toEqual({ ...extra, userErrors: [refusal(code, field)] });
}

async function countPages(page: (after: string | null) => Promise<{ edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>) {
  let count = 0;
  for (let after: string | null = null; ; ) {
    const { edges, pageInfo } = await page(after);
    count += edges.length;
    if (!pageInfo.hasNextPage) return count;
    after = pageInfo.endCursor;
  }
}

/** Every booking in the database, as the admin lists them. */
const bookingCount = () => countPages(async (after) => (await app.gql(BookingsDocument, { first: 100, after })).bookings);
const modelCount = () => countPages(async (after) => (await app.gql(ModelsDocument, { first: 100, after })).models);

function physical(s: Scenario, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'Lookbook',
    start: at(9),
    end: at(17),
    location: { name: 'Studio 5', timeZone: 'Europe/Paris' },
    ...extra,
  };
}

function digital(s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'E-commerce stills',
    start: at(9),
    end: at(33),
    deliverables: [{ kind: 'IMAGE', quantity: 12 }],
    category: 'APPAREL',
    usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(0), end: at(24 * 365) },
    ...extra,
  };
}

const usage = (extra: Partial<CreateDigitalBookingInput['usage']>) => ({ media: ['ECOMMERCE'], territories: ['FR'], start: at(0), end: at(24 * 365), ...extra });

describe('createPhysicalBooking with bad input', () => {
  it('books the unchanged base input, so each refusal below is down to the one change it makes', async () => {
    const s = await seedPricedScenario(app);
    const before = await bookingCount();
    const res = await app.request(CreatePhysicalBookingDocument, { input: physical(s, { travelBeforeMinutes: 0, travelAfterMinutes: 1440 }) }, s.agency.token);
    expect(res.data?.createPhysicalBooking.userErrors).toEqual([]);
    expect(res.data?.createPhysicalBooking.booking).toMatchObject({ status: 'OPTION', blockedStart: at(9), blockedEnd: at(41) });
    expect(await bookingCount()).toBe(before + 1);
  });

  it.each<[string, UserErrorCode, string[], Partial<CreatePhysicalBookingInput>]>([
    ['an empty title', 'INVALID_INPUT', ['input', 'title'], { title: '' }],
    ['a blank title', 'INVALID_INPUT', ['input', 'title'], { title: '   ' }],
    ['a title with a NUL character', 'INVALID_INPUT', ['input', 'title'], { title: 'Look\u0000book' }],
    ['a location name with an unpaired surrogate', 'INVALID_INPUT', ['input', 'location', 'name'], { location: { name: 'Studio \ud800', timeZone: 'Europe/Paris' } }],
    ['travel before of -1 minutes', 'INVALID_INPUT', ['input', 'travelBeforeMinutes'], { travelBeforeMinutes: -1 }],
    ['travel after of 1441 minutes', 'INVALID_INPUT', ['input', 'travelAfterMinutes'], { travelAfterMinutes: 1441 }],
    ['an option expiry in the past', 'INVALID_INPUT', ['input', 'optionExpiresAt'], { optionExpiresAt: '2020-01-01T00:00:00.000Z' }],
    ['an option expiry on a confirmed booking', 'INVALID_INPUT', ['input', 'optionExpiresAt'], { status: 'CONFIRMED', optionExpiresAt: at(-1) }],
    ['a status a new booking cannot have', 'INVALID_INPUT', ['input', 'status'], { status: 'COMPLETED' }],
    ['a start in year 0', 'INVALID_INPUT', ['input', 'start'], { start: '0000-01-01T00:00:00Z' }],
    ['an end on the last day of year 9999', 'INVALID_INPUT', ['input', 'end'], { start: '9999-12-30T00:00:00Z', end: '9999-12-31T12:00:00Z' }],
    ['end equal to start', 'INVALID_RANGE', ['input', 'end'], { end: at(9) }],
    ['end before start', 'INVALID_RANGE', ['input', 'end'], { end: at(8) }],
    ['time zone "Mars/Olympus"', 'INVALID_TIME_ZONE', ['input', 'location', 'timeZone'], { location: { name: 'Studio 5', timeZone: 'Mars/Olympus' } }],
    ['time zone "+02:00"', 'INVALID_TIME_ZONE', ['input', 'location', 'timeZone'], { location: { name: 'Studio 5', timeZone: '+02:00' } }],
    ['time zone ""', 'INVALID_TIME_ZONE', ['input', 'location', 'timeZone'], { location: { name: 'Studio 5', timeZone: '' } }],
    ['an unknown model id', 'MODEL_NOT_FOUND', ['input', 'modelId'], { modelId: UNKNOWN_ID }],
    ['a malformed model id "abc"', 'MODEL_NOT_FOUND', ['input', 'modelId'], { modelId: 'abc' }],
    ['an unknown brand id', 'BRAND_NOT_FOUND', ['input', 'brandId'], { brandId: UNKNOWN_ID }],
    ['no brand id from an agency', 'INVALID_INPUT', ['input', 'brandId'], { brandId: null }],
  ])('refuses %s with %s at %j and writes nothing', async (_name, code, field, change) => {
    const s = await seedPricedScenario(app);
    const before = await bookingCount();
    const res = await app.request(CreatePhysicalBookingDocument, { input: physical(s, change) }, s.agency.token);
    expectRefused(res, 'createPhysicalBooking', code, field, { booking: null });
    expect(await bookingCount()).toBe(before);
  });
});

describe('createDigitalBooking with bad input', () => {
  it.each<[string, UserErrorCode, string[], Partial<CreateDigitalBookingInput>]>([
    ['an empty title', 'INVALID_INPUT', ['input', 'title'], { title: '' }],
    ['a deliverable of quantity 0', 'INVALID_INPUT', ['input', 'deliverables', '1', 'quantity'], { deliverables: [{ kind: 'IMAGE', quantity: 12 }, { kind: 'VIDEO', quantity: 0 }] }],
    ['no deliverables', 'INVALID_INPUT', ['input', 'deliverables'], { deliverables: [] }],
    ['an empty media list', 'INVALID_INPUT', ['input', 'usage', 'media'], { usage: usage({ media: [] }) }],
    ['a blank territory', 'INVALID_INPUT', ['input', 'usage', 'territories', '1'], { usage: usage({ territories: ['FR', '  '] }) }],
    ['a medium with a NUL character', 'INVALID_INPUT', ['input', 'usage', 'media', '0'], { usage: usage({ media: ['ECOMMERCE\u0000'] }) }],
    ['a production window ending at its start', 'INVALID_RANGE', ['input', 'end'], { end: at(9) }],
    ['a production window ending before its start', 'INVALID_RANGE', ['input', 'end'], { end: at(1) }],
    ['a usage window ending at its start', 'INVALID_RANGE', ['input', 'usage', 'end'], { usage: usage({ end: at(0) }) }],
    ['a usage window ending before its start', 'INVALID_RANGE', ['input', 'usage', 'end'], { usage: usage({ end: at(-24) }) }],
    ['a usage window starting in year 0', 'INVALID_INPUT', ['input', 'usage', 'start'], { usage: usage({ start: '0000-01-01T00:00:00Z' }) }],
    ['a medium outside the consent scope', 'CONSENT_NOT_COVERED', ['input', 'usage', 'media'], { usage: usage({ media: ['TV'] }) }],
    ['a category outside the consent scope', 'CONSENT_NOT_COVERED', ['input', 'category'], { category: 'BEAUTY' }],
  ])('refuses %s with %s at %j and writes nothing', async (_name, code, field, change) => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const before = await bookingCount();
    const res = await app.request(CreateDigitalBookingDocument, { input: digital(s, change) }, s.agency.token);
    expectRefused(res, 'createDigitalBooking', code, field, { booking: null });
    expect(await bookingCount()).toBe(before);
  });

  it('books the unchanged base input', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const before = await bookingCount();
    const res = await app.gql(CreateDigitalBookingDocument, { input: digital(s) }, s.agency.token);
    expect(res.createDigitalBooking.userErrors).toEqual([]);
    expect(await bookingCount()).toBe(before + 1);
  });

  it('refuses a model without a twin with TWIN_NOT_FOUND', async () => {
    const s = await seedPricedScenario(app);
    const before = await bookingCount();
    expectRefused(await app.request(CreateDigitalBookingDocument, { input: digital(s) }, s.agency.token), 'createDigitalBooking', 'TWIN_NOT_FOUND', ['input', 'modelId'], {
      booking: null,
    });
    expect(await bookingCount()).toBe(before);
  });

  it('refuses a paused twin with TWIN_NOT_ACTIVE', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id, { status: 'PAUSED' });
    const before = await bookingCount();
    expectRefused(await app.request(CreateDigitalBookingDocument, { input: digital(s) }, s.brand.token), 'createDigitalBooking', 'TWIN_NOT_ACTIVE', ['input', 'modelId'], {
      booking: null,
    });
    expect(await bookingCount()).toBe(before);
  });
});

describe('models, twins and calendars with bad input', () => {
  it.each<[string, UserErrorCode]>([
    ['Mars/Olympus', 'INVALID_TIME_ZONE'],
    ['+02:00', 'INVALID_TIME_ZONE'],
  ])('createModel refuses the time zone %j with %s at ["input","timeZone"]', async (timeZone, code) => {
    const s = await seedPricedScenario(app);
    const before = await modelCount();
    const res = await app.request(CreateModelDocument, { input: { name: 'Ines', timeZone, baseCity: 'Paris' } }, s.agency.token);
    expectRefused(res, 'createModel', code, ['input', 'timeZone'], { model: null });
    expect(await modelCount()).toBe(before);
  });

  it.each([UNKNOWN_ID, 'abc'])('createModel by an admin for agency %j is refused with AGENCY_NOT_FOUND', async (agencyId) => {
    const before = await modelCount();
    const res = await app.request(CreateModelDocument, { input: { agencyId, name: 'Ines', timeZone: 'Europe/Paris', baseCity: 'Paris' } });
    expectRefused(res, 'createModel', 'AGENCY_NOT_FOUND', ['input', 'agencyId'], { model: null });
    expect(await modelCount()).toBe(before);
  });

  it.each([
    ['shares summing to 9,999', { modelBps: 6000, agencyBps: 3000, platformBps: 999 }],
    ['a negative share', { modelBps: 10001, agencyBps: -1, platformBps: 0 }],
  ])('createDigitalTwin refuses %s with INVALID_SPLIT and the model stays without a twin', async (_name, ownershipSplit) => {
    const s = await seedPricedScenario(app);
    const res = await app.request(
      CreateDigitalTwinDocument,
      { input: { modelId: s.model.id, ownershipSplit, consentScope: { allowedMedia: ['WEB'], allowedTerritories: ['FR'], allowedCategories: ['APPAREL'] } } },
      s.agency.token,
    );
    expectRefused(res, 'createDigitalTwin', 'INVALID_SPLIT', ['input', 'ownershipSplit'], { twin: null });
    expect((await app.gql(ModelByIdDocument, { id: s.model.id })).model?.twin).toBeNull();
  });

  it.each<[string, string[], Record<string, unknown>]>([
    ['a medium with a NUL character', ['allowedMedia', '1'], { allowedMedia: ['WEB', 'TV\u0000'] }],
    ['a blank category', ['allowedCategories', '0'], { allowedCategories: ['  '] }],
    ['a brand id that is not one', ['excludedBrandIds', '0'], { excludedBrandIds: ['abc'] }],
    ['a consent end in year 0', ['consentEndsAt'], { consentEndsAt: '0000-01-01T00:00:00Z' }],
  ])('createDigitalTwin refuses a consent scope with %s with INVALID_INPUT at that term', async (_name, field, change) => {
    const s = await seedPricedScenario(app);
    const consentScope = { allowedMedia: ['WEB'], allowedTerritories: ['FR'], allowedCategories: ['APPAREL'], ...change };
    const res = await app.request(
      CreateDigitalTwinDocument,
      { input: { modelId: s.model.id, ownershipSplit: { modelBps: 6000, agencyBps: 3000, platformBps: 1000 }, consentScope } },
      s.agency.token,
    );
    expectRefused(res, 'createDigitalTwin', 'INVALID_INPUT', ['input', 'consentScope', ...field], { twin: null });
    expect((await app.gql(ModelByIdDocument, { id: s.model.id })).model?.twin).toBeNull();
  });

  it('refuses a calendar window starting in year 0 with BAD_USER_INPUT naming `from`', async () => {
    const s = await seedPricedScenario(app);
    const res = await app.request(ModelCalendarDocument, { id: s.model.id, from: '0000-01-01T00:00:00Z', to: '0000-01-05T00:00:00Z', timeZone: null }, s.agency.token);
    expectNoInternals(res);
    expect(res.status).toBe(200);
    expect(res.data?.model).toEqual({ id: s.model.id, calendar: null });
    expect(res.errors).toEqual([expect.objectContaining({ path: ['model', 'calendar'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'from' } })]);
  });

  it('refuses a second twin with TWIN_ALREADY_EXISTS and keeps the first', async () => {
    const s = await seedPricedScenario(app);
    const first = await seedTwin(app, s.agency, s.model.id);
    const res = await app.request(
      CreateDigitalTwinDocument,
      { input: { modelId: s.model.id, ownershipSplit: { modelBps: 5000, agencyBps: 5000, platformBps: 0 }, consentScope: { allowedMedia: ['TV'], allowedTerritories: ['US'], allowedCategories: ['BEAUTY'] } } },
      s.agency.token,
    );
    expectRefused(res, 'createDigitalTwin', 'TWIN_ALREADY_EXISTS', ['input', 'modelId'], { twin: null });
    const twin = (await app.gql(ModelByIdDocument, { id: s.model.id })).model?.twin;
    expect(twin).toEqual({ id: first, status: 'ACTIVE', ownershipSplit: { modelBps: 6000 } });
  });

  it.each([UNKNOWN_ID, 'abc'])('updateDigitalTwin of twin %j is refused with TWIN_NOT_FOUND', async (twinId) => {
    expectRefused(await app.request(UpdateDigitalTwinDocument, { input: { twinId, status: 'PAUSED' } }), 'updateDigitalTwin', 'TWIN_NOT_FOUND', ['input', 'twinId'], {
      twin: null,
    });
  });
});

describe('booking changes that are refused', () => {
  it.each([UNKNOWN_ID, 'abc'])('confirmBooking and cancelBooking of %j answer BOOKING_NOT_FOUND at ["id"]', async (id) => {
    const before = await bookingCount();
    expectRefused(await app.request(ConfirmBookingDocument, { id }), 'confirmBooking', 'BOOKING_NOT_FOUND', ['id'], { booking: null });
    expectRefused(await app.request(CancelBookingDocument, { id, reason: 'no longer needed' }), 'cancelBooking', 'BOOKING_NOT_FOUND', ['id'], { booking: null });
    expect(await bookingCount()).toBe(before);
  });

  it('refuses a brand picking up its 2nd option with OPTION_NOT_FIRST, and both options stay as they were', async () => {
    const s = await seedPricedScenario(app);
    const first = (await app.gql(CreatePhysicalBookingDocument, { input: physical(s, { brandId: s.otherBrand.id }) }, s.otherBrand.token)).createPhysicalBooking.booking!;
    const second = (await app.gql(CreatePhysicalBookingDocument, { input: physical(s, { start: at(12) }) }, s.brand.token)).createPhysicalBooking.booking!;
    expect(second).toMatchObject({ status: 'OPTION', optionRank: 2 });
    const refused = await app.request(ConfirmBookingDocument, { id: second.id }, s.brand.token);
    expectNoInternals(refused);
    // It names the range of the other brand's option ahead, and not which booking that is.
    expect(refused.data?.confirmBooking).toEqual({
      booking: null,
      userErrors: [{ ...refusal('OPTION_NOT_FIRST', ['id']), conflict: { start: first.start, end: first.end, bookingId: null } }],
    });
    for (const [id, rank] of [[first.id, 1], [second.id, 2]] as const) {
      const booking = (await app.gql(BookingByIdDocument, { id })).booking;
      expect(booking).toMatchObject({ status: 'OPTION', optionRank: rank });
      expect(booking?.history).toHaveLength(1);
    }
  });

  it('refuses to confirm or cancel a released option with TRANSITION_NOT_ALLOWED, and it stays released', async () => {
    const s = await seedPricedScenario(app);
    const option = (await app.gql(CreatePhysicalBookingDocument, { input: physical(s) }, s.brand.token)).createPhysicalBooking.booking!;
    expect((await app.gql(CancelBookingDocument, { id: option.id, reason: 'plans changed' }, s.brand.token)).cancelBooking.booking?.status).toBe('RELEASED');
    expectRefused(await app.request(ConfirmBookingDocument, { id: option.id }, s.agency.token), 'confirmBooking', 'TRANSITION_NOT_ALLOWED', ['id'], { booking: null });
    expectRefused(await app.request(CancelBookingDocument, { id: option.id, reason: 'again' }, s.brand.token), 'cancelBooking', 'TRANSITION_NOT_ALLOWED', ['id'], {
      booking: null,
    });
    const booking = (await app.gql(BookingByIdDocument, { id: option.id })).booking;
    expect(booking?.status).toBe('RELEASED');
    expect(booking?.history.map((h) => h.toStatus)).toEqual(['OPTION', 'RELEASED']);
  });

  it('refuses an overlapping confirmed booking with PHYSICAL_CLASH and writes only the first', async () => {
    const s = await seedPricedScenario(app);
    const before = await bookingCount();
    const first = await app.gql(CreatePhysicalBookingDocument, { input: physical(s, { status: 'CONFIRMED' }) }, s.agency.token);
    const res = await app.request(CreatePhysicalBookingDocument, { input: physical(s, { status: 'CONFIRMED', start: at(16), end: at(18) }) }, s.agency.token);
    expectNoInternals(res);
    expect(res.data?.createPhysicalBooking).toEqual({
      booking: null,
      userErrors: [
        { code: 'PHYSICAL_CLASH', field: ['input', 'start'], message: expect.any(String), conflict: { start: at(9), end: at(17), bookingId: first.createPhysicalBooking.booking!.id } },
      ],
    });
    expect(await bookingCount()).toBe(before + 1);
  });

  it('refuses a model booking herself with FORBIDDEN', async () => {
    const s = await seedPricedScenario(app);
    const before = await bookingCount();
    expectRefused(await app.request(CreatePhysicalBookingDocument, { input: physical(s) }, s.model.token), 'createPhysicalBooking', 'FORBIDDEN', null, { booking: null });
    expectRefused(await app.request(CreateDigitalBookingDocument, { input: digital(s) }, s.model.token), 'createDigitalBooking', 'FORBIDDEN', null, { booking: null });
    expect(await bookingCount()).toBe(before);
  });

  it.each<[string, (s: Scenario) => Partial<CreatePhysicalBookingInput>, string[]]>([
    ['for another brand', (s) => ({ brandId: s.otherBrand.id }), ['input', 'brandId']],
    ['straight to CONFIRMED', () => ({ status: 'CONFIRMED' }), ['input', 'status']],
  ])('refuses a brand booking %s with FORBIDDEN', async (_name, change, field) => {
    const s = await seedPricedScenario(app);
    const before = await bookingCount();
    expectRefused(await app.request(CreatePhysicalBookingDocument, { input: physical(s, change(s)) }, s.brand.token), 'createPhysicalBooking', 'FORBIDDEN', field, {
      booking: null,
    });
    expect(await bookingCount()).toBe(before);
  });
});

describe('random createPhysicalBooking inputs (fast-check)', () => {
  it('are answered with HTTP 200 (a booking or user errors) or HTTP 400, never 5xx and never with internals', async () => {
    const s = await seedPricedScenario(app);
    const tokens = [s.agency.token, s.brand.token, s.model.token, app.adminToken, await app.token({ role: Role.BRAND, brandId: UNKNOWN_ID })];
    // A valid input with up to three fields replaced, so that a single bad value usually reaches the booking
    // rules (and the database) alone; some replacements are values the schema itself refuses.
    const text = fc.oneof(fc.constantFrom('Lookbook', '', '  ', 'a\u0000b', '\ud800', 'x'.repeat(201)), fc.string({ unit: 'binary', maxLength: 40 }));
    const instant = fc.oneof(
      fc.integer({ min: -48, max: 24 * 30 }).map((h) => at(h)),
      fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2030-06-03T09:00:00+14:00', '1899-12-31T23:59:59Z'),
      fc.oneof(fc.constantFrom('tomorrow', '2030-13-45T00:00:00Z', ''), fc.string({ maxLength: 30 }), fc.integer()),
    );
    const minutes = fc.oneof(fc.constant(null), fc.integer({ min: -100, max: 2000 }), fc.constantFrom(2 ** 31, 1.5, '30'));
    const id = (valid: string) => fc.oneof(fc.constant(valid), fc.uuid(), fc.string({ maxLength: 40 }), fc.constant(null));
    const change = fc.oneof(
      id(s.model.id).map((modelId) => ({ modelId })),
      fc.oneof(id(s.brand.id), fc.constant(s.otherBrand.id)).map((brandId) => ({ brandId })),
      text.map((title) => ({ title })),
      instant.map((start) => ({ start })),
      instant.map((end) => ({ end })),
      fc.record({ start: instant, end: instant }),
      fc.record({ name: text, timeZone: fc.oneof(fc.constantFrom('Asia/Tokyo', 'UTC', 'Mars/Olympus', '+02:00', ''), fc.string({ maxLength: 20 })) }).map((location) => ({ location })),
      minutes.map((travelBeforeMinutes) => ({ travelBeforeMinutes })),
      minutes.map((travelAfterMinutes) => ({ travelAfterMinutes })),
      fc.constantFrom('OPTION', 'CONFIRMED', 'COMPLETED', 'BOGUS', null).map((status) => ({ status })),
      fc.oneof(fc.constant(null), instant).map((optionExpiresAt) => ({ optionExpiresAt })),
    );
    const input = fc
      .tuple(fc.integer({ min: 0, max: 24 * 365 }), fc.array(change, { maxLength: 3 }))
      .map(([hour, changes]) => Object.assign(physical(s, { start: at(hour), end: at(hour + 8) }) as Record<string, unknown>, ...changes));
    const query = print(CreatePhysicalBookingDocument);
    await fc.assert(
      fc.asyncProperty(input, fc.constantFrom(...tokens), async (variables, token) => {
        const res = await app.raw(JSON.stringify({ query, variables: { input: variables } }), token);
        expectNoInternals(res.body);
        expect([200, 400]).toContain(res.status);
        const parsed = JSON.parse(res.body) as {
          data?: { createPhysicalBooking: { booking: { id: string } | null; userErrors: { code: string }[] } } | null;
          errors?: { extensions?: { code?: string } }[];
        };
        if (res.status === 400) {
          expect(parsed.errors?.length).toBeGreaterThan(0);
          expect(parsed.errors?.map((e) => e.extensions?.code)).toEqual(parsed.errors?.map(() => 'BAD_USER_INPUT'));
          return;
        }
        expect(parsed.errors).toBeUndefined();
        const { booking, userErrors } = parsed.data!.createPhysicalBooking;
        expect(booking === null ? userErrors.length > 0 : userErrors.length === 0).toBe(true);
      }),
      { seed: 20300603, numRuns: 40 },
    );
  });
});
