import ICAL from 'ical.js';
import { createHash } from 'node:crypto';
import {
  CalendarFeedsDocument,
  CalendarLockoutsDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  CreateCalendarFeedDocument,
  CreateLockoutDocument,
  CreatePhysicalBookingDocument,
  ModelCalendarDocument,
  RemoveLockoutDocument,
  RevokeCalendarFeedDocument,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { startApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { seedAgency, seedModel, type Party, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * iCalendar feeds: every feed is parsed by an independent parser (ical.js) and compared with what GraphQL says.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

// The next change to summer time in Paris lies inside every feed's window (60 days back, a year ahead) this test runs in.
const DST_DAY = (() => {
  const now = new Date();
  for (const year of [now.getUTCFullYear(), now.getUTCFullYear() + 1]) {
    // Last Sunday of March.
    const d = new Date(Date.UTC(year, 2, 31));
    d.setUTCDate(31 - d.getUTCDay());
    if (d.getTime() > now.getTime() + 86_400_000) return d;
  }
  throw new Error('no change to summer time ahead');
})();
const onDstDay = (hour: number) => new Date(DST_DAY.getTime() + hour * 3600_000).toISOString();
const dayBefore = (hour: number) => new Date(DST_DAY.getTime() - 24 * 3600_000 + hour * 3600_000).toISOString();

function physical(s: Scenario, start: string, end: string, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return { modelId: s.model.id, title: 'Lookbook', start, end, location: { name: 'Studio Lumière', timeZone: 'Europe/Paris' }, ...extra };
}

async function book(input: CreatePhysicalBookingInput, token: string): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function createFeed(token: string, modelId?: string): Promise<{ id: string; url: string }> {
  const res = (await app.gql(CreateCalendarFeedDocument, { input: { modelId, label: 'Phone' } }, token)).createCalendarFeed;
  expect(res.userErrors).toEqual([]);
  return { id: res.feed!.id, url: res.url! };
}

/** The feed's URL on this test's server (the API hands out its public URL). */
const local = (url: string, base = app.url) => new URL(new URL(url).pathname, base).toString();

interface FeedEvent {
  uid: string;
  sequence: number;
  start: string;
  end: string;
  status: string;
  summary: string;
  location: string | null;
  transparency: string | null;
}

async function readFeed(url: string, base?: string): Promise<{ status: number; events: FeedEvent[]; type: string | null }> {
  const res = await fetch(local(url, base));
  if (res.status !== 200) return { status: res.status, events: [], type: res.headers.get('content-type') };
  const text = await res.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    // Every event carries what RFC 5545 requires of it.
    expect(v.getFirstPropertyValue('dtstamp')).toBeTruthy();
    return {
      uid: e.uid,
      sequence: e.sequence,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      status: String(v.getFirstPropertyValue('status')),
      summary: e.summary,
      location: e.location ?? null,
      transparency: (v.getFirstPropertyValue('transp') as string | null) ?? null,
    };
  });
  return { status: 200, events, type: res.headers.get('content-type') };
}

describe('a model’s feed', () => {
  it('carries her bookings around a DST change as GraphQL’s calendar shows them, options tentative', async () => {
    const s = await seedPricedScenario(app, { timeZone: 'Europe/Paris' });
    const before = await book(physical(s, dayBefore(8), dayBefore(16), { brandId: s.brand.id, status: 'CONFIRMED' }), s.agency.token);
    const across = await book(physical(s, onDstDay(0), onDstDay(3)), s.brand.token);
    const feed = await createFeed(s.model.token);
    const { events, type } = await readFeed(feed.url);
    expect(type).toMatch(/^text\/calendar/);

    const cal = (await app.gql(ModelCalendarDocument, { id: s.model.id, from: dayBefore(0), to: onDstDay(24), timeZone: 'Europe/Paris' }, s.model.token)).model!.calendar!;
    expect(cal.entries.map((e) => e.bookingId).sort()).toEqual([before, across].sort());
    const fromGraphQL = cal.entries.map((e) => ({ uid: `${e.bookingId}@twinbook`, start: e.start, end: e.end }));
    expect(events.map((e) => ({ uid: e.uid, start: e.start, end: e.end })).sort((a, b) => a.start.localeCompare(b.start))).toEqual(
      fromGraphQL.sort((a, b) => a.start.localeCompare(b.start)),
    );
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.get(`${before}@twinbook`)).toMatchObject({ status: 'CONFIRMED', location: 'Studio Lumière (Europe/Paris)' });
    expect(byUid.get(`${before}@twinbook`)!.summary).toContain('Lookbook');
    // 01:00 to 04:00 Paris time on the night clocks go forward is two hours of wall clock but three real hours.
    expect(byUid.get(`${across}@twinbook`)).toMatchObject({ status: 'TENTATIVE', start: onDstDay(0), end: onDstDay(3) });
  });

  it('keeps a booking’s UID as it changes, with a higher SEQUENCE each time, and shows it CANCELLED once called off', async () => {
    const s = await seedPricedScenario(app);
    const id = await book(physical(s, dayBefore(9), dayBefore(12)), s.brand.token);
    const feed = await createFeed(s.agency.token, s.model.id);
    const uid = `${id}@twinbook`;
    const seq = async () => (await readFeed(feed.url)).events.find((e) => e.uid === uid)!;
    const placed = await seq();
    expect(placed.status).toBe('TENTATIVE');
    expect((await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking.userErrors).toEqual([]);
    const confirmed = await seq();
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.sequence).toBeGreaterThan(placed.sequence);
    expect((await app.gql(CancelBookingDocument, { id, reason: 'show moved' }, s.agency.token)).cancelBooking.userErrors).toEqual([]);
    const cancelled = await seq();
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBeGreaterThan(confirmed.sequence);
  });
});

