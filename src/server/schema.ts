import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type AuthChecker } from 'type-graphql';
import { AgencyResolver } from '../modules/agency/agency.resolver';
import { BookingResolver, DigitalBookingConsentResolver, PhysicalBookingResolver } from '../modules/booking/booking.resolver';
import { DeliveryResolver, DigitalBookingDeliveryResolver } from '../modules/delivery/delivery.resolver';
import { LicenceResolver } from '../modules/licence/licence.resolver';
import { ConsentResolver } from '../modules/twin/consent.resolver';
import { DigitalBooking, PhysicalBooking } from '../modules/booking/booking.entity';
import { OptionChallengeResolver } from '../modules/booking/option-challenge.resolver';
import { BrandResolver } from '../modules/brand/brand.resolver';
import { LockoutResolver } from '../modules/lockout/lockout.resolver';
import { ModelResolver } from '../modules/model/model.resolver';
import { ModelEarningsResolver, PayoutResolver } from '../modules/payout/payout.resolver';
import { BookingMoneyResolver, PricingResolver } from '../modules/pricing/pricing.resolver';
import { DigitalTwinResolver } from '../modules/twin/twin.resolver';
import { CalendarFeedResolver } from '../modules/feed/feed.resolver';
import { feedRoute } from '../modules/feed/feed.route';
import type { HttpRoute } from '../core/http-route';
import type { RequestContext } from '../core/context';
import { ViewerResolver } from '../modules/viewer/viewer.resolver';
import { ModelPlanningResolver, SearchResolver } from '../modules/search/search.resolver';

/** Role at the resolver: @Authorized() needs a signed-in viewer, @Authorized(roles) one of those roles. */
const authChecker: AuthChecker<RequestContext> = ({ context }, roles) =>
  !!context.viewer && (roles.length === 0 || roles.includes(context.viewer.role));

const MUTATION_DESCRIPTION = `Changes. Every mutation may be sent with an \`Idempotency-Key\` HTTP header (1 to 255 visible ASCII characters, kept
per viewer for at least 24 hours): the same request sent again with the same key gets the first answer back and changes
nothing; the same key with a different request is refused with IDEMPOTENCY_KEY_REUSED (HTTP 422).`;

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
      SearchResolver,
      ModelPlanningResolver,
    ],
    orphanedTypes: [PhysicalBooking, DigitalBooking],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    authChecker,
    authMode: 'error',
    validate: false,
    emitSchemaFile: false,
  });
  // type-graphql gives the root types no description; this one is where a client reading the schema learns to retry safely.
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    types: config.types.filter((type) => type !== mutation),
    mutation: new GraphQLObjectType({ ...mutation.toConfig(), description: MUTATION_DESCRIPTION }),
  });
}

/** The modules' plain HTTP endpoints beside /graphql (composed here, like their resolvers). */
export const MODULE_ROUTES: readonly HttpRoute[] = [feedRoute];
