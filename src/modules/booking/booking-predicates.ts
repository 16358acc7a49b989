import { BookingStatus, BookingType, LIVE_STATUSES } from './booking-status';
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

/** The booking row `alias` is a twin job that counts against the twin's cap: digital, an option or confirmed. */
export const liveDigitalSql = (alias: string): string =>
  `${alias}.type = '${BookingType.DIGITAL}' and ${alias}.status in (${sqlList(LIVE_STATUSES)})`;

/**
 * The most live twin jobs of the model `modelId` running at one instant of the SQL range `range`, leaving out the
 * booking `excludeId` (SQL; null leaves none out). Every job is clipped to the range, and the peak of half-open ranges
 * is reached at one of their (clipped) starts, so counting at each start is exact.
 */
export const twinPeakSql = (modelId: string, range: string, excludeId: string): string => {
  const job = (a: string) => `${a}.model_id = ${modelId} and ${liveDigitalSql(a)} and ${overlapsSql(a, range)} and ${a}.id is distinct from ${excludeId}`;
  return `(select coalesce(max((select count(*) from booking d2 where ${job('d2')}
      and d2.blocked_start <= pt.at and d2.blocked_end > pt.at)), 0)::int
    from (select greatest(d.blocked_start, lower(${range})) as at from booking d where ${job('d')}) pt)`;
};

/** The twin row `twin` may take one more job over the SQL range `range`: it has no cap, or its peak there is below it. */
export const twinHasRoomSql = (twin: string, modelId: string, range: string, excludeId: string): string =>
  `(${twin}.max_concurrent_jobs is null or ${twinPeakSql(modelId, range, excludeId)} < ${twin}.max_concurrent_jobs)`;
