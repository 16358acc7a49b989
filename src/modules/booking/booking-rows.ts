import { ref, type Ref } from '@mikro-orm/core';
import { Agency } from '../agency/agency.entity';
import { Brand } from '../brand/brand.entity';
import { moneyAmountFromDatabase } from '../../db/money-amount.type';
import { Campaign } from '../campaign/campaign.entity';
import { Model } from '../model/model.entity';
import { BookingType, type BookingStatus } from './booking-status';
import { DigitalBooking, PhysicalBooking, type Booking, type Deliverable } from './booking.entity';

/*
 * Bookings read or written by hand-written SQL, as answers: built without the ORM's hydration, which costs about
 * 100 µs an entity (most of a small request, most of a calendar). They are outside the request's unit of work and
 * nothing is written to them; their relations are references that carry only an id, which is all a resolver reads
 * before loading the relation through the loaders.
 */

/** A relation known only by its id. */
export const refById = <T extends { id: string }>(entity: T, id: string): Ref<T> => ref(Object.assign(entity, { id }));

/**
 * The columns of `booking` a row does not read: `placement` is the database's to give and to compare (options rank by
 * it in SQL, see option-ranking.ts); nothing reads it from a booking, and a booking just written does not know it, so
 * a booking built from a row leaves it unset.
 */
export const BOOKING_COLUMNS_UNREAD: readonly string[] = ['placement'];

/** Every column of `booking` but BOOKING_COLUMNS_UNREAD, as `b`, in the order BookingRow names them. Listed, not
 * `b.*`: a prepared statement's result must not change shape when a migration adds a column. */
export const BOOKING_COLUMNS = `b.id, b.type, b.model_id, b.agency_id, b.brand_id, b.status, b.title, b.start_at, b.end_at,
  b.blocked_start, b.blocked_end, b.completed_at, b.created_at, b.updated_at, b.location_name, b.location_time_zone,
  b.travel_before_minutes, b.travel_after_minutes, b.option_expires_at, b.actual_end, b.deliverables, b.category,
  b.usage_media, b.usage_territories, b.usage_start, b.usage_end, b.delivered, b.consent_version, b.outside_consent_since, b.consent_flag,
  b.exclusive_category, b.exclusive_territories, b.exclusive_start, b.exclusive_end, b.product_category, b.product_territories, b.campaign_id,
  b.campaign_quote_amount, b.campaign_quote_currency`;

type Timestamp = string | Date;

/** A `booking` row as the ORM's pool returns it: timestamps as text, JSON and arrays parsed. */
export interface BookingRow {
  id: string;
  type: BookingType;
  model_id: string;
  agency_id: string;
  brand_id: string;
  status: BookingStatus;
  title: string;
  start_at: Timestamp;
  end_at: Timestamp;
  blocked_start: Timestamp;
  blocked_end: Timestamp;
  completed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  location_name: string | null;
  location_time_zone: string | null;
  travel_before_minutes: number | null;
  travel_after_minutes: number | null;
  option_expires_at: Timestamp | null;
  actual_end: Timestamp | null;
  deliverables: Deliverable[] | null;
  category: string | null;
  usage_media: string[] | null;
  usage_territories: string[] | null;
  usage_start: Timestamp | null;
  usage_end: Timestamp | null;
  delivered: Deliverable[] | null;
  consent_version: number | null;
  outside_consent_since: Timestamp | null;
  consent_flag: string | null;
  exclusive_category: string | null;
  exclusive_territories: string[] | null;
  exclusive_start: Timestamp | null;
  exclusive_end: Timestamp | null;
  product_category: string | null;
  product_territories: string[] | null;
  campaign_id: string | null;
  /** bigint: text from the pool, as every bigint is read. */
  campaign_quote_amount: string | number | null;
  campaign_quote_currency: string | null;
}

/**
 * The model and agency references of rows read together, one per id: a calendar's hundreds of bookings share one model
 * and one agency, and building a reference (an entity and its wrapper) costs more than the rest of the row.
 */
export interface SharedRelations {
  models: Map<string, Ref<Model>>;
  agencies: Map<string, Ref<Agency>>;
}

export const sharedRelations = (): SharedRelations => ({ models: new Map(), agencies: new Map() });

/** The reference of that id in `refs`, made once; without `refs` a new one. */
export function sharedRef<T extends { id: string }>(refs: Map<string, Ref<T>> | undefined, id: string, make: () => T): Ref<T> {
  let found = refs?.get(id);
  if (!found) {
    found = refById(make(), id);
    refs?.set(id, found);
  }
  return found;
}

/**
 * The columns a booking's summary is read from (`b`, in the order BookingSummaryRow names them): what a calendar entry
 * shows and decides by (times, status and expiry, whose it is) and the title. pg reads a month of 500 of these rows in
 * about half the CPU it spends on 500 whole ones (2 ms against 4), most of which went to columns a calendar never shows.
 */
export const BOOKING_SUMMARY_COLUMNS = `b.id, b.type, b.model_id, b.agency_id, b.brand_id, b.status, b.title, b.start_at, b.end_at,
  b.blocked_start, b.blocked_end, b.option_expires_at`;

