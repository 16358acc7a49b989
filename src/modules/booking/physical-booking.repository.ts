import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../common/ids';
import { eventsWritten, insertEventSql, recordedEvent } from '../../core/events';
import { moneyAmountFromDatabase } from '../../db/money-amount.type';
import { runPrepared, type PreparedStatement } from '../../db/prepared';
import type { FrozenTerms } from '../pricing/booking-quote.entity';
import type { CardPrices, PricedBooking } from '../pricing/quote';
import { rateCardInForceSql, type CancellationBandData, type TerritoryFactors } from '../pricing/rate-card.entity';
import { lockoutInForceOverlapsSql } from '../lockout/lockout.entity';
import { blocksPhysicalWorkSql, liveOptionSql, overlapsSql, rangeSql } from './booking-predicates';
import type { Actor } from './booking-history';
import { bookingEvent } from './booking-events';
import { BookingStatus, BookingType } from './booking-status';
import { bookingOfRow, type BookingRow } from './booking-rows';
import type { PhysicalBooking } from './booking.entity';
import { bookingInTheWay, type ClashingBooking } from './physical-clash';
import { claimJson, insertClaimsSql, type BookingClaims } from './exclusivity-claims';

/*
 * Creating a physical booking is the hottest write there is, so it runs as hand-written prepared statements (parsed
 * once per connection, and planned once for all when PostgreSQL finds a generic plan as good: parsing and planning
 * cost it more than running them) and no transaction:
 *
 * - the write is one statement, atomic on its own: the booking, its first history line and its frozen quote, inserted
 *   only if the model and her card are still the versions it was priced with, the brand exists, (for a confirmed
 *   booking) no live option holds the time and (unless her agency overrides) no lockout of hers covers it. It holds
 *   the model row FOR SHARE: a lockout placed meanwhile writes that row first, so the statement waits for it and,
 *   finding a newer row version than it priced with, writes nothing (see lockout.service.ts). The exclusion
 *   constraint refuses a clash, whatever runs at the same moment. The other checks hold as of the statement's snapshot, as they would in a transaction at read committed:
 *   an option committed at the very same instant is not seen (nor was it before, with the checks in a transaction).
 * - what it is priced with (the model's agency, her card) is remembered per model between requests (ModelTermsCache),
 *   so that a model booked again needs that one statement only. When the write finds anything changed, or the model
 *   is not remembered, one more statement reads it all afresh, with the clash and the options, to answer well.
 */

/** What a booking of a model is checked and priced with while neither the model nor her card changes. */
export interface ModelTerms {
  modelId: string;
  agencyId: string;
  hasMotherAgency: boolean;
  /** Her rate card, else her agency's default; null when neither exists. */
  card: CardPrices | null;
  /** Row versions (xmin) of the model and of the card, which the write checks are still current. */
  modelVersion: string;
  cardVersion: string | null;
}

/** What a new physical booking's checks and price depend on, read at once. */
export interface PhysicalBookingFacts {
  /** Null when no model has that id. */
  terms: ModelTerms | null;
  brandExists: boolean;
  /** The first confirmed physical booking in the way, if any. */
  clash: ClashingBooking | null;
  /** Live options overlapping the range (counted only when asked). */
  liveOptions: number;
  /** The first lockout of hers in force over the range, if any. */
  lockout: { start: Date; end: Date } | null;
  /** The first of them placed, whose range a refusal names (looked for only when asked). */
  firstLiveOption: ClashingBooking | null;
}

/** The terms of recently booked models, bounded: past `maxEntries` the one remembered longest ago is forgotten. */
export class ModelTermsCache {
  private readonly terms = new Map<string, ModelTerms>();

  constructor(private readonly maxEntries = 10_000) {}

  get(modelId: string): ModelTerms | undefined {
    return this.terms.get(modelId);
  }

  set(terms: ModelTerms): void {
    this.terms.delete(terms.modelId);
    if (this.terms.size >= this.maxEntries) this.terms.delete(this.terms.keys().next().value!);
    this.terms.set(terms.modelId, terms);
  }
}

// The version of the card in force for a model: her own, else her agency's default; null when there is none.
const CARD_VERSION = `(${rateCardInForceSql('m.id', 'm.agency_id', "r.id::text || '/' || r.xmin::text")})`;

