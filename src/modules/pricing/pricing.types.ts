import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { CreateDigitalBookingInput, CreatePhysicalBookingInput } from '../booking/booking.types';

export enum QuoteLineKind {
  BASE_FEE = 'BASE_FEE',
  OVERTIME = 'OVERTIME',
  TRAVEL = 'TRAVEL',
  SERVICE_FEE = 'SERVICE_FEE',
  USAGE_FEE = 'USAGE_FEE',
  DELIVERABLE = 'DELIVERABLE',
  CANCELLATION_FEE = 'CANCELLATION_FEE',
  POSTPONEMENT_FEE = 'POSTPONEMENT_FEE',
  EXCLUSIVITY_FEE = 'EXCLUSIVITY_FEE',
}
registerEnumType(QuoteLineKind, { name: 'QuoteLineKind', description: 'What a quote line charges for.' });

@ObjectType({ description: 'An amount of money: an integer in the currency’s minor unit (cents; yen have none) and its ISO 4217 code.' })
export class Money {
  @Field(() => SafeIntResolver, { description: 'Integer amount in minor units, e.g. 123450 for 1,234.50 EUR or 1234 for 1,234 JPY.' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 currency code.' })
  currency!: string;
}

@ObjectType('QuoteLine', { description: 'One priced line of a quote.' })
export class QuoteLineView {
  @Field(() => QuoteLineKind, { description: 'What it charges for.' })
  kind!: QuoteLineKind;

  @Field(() => String, { description: 'Readable description.' })
  description!: string;

  @Field(() => String, { description: 'Unit: HOUR, HALF_DAY, DAY, MINUTE, ITEM, MONTH or FLAT.' })
  unit!: string;

  @Field(() => SafeIntResolver, { description: 'How many units.' })
  quantity!: number;

  @Field(() => Money, { description: 'Price of one unit (per hour for MINUTE lines).' })
  unitAmount!: Money;

  @Field(() => Money, { description: 'What the line costs.' })
  amount!: Money;
}

@ObjectType({
  description:
    "A booking's price: its lines, what the brand pays and who receives what; the parts sum to the brand total. Each viewer sees its own: the brand its lines and total, the model her part, the agency everything.",
})
export class Quote {
  @Field(() => String, { description: 'ISO 4217 currency of every amount.' })
  currency!: string;

  @Field(() => [QuoteLineView], { description: 'Priced lines, the service fee included; empty for the model, who reads her part.' })
  lines!: QuoteLineView[];

  @Field(() => Money, { nullable: true, description: 'What the brand pays; null for the model.' })
  brandTotal!: Money | null;

  @Field(() => Money, { nullable: true, description: 'What the model receives; null for the brand.' })
  modelAmount!: Money | null;

  @Field(() => Money, { nullable: true, description: "What the agency keeps; the agency's and admins' to see." })
  agencyAmount!: Money | null;

  @Field(() => Money, { nullable: true, description: "What the mother agency receives (zero without one); the agency's and admins' to see." })
  motherAgencyAmount!: Money | null;

  @Field(() => Money, { nullable: true, description: "What the platform receives; the agency's and admins' to see." })
  platformAmount!: Money | null;

  @Field(() => Boolean, { description: 'True once confirmed: the deal memo, kept whatever the rate card says later.' })
  frozen!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was frozen.' })
  frozenAt!: Date | null;
}

@ObjectType({
  description:
    "What the brand is charged for a booking: each weather postponement's fee, then the deal memo's lines as the work turned out (overtime, items delivered) at completion, or the cancellation fee. Exactly what the brand statement charges for it.",
})
export class Charges {
  @Field(() => String, { description: 'ISO 4217 currency of every amount.' })
  currency!: string;

  @Field(() => [QuoteLineView], { description: 'The charged lines, priced with the terms frozen at confirmation; the service fee included.' })
  lines!: QuoteLineView[];

  @Field(() => Money, { description: 'What the brand pays in all: the sum of the lines, and of the payouts written for the booking.' })
  total!: Money;

  @Field(() => Date, { description: 'When the last charge was made (a postponement, the completion or a cancellation).' })
  chargedAt!: Date;
}

@ObjectType({ description: 'A share of a cancellation fee for bookings cancelled with less notice than `noticeHours`.' })
export class CancellationBand {
  @Field(() => Int, { description: 'Cancelled with less than this many hours of notice…' })
  noticeHours!: number;

  @Field(() => Int, { description: '…the brand pays this share of the total, in basis points.' })
  bps!: number;
}

@InputType({ description: 'A cancellation band.' })
export class CancellationBandInput {
  @Field(() => Int, { description: 'Hours of notice under which the band applies (1..8760).' })
  noticeHours!: number;

  @Field(() => Int, { description: 'Share of the total charged, 0..10,000 basis points.' })
  bps!: number;
}

@ObjectType({ description: 'A price keyed by a code (a deliverable kind or a medium).' })
export class KeyedPrice {
  @Field(() => String, { description: 'The code, e.g. IMAGE or ECOMMERCE.' })
  key!: string;

  @Field(() => Money, { description: 'The price.' })
  price!: Money;
}

@InputType({ description: 'A price keyed by a code.' })
export class KeyedPriceInput {
  @Field(() => String, { description: 'The code, e.g. IMAGE or ECOMMERCE.' })
  key!: string;

  @Field(() => SafeIntResolver, { description: 'Price in minor units.' })
  amount!: number;
}

@ObjectType({ description: 'Usage-fee factors by territory kind, in basis points (10,000 = 1×).' })
export class TerritoryFactors {
  @Field(() => Int, { description: 'Per single country.' })
  country!: number;

  @Field(() => Int, { description: 'For the EU.' })
  eu!: number;

  @Field(() => Int, { description: 'Worldwide.' })
  worldwide!: number;
}

@InputType({ description: 'Usage-fee factors by territory kind, in basis points.' })
export class TerritoryFactorsInput {
  @Field(() => Int, { description: 'Per single country (default 10,000).' })
  country!: number;

  @Field(() => Int, { description: 'For the EU (default 30,000).' })
  eu!: number;

  @Field(() => Int, { description: 'Worldwide (default 60,000).' })
  worldwide!: number;
}

@ObjectType('RateCard', { description: "A model's prices (or her agency's default), in one currency, for both booking types." })
export class RateCardView {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => ID, { description: 'The agency.' })
  agencyId!: string;

  @Field(() => ID, { nullable: true, description: "The model; null for the agency's default card." })
  modelId!: string | null;

  @Field(() => String, { description: 'ISO 4217 currency of every price.' })
  currency!: string;

  @Field(() => Money, { description: 'PHYSICAL: per hour.' })
  hourlyRate!: Money;

  @Field(() => Money, { description: 'PHYSICAL: per half day (up to 4 h).' })
  halfDayRate!: Money;

  @Field(() => Money, { description: 'PHYSICAL: per day (up to 8 h).' })
  dayRate!: Money;

  @Field(() => Int, { description: 'Overtime multiplier after 8 h, basis points (15,000 = 1.5×).' })
  overtimeAfter8Bps!: number;

  @Field(() => Int, { description: 'Overtime multiplier after 12 h, basis points (20,000 = 2×).' })
  overtimeAfter12Bps!: number;

  @Field(() => Money, { description: 'PHYSICAL: per hour of travel buffer; zero when travel is not billed.' })
  travelHourlyRate!: Money;

  @Field(() => Int, { description: "The agency's commission from the model's fee, basis points." })
  modelCommissionBps!: number;

  @Field(() => Int, { description: 'Service fee the brand pays on top, basis points.' })
  serviceFeeBps!: number;

  @Field(() => Int, { description: "The mother agency's share of the agency commission, basis points." })
  motherAgencyShareBps!: number;

  @Field(() => Int, { description: "The platform's fee of the brand total, borne by the agency side, basis points." })
  platformFeeBps!: number;

  @Field(() => [CancellationBand], { description: 'What a brand pays for cancelling a confirmed booking, by notice.' })
  cancellationBands!: CancellationBand[];

  @Field(() => Int, { description: 'Weather-permit postponement fee, basis points of the total.' })
  weatherPostponementBps!: number;

  @Field(() => [KeyedPrice], { description: 'DIGITAL: price per deliverable, by kind.' })
  deliverablePrices!: KeyedPrice[];

  @Field(() => [KeyedPrice], { description: 'DIGITAL: usage fee per medium per month of licence.' })
  usageMonthlyFees!: KeyedPrice[];

  @Field(() => TerritoryFactors, { description: 'DIGITAL: usage-fee factor per territory requested; also the exclusivity fee\'s factor per territory held.' })
  territoryFactors!: TerritoryFactors;

  @Field(() => Int, {
    description:
      "Exclusivity fee per started month of an exclusivity, basis points of the booking's fee before it, times the territory factor of the territories held.",
  })
  exclusivityMonthlyBps!: number;

  @Field(() => Date, { description: 'When the card last changed.' })
  updatedAt!: Date;
}

@InputType({ description: "Sets a model's rate card (or, without modelId, the agency default). Fields left out take their defaults." })
export class SetRateCardInput {
  @Field(() => ID, { nullable: true, description: "The model; leave out for the agency's default card." })
  modelId?: string | null;

