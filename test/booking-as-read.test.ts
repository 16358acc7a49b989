import {
  BookingAsStoredDocument,
  CalendarBookingsDocument,
  CreateDigitalBookingDocument,
  CreatePhysicalBookingDocument,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { at, seedTwin, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

// The create path answers with the booking as written, and the calendar builds its bookings from rows, both
// without the ORM's hydration. Each must show a booking exactly as `booking(id)`, which the ORM loads, shows it.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const physical = (s: Scenario, extra: Partial<CreatePhysicalBookingInput>): CreatePhysicalBookingInput => ({
  modelId: s.model.id,
  brandId: s.brand.id,
  title: 'Runway show',
  start: at(10),
  end: at(12.5),
  location: { name: 'Palais de Tokyo', timeZone: 'Europe/Paris' },
  ...extra,
});

async function stored(id: string, token: string) {
  return (await app.gql(BookingAsStoredDocument, { id }, token)).booking;
}

describe('a booking as answered and as read back', () => {
  it('is the same for a confirmed booking with travel, as its agency sees both', async () => {
    const s = await seedPricedScenario(app);
    const input = physical(s, { status: 'CONFIRMED', travelBeforeMinutes: 45, travelAfterMinutes: 30 });
    const created = (await app.gql(CreatePhysicalBookingDocument, { input }, s.agency.token)).createPhysicalBooking;
    expect(created.userErrors).toEqual([]);
    const read = await stored(created.booking!.id, s.agency.token);
    const { createdAt, updatedAt, completedAt, __typename, ...fields } = read!;
    expect(__typename).toBe('PhysicalBooking');
    expect(created.booking).toEqual(fields);
    expect(fields).toMatchObject({ blockedStart: at(9.25), blockedEnd: at(13), travelBeforeMinutes: 45, optionRank: null });
    expect([completedAt, createdAt === updatedAt]).toEqual([null, true]);
  });

  it('is the same for a brand’s option with an expiry, ranked 1st', async () => {
    const s = await seedPricedScenario(app);
    const expires = new Date(Date.now() + 48 * 3600_000).toISOString();
    const input = physical(s, { brandId: undefined, optionExpiresAt: expires });
    const created = (await app.gql(CreatePhysicalBookingDocument, { input }, s.brand.token)).createPhysicalBooking;
    expect(created.userErrors).toEqual([]);
    const { createdAt: _c, updatedAt: _u, completedAt: _d, __typename: _t, ...fields } = (await stored(created.booking!.id, s.brand.token))!;
    expect(created.booking).toEqual(fields);
    expect(fields).toMatchObject({ status: 'OPTION', optionExpiresAt: expires, optionRank: 1, brand: { id: s.brand.id } });
  });
});

describe('the bookings on a calendar', () => {
  it('are the bookings as read back, physical and digital, every field', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const confirmed = await app.gql(
      CreatePhysicalBookingDocument,
      { input: physical(s, { status: 'CONFIRMED', travelBeforeMinutes: 60 }) },
      s.agency.token,
    );
    const option = await app.gql(
      CreatePhysicalBookingDocument,
      { input: physical(s, { start: at(14), end: at(15), brandId: s.otherBrand.id, optionExpiresAt: at(2) }) },
      s.agency.token,
    );
    const digital = await app.gql(
      CreateDigitalBookingDocument,
      {
        input: {
          modelId: s.model.id,
          brandId: s.brand.id,
          title: 'SS27 e-commerce',
          start: at(8),
          end: at(20),
          category: 'APPAREL',
          deliverables: [
            { kind: 'IMAGE', quantity: 40 },
            { kind: 'VIDEO', quantity: 2 },
          ],
          usage: { media: ['ECOMMERCE', 'SOCIAL'], territories: ['FR', 'DE'], start: at(24), end: at(24 * 90) },
        },
      },
      s.agency.token,
    );
    const ids = [digital.createDigitalBooking.booking!.id, confirmed.createPhysicalBooking.booking!.id, option.createPhysicalBooking.booking!.id];
    const calendar = await app.gql(CalendarBookingsDocument, { id: s.model.id, from: at(0), to: at(24) }, s.agency.token);
    const shown = calendar.model!.calendar!.entries.map((e) => e.booking);
    // Ordered by start: the digital job at 8:00, the confirmed show at 10:00, the option at 14:00.
    expect(shown).toEqual(await Promise.all(ids.map((id) => stored(id, s.agency.token))));
    expect(shown.map((b) => b?.__typename)).toEqual(['DigitalBooking', 'PhysicalBooking', 'PhysicalBooking']);
  });
});
