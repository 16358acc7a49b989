import { badArgument, badArgumentOf } from '../../common/bad-argument';
import { freeSlots, isValidTimeZone, localDateWindow, localDays, overlaps, toLocal, type LocalWallTime } from '../../common/time/ranges';
import { checkInstant } from '../../common/validate';
import { Action, bookingFacts, can, modelFacts } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { BookingStatus } from '../booking/booking-status';
import {
  BOOKING_COLUMNS,
  BOOKING_SUMMARY_COLUMNS,
  BOOKING_SUMMARY_FIELDS,
  bookingOfRow,
  bookingSummaryOfRow,
  sharedRelations,
  type BookingRow,
  type BookingSummary,
  type BookingSummaryRow,
} from '../booking/booking-rows';
import { Brand } from '../brand/brand.entity';
import { runPrepared, type PreparedStatement } from '../../db/prepared';
import { effectiveStatus, effectiveStatusSql } from '../booking/effective-status';
import type { Model } from '../model/model.entity';
import type { Viewer } from '../../core/viewer';
import type { Calendar, CalendarArgs, CalendarDay, CalendarEntry, CalendarLockout, FreeRange, LocalTime } from './calendar.types';
import { brandLoader } from '../brand/brand.loaders';
import { blocksPhysicalWork, overlapsSql, rangeSql, sqlList } from '../booking/booking-predicates';
import { lockoutsInForce, type LockoutRange } from '../lockout/lockout.service';
import type { LockoutKind } from '../lockout/lockout.entity';

const MAX_WINDOW_MS = 366 * 24 * 3600_000;

/** What a calendar shows: work that holds or held the model's time. */
const CALENDAR_STATUSES = [BookingStatus.OPTION, BookingStatus.CONFIRMED, BookingStatus.COMPLETED];

// The live bookings of a model whose blocked range overlaps [from, to), with their brands: one statement. Live by the
// effective status at $4, so that an option past its expiry is left out from that instant, swept or not.
const calendarRows = (name: string, columns: string): PreparedStatement => ({
  name,
  text: `select ${columns}, br.name as brand_name, br.created_at as brand_created_at
    from booking b join brand br on br.id = b.brand_id
    where b.model_id = $1 and ${effectiveStatusSql('b', '$4')} in (${sqlList(CALENDAR_STATUSES)})
      and ${overlapsSql('b', rangeSql('$2', '$3'))}
    order by b.start_at, b.id`,
});
const CALENDAR_ROWS = calendarRows('model_calendar', BOOKING_COLUMNS);
const CALENDAR_SUMMARY_ROWS = calendarRows('model_calendar_summary', BOOKING_SUMMARY_COLUMNS);

type BrandColumns = { brand_name: string; brand_created_at: string };

/** A wall time as the API shows it. */
export const local = (w: LocalWallTime): LocalTime => ({ dateTime: w.local, date: w.date, offset: w.offset, timeZone: w.zone });

/** A booking as the viewer sees it on the calendar in a zone: in full, or as a busy block with no client, title or price. */
export function calendarEntryOf(viewer: Viewer, b: BookingSummary, zone: string, now: Date): CalendarEntry {
  const full = can(viewer, Action.READ_BOOKING, bookingFacts(b));
  return {
    bookingId: full ? b.id : null,
    busy: !full,
    type: b.type,
    status: effectiveStatus(b, now),
    start: b.start,
    end: b.end,
    blockedStart: b.blockedStart,
    blockedEnd: b.blockedEnd,
    localStart: local(toLocal(b.start, zone)),
    localEnd: local(toLocal(b.end, zone)),
    booking: full ? b : null,
  };
}

/** A lockout as the calendar shows it in a zone: in full (`inFull`: READ_LOCKOUT on her), or as a busy range. */
export function calendarLockoutOf(inFull: boolean, l: LockoutRange, zone: string): CalendarLockout {
  return {
    lockoutId: inFull ? l.id : null,
    busy: !inFull,
    kind: inFull ? (l.kind as LockoutKind) : null,
    reason: inFull ? l.reason : null,
    start: l.start,
    end: l.end,
    localStart: local(toLocal(l.start, zone)),
    localEnd: local(toLocal(l.end, zone)),
  };
}

/** True when the booking's status keeps it on a calendar. */
export const isOnCalendar = (status: BookingStatus): boolean => CALENDAR_STATUSES.includes(status);

/** True when the viewer may read this model's calendar (READ_CALENDAR): her side, an admin, or a brand (other work as busy blocks). */
export function canReadCalendar(ctx: RequestContext, model: Model): boolean {
  return can(viewerOf(ctx), Action.READ_CALENDAR, modelFacts(model));
}

