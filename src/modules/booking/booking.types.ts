import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
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
      "Her agency only (a brand is answered FORBIDDEN): book even through her lockouts, for this reason (up to 500 characters), kept in the booking's history. Without it a lockout in the way answers LOCKED_OUT.",
  })
  overrideLockout?: string | null;

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

  @Field(() => [DeliverableInput], {
    nullable: true,
    description: 'Refused (INVALID_INPUT): a digital job is paid for the deliveries approved for it (submitDelivery, approveDelivery), totalled by kind.',
    deprecationReason: 'Deliveries are submitted and approved; completion prices the approved ones.',
  })
  delivered?: DeliverableInput[] | null;
}

@InputType({ description: 'A licence period [start, end).' })
export class UsagePeriodInput {
  @Field(() => Date, { description: 'Start of the licence.' })
  start!: Date;

  @Field(() => Date, { description: 'End of the licence (exclusive).' })
  end!: Date;
}

@InputType({
  description:
    'Moves a booking to a new time, keeping its id, brand and deal memo. PHYSICAL: new start and end, and optionally place and travel. DIGITAL: a new production window, and optionally a new licence period.',
})
export class RescheduleBookingInput {
  @Field(() => ID, { description: 'The booking.' })
  id!: string;

  @Field(() => Date, { description: 'New start, an instant (a digital job: of its production window).' })
  start!: Date;

  @Field(() => Date, { description: 'New end, an instant after start.' })
  end!: Date;

  @Field(() => LocationInput, { nullable: true, description: 'PHYSICAL: a new place. Default: where it was.' })
  location?: LocationInput | null;

  @Field(() => Int, { nullable: true, description: 'PHYSICAL: travel time to block before the start, in minutes (0..1440). Default: as it was.' })
  travelBeforeMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'PHYSICAL: travel time to block after the end, in minutes (0..1440). Default: as it was.' })
  travelAfterMinutes?: number | null;

  @Field(() => UsagePeriodInput, { nullable: true, description: 'DIGITAL: a new licence period, within the twin’s consent. Default: as it was.' })
  usage?: UsagePeriodInput | null;

  @Field(() => String, { nullable: true, description: 'Why; kept in the history.' })
  reason?: string | null;
}

@InputType({ description: 'Postpones a confirmed physical job for weather to a new time; the brand pays the postponement fee of its deal memo.' })
export class PostponeBookingInput {
  @Field(() => ID, { description: 'The booking: a confirmed physical job.' })
  id!: string;

  @Field(() => Date, { description: 'New start, an instant.' })
  start!: Date;

  @Field(() => Date, { description: 'New end, an instant after start.' })
  end!: Date;

  @Field(() => String, { description: 'Why (the weather expected, say); kept in the history.' })
  reason!: string;
}

@ObjectType({ description: 'Result of a booking mutation.' })
export class BookingPayload {
  @Field(() => Booking, { nullable: true, description: 'The booking as it now stands; null when nothing changed.' })
  booking!: Booking | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

export const BookingConnection = ConnectionType(Booking, 'Booking', { counted: true });
export type BookingConnection = InstanceType<typeof BookingConnection>;

export enum BookingOrder {
  START = 'START',
  PLACED = 'PLACED',
}
registerEnumType(BookingOrder, {
  name: 'BookingOrder',
  description: "The order of a booking list. A cursor belongs to its order: passing it with the other is refused (BAD_USER_INPUT).",
  valuesConfig: {
    START: { description: 'By start time, earliest first (the default when a window `from`/`to` is given).' },
    PLACED: { description: 'By when the booking was placed, oldest first (the default otherwise).' },
  },
});

/** How many ids a list filter takes at most: enough for a booker's board, bounded for the planner. */
export const MAX_FILTER_IDS = 100;

@ArgsType()
export class BookingListArgs extends PageArgs {
  @Field(() => [BookingStatus], { nullable: true, description: 'Only these statuses, as the status field reads: an option past its expiry is EXPIRED.' })
  status?: BookingStatus[] | null;

  @Field(() => BookingType, { nullable: true, description: 'Only this type.' })
  type?: BookingType | null;

  @Field(() => Date, { nullable: true, description: 'Window start: only bookings whose [start, end) ends after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Window end (exclusive): only bookings whose [start, end) begins before this instant.' })
  to?: Date | null;

  @Field(() => [ID], { nullable: true, description: `Only bookings of these models (at most ${MAX_FILTER_IDS}).` })
  modelIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: `Only bookings for these brands (at most ${MAX_FILTER_IDS}).` })
  brandIds?: string[] | null;

  @Field(() => BookingOrder, { nullable: true, description: 'START or PLACED; default START when a window is given, else PLACED.' })
  orderBy?: BookingOrder | null;
}
