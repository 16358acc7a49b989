import { badArgument, refusedSubscription } from '../../common/bad-argument';
import { Action, bookingFacts, can } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { watchEvents } from '../../core/event-stream';
import type { DomainEvent } from '../../core/events';
import { canReadCalendar } from '../calendar/calendar.service';
import { findModel } from '../model/model.service';
import { BookingStatus, BookingType } from './booking-status';
import type { OptionRankChange, OptionRankChangeArgs } from './booking-changes.types';
import { PhysicalBooking, type Booking } from './booking.entity';
import { findBooking } from './booking.service';
import { isLiveOption, optionRanks } from './option-ranking';

const isBookingEvent = (e: DomainEvent) => e.type.startsWith('booking.');

/** A booking as the viewer may see it, each time it changes from now on. Refused at once when the viewer may not see it. */
export async function watchBooking(ctx: RequestContext, id: string): Promise<AsyncIterableIterator<Booking>> {
  const booking = await findBooking(ctx, id);
  if (!booking) throw refusedSubscription('no such booking, or you may not see it', 'id');
  return watchEvents(
    ctx,
    (e) => e.bookingId === booking.id && isBookingEvent(e),
    async (eventCtx) => {
      const now = await findBooking(eventCtx, booking.id);
      return now ? [now] : [];
    },
  );
}

/** The live options of a model (or one of them) that the viewer may see, with their ranks now. */
async function visibleOptionRanks(ctx: RequestContext, modelId: string, only: string | null): Promise<Map<string, { option: PhysicalBooking; rank: number }>> {
  const now = new Date();
  const options = await ctx.em.find(PhysicalBooking, { model: modelId, type: BookingType.PHYSICAL, status: BookingStatus.OPTION, ...(only ? { id: only } : {}) });
  const viewer = viewerOf(ctx);
  const visible = options.filter((o) => isLiveOption(o, now) && can(viewer, Action.READ_BOOKING, bookingFacts(o)));
  const ranks = await optionRanks(ctx.em, visible.map((o) => o.id), now);
  return new Map(visible.filter((o) => ranks.has(o.id)).map((o) => [o.id, { option: o, rank: ranks.get(o.id)! }]));
}

/**
 * The options of a model (or the one option) the viewer may see whose rank changes from now on: each with its new rank,
 * or with none once it stops being a live option. Ranks are worked out again, with the viewer's rights, after every
 * change of a booking of hers. Refused at once when the viewer may not see the model's calendar or the option.
 */
export async function watchOptionRanks(ctx: RequestContext, args: OptionRankChangeArgs): Promise<AsyncIterableIterator<OptionRankChange>> {
  if ((args.modelId == null) === (args.bookingId == null)) throw badArgument('give modelId or bookingId, not both', args.modelId == null ? 'modelId' : 'bookingId');
  let modelId: string;
  let only: string | null = null;
  if (args.bookingId != null) {
    const booking = await findBooking(ctx, args.bookingId);
    if (!booking || booking.type !== BookingType.PHYSICAL) throw refusedSubscription('no such physical booking, or you may not see it', 'bookingId');
    modelId = booking.model.id;
    only = booking.id;
  } else {
    const model = await findModel(ctx, args.modelId!);
    if (!model || !canReadCalendar(ctx, model)) throw refusedSubscription('no such model, or you may not read her calendar', 'modelId');
    modelId = model.id;
  }
  let known = await visibleOptionRanks(ctx, modelId, only);
  return watchEvents(
    ctx,
    (e) => e.modelId === modelId && isBookingEvent(e),
    async (eventCtx) => {
      const ranks = await visibleOptionRanks(eventCtx, modelId, only);
      const changes: OptionRankChange[] = [];
      for (const [id, { option, rank }] of ranks) {
        if (known.get(id)?.rank !== rank) changes.push({ booking: option, rank });
      }
      for (const id of known.keys()) {
        if (ranks.has(id)) continue;
        // No longer a live option: told with no rank, as far as the viewer may still see the booking.
        const gone = await findBooking(eventCtx, id);
        if (gone instanceof PhysicalBooking) changes.push({ booking: gone, rank: null });
      }
      known = ranks;
      return changes;
    },
  );
}
