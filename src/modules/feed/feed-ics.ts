import type { EntityManager } from '@mikro-orm/postgresql';
import ical, { ICalEventBusyStatus, ICalEventStatus } from 'ical-generator';
import { Action, bookingFacts, can, scopeOf, type Scope } from '../../core/access-policy';
import { BookingStatus, BookingType } from '../booking/booking-status';
import { BOOKING_COLUMNS, bookingOfRow, type BookingRow } from '../booking/booking-rows';
import { overlapsSql, rangeSql } from '../booking/booking-predicates';
import { PhysicalBooking, type Booking } from '../booking/booking.entity';
import { effectiveStatus } from '../booking/effective-status';
import { FeedScope } from './calendar-feed.entity';
import { feedViewer, tokenHash } from './feed.service';

const DAY_MS = 24 * 3600_000;
/** The rolling window a feed carries: what a calendar app shows around today. */
export const FEED_DAYS_BACK = 60;
export const FEED_DAYS_AHEAD = 366;
/** The most events one feed carries; past it the nearest to today win (a calendar app would choke first). */
export const FEED_MAX_EVENTS = 20_000;

interface FeedRow {
  id: string;
  scope: FeedScope;
  model_id: string | null;
  agency_id: string | null;
  brand_id: string | null;
  label: string;
  owner_name: string;
}

// The feed by its token's hash, with its owner's name; read on every request, so that a revoked feed answers 404 at
// once on every API process.
const FEED_BY_HASH = `select f.id, f.scope, f.model_id, f.agency_id, f.brand_id, f.label,
    coalesce(m.name, a.name, br.name) as owner_name
  from calendar_feed f
  left join model m on m.id = f.model_id left join agency a on a.id = f.agency_id left join brand br on br.id = f.brand_id
  where f.token_hash = ? and f.revoked_at is null`;

/** The SQL condition on booking `b` for the rows a scope covers (see scopeOf). */
function scopeSql(scope: Scope): { sql: string; params: string[] } {
  if (scope.all) return { sql: 'true', params: [] };
  const parts: { sql: string; params: string[] }[] = [];
  if (scope.agencyId) parts.push({ sql: 'b.agency_id = ?', params: [scope.agencyId] });
  if (scope.modelId) parts.push({ sql: 'b.model_id = ?', params: [scope.modelId] });
  if (scope.brandId) parts.push({ sql: 'b.brand_id = ?', params: [scope.brandId] });
  if (!parts.length) return { sql: 'false', params: [] };
  return { sql: `(${parts.map((p) => p.sql).join(' or ')})`, params: parts.flatMap((p) => p.params) };
}

/** STATUS of a booking's event: options are tentative, bookings that hold or held the time confirmed, the rest called off. */
function eventStatus(status: BookingStatus): ICalEventStatus {
  if (status === BookingStatus.OPTION) return ICalEventStatus.TENTATIVE;
  if (status === BookingStatus.CONFIRMED || status === BookingStatus.COMPLETED) return ICalEventStatus.CONFIRMED;
  return ICalEventStatus.CANCELLED;
}

/**
 * The iCalendar (RFC 5545) text of the feed whose token this is, or null when there is none (or it was revoked). It
 * shows what the feed's owner may query: her bookings in full; what she may only see as busy, as "Busy". One VEVENT
 * per booking in the rolling window, options TENTATIVE and called-off ones CANCELLED, with a UID that survives a
 * reschedule and a SEQUENCE that grows with every change (the count of its history lines).
 */
export async function feedCalendar(em: EntityManager, token: string, now = new Date()): Promise<string | null> {
  const [feed] = await em.execute<FeedRow[]>(FEED_BY_HASH, [tokenHash(token)]);
  if (!feed) return null;
  const viewer = feedViewer({
    id: feed.id,
    scope: feed.scope,
    model: feed.model_id ? { id: feed.model_id } : null,
    agency: feed.agency_id ? { id: feed.agency_id } : null,
    brand: feed.brand_id ? { id: feed.brand_id } : null,
  });
  const scope = scopeSql(scopeOf(viewer, Action.READ_BOOKING));
  const from = new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS);
  const to = new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS);
  const rows = await em.execute<(BookingRow & { brand_name: string; model_name: string; changes: string })[]>(
    `select ${BOOKING_COLUMNS}, br.name as brand_name, m.name as model_name,
       (select count(*) from booking_change c where c.booking_id = b.id) as changes
     from booking b join brand br on br.id = b.brand_id join model m on m.id = b.model_id
     where ${scope.sql} and ${overlapsSql('b', rangeSql('?', '?'))}
     order by abs(extract(epoch from b.start_at - ?::timestamptz)), b.id
     limit ${FEED_MAX_EVENTS}`,
    [...scope.params, from, to, now],
  );
  const parseDate = (text: string) => em.getPlatform().parseDate(text);
  const calendar = ical({
    name: `${feed.owner_name} — twinbook`,
    prodId: { company: 'twinbook', product: 'calendar-feed', language: 'EN' },
    // Calendar apps poll: ask for a fresh copy every 15 minutes.
    ttl: 15 * 60,
  });
  for (const row of rows) {
    const booking = bookingOfRow(row, parseDate);
    const full = can(viewer, Action.READ_BOOKING, bookingFacts(booking));
    const event = calendar.createEvent({
      id: `${booking.id}@twinbook`,
      sequence: Number(row.changes),
      stamp: booking.updatedAt,
      created: booking.createdAt,
      lastModified: booking.updatedAt,
      start: booking.start,
      end: booking.end,
      summary: full ? summary(booking, row.brand_name, row.model_name, feed.scope) : 'Busy',
      status: eventStatus(effectiveStatus(booking as { status: BookingStatus; optionExpiresAt?: Date | null }, now)),
      busystatus: booking.type === BookingType.PHYSICAL ? ICalEventBusyStatus.BUSY : ICalEventBusyStatus.FREE,
      location: full && booking instanceof PhysicalBooking ? `${booking.locationName} (${booking.locationTimeZone})` : null,
      description: full ? description(booking) : null,
    });
    // The place's zone, for apps that show it; times themselves are instants (UTC), right in any zone.
    if (full && booking instanceof PhysicalBooking) event.x([{ key: 'X-TWINBOOK-TIME-ZONE', value: booking.locationTimeZone }]);
  }
  return calendar.toString();
}

function summary(b: Booking, brand: string, model: string, scope: FeedScope): string {
  const what = b.type === BookingType.DIGITAL ? `Twin: ${b.title}` : b.title;
  // An agency's feed carries all its models: say whose booking it is; a brand's, for whom.
  return scope === FeedScope.MODEL ? `${what} — ${brand}` : `${model}: ${what} — ${brand}`;
}

function description(b: Booking): string {
  const lines = [`Type: ${b.type}`];
  if (b instanceof PhysicalBooking && (b.travelBeforeMinutes || b.travelAfterMinutes)) {
    lines.push(`Travel: ${b.travelBeforeMinutes} min before, ${b.travelAfterMinutes} min after`);
  }
  return lines.join('\n');
}
