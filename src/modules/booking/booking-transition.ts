import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, userError, UserErrorCode, type Result, type UserError } from '../../common/user-error';
import { recordBookingEvent } from './booking-events';
import { recordChange, type Actor } from './booking-history';
import type { BookingStatus } from './booking-status';
import { canTransition } from './booking-transitions';
import type { Booking } from './booking.entity';
import { CLAIMING_STATUSES, RELEASE_CLAIMS_SQL } from './exclusivity-claims';

/** The refusal of a move the lifecycle does not allow, naming the status the booking is in. */
export function transitionError(from: BookingStatus, to: BookingStatus, field: string[] = ['id']): UserError {
  return userError(UserErrorCode.TRANSITION_NOT_ALLOWED, `a ${from} booking cannot become ${to}`, field);
}

// Changes the row only if it is still in the status the caller read. Under READ COMMITTED an UPDATE that waits for a
// concurrent writer re-checks its WHERE on the row as that writer left it, so of two racing changes exactly one
// matches and the other changes nothing: no row lock has to be taken first, and a caller that already holds one
// (loadForChange) loses nothing.
const CHANGE_STATUS = `update booking set status = ?, updated_at = ? where id = ? and status = ? returning id`;
const CURRENT_STATUS = `select status from booking where id = ?`;

/**
 * The one way a booking's status changes. Moves `booking` from the status it was read in to `to` if the transitions
 * table allows it and the row is still in that status, and then writes exactly one history line, in the caller's
 * transaction, and its domain event (booking.confirmed, booking.cancelled…), and releases its exclusivity claims when `to` no longer holds them. When the table refuses, or another change got there first, it changes nothing, writes no history,
 * brings the entity up to the row's status and answers TRANSITION_NOT_ALLOWED naming that status.
 */
export async function transition(
  em: EntityManager,
  booking: Booking,
  to: BookingStatus,
  actor: Actor,
  reason: string | null,
  field: string[] = ['id'],
): Promise<Result<Booking>> {
  const from = booking.status;
  if (!canTransition(from, to)) return fail(transitionError(from, to, field));
  // Whatever else the caller changed on this entity is written first, so that merging below marks only the status
  // change as already written: the ORM neither writes it a second time nor drops the caller's other changes.
  await em.flush();
  const now = new Date();
  const changed = await em.execute<{ id: string }[]>(CHANGE_STATUS, [to, now, booking.id, from]);
  if (!changed.length) {
    const [row] = await em.execute<{ status: BookingStatus }[]>(CURRENT_STATUS, [booking.id]);
    booking.status = row?.status ?? from;
    em.getUnitOfWork().merge(booking);
    return fail(transitionError(booking.status, to, field));
  }
  // A booking that no longer holds releases its exclusivity and its use of the model, in the same transaction.
  if (!CLAIMING_STATUSES.includes(to)) await em.execute(RELEASE_CLAIMS_SQL, [booking.id]);
  booking.status = to;
  booking.updatedAt = now;
  em.getUnitOfWork().merge(booking);
  recordChange(em, booking, from, actor, reason);
  await recordBookingEvent(em, booking, from, now);
  return ok(booking);
}
