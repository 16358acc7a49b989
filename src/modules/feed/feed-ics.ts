import type { EntityManager } from '@mikro-orm/postgresql';
import { Action, bookingFacts, can, modelFacts, scopeOf, type Scope } from '../../core/access-policy';
import { BookingStatus, BookingType } from '../booking/booking-status';
import { BOOKING_COLUMNS, bookingOfRow, sharedRelations, type BookingRow } from '../booking/booking-rows';
import { overlapsSql, rangeSql } from '../booking/booking-predicates';
import { PhysicalBooking, type Booking } from '../booking/booking.entity';
import { effectiveStatus } from '../booking/effective-status';
import { lockoutInForceOverlapsSql, type LockoutKind } from '../lockout/lockout.entity';
import type { Viewer } from '../../core/viewer';
import { FeedScope } from './calendar-feed.entity';
import { icsText, type IcsEvent, type IcsStatus } from './ics-writer';
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

type ScopeColumns = Partial<Record<'agencyId' | 'motherAgencyId' | 'modelId' | 'brandId', string>>;

/** The SQL condition for the rows a scope covers (see scopeOf), `columns` naming where each id sits; a key left out never matches. */
function scopeSql(scope: Scope, columns: ScopeColumns): { sql: string; params: string[] } {
  if (scope.all) return { sql: 'true', params: [] };
  const keys = (Object.keys(columns) as (keyof ScopeColumns)[]).filter((k) => scope[k]);
  if (!keys.length) return { sql: 'false', params: [] };
  return { sql: `(${keys.map((k) => `${columns[k]} = ?`).join(' or ')})`, params: keys.map((k) => scope[k]!) };
}

const BOOKING_SCOPE: ScopeColumns = { agencyId: 'b.agency_id', modelId: 'b.model_id', brandId: 'b.brand_id' };
// A lockout is the model's: her agency's and mother agency's ids are on her row.
const LOCKOUT_SCOPE: ScopeColumns = { agencyId: 'm.agency_id', motherAgencyId: 'm.mother_agency_id', modelId: 'l.model_id' };

interface LockoutRow {
  id: string;
  kind: LockoutKind;
  reason: string;
  start_at: string;
  end_at: string;
  created_at: string;
  model_id: string;
  agency_id: string;
  mother_agency_id: string | null;
  model_name: string;
}

/** How her side's feed names each kind of lockout, in its summary "Unavailable (holiday): <reason>". */
const LOCKOUT_LABELS: Record<LockoutKind, string> = {
  HOLIDAY: 'holiday',
  ILLNESS: 'illness',
  TRAVEL: 'travel',
  OTHER_COMMITMENT: 'other commitment',
};

/** STATUS of a booking's event: options are tentative, bookings that hold or held the time confirmed, the rest called off. */
function eventStatus(status: BookingStatus): IcsStatus {
  if (status === BookingStatus.OPTION) return 'TENTATIVE';
  if (status === BookingStatus.CONFIRMED || status === BookingStatus.COMPLETED) return 'CONFIRMED';
  return 'CANCELLED';
}

/**
 * The iCalendar (RFC 5545) text of the feed whose token this is, or null when there is none (or it was revoked). It
 * shows what the feed's owner may query: her bookings in full; what she may only see as busy, as "Busy". One VEVENT
 * per booking in the rolling window, options TENTATIVE and called-off ones CANCELLED, with a UID that survives a
 * reschedule and a SEQUENCE that grows with every change (the count of its history lines); and one per lockout in
 * force, where the owner may read the model's lockouts.
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
  const scope = scopeSql(scopeOf(viewer, Action.READ_BOOKING), BOOKING_SCOPE);
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
  const events: IcsEvent[] = [];
  const relations = sharedRelations();
  for (const row of rows) {
    const booking = bookingOfRow(row, parseDate, undefined, relations);
    const full = can(viewer, Action.READ_BOOKING, bookingFacts(booking));
    const physicalInFull = full && booking instanceof PhysicalBooking;
    events.push({
      uid: `${booking.id}@twinbook`,
      sequence: Number(row.changes),
      stamp: booking.updatedAt,
      created: booking.createdAt,
      lastModified: booking.updatedAt,
      start: booking.start,
      end: booking.end,
      summary: full ? summary(booking, row.brand_name, row.model_name, feed.scope) : 'Busy',
      status: eventStatus(effectiveStatus(booking as { status: BookingStatus; optionExpiresAt?: Date | null }, now)),
      busyStatus: booking.type === BookingType.PHYSICAL ? 'BUSY' : 'FREE',
      location: physicalInFull ? `${booking.locationName} (${booking.locationTimeZone})` : null,
      description: full ? description(booking) : null,
      // The place's zone, for apps that show it; times themselves are instants (UTC), right in any zone.
      x: physicalInFull ? [['X-TWINBOOK-TIME-ZONE', booking.locationTimeZone]] : [],
    });
  }
  events.push(...(await lockoutEvents(em, viewer, feed.scope, from, to)));
  return icsText(
    {
      name: `${feed.owner_name} — twinbook`,
      prodId: { company: 'twinbook', product: 'calendar-feed', language: 'EN' },
      // Calendar apps poll: ask for a fresh copy every 15 minutes.
      refreshMinutes: 15,
    },
    events,
  );
}

/**
 * Her lockouts in force over the window, one opaque VEVENT each (UID `lockout-<id>@twinbook`), for the feeds whose
 * owner may read them (READ_LOCKOUT): hers and her agency's with the kind and reason; a brand's carries none.
 */
async function lockoutEvents(em: EntityManager, viewer: Viewer, scope: FeedScope, from: Date, to: Date): Promise<IcsEvent[]> {
  const where = scopeSql(scopeOf(viewer, Action.READ_LOCKOUT), LOCKOUT_SCOPE);
  if (where.sql === 'false') return [];
  const rows = await em.execute<LockoutRow[]>(
    `select l.id, l.kind, l.reason, l.start_at, l.end_at, l.created_at, l.model_id, m.agency_id, m.mother_agency_id, m.name as model_name
     from lockout l join model m on m.id = l.model_id
     where ${where.sql} and ${lockoutInForceOverlapsSql('l', rangeSql('?', '?'))}
     order by l.start_at, l.id
     limit ${FEED_MAX_EVENTS}`,
    [...where.params, from, to],
  );
  const parseDate = (text: string) => em.getPlatform().parseDate(text);
  return rows.map((row) => {
    const facts = { id: row.model_id, agency: { id: row.agency_id }, motherAgency: row.mother_agency_id ? { id: row.mother_agency_id } : null };
    const full = can(viewer, Action.READ_LOCKOUT, modelFacts(facts));
    const what = `Unavailable (${LOCKOUT_LABELS[row.kind] ?? row.kind}): ${row.reason}`;
    return {
      uid: `lockout-${row.id}@twinbook`,
      // A lockout is placed and lifted, never edited: its first version is its only one.
      sequence: 0,
      stamp: parseDate(row.created_at),
      created: parseDate(row.created_at),
      start: parseDate(row.start_at),
      end: parseDate(row.end_at),
      summary: !full ? 'Busy' : scope === FeedScope.MODEL ? what : `${row.model_name}: ${what}`,
      status: 'CONFIRMED',
      busyStatus: 'BUSY',
      transparency: 'OPAQUE',
    } satisfies IcsEvent;
  });
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
