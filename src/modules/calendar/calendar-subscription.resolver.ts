import { Args, Authorized, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { watchModelCalendar } from './calendar-changes';
import { CalendarChange, CalendarChangeArgs } from './calendar.types';

@Resolver()
export class CalendarSubscriptionResolver {
  @Authorized()
  @Subscription(() => CalendarChange, {
    description:
      "Changes of a model's calendar from now on (graphql-ws): every booking of hers placed, moved or changed in status, as the viewer may see it — her side and the booking's brand in full, other brands as busy blocks. Refused (FORBIDDEN) when the viewer may not read her calendar.",
    subscribe: ({ args, context }) => watchModelCalendar(context as RequestContext, (args as CalendarChangeArgs).modelId, (args as CalendarChangeArgs).timeZone),
  })
  modelCalendarChanged(@Root() change: CalendarChange, @Args(() => CalendarChangeArgs) _args: CalendarChangeArgs): CalendarChange {
    return change;
  }
}
