import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type AuthChecker } from 'type-graphql';
import { AgencyResolver } from '../modules/agency/agency.resolver';
import { BookingResolver, DigitalBookingConsentResolver, PhysicalBookingResolver } from '../modules/booking/booking.resolver';
import { DeliveryResolver, DigitalBookingDeliveryResolver } from '../modules/delivery/delivery.resolver';
import { LicenceResolver } from '../modules/licence/licence.resolver';
import { ConsentResolver } from '../modules/twin/consent.resolver';
import { DigitalBooking, PhysicalBooking } from '../modules/booking/booking.entity';
import { BrandResolver } from '../modules/brand/brand.resolver';
import { ModelResolver } from '../modules/model/model.resolver';
import { ModelEarningsResolver, PayoutResolver } from '../modules/payout/payout.resolver';
import { BookingMoneyResolver, PricingResolver } from '../modules/pricing/pricing.resolver';
import { DigitalTwinResolver } from '../modules/twin/twin.resolver';
import type { RequestContext } from '../core/context';
import { ViewerResolver } from './viewer.resolver';

/** Role at the resolver: @Authorized() needs a signed-in viewer, @Authorized(roles) one of those roles. */
const authChecker: AuthChecker<RequestContext> = ({ context }, roles) =>
  !!context.viewer && (roles.length === 0 || roles.includes(context.viewer.role));

/** Builds the executable schema from the resolvers; the same call emits schema/schema.graphql. */
export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      ViewerResolver,
      AgencyResolver,
      BrandResolver,
      ModelResolver,
      DigitalTwinResolver,
      ConsentResolver,
      BookingResolver,
      PhysicalBookingResolver,
      DigitalBookingConsentResolver,
      DigitalBookingDeliveryResolver,
      DeliveryResolver,
      LicenceResolver,
      BookingMoneyResolver,
      PricingResolver,
      PayoutResolver,
      ModelEarningsResolver,
    ],
    orphanedTypes: [PhysicalBooking, DigitalBooking],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    authChecker,
    authMode: 'error',
    validate: false,
    emitSchemaFile: false,
  });
}
