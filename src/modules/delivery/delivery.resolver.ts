import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { payload } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { DigitalBooking } from '../booking/booking.entity';
import { Delivery } from './delivery.entity';
import { decideDelivery, deliveriesOf, submitDelivery } from './delivery.service';
import { DeliveryPayload, RejectDeliveryInput, SubmitDeliveryInput } from './delivery.types';

@Resolver(() => DigitalBooking)
export class DigitalBookingDeliveryResolver {
  @FieldResolver(() => [Delivery], { nullable: true, description: "What the twin produced for it, oldest first, with each delivery's decision; null for whoever may not see the booking's deliveries." })
  deliveries(@Ctx() ctx: RequestContext, @Root() booking: DigitalBooking): Promise<Delivery[] | null> {
    return deliveriesOf(ctx, booking);
  }
}

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Authorized()
  @Mutation(() => DeliveryPayload, { description: "Submits what the twin produced for a confirmed digital booking (count, kind, asset reference): the model's agency or an admin." })
  async submitDelivery(@Ctx() ctx: RequestContext, @Arg('input', () => SubmitDeliveryInput) input: SubmitDeliveryInput): Promise<DeliveryPayload> {
    return payload('delivery', await submitDelivery(ctx, input));
  }

  @Authorized()
  @Mutation(() => DeliveryPayload, { description: 'Approves a submitted delivery: it counts as delivered and is paid at completion. The model, or her agency where her consent delegates approval.' })
  async approveDelivery(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The delivery.' }) id: string): Promise<DeliveryPayload> {
    return payload('delivery', await decideDelivery(ctx, id, null));
  }

  @Authorized()
  @Mutation(() => DeliveryPayload, { description: 'Rejects a submitted delivery, saying why; it is never paid. The model, or her agency where her consent delegates approval.' })
  async rejectDelivery(@Ctx() ctx: RequestContext, @Arg('input', () => RejectDeliveryInput) input: RejectDeliveryInput): Promise<DeliveryPayload> {
    return payload('delivery', await decideDelivery(ctx, input.deliveryId, input));
  }
}