// One row whatever exists: the parameters left-joined to the model, the first clash and the card.
const FACTS: PreparedStatement = {
  name: 'physical_booking_facts',
  text: `
  select m.id as model_id, m.agency_id, m.mother_agency_id is not null as has_mother_agency, m.xmin::text as model_version,
    exists (select 1 from brand where id = p.brand_id) as brand_exists,
    c.id as clash_id, c.model_id as clash_model_id, c.agency_id as clash_agency_id, c.brand_id as clash_brand_id,
    c.blocked_start as clash_start, c.blocked_end as clash_end,
    coalesce(o.live_options, 0) as live_options, o.id as option_id, o.agency_id as option_agency_id, o.brand_id as option_brand_id,
    o.blocked_start as option_start, o.blocked_end as option_end,
    l.start_at as lockout_start, l.end_at as lockout_end,
    r.id as card_id, r.version as card_version, r.currency, r.hourly_rate, r.half_day_rate, r.day_rate, r.overtime_after8h_bps, r.overtime_after12h_bps,
    r.travel_hourly_rate, r.model_commission_bps, r.service_fee_bps, r.mother_agency_share_bps, r.platform_fee_bps,
    r.cancellation_bands, r.weather_postponement_bps, r.deliverable_prices, r.usage_monthly_fees, r.territory_factor_bps,
    r.exclusivity_monthly_bps
  from (select $1::uuid as model_id, $2::uuid as brand_id, ${rangeSql('$3::timestamptz', '$4::timestamptz')} as blocked,
               $5::timestamptz as now, $6::boolean as count_options) p
  left join model m on m.id = p.model_id
  left join lateral (
    select c.id, c.model_id, c.agency_id, c.brand_id, c.blocked_start, c.blocked_end from booking c
    where c.model_id = m.id and ${blocksPhysicalWorkSql('c')} and ${overlapsSql('c', 'p.blocked')}
    order by c.blocked_start limit 1) c on true
  left join lateral (
    select o.id, o.agency_id, o.brand_id, o.blocked_start, o.blocked_end, count(*) over ()::int as live_options from booking o
    where p.count_options and o.model_id = m.id and ${liveOptionSql('o', 'p.now')} and ${overlapsSql('o', 'p.blocked')}
    order by o.placement limit 1) o on true
  left join lateral (
    select l.start_at, l.end_at from lockout l
    where l.model_id = m.id and ${lockoutInForceOverlapsSql('l', 'p.blocked')}
    order by l.start_at limit 1) l on true
  left join lateral (
    ${rateCardInForceSql('m.id', 'm.agency_id', "r.*, r.id::text || '/' || r.xmin::text as version")}) r on true`,
};

interface FactsRow {
  model_id: string | null;
  agency_id: string | null;
  has_mother_agency: boolean | null;
  model_version: string | null;
  brand_exists: boolean;
  clash_id: string | null;
  clash_model_id: string;
  clash_agency_id: string;
  clash_brand_id: string;
  /** Timestamps come as PostgreSQL writes them: the ORM's pool leaves them as text. */
  clash_start: string;
  clash_end: string;
  live_options: number;
  lockout_start: string | null;
  lockout_end: string | null;
  option_id: string | null;
  option_agency_id: string;
  option_brand_id: string;
  option_start: string;
  option_end: string;
  card_id: string | null;
  card_version: string | null;
  currency: string;
  hourly_rate: string;
  half_day_rate: string;
  day_rate: string;
  overtime_after8h_bps: number;
  overtime_after12h_bps: number;
  travel_hourly_rate: string;
  model_commission_bps: number;
  service_fee_bps: number;
  mother_agency_share_bps: number;
  platform_fee_bps: number;
  cancellation_bands: CancellationBandData[];
  weather_postponement_bps: number;
  deliverable_prices: Record<string, number>;
  usage_monthly_fees: Record<string, number>;
  territory_factor_bps: TerritoryFactors;
  exclusivity_monthly_bps: number;
}

