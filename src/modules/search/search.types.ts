import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/pagination';
import { BookingType } from '../booking/booking-status';
import { DeliverableInput } from '../booking/booking.types';
import { FreeRange, LocalTime } from '../calendar/calendar.types';
import { Model } from '../model/model.entity';

@InputType({ description: 'A filter on one attribute her agency publishes (see ModelAttributeKey): equal to a value, or for a number within min..max.' })
export class AttributeFilterInput {
  @Field(() => String, { description: 'The attribute key, e.g. height_cm or hair.' })
  key!: string;

  @Field(() => String, { nullable: true, description: 'Exactly this value, e.g. BLONDE or 178.' })
  equals?: string | null;

  @Field(() => Number, { nullable: true, description: 'For a number: at least this (inclusive).' })
  min?: number | null;

  @Field(() => Number, { nullable: true, description: 'For a number: at most this (inclusive).' })
  max?: number | null;
}

@InputType({ description: 'The usage a digital job would license, which her twin’s consent must cover.' })
export class DigitalSearchInput {
  @Field(() => String, { description: 'Product category, e.g. APPAREL.' })
  category!: string;

  @Field(() => [String], { description: 'Media (ECOMMERCE, SOCIAL, PRINT, OOH, TV, WEB…).' })
  media!: string[];

  @Field(() => [String], { description: 'Territories: ISO 3166-1 alpha-2 codes, EU or WORLDWIDE.' })
  territories!: string[];

  @Field(() => Date, { description: 'Start of the licence.' })
  usageStart!: Date;

  @Field(() => Date, { description: 'End of the licence (exclusive).' })
  usageEnd!: Date;

  @Field(() => [DeliverableInput], { nullable: true, description: 'What the twin would produce; given, each result is priced.' })
  deliverables?: DeliverableInput[] | null;
}

@InputType({ description: 'A job a planner wants to place: its kind, its window and who may take it.' })
export class AvailabilitySearchInput {
  @Field(() => BookingType, { description: 'PHYSICAL: models with no confirmed physical work (travel included) nor lockout in the window. DIGITAL: models whose active twin’s consent covers the usage and who have room under their cap.' })
  type!: BookingType;

  @Field(() => Date, { description: 'Start of the job (a production window for a digital job), an instant.' })
  start!: Date;

  @Field(() => Date, { description: 'End of the job (exclusive), after the start.' })
  end!: Date;

  @Field(() => Int, { nullable: true, description: 'PHYSICAL: travel before the job, in minutes (0..1440); it must fall in free time too.' })
  travelBeforeMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'PHYSICAL: travel after the job, in minutes (0..1440).' })
  travelAfterMinutes?: number | null;

  @Field(() => ID, { nullable: true, description: "The brand the job is for. A brand's own token implies it; an agency or admin gives it for a digital search (consent and exclusivity depend on the brand)." })
  brandId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only models of this agency.' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only models based in this city (case-insensitive, whole name).' })
  baseCity?: string | null;

  @Field(() => [AttributeFilterInput], { nullable: true, description: 'Only models whose published attributes pass every filter (at most 10).' })
  attributes?: AttributeFilterInput[] | null;

  @Field(() => DigitalSearchInput, { nullable: true, description: 'DIGITAL: the usage to license; required for a digital search.' })
  digital?: DigitalSearchInput | null;
}

@ArgsType()
export class AvailableModelsArgs extends PageArgs {
  @Field(() => AvailabilitySearchInput, { description: 'The job and the filters.' })
  input!: AvailabilitySearchInput;
}

@ObjectType({ description: 'A model who can take the job searched for, as booking would accept it now.', simpleResolvers: true })
export class AvailableModel {
  @Field(() => Model, { description: 'The model.' })
  model!: Model;

  @Field(() => Int, { description: 'PHYSICAL: live options of any brand already on the window (travel included), so a new option would rank after them; no names. 0 for DIGITAL.' })
  liveOptions!: number;

  /** The window and terms priced by the price field. */
  job!: PricedJob;
}

/** What a result's price is computed from. */
export interface PricedJob {
  type: BookingType;
  start: Date;
  end: Date;
  travelMinutes: number;
  digital: DigitalSearchInput | null;
}

export const AvailableModelConnection = ConnectionType(AvailableModel, 'AvailableModel');
export type AvailableModelConnection = InstanceType<typeof AvailableModelConnection>;

@ObjectType({ description: "A model's busy time in a window: merged ranges, with no client, title or kind.", simpleResolvers: true })
export class ModelBusyRanges {
  @Field(() => ID, { description: 'The model.' })
  modelId!: string;

  @Field(() => [FreeRange], { description: 'Merged, sorted ranges in which she cannot take physical work: confirmed physical bookings (travel included) and her lockouts, clipped to the window.' })
  busy!: FreeRange[];
}

@InputType({ description: 'Local working hours, as wall-clock times in the zone asked for.' })
export class WorkingHoursInput {
  @Field(() => String, { description: 'Start, HH:mm (e.g. 09:00).' })
  start!: string;

  @Field(() => String, { description: 'End, HH:mm (e.g. 18:00); at or before the start, the hours run past midnight.' })
  end!: string;
}

@ArgsType()
export class FreeSlotsArgs {
  @Field(() => Date, { description: 'Window start, an instant.' })
  from!: Date;

  @Field(() => Date, { description: 'Window end (exclusive), at most 92 days after the start.' })
  to!: Date;

  @Field(() => Int, { description: 'Length of the job in minutes (1..44640): only gaps it fits in are returned.' })
  minDuration!: number;

  @Field(() => String, { nullable: true, description: "IANA zone for local times and working hours; the model's home zone by default." })
  timeZone?: string | null;

  @Field(() => WorkingHoursInput, { nullable: true, description: 'Only within these local hours of each day.' })
  workingHours?: WorkingHoursInput | null;

  @Field(() => Int, { nullable: true, description: 'Travel the job needs before it, in minutes (0..1440); it must fall in free time.' })
  travelBeforeMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Travel the job needs after it, in minutes (0..1440).' })
  travelAfterMinutes?: number | null;
}

@ObjectType({ description: 'A gap in which a physical job of the length asked for fits (it may start anywhere that leaves it inside).', simpleResolvers: true })
export class FreeSlot {
  @Field(() => Date, { description: 'Earliest start.' })
  start!: Date;

  @Field(() => Date, { description: 'Latest end (exclusive).' })
  end!: Date;

  @Field(() => LocalTime, { description: 'The start on the wall clock of the zone asked for.' })
  localStart!: LocalTime;

  @Field(() => LocalTime, { description: 'The end on the wall clock of the zone asked for.' })
  localEnd!: LocalTime;
}
