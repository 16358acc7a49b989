import {
  CancelBookingDocument,
  CreateDigitalBookingDocument,
  CreatePhysicalBookingDocument,
  ModelCalendarDocument,
  type CreateDigitalBookingInput,
  type CreatePhysicalBookingInput,
  type ModelCalendarQuery,
} from './generated/graphql';
import { seedTwin, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

// DST changes of 2030, checked with luxon:
// Europe/Paris      2030-03-31 01:00Z (02:00 +01:00 -> 03:00 +02:00), 2030-10-27 01:00Z (03:00 +02:00 -> 02:00 +01:00)
// America/New_York  2030-03-10 07:00Z (02:00 -05:00 -> 03:00 -04:00), 2030-11-03 06:00Z (02:00 -04:00 -> 01:00 -05:00)

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type Calendar = NonNullable<NonNullable<ModelCalendarQuery['model']>['calendar']>;

function physical(s: Scenario, start: string, end: string, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'Lookbook',
    start,
    end,
    location: { name: 'Studio 5', timeZone: 'Europe/Paris' },
    status: 'CONFIRMED',
    ...extra,
  };
}

function digital(s: Scenario, start: string, end: string, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'Twin e-commerce',
    start,
    end,
    deliverables: [{ kind: 'IMAGE', quantity: 10 }],
    category: 'APPAREL',
    usage: { media: ['ECOMMERCE'], territories: ['WORLDWIDE'], start, end: '2031-12-31T00:00:00.000Z' },
    status: 'CONFIRMED',
    ...extra,
  };
}

