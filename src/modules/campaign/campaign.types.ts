import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { ConnectionType } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { BookingType } from '../booking/booking-status';
import { Booking } from '../booking/booking.entity';
import { CreateDigitalBookingInput, CreatePhysicalBookingInput } from '../booking/booking.types';
import { Money, Quote } from '../pricing/pricing.types';
import { Campaign } from './campaign.entity';

/** The most lines one scheduleCampaign call takes: a season's shoot days and twin jobs, bounded for one transaction. */
export const MAX_CAMPAIGN_LINES = 50;

@InputType({ description: 'An amount of money: an integer in the minor unit of an ISO 4217 currency.' })
export class MoneyInput {
  @Field(() => SafeIntResolver, { description: 'Integer amount in minor units, e.g. 5000000 for 50,000.00 EUR; 0 or more.' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 currency code, e.g. EUR.' })
  currency!: string;
}

@InputType({ description: 'A new campaign of the brand.' })
export class CreateCampaignInput {
  @Field(() => ID, { nullable: true, description: "The brand. A brand's own token implies it; an admin must give it." })
  brandId?: string | null;

  @Field(() => String, { description: 'What the campaign is, e.g. "SS27 launch".' })
  name!: string;

  @Field(() => MoneyInput, { description: 'Its budget: what the brand means to spend on its bookings, in one currency.' })
  budget!: MoneyInput;

  @Field(() => Date, { description: 'Start of the campaign, an instant.' })
  start!: Date;

  @Field(() => Date, { description: 'End of the campaign (exclusive), an instant after start.' })
  end!: Date;
}

@InputType({ description: 'One line of a campaign: a physical shoot day or a twin job, exactly one of the two, as its single-booking mutation takes it.' })
export class CampaignLineInput {
  @Field(() => CreatePhysicalBookingInput, { nullable: true, description: 'A physical booking, as createPhysicalBooking takes it; its brand is the campaign’s.' })
  physical?: CreatePhysicalBookingInput | null;

  @Field(() => CreateDigitalBookingInput, { nullable: true, description: 'A digital (twin) booking, as createDigitalBooking takes it; its brand is the campaign’s.' })
  digital?: CreateDigitalBookingInput | null;
}

@InputType({ description: 'Lines to book into a campaign, all or none.' })
export class ScheduleCampaignInput {
  @Field(() => ID, { description: 'The campaign.' })
  campaignId!: string;

  @Field(() => [CampaignLineInput], { description: `The lines, 1 to ${MAX_CAMPAIGN_LINES}: booked all together, or none of them.` })
  lines!: CampaignLineInput[];

  @Field(() => Boolean, { nullable: true, description: 'True: check and price every line, book nothing. Default false.' })
  dryRun?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'True: book even when the lines take the campaign over its budget (the payload says by how much). Default false: OVER_BUDGET, nothing booked.' })
  allowOverBudget?: boolean | null;
}

@ObjectType({ description: "One line's verdict: the booking made, or exactly what its single-booking mutation would have answered." })
export class CampaignLineVerdict {
  @Field(() => Int, { description: 'Position of the line in the input, from 0.' })
  index!: number;

  @Field(() => BookingType, { description: 'PHYSICAL or DIGITAL.' })
  type!: BookingType;

  @Field(() => Boolean, { description: 'True when the line itself passed every check (it is booked only if every line passed, within budget, and not in a dry run).' })
  accepted!: boolean;

  @Field(() => Booking, { nullable: true, description: 'The booking made; null in a dry run, for a refused line, and when another line (or the budget) kept the campaign from being booked.' })
  booking!: Booking | null;

  @Field(() => Quote, { nullable: true, description: "The line's price as the viewer may see it (frozen for a line booked CONFIRMED); null when refused or when no card prices it." })
  quote!: Quote | null;

  @Field(() => [UserError], { description: 'What blocks this line, exactly as createPhysicalBooking or createDigitalBooking would answer it (fields under ["input", …]); empty when it passed.' })
  userErrors!: UserError[];
}

@ObjectType({ description: "What a campaign's bookings of one type come to in one currency, by where they stand." })
export class CampaignTotal {
  @Field(() => BookingType, { description: 'PHYSICAL or DIGITAL.' })
  type!: BookingType;

  @Field(() => String, { description: 'ISO 4217 currency of the amounts.' })
  currency!: string;

  @Field(() => Money, { description: 'Live options, at the price quoted when they were scheduled.' })
  quoted!: Money;

  @Field(() => Money, { description: 'Confirmed bookings, at their frozen quote (deal memo).' })
  confirmed!: Money;

  @Field(() => Money, { description: 'Completed bookings, at what the brand was finally charged.' })
  completed!: Money;
}

@ObjectType({ description: "A campaign's spending against its budget." })
export class CampaignBudget {
  @Field(() => Money, { description: 'The budget.' })
  budget!: Money;

  @Field(() => [CampaignTotal], { description: 'Totals by booking type and currency (quoted, confirmed, completed).' })
  totals!: CampaignTotal[];

  @Field(() => Money, { description: "Quoted, confirmed and completed together, in the budget's currency: what the budget is measured against. Amounts in other currencies are in `totals` only." })
  committed!: Money;

  @Field(() => Money, { description: 'What is left of the budget; negative when over it.' })
  remaining!: Money;

  @Field(() => Money, { nullable: true, description: 'By how much the campaign is over its budget; null when within it.' })
  overBy!: Money | null;
}

@ObjectType({ description: 'Result of createCampaign.' })
export class CampaignPayload {
  @Field(() => Campaign, { nullable: true, description: 'The campaign; null when nothing was created.' })
  campaign!: Campaign | null;

  @Field(() => [UserError], { description: 'Why nothing was created; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of scheduleCampaign: every line booked, or none, with a verdict per line.' })
export class ScheduleCampaignPayload {
  @Field(() => Campaign, { nullable: true, description: 'The campaign as it now stands; null when it is not found.' })
  campaign!: Campaign | null;

  @Field(() => Boolean, { description: 'True when the lines were booked (every line passed, within budget or allowed over it, and not a dry run).' })
  booked!: boolean;

  @Field(() => Boolean, { description: 'True for a dry run: nothing was booked, whatever the verdicts.' })
  dryRun!: boolean;

  @Field(() => [CampaignLineVerdict], { description: 'One verdict per line, in input order; every line is checked even after one fails.' })
  lines!: CampaignLineVerdict[];

  @Field(() => CampaignBudget, { nullable: true, description: "The campaign's budget with the lines booked (as it would stand, for a dry run); null when a line was refused." })
  budget!: CampaignBudget | null;

  @Field(() => Money, { nullable: true, description: "By how much the lines take the campaign over its budget; null when within it (or a line was refused)." })
  overBudgetBy!: Money | null;

  @Field(() => [UserError], {
    description:
      'Why nothing was booked: each refused line\'s errors with the field under ["input", "lines", index, "physical" | "digital", …], OVER_BUDGET, or a problem with the campaign; empty when booked or when a dry run found nothing in the way.',
  })
  userErrors!: UserError[];
}

export const CampaignConnection = ConnectionType(Campaign, 'Campaign');
export type CampaignConnection = InstanceType<typeof CampaignConnection>;
