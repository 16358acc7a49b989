import type { EntityManager } from '@mikro-orm/postgresql';
import { isViolation, SqlState } from '../../db/db-errors';
import { Conflict, userError, UserErrorCode, type UserError } from '../../common/user-error';
import { Action, bookingFacts, can } from '../../core/access-policy';
import type { Viewer } from '../../core/viewer';
import { BookingType } from './booking-status';
import { Booking, blockedOverlaps, PHYSICAL_CLASH_CONSTRAINT } from './booking.entity';
import { BLOCKING_STATUSES } from './booking-predicates';

export interface BlockedRange {
  modelId: string;
  start: Date;
  end: Date;
}

/** The first confirmed physical booking of the model whose blocked range overlaps `range`, other than `excludeId`. */
export async function findClash(em: EntityManager, range: BlockedRange, excludeId?: string): Promise<Booking | null> {
  return em.findOne(
    Booking,
    {
      model: range.modelId,
      type: BookingType.PHYSICAL,
      status: { $in: [...BLOCKING_STATUSES] },
      ...blockedOverlaps(range.start, range.end),
      ...(excludeId ? { id: { $ne: excludeId } } : {}),
    },
    { orderBy: { blockedStart: 'asc' } },
  );
}

/** What a clash error tells of the booking in the way. */
export interface ClashingBooking {
  id: string;
  model: { id: string };
  agency: { id: string };
  brand: { id: string };
  blockedStart: Date;
  blockedEnd: Date;
}

/** The PHYSICAL_CLASH user error naming the range in the way, and the booking where the viewer may see it. */
export function clashError(viewer: Viewer, clash: ClashingBooking, field: string[] = ['input', 'start']): UserError {
  const conflict = Object.assign(new Conflict(), {
    start: clash.blockedStart,
    end: clash.blockedEnd,
    bookingId: can(viewer, Action.READ_BOOKING, bookingFacts(clash)) ? clash.id : null,
  });
  return userError(
    UserErrorCode.PHYSICAL_CLASH,
    `the model is booked from ${clash.blockedStart.toISOString()} to ${clash.blockedEnd.toISOString()} (travel included)`,
    field,
    conflict,
  );
}

/** True for the database's refusal of an overlapping confirmed physical booking (SQLSTATE 23P01 on our constraint). */
export const isClashViolation = (err: unknown): boolean => isViolation(err, SqlState.EXCLUSION_VIOLATION, PHYSICAL_CLASH_CONSTRAINT);