async function book(s: Scenario, input: CreatePhysicalBookingInput, token = s.agency.token): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function bookTwin(s: Scenario, input: CreateDigitalBookingInput): Promise<string> {
  const res = (await app.gql(CreateDigitalBookingDocument, { input }, s.agency.token)).createDigitalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function calendar(s: Scenario, from: string, to: string, timeZone?: string | null): Promise<Calendar> {
  const res = await app.gql(ModelCalendarDocument, { id: s.model.id, from, to, timeZone }, s.agency.token);
  expect(res.model?.calendar).toBeTruthy();
  return res.model!.calendar!;
}

const local = (dateTime: string, offset: string, timeZone: string) => ({ dateTime, date: dateTime.slice(0, 10), offset, timeZone });
const ids = (entries: { bookingId: string | null }[]) => entries.map((e) => e.bookingId);

describe('Model.calendar across DST in Europe/Paris', () => {
  it('gives wall times on both sides of the spring-forward gap with the offset in force', async () => {
    const s = await seedPricedScenario(app);
    // 01:30 +01:00 is the last half hour before the gap; 03:30 +02:00 the first after it: one real hour apart.
    const acrossGap = await book(s, physical(s, '2030-03-31T00:30:00.000Z', '2030-03-31T01:30:00.000Z'));
    const afterGap = await book(s, physical(s, '2030-03-31T01:30:00.000Z', '2030-03-31T02:30:00.000Z', { title: 'Fitting' }));
    const cal = await calendar(s, '2030-03-30T23:00:00.000Z', '2030-04-01T22:00:00.000Z', 'Europe/Paris');

    expect(cal.timeZone).toBe('Europe/Paris');
    expect(cal.entries.map((e) => ({ id: e.bookingId, start: e.start, end: e.end, localStart: e.localStart, localEnd: e.localEnd }))).toEqual([
      {
        id: acrossGap,
        start: '2030-03-31T00:30:00.000Z',
        end: '2030-03-31T01:30:00.000Z',
        localStart: local('2030-03-31T01:30:00', '+01:00', 'Europe/Paris'),
        localEnd: local('2030-03-31T03:30:00', '+02:00', 'Europe/Paris'),
      },
      {
        id: afterGap,
        start: '2030-03-31T01:30:00.000Z',
        end: '2030-03-31T02:30:00.000Z',
        localStart: local('2030-03-31T03:30:00', '+02:00', 'Europe/Paris'),
        localEnd: local('2030-03-31T04:30:00', '+02:00', 'Europe/Paris'),
      },
    ]);
  });

  it('makes 2030-03-31 a 23-hour day and 2030-10-27 a 25-hour day, each from local midnight to local midnight', async () => {
    const s = await seedPricedScenario(app);
    const spring = await calendar(s, '2030-03-30T23:00:00.000Z', '2030-04-01T22:00:00.000Z', 'Europe/Paris');
    expect(spring.days.map(({ date, start, end, hours }) => ({ date, start, end, hours }))).toEqual([
      { date: '2030-03-31', start: '2030-03-30T23:00:00.000Z', end: '2030-03-31T22:00:00.000Z', hours: 23 },
      { date: '2030-04-01', start: '2030-03-31T22:00:00.000Z', end: '2030-04-01T22:00:00.000Z', hours: 24 },
    ]);
    const autumn = await calendar(s, '2030-10-25T22:00:00.000Z', '2030-10-27T23:00:00.000Z', 'Europe/Paris');
    expect(autumn.days.map(({ date, start, end, hours }) => ({ date, start, end, hours }))).toEqual([
      { date: '2030-10-26', start: '2030-10-25T22:00:00.000Z', end: '2030-10-26T22:00:00.000Z', hours: 24 },
      { date: '2030-10-27', start: '2030-10-26T22:00:00.000Z', end: '2030-10-27T23:00:00.000Z', hours: 25 },
    ]);
  });

  it('tells apart two bookings at 02:30 in the repeated autumn hour by their offsets', async () => {
    const s = await seedPricedScenario(app);
    const first = await book(s, physical(s, '2030-10-27T00:30:00.000Z', '2030-10-27T01:00:00.000Z'));
    const second = await book(s, physical(s, '2030-10-27T01:30:00.000Z', '2030-10-27T02:00:00.000Z', { brandId: s.otherBrand.id }));
    const cal = await calendar(s, '2030-10-26T22:00:00.000Z', '2030-10-27T23:00:00.000Z', 'Europe/Paris');

    expect(cal.entries.map((e) => ({ id: e.bookingId, localStart: e.localStart, localEnd: e.localEnd }))).toEqual([
      {
        id: first,
        localStart: local('2030-10-27T02:30:00', '+02:00', 'Europe/Paris'),
        // 03:00 +02:00 is the instant the clocks go back: the wall then reads 02:00 +01:00.
        localEnd: local('2030-10-27T02:00:00', '+01:00', 'Europe/Paris'),
      },
      {
        id: second,
        localStart: local('2030-10-27T02:30:00', '+01:00', 'Europe/Paris'),
        localEnd: local('2030-10-27T03:00:00', '+01:00', 'Europe/Paris'),
      },
    ]);
    expect(cal.days).toHaveLength(1);
    expect(cal.days[0]).toMatchObject({ date: '2030-10-27', hours: 25 });
    expect(ids(cal.days[0].entries)).toEqual([first, second]);
  });
});

describe('Model.calendar across DST in America/New_York', () => {
  it('uses the model home zone by default and gives the spring-forward gap and a 23-hour day', async () => {
    const s = await seedPricedScenario(app, { timeZone: 'America/New_York', baseCity: 'New York' });
    // 01:30 -05:00 and 03:30 -04:00: either side of the 02:00 -> 03:00 jump.
    const location = { name: 'Loft', timeZone: 'America/New_York' };
    const beforeGap = await book(s, physical(s, '2030-03-10T06:30:00.000Z', '2030-03-10T07:00:00.000Z', { location }));
    const afterGap = await book(s, physical(s, '2030-03-10T07:30:00.000Z', '2030-03-10T08:30:00.000Z', { location }));
    const cal = await calendar(s, '2030-03-10T05:00:00.000Z', '2030-03-11T04:00:00.000Z');

    expect(cal.timeZone).toBe('America/New_York');
    expect(cal.entries.map((e) => ({ id: e.bookingId, localStart: e.localStart, localEnd: e.localEnd }))).toEqual([
      {
        id: beforeGap,
        localStart: local('2030-03-10T01:30:00', '-05:00', 'America/New_York'),
        localEnd: local('2030-03-10T03:00:00', '-04:00', 'America/New_York'),
      },
      {
        id: afterGap,
        localStart: local('2030-03-10T03:30:00', '-04:00', 'America/New_York'),
        localEnd: local('2030-03-10T04:30:00', '-04:00', 'America/New_York'),
      },
    ]);
    expect(cal.days.map(({ date, start, end, hours }) => ({ date, start, end, hours }))).toEqual([
      { date: '2030-03-10', start: '2030-03-10T05:00:00.000Z', end: '2030-03-11T04:00:00.000Z', hours: 23 },
    ]);
  });

  it('tells apart two bookings at 01:30 in the repeated hour of 2030-11-03, a 25-hour day', async () => {
    // In New York the clocks go back at 02:00 -04:00, so the hour that happens twice is 01:00-02:00.
    const s = await seedPricedScenario(app, { timeZone: 'America/New_York', baseCity: 'New York' });
    const first = await book(s, physical(s, '2030-11-03T05:30:00.000Z', '2030-11-03T06:00:00.000Z'));
    const second = await book(s, physical(s, '2030-11-03T06:30:00.000Z', '2030-11-03T07:00:00.000Z'));
    const cal = await calendar(s, '2030-11-03T04:00:00.000Z', '2030-11-04T05:00:00.000Z', 'America/New_York');

    expect(cal.entries.map((e) => ({ id: e.bookingId, localStart: e.localStart, localEnd: e.localEnd }))).toEqual([
      {
        id: first,
        localStart: local('2030-11-03T01:30:00', '-04:00', 'America/New_York'),
        localEnd: local('2030-11-03T01:00:00', '-05:00', 'America/New_York'),
      },
      {
        id: second,
        localStart: local('2030-11-03T01:30:00', '-05:00', 'America/New_York'),
        localEnd: local('2030-11-03T02:00:00', '-05:00', 'America/New_York'),
      },
    ]);
    expect(cal.days.map(({ date, start, end, hours }) => ({ date, start, end, hours }))).toEqual([
      { date: '2030-11-03', start: '2030-11-03T04:00:00.000Z', end: '2030-11-04T05:00:00.000Z', hours: 25 },
    ]);
    expect(ids(cal.days[0].entries)).toEqual([first, second]);
  });
});

describe('Model.calendar entries and days', () => {
  it('lists every booking in the window exactly once, in start order, and on each local day it touches', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    // Around the Paris fall-back night: confirmed, options of two brands over one slot, twin work running alongside.
    const shoot = await book(s, physical(s, '2030-10-26T08:00:00.000Z', '2030-10-26T16:00:00.000Z'));
    const night = await book(s, physical(s, '2030-10-26T21:00:00.000Z', '2030-10-27T01:30:00.000Z'));
    const optionA = await book(s, physical(s, '2030-10-27T09:00:00.000Z', '2030-10-27T12:00:00.000Z', { status: 'OPTION' }), s.brand.token);
    const optionB = await book(
      s,
      physical(s, '2030-10-27T10:00:00.000Z', '2030-10-27T13:00:00.000Z', { status: 'OPTION', brandId: s.otherBrand.id }),
      s.otherBrand.token,
    );
    const twin = await bookTwin(s, digital(s, '2030-10-26T10:00:00.000Z', '2030-10-28T10:00:00.000Z'));
    const late = await book(s, physical(s, '2030-10-27T22:00:00.000Z', '2030-10-27T23:00:00.000Z'));
    // Outside the window: must not show.
    await book(s, physical(s, '2030-10-28T23:00:00.000Z', '2030-10-29T01:00:00.000Z'));
    await book(s, physical(s, '2030-10-25T10:00:00.000Z', '2030-10-25T12:00:00.000Z'));

    // Local 2030-10-26 00:00 +02:00 to 2030-10-28 24:00 +01:00.
    const cal = await calendar(s, '2030-10-25T22:00:00.000Z', '2030-10-28T23:00:00.000Z', 'Europe/Paris');
    expect(ids(cal.entries)).toEqual([shoot, twin, night, optionA, optionB, late]);
    expect(new Set(ids(cal.entries)).size).toBe(6);
    expect(cal.entries.map((e) => [e.type, e.status, e.busy])).toEqual([
      ['PHYSICAL', 'CONFIRMED', false],
      ['DIGITAL', 'CONFIRMED', false],
      ['PHYSICAL', 'CONFIRMED', false],
      ['PHYSICAL', 'OPTION', false],
      ['PHYSICAL', 'OPTION', false],
      ['PHYSICAL', 'CONFIRMED', false],
    ]);
    expect(cal.days.map((d) => [d.date, d.hours, ids(d.entries)])).toEqual([
      ['2030-10-26', 24, [shoot, twin, night]],
      // `night` runs from 23:00 +02:00 to 02:30 +01:00 (the second 02:30): it crosses local midnight.
      ['2030-10-27', 25, [twin, night, optionA, optionB, late]],
      ['2030-10-28', 24, [twin]],
    ]);
    const nightEntry = cal.entries.find((e) => e.bookingId === night)!;
    expect(nightEntry.localStart).toEqual(local('2030-10-26T23:00:00', '+02:00', 'Europe/Paris'));
    expect(nightEntry.localEnd).toEqual(local('2030-10-27T02:30:00', '+01:00', 'Europe/Paris'));
  });

  it('puts a booking across local midnight on both days, and one ending at midnight on the first day only', async () => {
    const s = await seedPricedScenario(app);
    // 22:00 -> 02:00 and 20:00 -> 24:00 local (Paris, +02:00 in June).
    const across = await book(s, physical(s, '2030-06-03T20:00:00.000Z', '2030-06-04T00:00:00.000Z'));
    const untilMidnight = await book(s, physical(s, '2030-06-05T18:00:00.000Z', '2030-06-05T22:00:00.000Z'));
    const cal = await calendar(s, '2030-06-02T22:00:00.000Z', '2030-06-06T22:00:00.000Z', 'Europe/Paris');

    expect(ids(cal.entries)).toEqual([across, untilMidnight]);
    expect(cal.days.map((d) => [d.date, ids(d.entries)])).toEqual([
      ['2030-06-03', [across]],
      ['2030-06-04', [across]],
      ['2030-06-05', [untilMidnight]],
      ['2030-06-06', []],
    ]);
    expect(cal.entries[1].localEnd).toEqual(local('2030-06-06T00:00:00', '+02:00', 'Europe/Paris'));
  });

  it('shows the same instants with other wall times and other days when read in Asia/Tokyo', async () => {
    const s = await seedPricedScenario(app);
    const first = await book(s, physical(s, '2030-10-27T00:30:00.000Z', '2030-10-27T01:00:00.000Z'));
    const second = await book(s, physical(s, '2030-10-27T01:30:00.000Z', '2030-10-27T02:00:00.000Z'));
    const from = '2030-10-26T22:00:00.000Z';
    const to = '2030-10-27T23:00:00.000Z';
    const paris = await calendar(s, from, to, 'Europe/Paris');
    const tokyo = await calendar(s, from, to, 'Asia/Tokyo');

    expect(tokyo.timeZone).toBe('Asia/Tokyo');
    expect(tokyo.from).toBe(from);
    expect(tokyo.to).toBe(to);
    const instants = (c: Calendar) => c.entries.map((e) => [e.bookingId, e.start, e.end, e.blockedStart, e.blockedEnd]);
    expect(instants(tokyo)).toEqual(instants(paris));
    expect(tokyo.entries.map((e) => [e.bookingId, e.localStart, e.localEnd])).toEqual([
      [first, local('2030-10-27T09:30:00', '+09:00', 'Asia/Tokyo'), local('2030-10-27T10:00:00', '+09:00', 'Asia/Tokyo')],
      [second, local('2030-10-27T10:30:00', '+09:00', 'Asia/Tokyo'), local('2030-10-27T11:00:00', '+09:00', 'Asia/Tokyo')],
    ]);
    // Tokyo has no DST: the window touches two ordinary Tokyo days.
    expect(tokyo.days.map(({ date, start, end, hours }) => ({ date, start, end, hours }))).toEqual([
      { date: '2030-10-27', start: '2030-10-26T15:00:00.000Z', end: '2030-10-27T15:00:00.000Z', hours: 24 },
      { date: '2030-10-28', start: '2030-10-27T15:00:00.000Z', end: '2030-10-28T15:00:00.000Z', hours: 24 },
    ]);
    expect(tokyo.days.map((d) => ids(d.entries))).toEqual([[first, second], []]);
  });

  it('defaults to the model home zone when no zone is given', async () => {
    const s = await seedPricedScenario(app, { timeZone: 'America/New_York', baseCity: 'New York' });
    const id = await book(s, physical(s, '2030-06-03T14:00:00.000Z', '2030-06-03T16:00:00.000Z'));
    const from = '2030-06-03T04:00:00.000Z';
    const to = '2030-06-04T04:00:00.000Z';
    const byDefault = await calendar(s, from, to);
    const explicitNull = await calendar(s, from, to, null);
    const inParis = await calendar(s, from, to, 'Europe/Paris');

    expect(byDefault.timeZone).toBe('America/New_York');
    expect(byDefault.entries.map((e) => [e.bookingId, e.localStart])).toEqual([[id, local('2030-06-03T10:00:00', '-04:00', 'America/New_York')]]);
    expect(byDefault.days.map((d) => d.date)).toEqual(['2030-06-03']);
    expect(explicitNull).toEqual(byDefault);
    expect(inParis.timeZone).toBe('Europe/Paris');
    expect(inParis.entries[0].localStart).toEqual(local('2030-06-03T16:00:00', '+02:00', 'Europe/Paris'));
    expect(inParis.days.map((d) => d.date)).toEqual(['2030-06-03', '2030-06-04']);
  });

  it('includes bookings cut by either window boundary, with their full start and end', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const cutAtStart = await book(s, physical(s, '2030-06-02T20:00:00.000Z', '2030-06-03T02:00:00.000Z'));
    const inside = await book(s, physical(s, '2030-06-03T09:00:00.000Z', '2030-06-03T10:00:00.000Z'));
    const cutAtEnd = await book(s, physical(s, '2030-06-03T23:00:00.000Z', '2030-06-04T03:00:00.000Z'));
    // Twin work that only touches the window from outside (half-open ranges) is not in it.
    await bookTwin(s, digital(s, '2030-06-02T20:00:00.000Z', '2030-06-03T00:00:00.000Z'));
    await bookTwin(s, digital(s, '2030-06-04T00:00:00.000Z', '2030-06-04T05:00:00.000Z'));
    const cal = await calendar(s, '2030-06-03T00:00:00.000Z', '2030-06-04T00:00:00.000Z', 'UTC');

    expect(cal.entries.map((e) => [e.bookingId, e.start, e.end])).toEqual([
      [cutAtStart, '2030-06-02T20:00:00.000Z', '2030-06-03T02:00:00.000Z'],
      [inside, '2030-06-03T09:00:00.000Z', '2030-06-03T10:00:00.000Z'],
      [cutAtEnd, '2030-06-03T23:00:00.000Z', '2030-06-04T03:00:00.000Z'],
    ]);
    expect(cal.days.map((d) => [d.date, ids(d.entries)])).toEqual([['2030-06-03', [cutAtStart, inside, cutAtEnd]]]);
    expect(cal.freeForPhysical).toEqual([
      { start: '2030-06-03T02:00:00.000Z', end: '2030-06-03T09:00:00.000Z' },
      { start: '2030-06-03T10:00:00.000Z', end: '2030-06-03T23:00:00.000Z' },
    ]);
  });

  it('leaves out cancelled, released and declined bookings', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const kept = await book(s, physical(s, '2030-06-03T06:00:00.000Z', '2030-06-03T07:00:00.000Z'));
    const cancelled = await book(s, physical(s, '2030-06-03T09:00:00.000Z', '2030-06-03T12:00:00.000Z'));
    const released = await book(s, physical(s, '2030-06-03T13:00:00.000Z', '2030-06-03T14:00:00.000Z', { status: 'OPTION' }), s.brand.token);
    const declined = await book(s, physical(s, '2030-06-03T15:00:00.000Z', '2030-06-03T16:00:00.000Z', { status: 'OPTION' }), s.brand.token);
    const cancelledTwin = await bookTwin(s, digital(s, '2030-06-03T08:00:00.000Z', '2030-06-03T18:00:00.000Z'));
    const calledOff: [string, string, string][] = [
      [cancelled, s.agency.token, 'CANCELLED'],
      [released, s.brand.token, 'RELEASED'],
      [declined, s.agency.token, 'DECLINED'],
      [cancelledTwin, s.agency.token, 'CANCELLED'],
    ];
    for (const [id, token, status] of calledOff) {
      const res = (await app.gql(CancelBookingDocument, { id, reason: 'plans changed' }, token)).cancelBooking;
      expect(res.userErrors).toEqual([]);
      expect(res.booking?.status).toBe(status);
    }

    const cal = await calendar(s, '2030-06-03T00:00:00.000Z', '2030-06-04T00:00:00.000Z', 'UTC');
    expect(ids(cal.entries)).toEqual([kept]);
    expect(cal.days.map((d) => ids(d.entries))).toEqual([[kept]]);
    expect(cal.freeForPhysical).toEqual([
      { start: '2030-06-03T00:00:00.000Z', end: '2030-06-03T06:00:00.000Z' },
      { start: '2030-06-03T07:00:00.000Z', end: '2030-06-04T00:00:00.000Z' },
    ]);
  });

  it('leaves out an option once its expiry has passed', async () => {
    const s = await seedPricedScenario(app);
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const lapsing = await book(
      s,
      physical(s, '2030-06-03T09:00:00.000Z', '2030-06-03T12:00:00.000Z', { status: 'OPTION', optionExpiresAt: expiresAt }),
      s.brand.token,
    );
    const open = await book(
      s,
      physical(s, '2030-06-03T10:00:00.000Z', '2030-06-03T11:00:00.000Z', { status: 'OPTION', brandId: s.otherBrand.id }),
      s.otherBrand.token,
    );
    const read = () => calendar(s, '2030-06-03T00:00:00.000Z', '2030-06-04T00:00:00.000Z', 'UTC');
    expect(ids((await read()).entries)).toEqual([lapsing, open]);

    // Time passing, without waiting for it: the option's expiry is now behind us.
    await app.orm.em.getConnection().execute(`update booking set option_expires_at = now() - interval '1 minute' where id = ?`, [lapsing]);
    const cal = await read();
    expect(ids(cal.entries)).toEqual([open]);
    expect(cal.days.map((d) => ids(d.entries))).toEqual([[open]]);
  });
});

