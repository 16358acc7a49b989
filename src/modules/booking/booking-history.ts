import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '../../core/events';
import { actorId, Role, type Viewer } from '../../core/viewer';
import { bookingEvent } from './booking-events';
import { BookingChange, BookingChangeKind } from './booking-history.entity';
import type { BookingStatus } from './booking-status';
import type { Booking } from './booking.entity';

/** Who made a change, as the history records it. */
export interface Actor {
  role: Role;
  id: string | null;
}

export const SYSTEM_ACTOR: Actor = { role: Role.SYSTEM, id: null };

export const actorOf = (viewer: Viewer): Actor => ({ role: viewer.role, id: actorId(viewer) });

/** Appends one line to the booking's history: who, when, from what to what, and why. */
export function recordChange(em: EntityManager, booking: Booking, from: BookingStatus | null, actor: Actor, reason: string | null): BookingChange {
  return em.create(BookingChange, {
    booking,
    fromStatus: from,
    toStatus: booking.status,
    actorRole: actor.role,
    actorId: actor.id,
    reason,
    at: new Date(),
  });
}

/** A move of a booking in time: a reschedule, or a postponement for weather. */
export type MoveKind = BookingChangeKind.RESCHEDULE | BookingChangeKind.POSTPONEMENT;

/**
 * Appends the history line of a move: the booking (already at its new time) was at `from` before; its status stays.
 * Written beside status changes so that the history reads as one list of everything that happened to the booking;
 * the move's domain event (booking.rescheduled) is recorded with it.
 */
export async function recordMove(em: EntityManager, booking: Booking, kind: MoveKind, from: { start: Date; end: Date }, actor: Actor, reason: string | null): Promise<BookingChange> {
  const at = new Date();
  await recordEvent(em, bookingEvent('booking.rescheduled', booking, { kind, fromStart: from.start.toISOString(), fromEnd: from.end.toISOString() }, at));
  return em.create(BookingChange, {
    booking,
    kind,
    fromStatus: booking.status,
    toStatus: booking.status,
    fromStart: from.start,
    fromEnd: from.end,
    toStart: booking.start,
    toEnd: booking.end,
    actorRole: actor.role,
    actorId: actor.id,
    reason,
    at,
  });
}
