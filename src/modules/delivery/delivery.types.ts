import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { Delivery } from './delivery.entity';

@InputType({ description: 'A batch of work the twin produced for a confirmed digital booking.' })
export class SubmitDeliveryInput {
  @Field(() => ID, { description: 'The digital booking it was produced for.' })
  bookingId!: string;

  @Field(() => String, { description: 'Kind of deliverable: IMAGE, VIDEO…' })
  kind!: string;

  @Field(() => Int, { description: 'How many items, 1 to 10,000.' })
  quantity!: number;

  @Field(() => String, { description: "Where the produced assets are: a reference in the agency's asset store (a URL, a folder id); up to 500 characters." })
  assetReference!: string;
}

@InputType({ description: 'Rejects a submitted delivery, saying why.' })
export class RejectDeliveryInput {
  @Field(() => ID, { description: 'The delivery.' })
  deliveryId!: string;

  @Field(() => String, { description: 'Why it is rejected; told to whoever submitted it. Up to 500 characters.' })
  reason!: string;
}

@ObjectType({ description: 'Result of a delivery mutation.' })
export class DeliveryPayload {
  @Field(() => Delivery, { nullable: true, description: 'The delivery as it now stands; null when nothing changed.' })
  delivery!: Delivery | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}