const cardOf = (r: FactsRow): CardPrices => ({
  id: r.card_id!,
  currency: r.currency,
  hourlyRate: moneyAmountFromDatabase(r.hourly_rate),
  halfDayRate: moneyAmountFromDatabase(r.half_day_rate),
  dayRate: moneyAmountFromDatabase(r.day_rate),
  overtimeAfter8Bps: r.overtime_after8h_bps,
  overtimeAfter12Bps: r.overtime_after12h_bps,
  travelHourlyRate: moneyAmountFromDatabase(r.travel_hourly_rate),
  modelCommissionBps: r.model_commission_bps,
  serviceFeeBps: r.service_fee_bps,
  motherAgencyShareBps: r.mother_agency_share_bps,
  platformFeeBps: r.platform_fee_bps,
  cancellationBands: r.cancellation_bands,
  weatherPostponementBps: r.weather_postponement_bps,
  deliverablePrices: r.deliverable_prices,
  usageMonthlyFees: r.usage_monthly_fees,
  territoryFactorBps: r.territory_factor_bps,
  exclusivityMonthlyBps: r.exclusivity_monthly_bps,
});

/** Reads, in one statement, the model, whether the brand exists, the first clash, the live options (and the first placed) and the card. */
export async function physicalBookingFacts(
  em: EntityManager,
  q: { modelId: string; brandId: string; blockedStart: Date; blockedEnd: Date; countOptions: boolean; now?: Date },
): Promise<PhysicalBookingFacts> {
  const [row] = await runPrepared<FactsRow>(em, FACTS, [q.modelId, q.brandId, q.blockedStart, q.blockedEnd, q.now ?? new Date(), q.countOptions]);
  return {
    terms: row.model_id
      ? {
          modelId: row.model_id,
          agencyId: row.agency_id!,
          hasMotherAgency: !!row.has_mother_agency,
          card: row.card_id ? cardOf(row) : null,
          modelVersion: row.model_version!,
          cardVersion: row.card_version,
        }
      : null,
    brandExists: row.brand_exists,
    clash: row.clash_id
      ? {
          id: row.clash_id,
          model: { id: row.clash_model_id },
          agency: { id: row.clash_agency_id },
          brand: { id: row.clash_brand_id },
          blockedStart: em.getPlatform().parseDate(row.clash_start),
          blockedEnd: em.getPlatform().parseDate(row.clash_end),
        }
      : null,
    liveOptions: row.live_options,
    lockout: row.lockout_start
      ? { start: em.getPlatform().parseDate(row.lockout_start), end: em.getPlatform().parseDate(row.lockout_end!) }
      : null,
    firstLiveOption: row.option_id
      ? bookingInTheWay(em, {
          id: row.option_id,
          model_id: row.model_id!,
          agency_id: row.option_agency_id,
          brand_id: row.option_brand_id,
          blocked_start: row.option_start,
          blocked_end: row.option_end,
        })
      : null,
  };
}

/** The new booking as it is written. */
/**
 * Whether a new physical booking of this status waits for the live options that overlap it: a confirmed one does (the
 * options placed before it hold the slot first, until they are confirmed or released), an option does not.
 */
export const waitsForLiveOptions = (status: BookingStatus): boolean => status === BookingStatus.CONFIRMED;

export interface NewPhysicalBooking {
  brandId: string;
  status: BookingStatus;
  title: string;
  start: Date;
  end: Date;
  blockedStart: Date;
  blockedEnd: Date;
  locationName: string;
  locationTimeZone: string;
  travelBeforeMinutes: number;
  travelAfterMinutes: number;
  optionExpiresAt: Date | null;
  /** Her agency's reason to book through her lockouts; null: write nothing if one covers the blocked range. */
  overrideLockout: string | null;
  /** Its category, exclusivity and claim rows, written in the same statement; null when it has no category. */
  claims: BookingClaims | null;
}

const LOCKOUT_OVER_BLOCKED = lockoutInForceOverlapsSql('l', rangeSql('$8', '$9'));

// Writes nothing unless the model and her card are the versions priced with ($19, $20), the brand exists, no
// confirmed booking is in the way of an option (for a confirmed booking the exclusion constraint sees to it, and
// the probe is skipped), when asked ($21) no live option overlaps the blocked range, and no lockout of hers in force
// covers it unless her agency overrides ($22, the reason). FOR SHARE: a lockout placed meanwhile updates the model
// row first; this waits for it, and READ COMMITTED then re-checks the WHERE on the newest row version, whose xmin is
// no longer $19, so nothing is written. The override reason goes to the history line only when a lockout was there.
const STILL_CURRENT = `
  select m.agency_id,
    case when $22::text is not null and exists (select 1 from lockout l where l.model_id = m.id and ${LOCKOUT_OVER_BLOCKED})
      then 'overrides a lockout: ' || $22::text end as history_reason
  from model m
  where m.id = $2 and m.xmin::text = $19
    and ${CARD_VERSION} is not distinct from $20
    and exists (select 1 from brand where id = $3)
    and ($4 = '${BookingStatus.CONFIRMED}' or not exists (
      select 1 from booking c
      where c.model_id = m.id and ${blocksPhysicalWorkSql('c')} and ${overlapsSql('c', rangeSql('$8', '$9'))}))
    and not ($21 and exists (
      select 1 from booking o
      where o.model_id = m.id and ${liveOptionSql('o', '$10')} and ${overlapsSql('o', rangeSql('$8', '$9'))}))
    and ($22::text is not null or not exists (select 1 from lockout l where l.model_id = m.id and ${LOCKOUT_OVER_BLOCKED}))
  for share of m`;

