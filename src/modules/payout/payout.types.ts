import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { BookingType } from '../booking/booking-status';
import { Money } from '../pricing/pricing.types';
import { Payout, PayoutParty, PayoutReason, PayoutStatus } from './payout.entity';

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

/** How many lines a statement lists at most; past it, `linesComplete` is false and `payouts` pages through them. */
export const STATEMENT_MAX_LINES = 1000;

@ObjectType({ description: "One payout line of an agency's statement: what one booking owes one party, and why." })
export class AgencyStatementLine {
  @Field(() => ID, { description: 'The payout line; `approvePayouts` and `markPayoutsPaid` take it.' })
  payoutId!: string;

  @Field(() => ID, { description: 'The booking it comes from.' })
  bookingId!: string;

  @Field(() => BookingType, { description: 'PHYSICAL or DIGITAL.' })
  bookingType!: BookingType;

  @Field(() => String, {
    nullable: true,
    description: "The booking's title where the viewer may see the booking; null on a mother agency's line, whose booking is another agency's.",
  })
  title!: string | null;

  @Field(() => PayoutParty, { description: 'Who is owed: the agency, the agency as mother agency, or one of its models.' })
  party!: PayoutParty;

  @Field(() => ID, { nullable: true, description: 'The model or agency owed.' })
  partyId!: string | null;

  @Field(() => PayoutReason, { description: 'The work done (FEE) or a cancellation fee (CANCELLATION).' })
  reason!: PayoutReason;

  @Field(() => PayoutStatus, { description: 'PENDING, APPROVED or PAID.' })
  status!: PayoutStatus;

  @Field(() => Money, { description: 'What is owed.' })
  amount!: Money;

  @Field(() => Date, { description: 'When the line was written; the period is read by it.' })
  createdAt!: Date;
}

@ObjectType({ description: "An agency's statement for a period: what it is owed, and what it owes its models." })
export class AgencyStatement {
  @Field(() => [EarningsLine], { description: 'Owed to the agency (as agency and as mother agency), by type and currency.' })
  owedToAgency!: EarningsLine[];

  @Field(() => [EarningsLine], { description: 'Owed to its models for bookings it manages, by type and currency.' })
  owedToModels!: EarningsLine[];

  @Field(() => [AgencyStatementLine], {
    description: `The payout lines behind the totals above, oldest first; at most ${STATEMENT_MAX_LINES} (see linesComplete).`,
  })
  lines!: AgencyStatementLine[];

  @Field(() => Boolean, { description: 'False when the period holds more lines than a statement lists: page through them with `payouts`.' })
  linesComplete!: boolean;
}

@ObjectType({ description: 'What a brand owes for one booking.' })
export class BrandCharge {
  @Field(() => ID, { description: 'The booking.' })
  bookingId!: string;

  @Field(() => BookingType, { description: 'PHYSICAL or DIGITAL.' })
  bookingType!: BookingType;

  @Field(() => String, { description: 'Its title.' })
  title!: string;

  @Field(() => PayoutReason, { description: 'Why it is charged: the work done (FEE) or a cancellation fee (CANCELLATION).' })
  reason!: PayoutReason;

  @Field(() => Money, { description: 'Charged: the work done, or a cancellation fee.' })
  amount!: Money;
}

@ObjectType({ description: 'A confirmed booking not yet completed: what the brand has committed to, at its frozen quote.' })
export class BrandCommitment {
  @Field(() => ID, { description: 'The booking.' })
  bookingId!: string;

  @Field(() => BookingType, { description: 'PHYSICAL or DIGITAL.' })
  bookingType!: BookingType;

  @Field(() => String, { description: 'Its title.' })
  title!: string;

  @Field(() => Date, { description: 'When its work starts; the period is read by it.' })
  start!: Date;

  @Field(() => Money, { description: 'The frozen quote total: what the brand pays if the work goes as booked.' })
  amount!: Money;
}

@ObjectType({ description: "A brand's statement for a period: what is due (charged), per booking and per currency, and, apart from it, what is committed." })
export class BrandStatement {
  @Field(() => [BrandCharge], { description: 'Each booking charged in the period (completed, or cancelled with a fee).' })
  charges!: BrandCharge[];

  @Field(() => [Money], { description: 'What is due: the charges in total, one per currency.' })
  totals!: Money[];

  @Field(() => [BrandCommitment], {
    description: `Confirmed bookings whose work starts in the period and that are not completed yet, at their frozen quotes; at most ${STATEMENT_MAX_LINES}. Not due until charged.`,
  })
  committed!: BrandCommitment[];

  @Field(() => [Money], { description: 'What is committed in total, one per currency; never part of `totals`.' })
  committedTotals!: Money[];
}

@InputType({ description: 'Which payout lines to list; every filter given must hold.' })
export class PayoutFilterInput {
  @Field(() => [PayoutStatus], { nullable: true, description: 'Only lines in these statuses (PENDING to approve, APPROVED to pay).' })
  status?: PayoutStatus[] | null;

  @Field(() => [PayoutParty], { nullable: true, description: 'Only lines owed to these parties.' })
  party?: PayoutParty[] | null;

  @Field(() => ID, { nullable: true, description: 'Only lines of this booking.' })
  bookingId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only lines of bookings of this model (whoever they are owed to).' })
  modelId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only lines written at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only lines written before this instant.' })
  to?: Date | null;
}

@ArgsType()
export class PayoutListArgs extends PageArgs {
  @Field(() => PayoutFilterInput, { nullable: true, description: 'Which lines; none: every line the viewer may see.' })
  filter?: PayoutFilterInput | null;
}

export const PayoutConnection = ConnectionType(Payout, 'Payout', { counted: true });
export type PayoutConnection = InstanceType<typeof PayoutConnection>;

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
