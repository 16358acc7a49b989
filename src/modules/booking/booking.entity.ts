import { ArrayType, Check, raw, Entity, Enum, Index, JsonType, ManyToOne, PrimaryKey, Property, type Ref, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { newId } from '../../common/ids';
import { MoneyAmountType } from '../../db/money-amount.type';
import { Agency } from '../agency/agency.entity';
import { Brand } from '../brand/brand.entity';
import { Campaign } from '../campaign/campaign.entity';
import { Model } from '../model/model.entity';
import { BLOCKING_STATUSES, overlapsSql, rangeSql, sqlList } from './booking-predicates';
import { BookingStatus, BookingType } from './booking-status';

/** Name of the exclusion constraint that keeps confirmed physical bookings of one model apart. */
export const PHYSICAL_CLASH_CONSTRAINT = 'booking_no_physical_clash';

/** The sequence that gives each booking its place in line (see Booking.placement). */
export const BOOKING_PLACEMENT_SEQUENCE = 'booking_placement_seq';

/** Name of the index on (model, blocked range) that overlap queries use. */
export const BOOKING_WINDOW_INDEX = 'booking_model_window_idx';

/**
 * A filter for bookings whose blocked range overlaps [start, end): the range form lets PostgreSQL use the GiST
 * index on (model_id, blocked range), where two comparisons on a B-tree would scan every earlier booking.
 */
export const blockedOverlaps = (start: Date, end: Date) => ({
  [raw((alias: string) => overlapsSql(alias, rangeSql('?', '?')), [start, end])]: [],
});

@ObjectType({ description: 'Exclusivity granted to the booking brand: no other brand may book the model for this category where and when it holds.' })
export class Exclusivity {
  @Field(() => String, { description: 'Product category, e.g. APPAREL.' })
  category!: string;

  @Field(() => [String], { description: 'Territories: ISO 3166-1 alpha-2 codes, EU or WORLDWIDE.' })
  territories!: string[];

  @Field(() => Date, { description: 'Start of the exclusivity (inclusive).' })
  start!: Date;

  @Field(() => Date, { description: 'End of the exclusivity (exclusive).' })
  end!: Date;
}

/** The GraphQL type of a booking, by its type (what the database's discriminator says). */
export const bookingTypeName = (booking: { type: BookingType }): 'PhysicalBooking' | 'DigitalBooking' =>
  booking.type === BookingType.PHYSICAL ? 'PhysicalBooking' : 'DigitalBooking';

@InterfaceType('Booking', {
  description: 'One job of one model for one brand, physical or digital.',
  resolveType: bookingTypeName,
})
@Entity({ tableName: 'booking', abstract: true, discriminatorColumn: 'type' })
// The guarantee behind "no clash, ever": declared here so the schema diff knows it and leaves it alone.
@Index({
  name: PHYSICAL_CLASH_CONSTRAINT,
  expression:
    `alter table "booking" add constraint "${PHYSICAL_CLASH_CONSTRAINT}" exclude using gist ` +
    `("model_id" with =, ${rangeSql('"blocked_start"', '"blocked_end"')} with &&) ` +
    `where ("type" = '${BookingType.PHYSICAL}' and "status" in (${sqlList(BLOCKING_STATUSES)}))`,
})
// Every "what overlaps this range" question (clashes, options, twin jobs, calendars) is asked as a range overlap
// (see blockedOverlaps), which this GiST index answers without scanning the model's earlier bookings.
@Index({
  name: BOOKING_WINDOW_INDEX,
  expression: `create index "${BOOKING_WINDOW_INDEX}" on "booking" using gist ("model_id", ${rangeSql('"blocked_start"', '"blocked_end"')})`,
})
@Index({ name: 'booking_brand_idx', properties: ['brand', 'start'] })
@Index({ name: 'booking_agency_idx', properties: ['agency', 'start'] })
@Index({ name: 'booking_campaign_idx', properties: ['campaign', 'createdAt'] })
@Check({ name: 'booking_range_valid', expression: 'end_at > start_at' })
// A price quoted in a campaign is an amount with its currency, on a booking of a campaign.
@Check({
  name: 'booking_campaign_quote_whole',
  expression:
    '(campaign_quote_amount is null and campaign_quote_currency is null) or (campaign_id is not null and campaign_quote_amount >= 0 and campaign_quote_currency is not null)',
})
@Check({ name: 'booking_blocked_covers_range', expression: 'blocked_start <= start_at and blocked_end >= end_at' })
@Check({
  name: 'booking_physical_fields',
  expression:
    // The columns are nullable for digital rows; a NULL would make the comparisons unknown and let the check pass.
    "type <> 'PHYSICAL' or (location_name is not null and location_time_zone is not null " +
    'and travel_before_minutes is not null and travel_after_minutes is not null ' +
    'and travel_before_minutes >= 0 and travel_before_minutes <= 1440 ' +
    'and travel_after_minutes >= 0 and travel_after_minutes <= 1440 ' +
    "and blocked_start = start_at - make_interval(mins => travel_before_minutes) and blocked_end = end_at + make_interval(mins => travel_after_minutes))",
})
// An exclusivity is all four of its terms or none of them.
@Check({
  name: 'booking_exclusivity_whole',
  expression:
    '(exclusive_category is null and exclusive_territories is null and exclusive_start is null and exclusive_end is null) or ' +
    '(exclusive_category is not null and exclusive_territories is not null and exclusive_end > exclusive_start)',
})
@Check({
  name: 'booking_digital_fields',
  expression:
    "type <> 'DIGITAL' or (deliverables is not null and category is not null and usage_media is not null and usage_territories is not null " +
    'and usage_end > usage_start and blocked_start = start_at and blocked_end = end_at)',
})
export abstract class Booking {
  @Field(() => ID, { description: 'Stable identifier; kept across reschedules.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => BookingType, { description: 'PHYSICAL or DIGITAL.' })
  // No index of its own (the ORM gives a discriminator one by default): two values select nothing, and every insert
  // would pay for it. Queries by type go through the model's indexes.
  @Enum({ items: () => BookingType, index: false })
  type!: Opt<BookingType>;

  @ManyToOne(() => Model, { ref: true, deleteRule: 'restrict' })
  model!: Ref<Model>;

  /** The model's agency when booked, so that agency queries need no join. */
  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict' })
  agency!: Ref<Agency>;

  @ManyToOne(() => Brand, { ref: true, deleteRule: 'restrict' })
  brand!: Ref<Brand>;

  // Read through BookingResolver.status, which gives the effective status (see effective-status.ts).
  @Field(() => BookingStatus, { description: 'Where the booking is in its lifecycle; an option past its expiry reads EXPIRED from that instant.' })
  @Enum({ items: () => BookingStatus })
  status: Opt<BookingStatus> = BookingStatus.OPTION;

  @Field(() => String, { description: 'What the job is, e.g. "SS27 lookbook".' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => Date, { description: 'Start of the job (inclusive), an instant.' })
  @Property({ type: 'datetime', fieldName: 'start_at' })
  start!: Date;

  @Field(() => Date, { description: 'End of the job (exclusive), an instant.' })
  @Property({ type: 'datetime', fieldName: 'end_at' })
  end!: Date;

  /** Start of the range the booking keeps the model from other physical work (start minus travel). */
  @Property({ type: 'datetime' })
  blockedStart!: Date;

  /** End of the blocked range (end plus travel). */
  @Property({ type: 'datetime' })
  blockedEnd!: Date;

  /** When the work was done and its payouts written. */
  @Field(() => Date, { nullable: true, description: 'When the booking was completed.' })
  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  @Field(() => Date, { description: 'When the booking was placed. Options rank by the order the database placed them in (a moved option ranks from when it was moved), not by this instant.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  /**
   * The order the database placed the booking in, from one sequence: options rank by it, so that API processes whose
   * clocks disagree never reorder them. Given anew when an option is moved. Left to the column's default on insert.
   */
  @Property({ type: 'bigint', autoincrement: true })
  placement!: Opt<string>;

  @Field(() => Date, { description: 'When the booking last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  /** The category the booking grants its brand exclusively, with the three terms below; null when it grants none. */
  @Property({ type: 'text', nullable: true })
  exclusiveCategory: Opt<string> | null = null;

  @Property({ type: ArrayType, columnType: 'text[]', nullable: true })
  exclusiveTerritories: Opt<string[]> | null = null;

  @Property({ type: 'datetime', nullable: true })
  exclusiveStart: Opt<Date> | null = null;

  @Property({ type: 'datetime', nullable: true })
  exclusiveEnd: Opt<Date> | null = null;

  /** The campaign it was scheduled in; null for a booking placed on its own. */
  @ManyToOne(() => Campaign, { ref: true, nullable: true, deleteRule: 'restrict', index: false })
  campaign: Opt<Ref<Campaign>> | null = null;

  /**
   * What the brand was quoted for it when it was scheduled in its campaign (brand total, minor units of
   * campaignQuoteCurrency): an option's amount in the campaign's budget, which has no frozen quote yet. Null when no
   * card priced it, and outside campaigns.
   */
  @Property({ type: MoneyAmountType, nullable: true })
  campaignQuoteAmount: Opt<number> | null = null;

  @Property({ type: 'text', nullable: true })
  campaignQuoteCurrency: Opt<string> | null = null;

  @Field(() => Exclusivity, {
    nullable: true,
    description: 'The exclusivity this booking grants its brand; it binds while the booking is an OPTION, CONFIRMED or COMPLETED. Null: none.',
  })
  get exclusivity(): Exclusivity | null {
    if (!this.exclusiveCategory || !this.exclusiveTerritories || !this.exclusiveStart || !this.exclusiveEnd) return null;
    return { category: this.exclusiveCategory, territories: this.exclusiveTerritories, start: this.exclusiveStart, end: this.exclusiveEnd };
  }
}

@ObjectType({ description: 'A deliverable of a digital job: what kind and how many.' })
export class Deliverable {
  @Field(() => String, { description: 'Kind of deliverable: IMAGE, VIDEO…' })
  kind!: string;

  @Field(() => Int, { description: 'How many.' })
  quantity!: number;
}

// Entities' fields are their properties, with no middleware: `simpleResolvers` lets graphql read them directly (a month's
// calendar reads thousands); fields computed by resolver classes keep their resolvers.
@ObjectType({ implements: Booking, description: 'A booking of the model in person. Confirmed physical bookings of one model never clash.', simpleResolvers: true })
@Entity({ discriminatorValue: BookingType.PHYSICAL })
export class PhysicalBooking extends Booking {
  override type: Opt<BookingType> = BookingType.PHYSICAL;

  @Field(() => String, { description: 'Where the job takes place.' })
  @Property({ type: 'text', nullable: true })
  locationName!: string;

  @Field(() => String, { description: "IANA time zone of the job's location." })
  @Property({ type: 'text', nullable: true })
  locationTimeZone!: string;

  @Field(() => Int, { description: 'Travel time blocked before the start, in minutes.' })
  @Property({ type: 'integer', nullable: true })
  travelBeforeMinutes: Opt<number> = 0;

  @Field(() => Int, { description: 'Travel time blocked after the end, in minutes.' })
  @Property({ type: 'integer', nullable: true })
  travelAfterMinutes: Opt<number> = 0;

  @Field(() => Date, { nullable: true, description: 'When an option stops holding unless confirmed. Null: it holds until released.' })
  @Property({ type: 'datetime', nullable: true })
  optionExpiresAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When the work actually ended, as given at completion; overtime is priced from it.' })
  @Property({ type: 'datetime', nullable: true })
  actualEnd: Date | null = null;

  @Field(() => String, {
    nullable: true,
    description: "Product category the job is for, when given: another brand's exclusivity in it is then respected. Null: no category.",
  })
  @Property({ type: 'text', nullable: true })
  productCategory: Opt<string> | null = null;

  @Field(() => [String], { nullable: true, description: 'Where the work is used, with productCategory (WORLDWIDE when not given); null without a category.' })
  @Property({ type: ArrayType, columnType: 'text[]', nullable: true })
  productTerritories: Opt<string[]> | null = null;
}

@ObjectType({ implements: Booking, description: "Work produced by the model's digital twin. Never clashes in time with anything.", simpleResolvers: true })
@Entity({ discriminatorValue: BookingType.DIGITAL })
export class DigitalBooking extends Booking {
  override type: Opt<BookingType> = BookingType.DIGITAL;

  @Field(() => [Deliverable], { description: 'What the twin produces.' })
  @Property({ type: JsonType, nullable: true })
  deliverables!: Deliverable[];

  @Field(() => String, { description: 'Product category advertised, e.g. APPAREL.' })
  @Property({ type: 'text', nullable: true })
  category!: string;

  @Field(() => [String], { description: 'Media the work is licensed for.' })
  @Property({ type: ArrayType, columnType: 'text[]', nullable: true })
  usageMedia!: string[];

  @Field(() => [String], { description: 'Territories the work is licensed for.' })
  @Property({ type: ArrayType, columnType: 'text[]', nullable: true })
  usageTerritories!: string[];

  @Field(() => Date, { description: 'Start of the licence.' })
  @Property({ type: 'datetime', nullable: true })
  usageStart!: Date;

  @Field(() => Date, { description: 'End of the licence (exclusive).' })
  @Property({ type: 'datetime', nullable: true })
  usageEnd!: Date;

  @Field(() => [Deliverable], { nullable: true, description: 'What was delivered and approved, totalled by kind at completion; priced instead of what was ordered.' })
  @Property({ type: JsonType, nullable: true })
  delivered: Deliverable[] | null = null;

  @Field(() => Int, { nullable: true, description: "The number of the twin's consent version the booking was accepted under (at placing, and again at confirming); null for bookings older than versioned consent." })
  @Property({ type: 'integer', nullable: true })
  consentVersion: number | null = null;

  /** Since when a confirmed job falls outside the consent in force (after a narrowing); read through the policy. */
  @Property({ type: 'datetime', nullable: true })
  outsideConsentSince: Date | null = null;

  /** The terms the consent in force no longer covers, as a sentence. */
  @Property({ type: 'text', nullable: true })
  consentFlag: string | null = null;
}
