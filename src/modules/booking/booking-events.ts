import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent, type DomainEventType, type NewDomainEvent } from '../../core/events';
import { BookingStatus, type BookingType } from './booking-status';

/** The event a booking's move into each status is told as; OPTION is only ever where a booking starts. */
export const STATUS_EVENT: Readonly<Record<BookingStatus, DomainEventType | null>> = {
  [BookingStatus.OPTION]: null,
  [BookingStatus.CONFIRMED]: 'booking.confirmed',
  [BookingStatus.COMPLETED]: 'booking.completed',
  [BookingStatus.RELEASED]: 'booking.released',
  [BookingStatus.EXPIRED]: 'booking.expired',
  [BookingStatus.DECLINED]: 'booking.declined',
  [BookingStatus.CANCELLED]: 'booking.cancelled',
};

/** What a booking's events carry about it. */
export interface BookingEventFacts {
  id: string;
  type: BookingType;
  status: BookingStatus;
  title: string;
  start: Date;
  end: Date;
  model: { id: string };
  agency: { id: string };
  brand: { id: string };
}

/**
 * A booking's event payload: only what its agency, its model and its brand all see of it (READ_BOOKING), never money;
 * `extra` adds what the change itself was (from what status, from what time).
 */
export function bookingEventPayload(b: BookingEventFacts, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { bookingType: b.type, status: b.status, title: b.title, start: b.start.toISOString(), end: b.end.toISOString(), ...extra };
}

/** The event of a change to a booking, with its parties. */
export function bookingEvent(type: DomainEventType, b: BookingEventFacts, extra: Record<string, unknown> = {}, occurredAt?: Date): NewDomainEvent {
  return { type, bookingId: b.id, modelId: b.model.id, agencyId: b.agency.id, brandId: b.brand.id, payload: bookingEventPayload(b, extra), occurredAt };
}

/** Records the event of a booking's history line: created (from null) or moved between statuses; none for a line that is neither. */
export async function recordBookingEvent(em: EntityManager, b: BookingEventFacts, from: BookingStatus | null, occurredAt: Date): Promise<void> {
  const type = from === null ? 'booking.created' : STATUS_EVENT[b.status];
  if (type) await recordEvent(em, bookingEvent(type, b, from === null ? {} : { fromStatus: from }, occurredAt));
}