// With `scopedAt`, the booking's category and exclusivity too, from the placeholders numbered from it.
const insertBooking = (scopedAt?: number) => `
  insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end,
    created_at, updated_at, location_name, location_time_zone, travel_before_minutes, travel_after_minutes, option_expires_at${
      scopedAt ? ', product_category, product_territories, exclusive_category, exclusive_territories, exclusive_start, exclusive_end' : ''
    })
  select $1, 'PHYSICAL', $2, ok.agency_id, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14, $15${
    scopedAt ? ', ' + [0, 1, 2, 3, 4, 5].map((i) => `$${scopedAt + i}`).join(', ') : ''
  } from ok
  returning id, status, created_at`;
const INSERT_BOOKING = insertBooking();

const INSERT_HISTORY = `
  insert into booking_change (id, booking_id, from_status, to_status, actor_role, actor_id, reason, at)
  select $16, b.id, null, b.status, $17, $18, ok.history_reason, b.created_at from b, ok`;

const INSERT_QUOTE = `
  insert into booking_quote (booking_id, currency, lines, brand_total, model_amount, agency_amount, mother_agency_amount,
    platform_amount, terms, frozen_at)
  select b.id, $23, $24::jsonb, $25, $26, $27, $28, $29, $30::jsonb, b.created_at from b`;

// Its booking.created event, from the two placeholders after all the others (`at`: the event's id, then its payload).
const eventCte = (at: number) =>
  `e as (${insertEventSql({
    from: 'b',
    id: `$${at}::uuid`,
    type: "'booking.created'",
    occurredAt: 'b.created_at',
    modelId: '$2',
    agencyId: '(select agency_id from ok)',
    brandId: '$3',
    bookingId: 'b.id',
    payload: `$${at + 1}::jsonb`,
  })})`;
const RETURNING = 'select b.id, e.seq from b cross join e';

const WITH_HISTORY: PreparedStatement = {
  name: 'insert_physical_booking',
  text: `with ok as (${STILL_CURRENT}), b as (${INSERT_BOOKING}), h as (${INSERT_HISTORY}), ${eventCte(23)} ${RETURNING}`,
};
const WITH_HISTORY_AND_QUOTE: PreparedStatement = {
  name: 'insert_physical_booking_quoted',
  text: `with ok as (${STILL_CURRENT}), b as (${INSERT_BOOKING}), h as (${INSERT_HISTORY}), q as (${INSERT_QUOTE}), ${eventCte(31)} ${RETURNING}`,
};

// A booking with a category writes its claims in the same statement: the exclusion constraints on them refuse it
// whole if another brand's claim forbids them (see exclusivity-claims.ts). Six booking columns, then the category and
// the claim rows, from placeholder `at`: after the 22 of every write ($23) or after the quote's 8 too ($31).
const claimsCte = (at: number) =>
  `x as (${insertClaimsSql({
    from: 'b cross join ',
    bookingId: 'b.id',
    modelId: '$2',
    brandId: '$3',
    category: `$${at + 6}`,
    rows: `$${at + 7}`,
  })})`;
const WITH_CLAIMS: PreparedStatement = {
  name: 'insert_physical_booking_claims',
  text: `with ok as (${STILL_CURRENT}), b as (${insertBooking(23)}), h as (${INSERT_HISTORY}), ${claimsCte(23)}, ${eventCte(31)} ${RETURNING}`,
};
const WITH_QUOTE_AND_CLAIMS: PreparedStatement = {
  name: 'insert_physical_booking_quoted_claims',
  text: `with ok as (${STILL_CURRENT}), b as (${insertBooking(31)}), h as (${INSERT_HISTORY}), q as (${INSERT_QUOTE}), ${claimsCte(31)}, ${eventCte(39)} ${RETURNING}`,
};