/** The window asked for, as instants (`from`/`to`) or as local days in the zone (`fromDate`/`toDate`), checked. */
function calendarWindow(args: CalendarArgs, zone: string): { start: Date; end: Date } {
  const byInstants = args.from != null || args.to != null;
  const byDates = args.fromDate != null || args.toDate != null;
  if (byInstants === byDates) throw badArgument('give `from` and `to`, or `fromDate` and `toDate`', byInstants ? 'fromDate' : 'from');
  let start: Date;
  let end: Date;
  if (byInstants) {
    if (args.from == null || args.to == null) throw badArgument('`from` and `to` go together', args.from == null ? 'from' : 'to');
    const outOfSpan = checkInstant(args.from, ['from']) ?? checkInstant(args.to, ['to']);
    if (outOfSpan) throw badArgumentOf(outOfSpan);
    [start, end] = [args.from, args.to];
  } else {
    if (args.fromDate == null || args.toDate == null) throw badArgument('`fromDate` and `toDate` go together', args.fromDate == null ? 'fromDate' : 'toDate');
    const days = localDateWindow(args.fromDate, args.toDate, zone);
    if (!days) throw badArgument('`fromDate` and `toDate` must be calendar days (yyyy-MM-dd), the last not before the first', 'toDate');
    const outOfSpan = checkInstant(days.start, ['fromDate']) ?? checkInstant(days.end, ['toDate']);
    if (outOfSpan) throw badArgumentOf(outOfSpan);
    ({ start, end } = days);
  }
  if (end.getTime() <= start.getTime()) throw badArgument('`to` must be after `from`', 'to');
  if (end.getTime() - start.getTime() > MAX_WINDOW_MS) throw badArgument('the window may span at most 366 days', byInstants ? 'to' : 'toDate');
  return { start, end };
}

/**
 * The model's calendar for [from, to) in a zone: each live booking once, with local wall times right across DST,
 * the local days, and the ranges free for physical work. One query for the bookings and their brands. `bookingFields`
 * are the fields asked of the entries' bookings (all when not given): when the summary answers them all, only the
 * summary's columns are read.
 */
export async function modelCalendar(ctx: RequestContext, model: Model, args: CalendarArgs, bookingFields?: ReadonlySet<string>): Promise<Calendar> {
  const zone = args.timeZone ?? model.timeZone;
  if (!isValidTimeZone(zone)) throw badArgument(`"${zone}" is not an IANA time zone name`, 'timeZone');
  const window = calendarWindow(args, zone);
  const viewer = viewerOf(ctx);
  const now = new Date();
  const summaryWillDo = bookingFields !== undefined && [...bookingFields].every((field) => BOOKING_SUMMARY_FIELDS.has(field));

  const [rows, lockoutRows] = await Promise.all([
    runPrepared<(BookingRow | BookingSummaryRow) & BrandColumns>(
      ctx.em,
      summaryWillDo ? CALENDAR_SUMMARY_ROWS : CALENDAR_ROWS,
      [model.id, window.start, window.end, now],
      'replica',
    ),
    lockoutsInForce(ctx.em, model.id, window.start, window.end),
  ]);
  // Built from the rows, not hydrated by the ORM (see booking-rows.ts); each brand once, handed to the brand loader.
  const platform = ctx.em.getPlatform();
  const parseDate = (text: string) => platform.parseDate(text);
  const brands = new Map<string, Brand>();
  const relations = sharedRelations();
  const bookings = rows.map((row): BookingSummary => {
    let brand = brands.get(row.brand_id);
    if (!brand) {
      brand = Object.assign(new Brand(), { id: row.brand_id, name: row.brand_name, createdAt: parseDate(row.brand_created_at) });
      brands.set(brand.id, brand);
      brandLoader(ctx).prime(brand.id, brand);
    }
    return summaryWillDo ? bookingSummaryOfRow(row, parseDate, brand, relations) : bookingOfRow(row as BookingRow, parseDate, brand, relations);
  });

  const entries: CalendarEntry[] = bookings.map((b) => calendarEntryOf(viewer, b, zone, now));
  // Why she is away is hers and her agency's to read; to anyone else a lockout is only busy time.
  const inFull = can(viewer, Action.READ_LOCKOUT, modelFacts(model));
  const lockouts: CalendarLockout[] = lockoutRows.map((l) => calendarLockoutOf(inFull, l, zone));
  // Days and free ranges are worked out when a client asks for them: most read the entries alone.
  let days: CalendarDay[] | undefined;
  let free: FreeRange[] | undefined;
  return {
    timeZone: zone,
    from: window.start,
    to: window.end,
    entries,
    lockouts,
    get days() {
      return (days ??= localDays(window, zone).map((d) => ({
        date: d.date,
        start: d.start,
        end: d.end,
        hours: d.hours,
        entries: entries.filter((e) => overlaps({ start: e.start, end: e.end }, d)),
      })));
    },
    get freeForPhysical() {
      return (free ??= freeSlots(window, [
        ...bookings.filter(blocksPhysicalWork).map((b) => ({ start: b.blockedStart, end: b.blockedEnd })),
        ...lockoutRows.map((l) => ({ start: l.start, end: l.end })),
      ]));
    },
  };
}
