import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../common/ids';
import { MoneyAmountType } from '../../db/money-amount.type';
import { BookingType } from '../booking/booking-status';
import { Booking } from '../booking/booking.entity';
import { BookingChange } from '../booking/booking-history.entity';

export enum PayoutParty {
  MODEL = 'MODEL',
  AGENCY = 'AGENCY',
  MOTHER_AGENCY = 'MOTHER_AGENCY',
  PLATFORM = 'PLATFORM',
}
registerEnumType(PayoutParty, { name: 'PayoutParty', description: 'Who a payout line is owed to.' });

export enum PayoutReason {
  FEE = 'FEE',
  CANCELLATION = 'CANCELLATION',
  POSTPONEMENT = 'POSTPONEMENT',
}
registerEnumType(PayoutReason, {
  name: 'PayoutReason',
  description: 'Why it is owed: the work done, a cancellation fee, or the fee of a postponement for weather.',
});

/** The unique index that lets each party be owed once per booking for its end (work or cancellation) and once per postponement. */
export const PAYOUT_ONCE_CONSTRAINT = 'payout_once_per_booking_party_charge';
// Where a line comes from no postponement: one key for the booking's final charge, whatever its reason.
const NO_POSTPONEMENT = '00000000-0000-0000-0000-000000000000';

export enum PayoutStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
}
registerEnumType(PayoutStatus, {
  name: 'PayoutStatus',
  description: 'PENDING → APPROVED → PAID, never back.',
});

/**
 * One ledger line owed to one party for one booking. Written once per booking and party for the booking's end (the
 * work done, or a cancellation), and once per booking, party and postponement: a unique index, whatever process tries.
 */
@ObjectType({ description: 'A ledger line owed to a model, an agency, a mother agency or the platform for one booking.' })
@Entity()
@Index({
  name: PAYOUT_ONCE_CONSTRAINT,
  expression: `create unique index "${PAYOUT_ONCE_CONSTRAINT}" on "payout" ("booking_id", "party", coalesce("postponement_id", '${NO_POSTPONEMENT}'::uuid))`,
})
// A postponement fee names its postponement, and nothing else does.
@Check({ name: 'payout_postponement_named', expression: "(reason = 'POSTPONEMENT') = (postponement_id is not null)" })
@Index({ name: 'payout_party_idx', properties: ['partyId', 'createdAt'] })
@Check({ name: 'payout_amount_non_negative', expression: 'amount >= 0' })
@Check({ name: 'payout_paid_has_reference', expression: "status <> 'PAID' or external_reference is not null" })
export class Payout {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Booking, { ref: true, deleteRule: 'restrict' })
  booking!: Ref<Booking>;

  /** Copied from the booking so that earnings by type need no join. */
  @Field(() => BookingType, { description: 'Type of the booking it comes from.' })
  @Enum({ items: () => BookingType })
  bookingType!: BookingType;

  @Field(() => PayoutParty, { description: 'Who is owed.' })
  @Enum({ items: () => PayoutParty })
  party!: PayoutParty;

  /** The model's or agency's id; null for the platform. */
  @Field(() => ID, { nullable: true, description: "The model's or agency's id; null for the platform." })
  @Property({ type: 'uuid', nullable: true })
  partyId: string | null = null;

  @Field(() => PayoutReason, { description: 'The work, a cancellation fee, or a postponement fee.' })
  @Enum({ items: () => PayoutReason })
  reason!: PayoutReason;

  /** For a postponement fee: the history line of the postponement it is owed for (the key that charges it once). */
  @ManyToOne(() => BookingChange, { ref: true, nullable: true, deleteRule: 'restrict' })
  postponement: Ref<BookingChange> | null = null;

  @Property({ type: MoneyAmountType })
  amount!: number;

  @Property({ type: 'text' })
  currency!: string;

  @Field(() => PayoutStatus, { description: 'PENDING, APPROVED or PAID.' })
  @Enum({ items: () => PayoutStatus })
  status: Opt<PayoutStatus> = PayoutStatus.PENDING;

  @Field(() => String, { nullable: true, description: 'Reference of the transfer, once paid.' })
  @Property({ type: 'text', nullable: true })
  externalReference: string | null = null;

  @Field(() => Date, { description: 'When the line was written.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was approved.' })
  @Property({ type: 'datetime', nullable: true })
  approvedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was paid.' })
  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;
}
