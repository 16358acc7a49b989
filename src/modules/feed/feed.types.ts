import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { CalendarFeed } from './calendar-feed.entity';

@InputType({ description: 'A new calendar feed. A model gets one of her calendar; an agency of one of its models (modelId) or of all its models; a brand of its own bookings.' })
export class CreateCalendarFeedInput {
  @Field(() => ID, { nullable: true, description: "The model whose calendar it carries: her own token implies her; her agency names her. Left out, an agency's feed carries all its models and a brand's its bookings." })
  modelId?: string | null;

  @Field(() => String, { nullable: true, description: 'A name to tell feeds apart, e.g. "iPhone" (default "Calendar").' })
  label?: string | null;
}

@ObjectType({ description: 'Result of createCalendarFeed: the feed, and its URL with the secret token, shown this once.' })
export class CalendarFeedPayload {
  @Field(() => CalendarFeed, { nullable: true, description: 'The feed; null when nothing was created.' })
  feed!: CalendarFeed | null;

  @Field(() => String, { nullable: true, description: 'The URL to subscribe to in a calendar app (https://…/feeds/<token>.ics). Keep it secret: it is the only credential of the feed, and it is not shown again.' })
  url!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was created; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of revokeCalendarFeed.' })
export class RevokeCalendarFeedPayload {
  @Field(() => CalendarFeed, { nullable: true, description: 'The feed, now revoked; its URL answers 404 on every API process.' })
  feed!: CalendarFeed | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}
