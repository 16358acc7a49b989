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