describe('Model.calendar freeForPhysical', () => {
  it('is the window less the blocked ranges (travel included) of confirmed physical bookings only', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    // Blocked 07:00-12:30 with travel.
    const travel = { travelBeforeMinutes: 60, travelAfterMinutes: 30 };
    const shoot = await book(s, physical(s, '2030-06-03T08:00:00.000Z', '2030-06-03T12:00:00.000Z', travel));
    // Options and twin work do not keep her from physical work.
    const option = await book(s, physical(s, '2030-06-03T14:00:00.000Z', '2030-06-03T16:00:00.000Z', { status: 'OPTION' }), s.brand.token);
    const twin = await bookTwin(s, digital(s, '2030-06-03T13:00:00.000Z', '2030-06-03T18:00:00.000Z'));
    // Adjacent to the shoot's travel: the two blocks read as one.
    const fitting = await book(s, physical(s, '2030-06-03T12:30:00.000Z', '2030-06-03T13:00:00.000Z'));
    // Runs past the end of the window: blocked up to the window end.
    const evening = await book(s, physical(s, '2030-06-03T21:00:00.000Z', '2030-06-04T01:00:00.000Z', { travelBeforeMinutes: 45 }));

    const cal = await calendar(s, '2030-06-03T00:00:00.000Z', '2030-06-04T00:00:00.000Z', 'UTC');
    expect(ids(cal.entries)).toEqual([shoot, fitting, twin, option, evening]);
    expect(cal.entries.find((e) => e.bookingId === shoot)).toMatchObject({
      blockedStart: '2030-06-03T07:00:00.000Z',
      blockedEnd: '2030-06-03T12:30:00.000Z',
    });
    expect(cal.freeForPhysical).toEqual([
      { start: '2030-06-03T00:00:00.000Z', end: '2030-06-03T07:00:00.000Z' },
      { start: '2030-06-03T13:00:00.000Z', end: '2030-06-03T20:15:00.000Z' },
    ]);
  });

  it('is the whole window when only options and twin work are booked', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    await book(s, physical(s, '2030-06-03T09:00:00.000Z', '2030-06-03T17:00:00.000Z', { status: 'OPTION' }), s.brand.token);
    await bookTwin(s, digital(s, '2030-06-03T00:00:00.000Z', '2030-06-05T00:00:00.000Z'));
    const cal = await calendar(s, '2030-06-03T00:00:00.000Z', '2030-06-04T00:00:00.000Z', 'UTC');
    expect(cal.entries).toHaveLength(2);
    expect(cal.freeForPhysical).toEqual([{ start: '2030-06-03T00:00:00.000Z', end: '2030-06-04T00:00:00.000Z' }]);
  });
});

