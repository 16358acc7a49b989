import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { BookingType } from '../booking/booking-status';
import { Money } from '../pricing/pricing.types';
import { Payout } from './payout.entity';

@ArgsType()
export class PeriodArgs {
  @Field(() => Date, { description: 'Start of the period (inclusive), by when payout lines were written.' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period (exclusive).' })
  to!: Date;
}

@ObjectType({ description: 'Earnings of one booking type in one currency over a period.' })
export class EarningsLine {
  @Field(() => BookingType, { description: 'PHYSICAL or DIGITAL.' })
  bookingType!: BookingType;

  @Field(() => Int, { description: 'Bookings that paid into it.' })
  bookings!: number;

  @Field(() => Money, { description: 'Everything owed.' })
  total!: Money;

  @Field(() => Money, { description: 'Of which pending approval.' })
  pending!: Money;

  @Field(() => Money, { description: 'Of which approved, not yet paid.' })
  approved!: Money;

  @Field(() => Money, { description: 'Of which paid.' })
  paid!: Money;
}

@ObjectType({ description: "An agency's statement for a period: what it is owed, and what it owes its models." })
export class AgencyStatement {
  @Field(() => [EarningsLine], { description: 'Owed to the agency (as agency and as mother agency), by type and currency.' })
  owedToAgency!: EarningsLine[];

  @Field(() => [EarningsLine], { description: 'Owed to its models for bookings it manages, by type and currency.' })
  owedToModels!: EarningsLine[];
}

@ObjectType({ description: 'What a brand owes for one booking.' })
export class BrandCharge {
  @Field(() => ID, { description: 'The booking.' })
  bookingId!: string;

  @Field(() => BookingType, { description: 'PHYSICAL or DIGITAL.' })
  bookingType!: BookingType;

  @Field(() => String, { description: 'Its title.' })
  title!: string;

  @Field(() => Money, { description: 'Charged: the work done, or a cancellation fee.' })
  amount!: Money;
}

@ObjectType({ description: "A brand's statement for a period: per booking, and in total per currency." })
export class BrandStatement {
  @Field(() => [BrandCharge], { description: 'Each booking charged in the period.' })
  charges!: BrandCharge[];

  @Field(() => [Money], { description: 'Totals, one per currency.' })
  totals!: Money[];
}

@InputType({ description: 'Marks approved payout lines as paid.' })
export class MarkPayoutsPaidInput {
  @Field(() => [ID], { description: 'Payout lines, all APPROVED.' })
  ids!: string[];

  @Field(() => String, { description: 'Reference of the transfer.' })
  externalReference!: string;
}

@ObjectType({ description: 'Result of approvePayouts and markPayoutsPaid: all lines change, or none.' })
export class PayoutsPayload {
  @Field(() => [Payout], { description: 'The lines as they now stand; empty when nothing changed.' })
  payouts!: Payout[];

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}
