import { GraphQLError } from 'graphql';
import { freeSlots, isValidTimeZone, localDays, overlaps, toLocal, type LocalWallTime } from '../../common/time/ranges';
import { checkInstant } from '../../common/validate';
import { seesBookingInFull, seesModelInFull, viewerOf } from '../../server/access';
import type { RequestContext } from '../../server/context';
import { Role } from '../../server/viewer';
import { BookingStatus, BookingType } from '../booking/booking-status';
import { Booking, blockedOverlaps, PhysicalBooking } from '../booking/booking.entity';
import { isLiveOption } from '../booking/option-ranking';
import type { Model } from '../model/model.entity';
import type { Calendar, CalendarArgs, CalendarEntry, LocalTime } from './calendar.types';

const MAX_WINDOW_MS = 366 * 24 * 3600_000;
const SHOWN = [BookingStatus.OPTION, BookingStatus.CONFIRMED, BookingStatus.COMPLETED];

function badInput(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

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
  if (!isValidTimeZone(zone)) throw badInput(`"${zone}" is not an IANA time zone name`, 'timeZone');
  const outOfSpan = checkInstant(args.from, ['from']) ?? checkInstant(args.to, ['to']);
  if (outOfSpan) throw badInput(outOfSpan.message, outOfSpan.field![0]);
  if (args.to.getTime() <= args.from.getTime()) throw badInput('`to` must be after `from`', 'to');
  if (args.to.getTime() - args.from.getTime() > MAX_WINDOW_MS) throw badInput('the window may span at most 366 days', 'to');
  const viewer = viewerOf(ctx);
  const now = new Date();
  const window = { start: args.from, end: args.to };

  const rows = await ctx.em.find(
    Booking,
    { model: model.id, status: { $in: SHOWN }, ...blockedOverlaps(args.from, args.to) },
    { orderBy: { start: 'asc', id: 'asc' }, populate: ['brand'], strategy: 'joined' },
  );
  const bookings = rows.filter((b) => !(b instanceof PhysicalBooking) || b.status !== BookingStatus.OPTION || isLiveOption(b, now));

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