describe('Model.calendar arguments', () => {
  const badZones = ['Mars/Olympus', '+02:00', 'UTC+2', 'Etc/GMT+2', 'europe/nowhere'];
  it.each(badZones)('refuses the zone %p with BAD_USER_INPUT, not a 500', async (timeZone) => {
    const s = await seedPricedScenario(app);
    const res = await app.request(
      ModelCalendarDocument,
      { id: s.model.id, from: '2030-06-03T00:00:00.000Z', to: '2030-06-04T00:00:00.000Z', timeZone },
      s.agency.token,
    );
    expect(res.status).toBe(200);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['model', 'calendar'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'timeZone' } });
    expect(res.data?.model).toEqual({ id: s.model.id, calendar: null });
  });

  it.each([
    ['equal to', '2030-06-03T00:00:00.000Z'],
    ['before', '2030-06-02T23:59:59.000Z'],
  ])('refuses `to` %s `from` with BAD_USER_INPUT', async (_what, to) => {
    const s = await seedPricedScenario(app);
    const variables = { id: s.model.id, from: '2030-06-03T00:00:00.000Z', to, timeZone: 'Europe/Paris' };
    const res = await app.request(ModelCalendarDocument, variables, s.agency.token);
    expect(res.status).toBe(200);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['model', 'calendar'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'to' } });
    expect(res.data?.model).toEqual({ id: s.model.id, calendar: null });
  });
});