describe('who sees what', () => {
  it('gives a brand’s feed its own bookings only, and the model’s feed all of hers', async () => {
    const s = await seedPricedScenario(app);
    const mine = await book(physical(s, dayBefore(8), dayBefore(10)), s.brand.token);
    const theirs = await book(physical(s, dayBefore(12), dayBefore(14)), s.otherBrand.token);
    const brandFeed = await createFeed(s.brand.token);
    expect((await readFeed(brandFeed.url)).events.map((e) => e.uid)).toEqual([`${mine}@twinbook`]);
    const modelFeed = await createFeed(s.model.token);
    expect((await readFeed(modelFeed.url)).events.map((e) => e.uid).sort()).toEqual([`${mine}@twinbook`, `${theirs}@twinbook`].sort());
  });

  it('gives an agency’s own feed every model of its own, and no other agency’s', async () => {
    const s = await seedPricedScenario(app);
    const second = await seedModel(app, s.agency);
    const a = await book(physical(s, dayBefore(8), dayBefore(10)), s.brand.token);
    const b = await book({ ...physical(s, dayBefore(8), dayBefore(10)), modelId: second.id }, s.brand.token);
    const other = await seedPricedScenario(app);
    await book(physical(other, dayBefore(8), dayBefore(10)), other.brand.token);
    const feed = await createFeed(s.agency.token);
    const events = (await readFeed(feed.url)).events;
    expect(events.map((e) => e.uid).sort()).toEqual([`${a}@twinbook`, `${b}@twinbook`].sort());
    // An agency's feed says whose booking each is.
    expect(events.every((e) => e.summary.includes(':'))).toBe(true);
  });

  it.each<[string, (s: Scenario, otherAgency: Party) => Promise<[string, string]>]>([
    ['another agency for her', async (s, otherAgency) => [otherAgency.token, s.model.id]],
    ['a brand for her', async (s) => [s.brand.token, s.model.id]],
    ['another model for her', async (s) => [(await seedModel(app, s.agency)).token, s.model.id]],
  ])('refuses %s with MODEL_NOT_FOUND', async (_who, who) => {
    const s = await seedPricedScenario(app);
    const [token, modelId] = await who(s, await seedAgency(app));
    const res = (await app.gql(CreateCalendarFeedDocument, { input: { modelId } }, token)).createCalendarFeed;
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([['MODEL_NOT_FOUND', ['input', 'modelId']]]);
    expect(res.url).toBeNull();
  });
});