  @Field(() => ID, { nullable: true, description: "The agency; implied by an agency's token, required for an admin setting a default card." })
  agencyId?: string | null;

  @Field(() => String, { description: 'ISO 4217 currency code.' })
  currency!: string;

  @Field(() => SafeIntResolver, { description: 'Per hour, minor units.' })
  hourlyRate!: number;

  @Field(() => SafeIntResolver, { description: 'Per half day, minor units.' })
  halfDayRate!: number;

  @Field(() => SafeIntResolver, { description: 'Per day, minor units.' })
  dayRate!: number;

  @Field(() => Int, { nullable: true, description: 'Default 15,000 (1.5×).' })
  overtimeAfter8Bps?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 20,000 (2×).' })
  overtimeAfter12Bps?: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Default 0 (travel not billed).' })
  travelHourlyRate?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 2,000 (20%).' })
  modelCommissionBps?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 2,000 (20%).' })
  serviceFeeBps?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 1,000 (10% of the commission).' })
  motherAgencyShareBps?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 500 (5% of the brand total).' })
  platformFeeBps?: number | null;

  @Field(() => [CancellationBandInput], { nullable: true, description: 'Default: under 24 h 100%, under 48 h 50%, under 72 h 25%.' })
  cancellationBands?: CancellationBandInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Default 5,000 (50%).' })
  weatherPostponementBps?: number | null;

