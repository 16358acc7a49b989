import { badArgument, badArgumentOf } from '../../common/bad-argument';
import { freeSlots, isValidTimeZone, localDays, overlaps, toLocal, type LocalWallTime } from '../../common/time/ranges';
import { checkInstant } from '../../common/validate';
import { seesBookingInFull, seesModelInFull, viewerOf } from '../../server/access';
import type { RequestContext } from '../../server/context';
import { Role } from '../../server/viewer';
import { BookingStatus, BookingType } from '../booking/booking-status';
import { PhysicalBooking } from '../booking/booking.entity';
import { BOOKING_COLUMNS, bookingOfRow, type BookingRow } from '../booking/booking-rows';
import { Brand } from '../brand/brand.entity';
import { runPrepared, type PreparedStatement } from '../../db/prepared';
import { isLiveOption } from '../booking/option-ranking';
import type { Model } from '../model/model.entity';
import type { Calendar, CalendarArgs, CalendarEntry, LocalTime } from './calendar.types';

const MAX_WINDOW_MS = 366 * 24 * 3600_000;

// The live bookings of a model whose blocked range overlaps [from, to), with their brands: one statement.
const CALENDAR_ROWS: PreparedStatement = {
  name: 'model_calendar',
  text: `select ${BOOKING_COLUMNS}, br.name as brand_name, br.created_at as brand_created_at
    from booking b join brand br on br.id = b.brand_id
    where b.model_id = $1 and b.status in ('OPTION', 'CONFIRMED', 'COMPLETED')
      and tstzrange(b.blocked_start, b.blocked_end, '[)') && tstzrange($2, $3, '[)')
    order by b.start_at, b.id`,
};

const local = (w: LocalWallTime): LocalTime => ({ dateTime: w.local, date: w.date, offset: w.offset, timeZone: w.zone });

/** True when the viewer may read this model's calendar: anyone who sees the model, except another model. */
export function canReadCalendar(ctx: RequestContext, model: Model): boolean {
  const viewer = viewerOf(ctx);
  return viewer.role === Role.BRAND || seesModelInFull(viewer, model);
}

/**
 * The model's calendar for [from, to) in a zone: each live booking once, with local wall times right across DST,
 * the local days, and the ranges free for physical work. One query for the bookings and their brands.
 */
export async function modelCalendar(ctx: RequestContext, model: Model, args: CalendarArgs): Promise<Calendar> {
  const zone = args.timeZone ?? model.timeZone;
  if (!isValidTimeZone(zone)) throw badArgument(`"${zone}" is not an IANA time zone name`, 'timeZone');
  const outOfSpan = checkInstant(args.from, ['from']) ?? checkInstant(args.to, ['to']);
  if (outOfSpan) throw badArgumentOf(outOfSpan);
  if (args.to.getTime() <= args.from.getTime()) throw badArgument('`to` must be after `from`', 'to');
  if (args.to.getTime() - args.from.getTime() > MAX_WINDOW_MS) throw badArgument('the window may span at most 366 days', 'to');
  const viewer = viewerOf(ctx);
  const now = new Date();
  const window = { start: args.from, end: args.to };

  const rows = await runPrepared<BookingRow & { brand_name: string; brand_created_at: string }>(
    ctx.em,
    CALENDAR_ROWS,
    [model.id, args.from, args.to],
    'replica',
  );
  // Built from the rows, not hydrated by the ORM (see booking-rows.ts); each brand once, handed to the brand loader.
  const platform = ctx.em.getPlatform();
  const parseDate = (text: string) => platform.parseDate(text);
  const brands = new Map<string, Brand>();
  const rowsAsBookings = rows.map((row) => {
    let brand = brands.get(row.brand_id);
    if (!brand) {
      brand = Object.assign(new Brand(), { id: row.brand_id, name: row.brand_name, createdAt: parseDate(row.brand_created_at) });
      brands.set(brand.id, brand);
      ctx.loaders.brand.prime(brand.id, brand);
    }
    return bookingOfRow(row, parseDate, brand);
  });
  const bookings = rowsAsBookings.filter((b) => !(b instanceof PhysicalBooking) || b.status !== BookingStatus.OPTION || isLiveOption(b, now));

  const entries: CalendarEntry[] = bookings.map((b) => {
    const full = seesBookingInFull(viewer, b);
    return {
      bookingId: full ? b.id : null,
      busy: !full,
      type: b.type,
      status: b.status,
      start: b.start,
      end: b.end,
      blockedStart: b.blockedStart,
      blockedEnd: b.blockedEnd,
      localStart: local(toLocal(b.start, zone)),
      localEnd: local(toLocal(b.end, zone)),
      booking: full ? b : null,
    };
  });
  const physicalBlocks = bookings
    .filter((b) => b.type === BookingType.PHYSICAL && b.status !== BookingStatus.OPTION)
    .map((b) => ({ start: b.blockedStart, end: b.blockedEnd }));
  const days = localDays(window, zone).map((d) => ({
    date: d.date,
    start: d.start,
    end: d.end,
    hours: d.hours,
    entries: entries.filter((e) => overlaps({ start: e.start, end: e.end }, d)),
  }));
  return { timeZone: zone, from: args.from, to: args.to, entries, days, freeForPhysical: freeSlots(window, physicalBlocks) };
}
