import { BookingStatus } from './booking-status';

/**
 * An option stops holding at its expiry, not when someone next touches it: every read treats it as EXPIRED from
 * that instant, and the sweep (option-sweep.ts) writes EXPIRED later. The TS function and the SQL fragment below say
 * the same thing from the same constants, so that a list filtered in SQL and a field resolved in TS never disagree.
 */
export function effectiveStatus(b: { status: BookingStatus; optionExpiresAt?: Date | null }, now: Date): BookingStatus {
  if (b.status === BookingStatus.OPTION && b.optionExpiresAt && b.optionExpiresAt.getTime() <= now.getTime()) return BookingStatus.EXPIRED;
  return b.status;
}

/**
 * The effective status of the booking row aliased `alias`, as SQL; `now` is the placeholder of the instant to read at
 * (`?` for the ORM, `$n` for a prepared statement), given by the application so that SQL and TS use one clock.
 */
export function effectiveStatusSql(alias: string, now: string): string {
  return (
    `(case when ${alias}.status = '${BookingStatus.OPTION}' and ${alias}.option_expires_at <= ${now} ` +
    `then '${BookingStatus.EXPIRED}' else ${alias}.status end)`
  );
}
