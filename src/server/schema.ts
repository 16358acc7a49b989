import { GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type AuthChecker, type PubSub } from 'type-graphql';
import { AgencyResolver } from '../modules/agency/agency.resolver';
import { BookingResolver, DigitalBookingConsentResolver, PhysicalBookingResolver } from '../modules/booking/booking.resolver';
import { DeliveryResolver, DigitalBookingDeliveryResolver } from '../modules/delivery/delivery.resolver';
import { LicenceResolver } from '../modules/licence/licence.resolver';
import { ConsentResolver } from '../modules/twin/consent.resolver';
import { bookingTypeName, DigitalBooking, PhysicalBooking } from '../modules/booking/booking.entity';
import { OptionChallengeResolver } from '../modules/booking/option-challenge.resolver';
import { BrandResolver } from '../modules/brand/brand.resolver';
import { BookingCampaignResolver, CampaignResolver } from '../modules/campaign/campaign.resolver';
import { LockoutResolver } from '../modules/lockout/lockout.resolver';
import { ModelResolver } from '../modules/model/model.resolver';
import { ModelEarningsResolver, PayoutResolver } from '../modules/payout/payout.resolver';
import { BookingMoneyResolver, PricingResolver } from '../modules/pricing/pricing.resolver';
import { DigitalTwinResolver } from '../modules/twin/twin.resolver';
import { CalendarFeedResolver } from '../modules/feed/feed.resolver';
import { WebhookDeliveryResolver, WebhookEndpointResolver } from '../modules/webhook/webhook.resolver';
import { feedRoute } from '../modules/feed/feed.route';
import type { HttpRoute } from '../core/http-route';
import type { RequestContext } from '../core/context';
import { ViewerResolver } from '../modules/viewer/viewer.resolver';
import { BookingSubscriptionResolver } from '../modules/booking/booking-subscription.resolver';
import { CalendarSubscriptionResolver } from '../modules/calendar/calendar-subscription.resolver';
import { ModelPlanningResolver, SearchResolver } from '../modules/search/search.resolver';

/** Role at the resolver: @Authorized() needs a signed-in viewer, @Authorized(roles) one of those roles. */
const authChecker: AuthChecker<RequestContext> = ({ context }, roles) =>
  !!context.viewer && (roles.length === 0 || roles.includes(context.viewer.role));

/**
 * Every subscription here reads the process's event stream through its own `subscribe` function (core/event-stream.ts);
 * type-graphql still asks for a topic-based PubSub, which nothing may use.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('subscriptions read the event stream; there are no topics to publish to');
  },
  subscribe() {
    throw new Error('subscriptions read the event stream; there are no topics to subscribe to');
  },
};

const MUTATION_DESCRIPTION = `Changes. Every mutation may be sent with an \`Idempotency-Key\` HTTP header (1 to 255 visible ASCII characters, kept
per viewer for at least 24 hours): the same request sent again with the same key gets the first answer back and changes
nothing; the same key with a different request is refused with IDEMPOTENCY_KEY_REUSED (HTTP 422).`;

const SUBSCRIPTION_DESCRIPTION = `Live updates over WebSocket at /graphql (the graphql-ws protocol), same port as HTTP. Sign in on connect with
\`connectionParams: { authorization: "Bearer <token>" }\` (a missing or bad token closes the socket with 4401, and so
does the token's expiry later: connect again with a fresh one). Each subscription sees what the same viewer could
query, read again at every change; changes made through any API process arrive.`;

/** Builds the executable schema from the resolvers; the same call emits schema/schema.graphql. */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      ViewerResolver,
      AgencyResolver,
      BrandResolver,
      ModelResolver,
      LockoutResolver,
      DigitalTwinResolver,
      ConsentResolver,
      BookingResolver,
      PhysicalBookingResolver,
      OptionChallengeResolver,
      DigitalBookingConsentResolver,
      DigitalBookingDeliveryResolver,
      DeliveryResolver,
      LicenceResolver,
      BookingMoneyResolver,
      PricingResolver,
      PayoutResolver,
      ModelEarningsResolver,
      CalendarFeedResolver,
      WebhookEndpointResolver,
      WebhookDeliveryResolver,
      CampaignResolver,
      BookingCampaignResolver,
      BookingSubscriptionResolver,
      CalendarSubscriptionResolver,
      SearchResolver,
      ModelPlanningResolver,
    ],
    orphanedTypes: [PhysicalBooking, DigitalBooking],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    authChecker,
    authMode: 'error',
    pubSub: NO_TOPICS,
    validate: false,
    emitSchemaFile: false,
  });
  // type-graphql runs a declared resolveType behind an async wrapper: every booking of a list would then resolve through
  // a promise (and graphql-js complete its fields asynchronously), which a month's calendar pays hundreds of times.
  const booking = schema.getType('Booking');
  if (booking instanceof GraphQLInterfaceType) booking.resolveType = bookingTypeName;
  // type-graphql gives the root types no description; the mutation's is where a client reading the schema learns to
  // retry safely, the subscription's where it learns how to subscribe.
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (!mutation || !subscription) return schema;
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    types: config.types.filter((type) => type !== mutation && type !== subscription),
    mutation: new GraphQLObjectType({ ...mutation.toConfig(), description: MUTATION_DESCRIPTION }),
    subscription: new GraphQLObjectType({ ...subscription.toConfig(), description: SUBSCRIPTION_DESCRIPTION }),
  });
}

/** The modules' plain HTTP endpoints beside /graphql (composed here, like their resolvers). */
export const MODULE_ROUTES: readonly HttpRoute[] = [feedRoute];
