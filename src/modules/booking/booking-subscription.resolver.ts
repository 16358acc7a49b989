import { Arg, Args, Authorized, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { watchBooking, watchOptionRanks } from './booking-changes';
import { OptionRankChange, OptionRankChangeArgs } from './booking-changes.types';
import { Booking } from './booking.entity';

@Resolver()
export class BookingSubscriptionResolver {
  @Authorized()
  @Subscription(() => Booking, {
    description:
      'A booking each time it changes from now on (graphql-ws): its status, its time, its terms, as the viewer may see it. Refused (FORBIDDEN) when the viewer may not see the booking in full.',
    subscribe: ({ args, context }) => watchBooking(context as RequestContext, (args as { id: string }).id),
  })
  bookingChanged(@Root() booking: Booking, @Arg('id', () => ID, { description: 'The booking to follow.' }) _id: string): Booking {
    return booking;
  }

  @Authorized()
  @Subscription(() => OptionRankChange, {
    description:
      "Options whose rank changes from now on (graphql-ws), of a model or one option: only options the viewer may see in full (a brand its own). Refused (FORBIDDEN) when the viewer may not see the model's calendar or the option.",
    subscribe: ({ args, context }) => watchOptionRanks(context as RequestContext, args as OptionRankChangeArgs),
  })
  optionRankChanged(@Root() change: OptionRankChange, @Args(() => OptionRankChangeArgs) _args: OptionRankChangeArgs): OptionRankChange {
    return change;
  }
}
