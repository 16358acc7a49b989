import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../common/ids';
import { RateCard } from '../pricing/rate-card.entity';
import type { PricedBooking } from '../pricing/quote';
import type { FrozenTerms } from '../pricing/booking-quote.entity';
import type { Actor } from './booking-history';
import type { BookingStatus } from './booking-status';
import { PhysicalBooking } from './booking.entity';
import type { ClashingBooking } from './physical-clash';

/*
 * Creating a physical booking is the hottest write there is, so it runs as two hand-written statements and no
 * transaction: one reads everything the checks and the price depend on, one writes the booking, its first history
 * line and its frozen quote together (a single statement is atomic). Between the two, the database still guards
 * what must hold: the exclusion constraint refuses a clash, the foreign keys a vanished model or brand.
 */

/** What a new physical booking's checks and price depend on, read at once. */
export interface PhysicalBookingFacts {
  /** Null when no model has that id. */
  model: { id: string; agencyId: string; hasMotherAgency: boolean } | null;
  brandExists: boolean;
  /** The first confirmed physical booking in the way, if any. */
  clash: ClashingBooking | null;
  /** Live options overlapping the range (counted only when asked). */
  liveOptions: number;
  /** Her rate card, else her agency's default. */
  card: RateCard | null;
}

// One row per model (none when the model does not exist), or a row of nulls from the outer join when it does not;
// the brand is looked up beside it so that an unknown model and an unknown brand are told apart.
const FACTS_SQL = `
  select m.id as model_id, m.agency_id, m.mother_agency_id is not null as has_mother_agency,
    exists (select 1 from brand where id = p.brand_id) as brand_exists,
    (select json_build_object('id', c.id, 'modelId', c.model_id, 'agencyId', c.agency_id, 'brandId', c.brand_id,
              'blockedStart', c.blocked_start, 'blockedEnd', c.blocked_end)
       from booking c
       where c.model_id = m.id and c.type = 'PHYSICAL' and c.status in ('CONFIRMED', 'COMPLETED')
         and tstzrange(c.blocked_start, c.blocked_end, '[)') && p.blocked
       order by c.blocked_start limit 1) as clash,
    case when p.count_options then
      (select count(*) from booking o
         where o.model_id = m.id and o.type = 'PHYSICAL' and o.status = 'OPTION'
           and tstzrange(o.blocked_start, o.blocked_end, '[)') && p.blocked
           and (o.option_expires_at is null or o.option_expires_at > p.now))::int
    else 0 end as live_options,
    (select to_jsonb(r) from rate_card r
       where r.agency_id = m.agency_id and (r.model_id = m.id or r.model_id is null)
       order by r.model_id nulls last limit 1) as card
  from (select ?::uuid as model_id, ?::uuid as brand_id, tstzrange(?::timestamptz, ?::timestamptz, '[)') as blocked,
               ?::timestamptz as now, ?::boolean as count_options) p
  left join model m on m.id = p.model_id`;

interface FactsRow {
  model_id: string | null;
  agency_id: string | null;
  has_mother_agency: boolean | null;
  brand_exists: boolean;
  clash: { id: string; modelId: string; agencyId: string; brandId: string; blockedStart: string; blockedEnd: string } | null;
  live_options: number;
  card: Record<string, unknown> | null;
}

/** Reads, in one statement, the model, whether the brand exists, the first clash, the live options and the card. */
export async function physicalBookingFacts(
  em: EntityManager,
  q: { modelId: string; brandId: string; blockedStart: Date; blockedEnd: Date; countOptions: boolean; now?: Date },
): Promise<PhysicalBookingFacts> {
  const [row] = await em.execute<FactsRow[]>(FACTS_SQL, [q.modelId, q.brandId, q.blockedStart, q.blockedEnd, q.now ?? new Date(), q.countOptions]);
  const c = row.clash;
  return {
    model: row.model_id ? { id: row.model_id, agencyId: row.agency_id!, hasMotherAgency: !!row.has_mother_agency } : null,
    brandExists: row.brand_exists,
    clash: c
      ? {
          id: c.id,
          model: { id: c.modelId },
          agency: { id: c.agencyId },
          brand: { id: c.brandId },
          blockedStart: new Date(c.blockedStart),
          blockedEnd: new Date(c.blockedEnd),
        }
      : null,
    liveOptions: row.live_options,
    // The card's own mapping (bigint amounts checked, JSON columns parsed) turns the row into the entity.
    card: row.card ? em.map(RateCard, row.card) : null,
  };
}

/** The new booking as it is written. */
export interface NewPhysicalBooking {
  modelId: string;
  agencyId: string;
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
}

const INSERT_BOOKING = `
  insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end,
    created_at, updated_at, location_name, location_time_zone, travel_before_minutes, travel_after_minutes, option_expires_at)
  values (?, 'PHYSICAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  returning *`;

const INSERT_HISTORY = `
  insert into booking_change (id, booking_id, from_status, to_status, actor_role, actor_id, reason, at)
  select ?, b.id, null, b.status, ?, ?, null, b.created_at from b`;

const INSERT_QUOTE = `
  insert into booking_quote (booking_id, currency, lines, brand_total, model_amount, agency_amount, mother_agency_amount,
    platform_amount, terms, frozen_at)
  select b.id, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, b.created_at from b`;

const WITH_HISTORY = `with b as (${INSERT_BOOKING}), h as (${INSERT_HISTORY}) select * from b`;
const WITH_HISTORY_AND_QUOTE = `with b as (${INSERT_BOOKING}), h as (${INSERT_HISTORY}), q as (${INSERT_QUOTE}) select * from b`;

/**
 * Writes the booking, its first history line and, when given, its frozen quote in one statement; returns the booking
 * as a managed entity. A clash raises the database's exclusion violation, and nothing is written.
 */
export async function insertPhysicalBooking(
  em: EntityManager,
  b: NewPhysicalBooking,
  actor: Actor,
  quote: { priced: PricedBooking; terms: FrozenTerms } | null,
  now = new Date(),
): Promise<PhysicalBooking> {
  const params: unknown[] = [
    newId(),
    b.modelId,
    b.agencyId,
    b.brandId,
    b.status,
    b.title,
    b.start,
    b.end,
    b.blockedStart,
    b.blockedEnd,
    now,
    now,
    b.locationName,
    b.locationTimeZone,
    b.travelBeforeMinutes,
    b.travelAfterMinutes,
    b.optionExpiresAt,
    newId(),
    actor.role,
    actor.id,
  ];
  if (quote) {
    const p = quote.priced;
    params.push(p.currency, JSON.stringify(p.lines), p.brandTotal, p.model, p.agency, p.motherAgency, p.platform, JSON.stringify(quote.terms));
  }
  const [row] = await em.execute<Record<string, unknown>[]>(quote ? WITH_HISTORY_AND_QUOTE : WITH_HISTORY, params);
  return em.map(PhysicalBooking, row);
}

