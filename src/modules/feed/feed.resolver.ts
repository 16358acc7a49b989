import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { CalendarFeed } from './calendar-feed.entity';
import { createCalendarFeed, listCalendarFeeds, revokeCalendarFeed } from './feed.service';
import { CalendarFeedPayload, CreateCalendarFeedInput, RevokeCalendarFeedPayload } from './feed.types';

@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  @Authorized()
  @Query(() => [CalendarFeed], { description: 'The calendar feeds the viewer manages, newest first (their URLs are not shown again).' })
  calendarFeeds(@Ctx() ctx: RequestContext): Promise<CalendarFeed[]> {
    return listCalendarFeeds(ctx);
  }

  @Authorized()
  @Mutation(() => CalendarFeedPayload, {
    description: "Creates an iCalendar feed URL for a calendar app: a model's calendar (she or her agency), all of an agency's models, or a brand's bookings.",
  })
  async createCalendarFeed(@Ctx() ctx: RequestContext, @Arg('input', () => CreateCalendarFeedInput) input: CreateCalendarFeedInput): Promise<CalendarFeedPayload> {
    const result = await createCalendarFeed(ctx, input);
    return result.ok ? { ...result.value, userErrors: [] } : { feed: null, url: null, userErrors: result.errors };
  }

  @Authorized()
  @Mutation(() => RevokeCalendarFeedPayload, { description: 'Revokes a feed: its URL answers 404 from now on, on every API process.' })
  async revokeCalendarFeed(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<RevokeCalendarFeedPayload> {
    const result = await revokeCalendarFeed(ctx, id);
    return result.ok ? { feed: result.value, userErrors: [] } : { feed: null, userErrors: result.errors };
  }
}
