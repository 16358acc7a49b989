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

/** A booking in the way as hand-written SQL returns it (timestamps as PostgreSQL writes them). */
export interface RowInTheWay {
  id: string;
  model_id: string;
  agency_id: string;
  brand_id: string;
  blocked_start: string | Date;
  blocked_end: string | Date;
}

/** What an error tells of a booking in the way, from its row. */
export function bookingInTheWay(em: EntityManager, row: RowInTheWay): ClashingBooking {
  const date = (v: string | Date) => (v instanceof Date ? v : em.getPlatform().parseDate(v));
  return {
    id: row.id,
    model: { id: row.model_id },
    agency: { id: row.agency_id },
    brand: { id: row.brand_id },
    blockedStart: date(row.blocked_start),
    blockedEnd: date(row.blocked_end),
  };
}

/** The range of a booking in the way, and its id only where the viewer may see that booking; never its brand. */
function conflictOf(viewer: Viewer, b: ClashingBooking): Conflict {
  return Object.assign(new Conflict(), {
    start: b.blockedStart,
    end: b.blockedEnd,
    bookingId: can(viewer, Action.READ_BOOKING, bookingFacts(b)) ? b.id : null,
  });
}

/**
 * The OPTION_NOT_FIRST user error naming the range of the first live option ahead (placed earlier and overlapping),
 * and that option where the viewer may see it. `lead` says how the request stands behind it.
 */
export function optionAheadError(viewer: Viewer, option: ClashingBooking, lead: string, field: string[]): UserError {
  return userError(
    UserErrorCode.OPTION_NOT_FIRST,
    `${lead}; the first live option holds ${option.blockedStart.toISOString()} to ${option.blockedEnd.toISOString()} (travel included)`,
    field,
    conflictOf(viewer, option),
  );
}

/** The PHYSICAL_CLASH user error naming the range in the way, and the booking where the viewer may see it. */
export function clashError(viewer: Viewer, clash: ClashingBooking, field: string[] = ['input', 'start']): UserError {
  const conflict = conflictOf(viewer, clash);
  return userError(
    UserErrorCode.PHYSICAL_CLASH,
    `the model is booked from ${clash.blockedStart.toISOString()} to ${clash.blockedEnd.toISOString()} (travel included)`,
    field,
    conflict,
  );
}

/** True for the database's refusal of an overlapping confirmed physical booking (SQLSTATE 23P01 on our constraint). */
export const isClashViolation = (err: unknown): boolean => isViolation(err, SqlState.EXCLUSION_VIOLATION, PHYSICAL_CLASH_CONSTRAINT);
