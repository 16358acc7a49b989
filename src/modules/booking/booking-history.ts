import type { EntityManager } from '@mikro-orm/postgresql';
import { actorId, Role, type Viewer } from '../../core/viewer';
import { BookingChange } from './booking-history.entity';
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