describe('lockouts in the feeds', () => {
  async function lockOut(s: Scenario, start: string, end: string, token: string): Promise<string> {
    const res = (await app.gql(CreateLockoutDocument, { input: { modelId: s.model.id, start, end, kind: 'HOLIDAY', reason: 'Family wedding' } }, token)).createLockout;
    expect(res.userErrors).toEqual([]);
    return res.lockout!.id;
  }

  it('shows her lockout to her feed as GraphQL’s calendar does: opaque, with its reason, under a UID of its own', async () => {
    const s = await seedPricedScenario(app, { timeZone: 'Europe/Paris' });
    const booked = await book(physical(s, dayBefore(8), dayBefore(10)), s.brand.token);
    // Across the change to summer time: 22:00 the night before to 12:00 the day after is 37 real hours.
    const id = await lockOut(s, dayBefore(22), onDstDay(35), s.model.token);
    const { events } = await readFeed((await createFeed(s.model.token)).url);

    const cal = (await app.gql(CalendarLockoutsDocument, { id: s.model.id, from: dayBefore(0), to: onDstDay(48) }, s.model.token)).model!.calendar!;
    expect(cal.lockouts.map((l) => ({ uid: `lockout-${l.lockoutId}@twinbook`, start: l.start, end: l.end }))).toEqual([
      { uid: `lockout-${id}@twinbook`, start: dayBefore(22), end: onDstDay(35) },
    ]);
    const lockout = events.find((e) => e.uid === `lockout-${id}@twinbook`);
    expect(lockout).toMatchObject({ start: dayBefore(22), end: onDstDay(35), transparency: 'OPAQUE', status: 'CONFIRMED' });
    expect(lockout!.summary).toBe('Unavailable (holiday): Family wedding');
    // Her bookings are still there, each once.
    expect(events.map((e) => e.uid).sort()).toEqual([`${booked}@twinbook`, `lockout-${id}@twinbook`].sort());
  });

  it('names her on her agency’s feed, keeps it from a brand’s feed, and drops it once lifted', async () => {
    const s = await seedPricedScenario(app);
    const mine = await book(physical(s, dayBefore(8), dayBefore(10)), s.brand.token);
    const id = await lockOut(s, dayBefore(12), dayBefore(20), s.agency.token);
    const uid = `lockout-${id}@twinbook`;
    const agencyFeed = await createFeed(s.agency.token);
    const modelFeedByAgency = await createFeed(s.agency.token, s.model.id);
    const brandFeed = await createFeed(s.brand.token);

    const agencyEvent = (await readFeed(agencyFeed.url)).events.find((e) => e.uid === uid);
    expect(agencyEvent).toMatchObject({ start: dayBefore(12), end: dayBefore(20), transparency: 'OPAQUE' });
    expect(agencyEvent!.summary).toMatch(/^.+: Unavailable \(holiday\): Family wedding$/);
    expect((await readFeed(modelFeedByAgency.url)).events.find((e) => e.uid === uid)!.summary).toBe('Unavailable (holiday): Family wedding');
    // A brand may not read why she is away (READ_LOCKOUT): its feed carries its own booking and nothing of her lockouts.
    const brandEvents = (await readFeed(brandFeed.url)).events;
    expect(brandEvents.map((e) => e.uid)).toEqual([`${mine}@twinbook`]);
    expect(brandEvents.some((e) => e.summary.includes('Family wedding'))).toBe(false);
    // Another agency's feed knows nothing of her.
    const other = await seedAgency(app);
    expect((await readFeed((await createFeed(other.token)).url)).events).toEqual([]);

    const lifted = (await app.gql(RemoveLockoutDocument, { input: { id, reason: 'wedding postponed' } }, s.model.token)).removeLockout;
    expect(lifted.userErrors).toEqual([]);
    expect((await readFeed(agencyFeed.url)).events.map((e) => e.uid)).toEqual([`${mine}@twinbook`]);
  });
});

describe('the token', () => {
  it('is stored only as its hash, grants the feed and nothing else, and is listed without it', async () => {
    const s = await seedPricedScenario(app);
    const feed = await createFeed(s.model.token);
    const token = /\/feeds\/([^/]+)\.ics$/.exec(feed.url)![1];
    // Through the app's own pool: the embedded engine takes one connection.
    const rows = await app.orm.em.getConnection().execute<{ token_hash: string }[]>('select token_hash from calendar_feed where id = ?', [feed.id]);
    expect(rows.map((r) => r.token_hash)).toEqual([createHash('sha256').update(token).digest('hex')]);
    const asBearer = await app.raw(JSON.stringify({ query: '{ viewer { role } }' }), token);
    expect(asBearer.status).toBe(401);
    expect((await app.gql(CalendarFeedsDocument, {}, s.model.token)).calendarFeeds.map((f) => f.id)).toEqual([feed.id]);
    expect((await app.gql(CalendarFeedsDocument, {}, s.brand.token)).calendarFeeds).toEqual([]);
    expect((await fetch(new URL('/feeds/not-a-token.ics', app.url))).status).toBe(404);
    // One character off: another token of the right form, which no feed has.
    const near = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect((await fetch(new URL(`/feeds/${near}.ics`, app.url))).status).toBe(404);
  });

  it('answers 404 at once when revoked; a brand cannot revoke her feed', async () => {
    const s = await seedPricedScenario(app);
    const feed = await createFeed(s.model.token);
    expect((await readFeed(feed.url)).status).toBe(200);
    const byBrand = (await app.gql(RevokeCalendarFeedDocument, { id: feed.id }, s.brand.token)).revokeCalendarFeed;
    expect(byBrand.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect((await readFeed(feed.url)).status).toBe(200);
    const byAgency = (await app.gql(RevokeCalendarFeedDocument, { id: feed.id }, s.agency.token)).revokeCalendarFeed;
    expect(byAgency.userErrors).toEqual([]);
    expect(byAgency.feed!.revokedAt).not.toBeNull();
    expect((await readFeed(feed.url)).status).toBe(404);
  });

  describeOnServer('on another API process', ONE_CONNECTION, () => {
    it('answers 404 there too the moment it is revoked here', async () => {
      const s = await seedPricedScenario(app);
      const feed = await createFeed(s.model.token);
      const other = await startApiProcess(app.db.url);
      try {
        expect((await readFeed(feed.url, other.url)).status).toBe(200);
        expect((await app.gql(RevokeCalendarFeedDocument, { id: feed.id }, s.model.token)).revokeCalendarFeed.userErrors).toEqual([]);
        expect((await readFeed(feed.url, other.url)).status).toBe(404);
      } finally {
        await other.stop();
      }
    });
  });
});
