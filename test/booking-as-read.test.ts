import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from 'graphql';
import { BOOKING_COLUMNS, BOOKING_COLUMNS_UNREAD, BOOKING_SUMMARY_FIELDS, bookingOfRow, type BookingRow } from '../src/modules/booking/booking-rows';
import { Booking } from '../src/modules/booking/booking.entity';
import {
  BookingAsStoredDocument,
  CalendarBookingsDocument,
  CreateCampaignDocument,
  CreateDigitalBookingDocument,
  CreatePhysicalBookingDocument,
  ScheduleCampaignDocument,
  type CreateDigitalBookingInput,
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

/** A twin job of the scenario's model for its brand, 8:00 to 20:00, images for e-commerce in France, with `extra` over it. */
const twinJob = (s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput => ({
  modelId: s.model.id,
  brandId: s.brand.id,
  title: 'SS27 e-commerce',
  start: at(8),
  end: at(20),
  category: 'APPAREL',
  deliverables: [{ kind: 'IMAGE', quantity: 40 }],
  usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(24), end: at(24 * 90) },
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
        input: twinJob(s, {
          deliverables: [
            { kind: 'IMAGE', quantity: 40 },
            { kind: 'VIDEO', quantity: 2 },
          ],
          usage: { media: ['ECOMMERCE', 'SOCIAL'], territories: ['FR', 'DE'], start: at(24), end: at(24 * 90) },
        }),
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

// A calendar whose query asks no more of its bookings than their summary answers reads the summary's columns only
// (calendar.service.ts). Asked here through every field the summary claims to answer, read off the schema, so that a
// field added to BOOKING_SUMMARY_FIELDS is checked against booking(id) the day it is added.
const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));

/** The summary's fields that `typeName` has, objects with their leaf fields that take no arguments. */
function summarySelection(typeName: string): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields())
    .filter((field) => BOOKING_SUMMARY_FIELDS.has(field.name))
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      if (!isObjectType(named)) throw new Error(`${typeName}.${field.name}: a summary field of a kind this test cannot ask`);
      const leaves = Object.values(named.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0);
      return `${field.name} { ${leaves.map((f) => f.name).join(' ')} }`;
    })
    .join(' ');
}

const SUMMARY = `__typename ... on PhysicalBooking { ${summarySelection('PhysicalBooking')} } ... on DigitalBooking { ${summarySelection('DigitalBooking')} }`;

type Shown = Record<string, unknown> | null;

async function post(query: string, variables: object, token: string): Promise<Record<string, unknown>> {
  const res = await app.raw(JSON.stringify({ query, variables }), token);
  const body = JSON.parse(res.body) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (res.status !== 200 || body.errors) throw new Error(`request failed (HTTP ${res.status}): ${res.body}`);
  return body.data!;
}

const calendarOf = (data: Record<string, unknown>) => (data.model as { calendar: { entries: { booking: Shown }[]; days?: { entries: { booking: Shown }[] }[] } }).calendar;

describe('the bookings on a calendar asked only for their summary', () => {
  it('are the bookings as read back, physical and digital, for every field the summary answers', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await app.gql(CreatePhysicalBookingDocument, { input: physical(s, { status: 'CONFIRMED', travelBeforeMinutes: 60 }) }, s.agency.token);
    await app.gql(
      CreatePhysicalBookingDocument,
      { input: physical(s, { start: at(14), end: at(15), brandId: s.otherBrand.id, optionExpiresAt: at(2) }) },
      s.agency.token,
    );
    await app.gql(CreatePhysicalBookingDocument, { input: physical(s, { title: 'Fitting', start: at(16), end: at(17) }) }, s.agency.token);
    await app.gql(CreateDigitalBookingDocument, { input: twinJob(s) }, s.agency.token);
    const query = `query($id: ID!, $from: DateTime!, $to: DateTime!) {
      model(id: $id) { calendar(from: $from, to: $to) { entries { booking { ${SUMMARY} } } } } }`;
    const shown = calendarOf(await post(query, { id: s.model.id, from: at(0), to: at(24) }, s.agency.token)).entries.map((e) => e.booking!);
    expect(shown.map((b) => [b.__typename, b.title])).toEqual([
      ['DigitalBooking', 'SS27 e-commerce'],
      ['PhysicalBooking', 'Runway show'],
      ['PhysicalBooking', 'Runway show'],
      ['PhysicalBooking', 'Fitting'],
    ]);
    const stored = await Promise.all(
      shown.map(async (b) => (await post(`query($id: ID!) { booking(id: $id) { ${SUMMARY} } }`, { id: b.id }, s.agency.token)).booking),
    );
    expect(shown).toEqual(stored);
    expect(shown[2]).toMatchObject({ status: 'OPTION', optionExpiresAt: at(2), brand: { id: s.otherBrand.id } });
  });

  it('are whole wherever the query asks more of them, in the entries of its days too', async () => {
    const s = await seedPricedScenario(app);
    const created = await app.gql(CreatePhysicalBookingDocument, { input: physical(s, { status: 'CONFIRMED', travelAfterMinutes: 30 }) }, s.agency.token);
    const query = `query($id: ID!, $from: DateTime!, $to: DateTime!) {
      model(id: $id) { calendar(from: $from, to: $to) {
        entries { booking { title } }
        days { entries { booking { ... on PhysicalBooking { locationName travelAfterMinutes createdAt } } } } } } }`;
    const calendar = calendarOf(await post(query, { id: s.model.id, from: at(0), to: at(24) }, s.agency.token));
    const asStored = (await stored(created.createPhysicalBooking.booking!.id, s.agency.token))!;
    expect(calendar.entries.map((e) => e.booking)).toEqual([{ title: 'Runway show' }]);
    expect(calendar.days!.flatMap((d) => d.entries.map((e) => e.booking))).toEqual([
      { locationName: 'Palais de Tokyo', travelAfterMinutes: 30, createdAt: asStored.createdAt },
    ]);
  });
});

