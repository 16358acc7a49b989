import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/pagination';
import { BookingStatus } from '../booking/booking-status';
import { DigitalBooking, Exclusivity } from '../booking/booking.entity';
import { Money } from '../pricing/pricing.types';

@ObjectType({ description: "A licence of the model's likeness: a confirmed or completed digital booking whose usage has not ended." })
export class Licence {
  @Field(() => ID, { description: 'The id of the booking that grants it.' })
  id!: string;

  @Field(() => DigitalBooking, { description: 'The booking that grants it: brand, model, title, deliverables.' })
  booking!: DigitalBooking;

  @Field(() => BookingStatus, { description: 'CONFIRMED (the work may still be running) or COMPLETED.' })
  status!: BookingStatus;

  @Field(() => String, { description: 'Product category licensed.' })
  category!: string;

  @Field(() => [String], { description: 'Media licensed.' })
  media!: string[];

  @Field(() => [String], { description: 'Territories licensed: ISO 3166-1 alpha-2 codes, EU or WORLDWIDE.' })
  territories!: string[];

  @Field(() => Date, { description: 'Start of the licensed usage.' })
  start!: Date;

  @Field(() => Date, { description: 'End of the licensed usage (exclusive).' })
  end!: Date;

  @Field(() => Exclusivity, { nullable: true, description: 'The exclusivity the booking grants its brand with it; null: none.' })
  exclusivity!: Exclusivity | null;

  @Field(() => Boolean, { description: 'True when the licence ends within 30 days.' })
  endingSoon!: boolean;

  @Field(() => Int, { nullable: true, description: "The number of the twin's consent version the booking was accepted under; null for bookings older than versioned consent." })
  consentVersion!: number | null;

  @Field(() => Money, { nullable: true, description: "What it has earned the model: her payout lines for it. Null until it is completed, and for a brand." })
  earned!: Money | null;
}

export const LicenceConnection = ConnectionType(Licence, 'Licence');
export type LicenceConnection = InstanceType<typeof LicenceConnection>;

@ArgsType()
export class LicenceListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this model's licences." })
  modelId?: string | null;
}
