import { BookingStatus, BookingType } from './booking-status';
import { effectiveStatusSql } from './effective-status';

/*
 * What the booking rules mean in SQL, each written once and built from the constants the code uses: "overlaps",
 * "blocks physical work", "a live option". The hand-written statements (physical-booking.repository.ts, the option
 * ranking, the calendar), the ORM filters and the exclusion constraint all use these, so that they cannot disagree.
 */

/** A list of values as SQL literals, e.g. `'CONFIRMED', 'COMPLETED'`. */
export const sqlList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** The statuses whose physical bookings hold their range for good (the exclusion constraint covers them). */
export const BLOCKING_STATUSES: readonly BookingStatus[] = [BookingStatus.CONFIRMED, BookingStatus.COMPLETED];

/** True when the booking keeps the model from other physical work: a confirmed or completed physical booking. */
export const blocksPhysicalWork = (b: { type: BookingType; status: BookingStatus }): boolean =>
  b.type === BookingType.PHYSICAL && BLOCKING_STATUSES.includes(b.status);

/** The half-open range [start, end) of two SQL instants (placeholders or columns). */
export const rangeSql = (start: string, end: string): string => `tstzrange(${start}, ${end}, '[)')`;

/** The blocked range of the booking row aliased `alias` (travel included; a digital job's production window). */
export const blockedRangeSql = (alias: string): string => rangeSql(`${alias}.blocked_start`, `${alias}.blocked_end`);

/**
 * The booking row `alias` overlaps the SQL range `range`. Asked as a range overlap so that PostgreSQL uses the GiST
 * index on (model_id, blocked range): two comparisons on a B-tree would scan every earlier booking of the model.
 */
export const overlapsSql = (alias: string, range: string): string => `${blockedRangeSql(alias)} && ${range}`;

/** The booking row `alias` blocks physical work (see blocksPhysicalWork). */
export const blocksPhysicalWorkSql = (alias: string): string =>
  `${alias}.type = '${BookingType.PHYSICAL}' and ${alias}.status in (${sqlList(BLOCKING_STATUSES)})`;

/** The booking row `alias` is a physical option that still holds at the SQL instant `now` (see isLiveOption). */
export const liveOptionSql = (alias: string, now: string): string =>
  `${alias}.type = '${BookingType.PHYSICAL}' and ${effectiveStatusSql(alias, now)} = '${BookingStatus.OPTION}'`;

/**
 * The work [start, end) of the booking row `alias` overlaps the SQL range `range` (a list's window). Asked through the
 * blocked range first, which always covers the work (a check constraint says so), so that the GiST index on it
 * narrows the rows; the second test drops those that overlap only by their travel time.
 */
export const workOverlapsSql = (alias: string, range: string): string =>
  `${overlapsSql(alias, range)} and ${rangeSql(`${alias}.start_at`, `${alias}.end_at`)} && ${range}`;