/**
 * Writes the booking, its first history line, its booking.created event and, when given, its frozen quote in one statement, if `terms` are still
 * current (see STILL_CURRENT); returns the booking as written, or null when nothing was written because they
 * were not. A clash raises the database's exclusion violation, and nothing is written.
 */
export async function insertPhysicalBooking(
  em: EntityManager,
  terms: ModelTerms,
  b: NewPhysicalBooking,
  actor: Actor,
  quote: { priced: PricedBooking; terms: FrozenTerms } | null,
  now = new Date(),
): Promise<PhysicalBooking | null> {
  const id = newId();
  const values: unknown[] = [
    id,
    terms.modelId,
    b.brandId,
    b.status,
    b.title,
    b.start,
    b.end,
    b.blockedStart,
    b.blockedEnd,
    now,
    b.locationName,
    b.locationTimeZone,
    b.travelBeforeMinutes,
    b.travelAfterMinutes,
    b.optionExpiresAt,
    newId(),
    actor.role,
    actor.id,
    terms.modelVersion,
    terms.cardVersion,
    waitsForLiveOptions(b.status),
    b.overrideLockout,
  ];
  if (quote) {
    const p = quote.priced;
    values.push(p.currency, JSON.stringify(p.lines), p.brandTotal, p.model, p.agency, p.motherAgency, p.platform, JSON.stringify(quote.terms));
  }
  const c = b.claims;
  if (c) {
    const territories = c.rows.filter((r) => r.kind === 'USAGE').map((r) => r.territory);
    const x = c.exclusivity;
    values.push(c.category, territories, x?.category ?? null, x?.territories ?? null, x?.start ?? null, x?.end ?? null, c.category, claimJson(c.rows));
  }
  const booking = asWritten(id, terms, b, now);
  const event = bookingEvent('booking.created', booking, {}, now);
  const eventId = newId();
  values.push(eventId, JSON.stringify(event.payload));
  const statement = c ? (quote ? WITH_QUOTE_AND_CLAIMS : WITH_CLAIMS) : quote ? WITH_HISTORY_AND_QUOTE : WITH_HISTORY;
  const written = await runPrepared<{ id: string; seq: string }>(em, statement, values);
  if (!written.length) return null;
  eventsWritten(em, [recordedEvent(event, eventId, written[0].seq, now)]);
  return booking;
}

/** The booking as it was written, known without reading it back (see booking-rows.ts). */
function asWritten(id: string, terms: ModelTerms, b: NewPhysicalBooking, now: Date): PhysicalBooking {
  const row: BookingRow = {
    id,
    type: BookingType.PHYSICAL,
    model_id: terms.modelId,
    agency_id: terms.agencyId,
    brand_id: b.brandId,
    status: b.status,
    title: b.title,
    start_at: b.start,
    end_at: b.end,
    blocked_start: b.blockedStart,
    blocked_end: b.blockedEnd,
    completed_at: null,
    created_at: now,
    updated_at: now,
    location_name: b.locationName,
    location_time_zone: b.locationTimeZone,
    travel_before_minutes: b.travelBeforeMinutes,
    travel_after_minutes: b.travelAfterMinutes,
    option_expires_at: b.optionExpiresAt,
    actual_end: null,
    deliverables: null,
    category: null,
    usage_media: null,
    usage_territories: null,
    usage_start: null,
    usage_end: null,
    delivered: null,
    consent_version: null,
    outside_consent_since: null,
    consent_flag: null,
    exclusive_category: b.claims?.exclusivity?.category ?? null,
    exclusive_territories: b.claims?.exclusivity?.territories ?? null,
    exclusive_start: b.claims?.exclusivity?.start ?? null,
    exclusive_end: b.claims?.exclusivity?.end ?? null,
    product_category: b.claims?.category ?? null,
    product_territories: b.claims ? b.claims.rows.filter((r) => r.kind === 'USAGE').map((r) => r.territory) : null,
    campaign_id: null,
    campaign_quote_amount: null,
    campaign_quote_currency: null,
  };
  return bookingOfRow(row, () => {
    throw new Error('a booking as written holds dates, not text');
  }) as PhysicalBooking;
}
