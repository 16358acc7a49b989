import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { PhysicalBooking } from './booking.entity';

@ObjectType({ description: "An option whose rank changed: it moved up (one above it was released, declined, expired or moved away), or it stopped being a live option." })
export class OptionRankChange {
  @Field(() => PhysicalBooking, { description: 'The option as it stands now.' })
  booking!: PhysicalBooking;

  @Field(() => Int, { nullable: true, description: 'Its rank now among the live options overlapping it (1 = first); null when it is no longer a live option.' })
  rank!: number | null;
}

@ArgsType()
export class OptionRankChangeArgs {
  @Field(() => ID, { nullable: true, description: "Follow every option of this model the viewer may see (give this or bookingId)." })
  modelId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Follow this option alone (give this or modelId).' })
  bookingId?: string | null;
}