/**
 * The GraphQL fields of a booking that its summary answers exactly as the whole booking does: its own columns, and
 * the relations and effective status its resolvers work out from them. Any other field needs the whole row.
 */
export const BOOKING_SUMMARY_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'type',
  'title',
  'status',
  'start',
  'end',
  'model',
  'brand',
  'blockedStart',
  'blockedEnd',
  'optionExpiresAt',
]);

/** A row of BOOKING_SUMMARY_COLUMNS. */
export type BookingSummaryRow = Pick<
  BookingRow,
  'id' | 'type' | 'model_id' | 'agency_id' | 'brand_id' | 'status' | 'title' | 'start_at' | 'end_at' | 'blocked_start' | 'blocked_end' | 'option_expires_at'
>;

/** A booking as its summary holds it: a PhysicalBooking or a DigitalBooking with only the summary's properties set. */
export type BookingSummary = Pick<Booking, 'id' | 'type' | 'model' | 'agency' | 'brand' | 'status' | 'title' | 'start' | 'end' | 'blockedStart' | 'blockedEnd'> & {
  optionExpiresAt?: Date | null;
};

/** A reader of the row's timestamps: PostgreSQL's text through `parseDate`, or a Date as it stands. */
const dateReader = (parseDate: (text: string) => Date) => (value: Timestamp): Date => (value instanceof Date ? value : parseDate(value));

/**
 * The booking a row of BOOKING_SUMMARY_COLUMNS begins, a PhysicalBooking or a DigitalBooking by its type, with the
 * summary's properties set: the one place a row's columns become a booking's, whole or summary.
 */
function bookingFromSummaryRow(row: BookingSummaryRow, date: (value: Timestamp) => Date, brand: Brand, relations?: SharedRelations): PhysicalBooking | DigitalBooking {
  const physical = row.type === BookingType.PHYSICAL;
  return Object.assign(physical ? new PhysicalBooking() : new DigitalBooking(), {
    id: row.id,
    model: sharedRef(relations?.models, row.model_id, () => new Model()),
    agency: sharedRef(relations?.agencies, row.agency_id, () => new Agency()),
    brand: ref(brand),
    status: row.status,
    title: row.title,
    start: date(row.start_at),
    end: date(row.end_at),
    blockedStart: date(row.blocked_start),
    blockedEnd: date(row.blocked_end),
    ...(physical ? { optionExpiresAt: row.option_expires_at === null ? null : date(row.option_expires_at) } : {}),
  });
}

/**
 * The summary a row of BOOKING_SUMMARY_COLUMNS holds: answers BOOKING_SUMMARY_FIELDS and nothing else. Arguments as
 * for bookingOfRow.
 */
export function bookingSummaryOfRow(
  row: BookingSummaryRow,
  parseDate: (text: string) => Date,
  brand: Brand = refBrand(row.brand_id),
  relations?: SharedRelations,
): BookingSummary {
  return bookingFromSummaryRow(row, dateReader(parseDate), brand, relations);
}

/**
 * The booking a row holds, a PhysicalBooking or a DigitalBooking by its type. `parseDate` reads PostgreSQL's text
 * timestamps (the platform's: `new Date()` misreads some of them); `brand` is the loaded brand when there is one;
 * `relations`, when given, shares references with the other rows read with it.
 */
export function bookingOfRow(row: BookingRow, parseDate: (text: string) => Date, brand: Brand = refBrand(row.brand_id), relations?: SharedRelations): Booking {
  const date = dateReader(parseDate);
  const dateOrNull = (value: Timestamp | null): Date | null => (value === null ? null : date(value));
  const booking = bookingFromSummaryRow(row, date, brand, relations);
  const common = {
    completedAt: dateOrNull(row.completed_at),
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
    exclusiveCategory: row.exclusive_category,
    exclusiveTerritories: row.exclusive_territories,
    exclusiveStart: dateOrNull(row.exclusive_start),
    exclusiveEnd: dateOrNull(row.exclusive_end),
    campaign: row.campaign_id ? refById(new Campaign(), row.campaign_id) : null,
    campaignQuoteAmount: row.campaign_quote_amount === null ? null : moneyAmountFromDatabase(row.campaign_quote_amount),
    campaignQuoteCurrency: row.campaign_quote_currency,
  };
  if (booking instanceof PhysicalBooking) {
    return Object.assign(booking, common, {
      locationName: row.location_name!,
      locationTimeZone: row.location_time_zone!,
      travelBeforeMinutes: row.travel_before_minutes!,
      travelAfterMinutes: row.travel_after_minutes!,
      actualEnd: dateOrNull(row.actual_end),
      productCategory: row.product_category,
      productTerritories: row.product_territories,
    });
  }
  return Object.assign(booking, common, {
    deliverables: row.deliverables!,
    category: row.category!,
    usageMedia: row.usage_media!,
    usageTerritories: row.usage_territories!,
    usageStart: date(row.usage_start!),
    usageEnd: date(row.usage_end!),
    delivered: row.delivered,
    consentVersion: row.consent_version,
    outsideConsentSince: dateOrNull(row.outside_consent_since),
    consentFlag: row.consent_flag,
  });
}

const refBrand = (id: string): Brand => Object.assign(new Brand(), { id });
