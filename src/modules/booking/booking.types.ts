import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { BookingStatus, BookingType } from './booking-status';
import { Booking } from './booking.entity';

@InputType({ description: 'Where a physical job takes place.' })
export class LocationInput {
  @Field(() => String, { description: 'Place name or address.' })
  name!: string;

  @Field(() => String, { description: 'IANA time zone of the place, e.g. Europe/Paris.' })
  timeZone!: string;
}

@InputType({ description: 'Exclusivity for the booking brand: while the booking holds, no other brand may book the model for this category in these territories over [start, end).' })
export class ExclusivityInput {
  @Field(() => String, { description: "Product category, e.g. APPAREL; a digital booking's own category." })
  category!: string;

  @Field(() => [String], { description: 'Territories: ISO 3166-1 alpha-2 codes, EU (its 27 member states) or WORLDWIDE.' })
  territories!: string[];

  @Field(() => Date, { description: 'Start of the exclusivity.' })
  start!: Date;

  @Field(() => Date, { description: 'End of the exclusivity (exclusive), at most 10 years after its start.' })
  end!: Date;
}

@InputType({ description: 'A physical booking: the model in person, [start, end).' })
export class CreatePhysicalBookingInput {
  @Field(() => ID, { description: 'The model.' })
  modelId!: string;

  @Field(() => ID, { nullable: true, description: "The booking brand. A brand's own token implies it; an agency or admin must give it." })
  brandId?: string | null;

  @Field(() => String, { description: 'What the job is.' })
  title!: string;

  @Field(() => Date, { description: 'Start, an instant.' })
  start!: Date;

  @Field(() => Date, { description: 'End, an instant after start.' })
  end!: Date;

  @Field(() => LocationInput, { description: 'Where.' })
  location!: LocationInput;

  @Field(() => Int, { nullable: true, description: 'Travel time to block before the start, in minutes (0..1440).' })
  travelBeforeMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Travel time to block after the end, in minutes (0..1440).' })
  travelAfterMinutes?: number | null;

  @Field(() => BookingStatus, { nullable: true, description: 'OPTION (default) or CONFIRMED; only an agency or admin books CONFIRMED straight away.' })
  status?: BookingStatus | null;

  @Field(() => Date, { nullable: true, description: 'For an option: when it stops holding unless confirmed.' })
  optionExpiresAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Product category the job is for, e.g. APPAREL. With one, another brand's exclusivity in that category over the job's time and territories refuses it; without one (and no exclusivity) it meets no exclusivity.",
  })
  category?: string | null;

  @Field(() => [String], { nullable: true, description: 'Where the work is used, with a category: ISO 3166-1 alpha-2 codes, EU or WORLDWIDE (the default).' })
  territories?: string[] | null;

  @Field(() => ExclusivityInput, { nullable: true, description: 'Exclusivity granted to the brand; priced as an EXCLUSIVITY_FEE line. Its category is the booking\'s.' })
  exclusivity?: ExclusivityInput | null;
}

@InputType({ description: 'A deliverable of a digital job.' })
export class DeliverableInput {
  @Field(() => String, { description: 'Kind: IMAGE, VIDEO…' })
  kind!: string;

  @Field(() => Int, { description: 'How many, at least 1.' })
  quantity!: number;
}

@InputType({ description: 'What the produced work may be used for, and for how long.' })
export class UsageInput {
  @Field(() => [String], { description: 'Media (ECOMMERCE, SOCIAL, PRINT, OOH, TV, WEB…).' })
  media!: string[];

  @Field(() => [String], { description: 'Territories: ISO 3166-1 alpha-2 codes, EU or WORLDWIDE.' })
  territories!: string[];

  @Field(() => Date, { description: 'Start of the licence.' })
  start!: Date;

  @Field(() => Date, { description: 'End of the licence (exclusive).' })
  end!: Date;
}

@InputType({ description: "A digital booking: work by the model's twin during a production window [start, end)." })
export class CreateDigitalBookingInput {
  @Field(() => ID, { description: 'The model whose twin works.' })
  modelId!: string;

  @Field(() => ID, { nullable: true, description: "The booking brand. A brand's own token implies it; an agency or admin must give it." })
  brandId?: string | null;

  @Field(() => String, { description: 'What the job is.' })
  title!: string;

  @Field(() => Date, { description: 'Start of the production window.' })
  start!: Date;

  @Field(() => Date, { description: 'End of the production window.' })
  end!: Date;

  @Field(() => [DeliverableInput], { description: 'What the twin produces; at least one.' })
  deliverables!: DeliverableInput[];

  @Field(() => String, { description: 'Product category advertised, e.g. APPAREL.' })
  category!: string;

  @Field(() => UsageInput, { description: 'Licensed usage.' })
  usage!: UsageInput;

  @Field(() => BookingStatus, { nullable: true, description: 'OPTION (default) or CONFIRMED; only an agency or admin books CONFIRMED straight away.' })
  status?: BookingStatus | null;

  @Field(() => ExclusivityInput, { nullable: true, description: 'Exclusivity granted to the brand, in the booking\'s category; priced as an EXCLUSIVITY_FEE line.' })
  exclusivity?: ExclusivityInput | null;
}

@InputType({ description: 'Completes a confirmed booking with what actually happened.' })
export class CompleteBookingInput {
  @Field(() => ID, { description: 'The booking.' })
  id!: string;

  @Field(() => Date, { nullable: true, description: 'PHYSICAL: when the work actually ended (after the start); overtime is priced from it. Default: the planned end.' })
  actualEnd?: Date | null;

  @Field(() => [DeliverableInput], { nullable: true, description: 'DIGITAL: what was delivered, priced per item. Default: what was ordered.' })
  delivered?: DeliverableInput[] | null;
}

@ObjectType({ description: 'Result of a booking mutation.' })
export class BookingPayload {
  @Field(() => Booking, { nullable: true, description: 'The booking as it now stands; null when nothing changed.' })
  booking!: Booking | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

export const BookingConnection = ConnectionType(Booking, 'Booking');
export type BookingConnection = InstanceType<typeof BookingConnection>;

@ArgsType()
export class BookingListArgs extends PageArgs {
  @Field(() => [BookingStatus], { nullable: true, description: 'Only these statuses, as the status field reads: an option past its expiry is EXPIRED.' })
  status?: BookingStatus[] | null;

  @Field(() => BookingType, { nullable: true, description: 'Only this type.' })
  type?: BookingType | null;
}
