import { badArgument, refusedSubscription } from '../../common/bad-argument';
import { isValidTimeZone } from '../../common/time/ranges';
import { viewerOf, type RequestContext } from '../../core/context';
import { watchEvents } from '../../core/event-stream';
import type { DomainEvent } from '../../core/events';
import { Booking } from '../booking/booking.entity';
import { effectiveStatus } from '../booking/effective-status';
import { findModel } from '../model/model.service';
import { calendarEntryOf, calendarLockoutOf, canReadCalendar, isOnCalendar } from './calendar.service';
import { Lockout } from '../lockout/lockout.entity';
import { Action, can, modelFacts } from '../../core/access-policy';
import type { CalendarChange } from './calendar.types';

/**
 * The changes of a model's calendar as the viewer may see them, from now on: each booking of hers that was placed,
 * moved or changed status and each lockout placed or lifted, read again with the viewer's rights when it happens (another brand's work as a busy block).
 * Refused at once when the viewer may not read her calendar.
 */
export async function watchModelCalendar(ctx: RequestContext, modelId: string, timeZone: string | null | undefined): Promise<AsyncIterableIterator<CalendarChange>> {
  const model = await findModel(ctx, modelId);
  if (!model || !canReadCalendar(ctx, model)) throw refusedSubscription("no such model, or you may not read her calendar", 'modelId');
  const zone = timeZone ?? model.timeZone;
  if (!isValidTimeZone(zone)) throw badArgument(`"${zone}" is not an IANA time zone name`, 'timeZone');
  const concerns = (e: DomainEvent) => e.modelId === model.id && ((e.bookingId != null && e.type.startsWith('booking.')) || e.type.startsWith('lockout.'));
  return watchEvents(ctx, concerns, async (eventCtx, event): Promise<CalendarChange[]> => {
    // Read again as the viewer may see things now, her calendar first.
    const current = await findModel(eventCtx, model.id);
    if (!current || !canReadCalendar(eventCtx, current)) return [];
    if (event.type.startsWith('lockout.')) {
      const lockout = typeof event.payload.lockoutId === 'string' ? await eventCtx.em.findOne(Lockout, event.payload.lockoutId) : null;
      if (!lockout || lockout.model.id !== model.id) return [];
      const inFull = can(viewerOf(eventCtx), Action.READ_LOCKOUT, modelFacts(current));
      return [{ modelId: model.id, onCalendar: lockout.removedAt === null, entry: null, lockout: calendarLockoutOf(inFull, lockout, zone) }];
    }
    const booking = await eventCtx.em.findOne(Booking, event.bookingId!);
    if (!booking || booking.model.id !== model.id) return [];
    const now = new Date();
    const entry = calendarEntryOf(viewerOf(eventCtx), booking, zone, now);
    return [{ modelId: model.id, onCalendar: isOnCalendar(effectiveStatus(booking, now)), entry, lockout: null }];
  });
}
