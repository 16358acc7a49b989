import type { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_ACTOR } from './booking-history';
import { BookingStatus, BookingType } from './booking-status';
import { transition } from './booking-transition';
import { blockedOverlaps, PhysicalBooking } from './booking.entity';
import { blockedRangeSql, liveOptionSql, overlapsSql, rangeSql } from './booking-predicates';
import { effectiveStatus } from './effective-status';
import { bookingInTheWay, type ClashingBooking, type RowInTheWay } from './physical-clash';

type OptionRow = RowInTheWay & { ahead: number | string };

/** True when the option still holds at `now`: its effective status is OPTION (not past its expiry). */
export function isLiveOption(b: { status: BookingStatus; optionExpiresAt: Date | null }, now: Date): boolean {
  return effectiveStatus(b, now) === BookingStatus.OPTION;
}

// An option ranks by the order the database placed it in (booking.placement, from one sequence) among the live options
// whose blocked ranges overlap it: no API process's clock decides it, and no two options share a place.
const RANK_SQL = `
  select b.id, 1 + (
    select count(*) from booking o
    where o.model_id = b.model_id and ${liveOptionSql('o', '?')} and ${overlapsSql('o', blockedRangeSql('b'))}
      and o.placement < b.placement
  )::int as rank
  from booking b
  where b.id in (?) and ${liveOptionSql('b', '?')}`;

/** Rank (1 = first) of each live physical option among ids, in one query; absent ids are not live options. */
export async function optionRanks(em: EntityManager, ids: readonly string[], now = new Date()): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await em.execute<{ id: string; rank: number }[]>(RANK_SQL, [now, [...ids], now]);
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}

// The first live option placed before `b` that overlaps it: the one the holder of `b` waits for. With how many are ahead.
const AHEAD_SQL = `
  select o.id, o.model_id, o.agency_id, o.brand_id, o.blocked_start, o.blocked_end, count(*) over ()::int as ahead
  from booking b join booking o on o.model_id = b.model_id
  where b.id = ? and ${liveOptionSql('o', '?')} and ${overlapsSql('o', blockedRangeSql('b'))} and o.placement < b.placement
  order by o.placement limit 1`;

/** The live option that ranks 1st above `bookingId` and how many are ahead of it; null when none is (it ranks 1st). */
export async function firstOptionAhead(em: EntityManager, bookingId: string, now = new Date()): Promise<{ option: ClashingBooking; ahead: number } | null> {
  const [row] = await em.execute<OptionRow[]>(AHEAD_SQL, [bookingId, now]);
  return row ? { option: bookingInTheWay(em, row), ahead: Number(row.ahead) } : null;
}

// The live options overlapping a range, other than one booking: the first placed, with how many there are.
const LIVE_OVER_SQL = `
  select o.id, o.model_id, o.agency_id, o.brand_id, o.blocked_start, o.blocked_end, count(*) over ()::int as ahead
  from booking o
  where o.model_id = ? and ${liveOptionSql('o', '?')} and ${overlapsSql('o', rangeSql('?', '?'))} and o.id <> ?
  order by o.placement limit 1`;

/** The first placed of the live options over a model's range (other than `excludeId`), and how many hold it; null when none does. */
export async function firstLiveOptionOver(
  em: EntityManager,
  range: { modelId: string; start: Date; end: Date },
  excludeId: string,
  now = new Date(),
): Promise<{ option: ClashingBooking; ahead: number } | null> {
  const [row] = await em.execute<OptionRow[]>(LIVE_OVER_SQL, [range.modelId, now, range.start, range.end, excludeId]);
  return row ? { option: bookingInTheWay(em, row), ahead: Number(row.ahead) } : null;
}

/**
 * Releases the options that overlap a booking just confirmed (an option already past its expiry becomes EXPIRED), each
 * with its history; returns those it changed. An option that someone else changed meanwhile (declined, released,
 * confirmed) is left as they left it: the conditional change in `transition` skips it.
 */
export async function releaseOverlappingOptions(em: EntityManager, confirmed: PhysicalBooking, now = new Date()): Promise<PhysicalBooking[]> {
  const options = await em.find(PhysicalBooking, {
    model: confirmed.model.id,
    type: BookingType.PHYSICAL,
    status: BookingStatus.OPTION,
    id: { $ne: confirmed.id },
    ...blockedOverlaps(confirmed.blockedStart, confirmed.blockedEnd),
  });
  const released: PhysicalBooking[] = [];
  // In id order, so that two confirmations releasing the same options wait for each other instead of deadlocking.
  for (const option of options.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const live = isLiveOption(option, now);
    // The reason names no booking: the holder may be another brand, which must not learn the other's id.
    const reason = live ? 'another booking was confirmed over this option' : 'the option expired';
    const moved = await transition(em, option, live ? BookingStatus.RELEASED : BookingStatus.EXPIRED, SYSTEM_ACTOR, reason);
    if (moved.ok) released.push(option);
  }
  return released;
}
