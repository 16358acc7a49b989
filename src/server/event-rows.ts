import type { Client } from 'pg';
import type { DomainEvent, DomainEventType } from '../core/events';

interface EventRow {
  id: string;
  seq: string;
  type: DomainEventType;
  model_id: string | null;
  agency_id: string | null;
  brand_id: string | null;
  booking_id: string | null;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/** Events of the event table matching `where` (over its columns, with $1… values), in sequence order. */
export async function readEventRows(client: Client, where: string, values: unknown[]): Promise<DomainEvent[]> {
  const { rows } = await client.query<EventRow>(
    `select id, seq::text as seq, type, model_id, agency_id, brand_id, booking_id, payload, occurred_at from domain_event where ${where} order by seq`,
    values,
  );
  return rows.map((r): DomainEvent => ({
    id: r.id,
    seq: r.seq,
    type: r.type,
    modelId: r.model_id,
    agencyId: r.agency_id,
    brandId: r.brand_id,
    bookingId: r.booking_id,
    payload: r.payload,
    occurredAt: r.occurred_at,
  }));
}