  @Field(() => [KeyedPriceInput], { nullable: true, description: 'Price per deliverable kind.' })
  deliverablePrices?: KeyedPriceInput[] | null;

  @Field(() => [KeyedPriceInput], { nullable: true, description: 'Usage fee per medium per month.' })
  usageMonthlyFees?: KeyedPriceInput[] | null;

  @Field(() => TerritoryFactorsInput, { nullable: true, description: 'Default country 1×, EU 3×, worldwide 6×.' })
  territoryFactors?: TerritoryFactorsInput | null;

  @Field(() => Int, { nullable: true, description: "Exclusivity fee per month, basis points of the booking's fee (0..10,000); default 1,000 (10%)." })
  exclusivityMonthlyBps?: number | null;
}

@ObjectType({ description: 'Result of setRateCard.' })
export class RateCardPayload {
  @Field(() => RateCardView, { nullable: true, description: 'The card as now stored.' })
  rateCard!: RateCardView | null;

  @Field(() => [UserError], { description: 'Why nothing was stored; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A booking to price before placing it: give exactly one of physical or digital.' })
export class QuoteBookingInput {
  @Field(() => CreatePhysicalBookingInput, { nullable: true, description: 'A physical booking as it would be created.' })
  physical?: CreatePhysicalBookingInput | null;

  @Field(() => CreateDigitalBookingInput, { nullable: true, description: 'A digital booking as it would be created.' })
  digital?: CreateDigitalBookingInput | null;
}

@ObjectType({ description: 'Result of quoteBooking.' })
export class QuotePayload {
  @Field(() => Quote, { nullable: true, description: 'The price under the current rate card; nothing is booked.' })
  quote!: Quote | null;

  @Field(() => [UserError], { description: 'Why it cannot be priced; empty on success.' })
  userErrors!: UserError[];
}