describe('a booking built from its row', () => {
  /** A property's value as compared: a relation by its id, a date by its instant, anything else as it is. */
  const comparable = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (value && typeof value === 'object' && 'id' in value && !Array.isArray(value)) return { id: (value as { id: unknown }).id };
    if (Array.isArray(value)) return value.map((v: unknown) => (v && typeof v === 'object' ? { ...v } : v));
    return value;
  };

  it('reads every column of the booking table but those it names as unread', async () => {
    const columns = await app.orm.em
      .getConnection()
      .execute<{ column_name: string }[]>(`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'booking'`);
    const listed = BOOKING_COLUMNS.split(',').map((c) => c.trim().replace(/^b\./, ''));
    expect([...listed, ...BOOKING_COLUMNS_UNREAD].sort()).toEqual(columns.map((c) => c.column_name).sort());
  });

  it('holds every property the ORM loads for it, campaign quotes, exclusivity and twin terms too', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const created = await app.gql(
      CreateCampaignDocument,
      { input: { name: 'SS31 launch', budget: { amount: 10_000_000, currency: 'EUR' }, start: at(0), end: at(24 * 60) } },
      s.brand.token,
    );
    const campaignId = created.createCampaign.campaign!.id;
    const scheduled = await app.gql(
      ScheduleCampaignDocument,
      {
        input: {
          campaignId,
          lines: [
            { physical: { ...physical(s, {}), brandId: undefined, start: at(33), end: at(37) } },
            { digital: { ...twinJob(s), brandId: undefined } },
          ],
        },
      },
      s.brand.token,
    );
    expect(scheduled.scheduleCampaign.userErrors).toEqual([]);
    const withExclusivity = physical(s, {
      status: 'CONFIRMED',
      travelBeforeMinutes: 30,
      category: 'APPAREL',
      territories: ['FR'],
      exclusivity: { category: 'APPAREL', territories: ['FR'], start: at(24), end: at(24 * 30) },
    });
    const alone = await app.gql(CreatePhysicalBookingDocument, { input: withExclusivity }, s.agency.token);
    expect(alone.createPhysicalBooking.userErrors).toEqual([]);
    const ids = [...scheduled.scheduleCampaign.lines.map((l) => l.booking!.id), alone.createPhysicalBooking.booking!.id];

    const em = app.orm.em.fork();
    const rows = await em.getConnection().execute<BookingRow[]>(`select ${BOOKING_COLUMNS} from booking b where b.id in (?, ?, ?)`, ids);
    const parseDate = (text: string) => em.getPlatform().parseDate(text);
    const loaded = await em.find(Booking, { id: { $in: ids } });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const fromRow = bookingOfRow(row, parseDate);
      const orm = loaded.find((b) => b.id === row.id)!;
      expect(fromRow.constructor).toBe(orm.constructor);
      const props = Object.values(em.getMetadata().get(orm.constructor.name).properties).filter(
        (p) => p.persist !== false && p.kind !== '1:m' && p.kind !== 'm:n' && !BOOKING_COLUMNS_UNREAD.includes(p.fieldNames[0]),
      );
      // Enough of them to mean something: the booking's own columns and its relations.
      expect(props.length).toBeGreaterThanOrEqual(25);
      const asRead = Object.fromEntries(props.map((p) => [p.name, comparable((fromRow as unknown as Record<string, unknown>)[p.name])]));
      const asLoaded = Object.fromEntries(props.map((p) => [p.name, comparable((orm as unknown as Record<string, unknown>)[p.name])]));
      expect(asRead).toEqual(asLoaded);
    }
    // What there is to compare is there: the option scheduled in a priced campaign has its quote, the booking on its own an exclusivity.
    expect(loaded.find((b) => b.id === ids[2])!.exclusivity).not.toBeNull();
    const inCampaign = loaded.find((b) => b.id === ids[0])!;
    expect(inCampaign.campaignQuoteAmount).toBe(42_000);
    expect(inCampaign.campaignQuoteCurrency).toBe('EUR');
  });
});
