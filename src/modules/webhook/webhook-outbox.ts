import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../common/ids';
import { eventVisibleTo, type DomainEvent } from '../../core/events';
import { registerGauge } from '../../core/metrics';
import { endpointViewer } from './webhook.service';

/*
 * The outbox. Every event is recorded in the transaction of its change (src/core/events.ts), so the event row IS the
 * durable record that something must be sent: this fans each event out to the endpoints that may see it, in one
 * transaction that writes their delivery rows and marks the event fanned out (`fanned_out_at`). Nothing is lost if a
 * process dies right after a commit: the event stays unmarked until some process fans it out.
 *
 * Why a mark per event rather than a cursor over `seq`: sequence numbers are taken before commit, so a transaction
 * can commit an event with a smaller seq after one with a larger seq was read, and a cursor already past it would skip
 * it for good. A mark is order-free; the claim takes unmarked events FOR UPDATE SKIP LOCKED, so that any number of
 * processes fan out at once without sending anything twice (the delivery's unique (endpoint, event) holds that too).
 * Fanning out here rather than inside each change keeps the hot write (a physical booking: one statement) as it was.
 */

interface EventRow {
  id: string;
  seq: string;
  type: DomainEvent['type'];
  occurred_ms: number;
  model_id: string | null;
  agency_id: string | null;
  brand_id: string | null;
  booking_id: string | null;
  payload: Record<string, unknown>;
}

interface EndpointRow {
  id: string;
  agency_id: string | null;
  brand_id: string | null;
  events: string[];
  created_ms: number;
}

const CLAIM_EVENTS = `
  select id, seq::text as seq, type, (extract(epoch from occurred_at) * 1000)::float8 as occurred_ms, model_id, agency_id, brand_id, booking_id, payload
  from domain_event where fanned_out_at is null order by seq limit ? for update skip locked`;

// Candidates only: every endpoint of an agency or a brand the events name. Which of them may see each event is the
// access policy's call (eventVisibleTo), not this query's.
const CANDIDATE_ENDPOINTS = `
  select id, agency_id, brand_id, events, (extract(epoch from created_at) * 1000)::float8 as created_ms
  from webhook_endpoint where enabled and (agency_id = any(?::uuid[]) or brand_id = any(?::uuid[]))`;

const uuidArray = (ids: (string | null | undefined)[]) => `{${[...new Set(ids.filter((id): id is string => !!id))].join(',')}}`;

/** Events fanned out in one transaction at most. */
export const FAN_OUT_BATCH = 200;

/** What one fan-out did: the events it marked and the deliveries it queued for them. */
export interface FanOut {
  events: number;
  deliveries: number;
}

/**
 * Fans out up to `limit` events not yet fanned out: one PENDING delivery per event and enabled endpoint that asked for
 * its type, existed when it happened, and whose owner may see it.
 */
export async function fanOutEvents(em: EntityManager, limit = FAN_OUT_BATCH): Promise<FanOut> {
  return em.fork().transactional(async (tx) => {
    const events = await tx.execute<EventRow[]>(CLAIM_EVENTS, [limit]);
    if (!events.length) return { events: 0, deliveries: 0 };
    const endpoints = await tx.execute<EndpointRow[]>(CANDIDATE_ENDPOINTS, [
      uuidArray(events.flatMap((e) => [e.agency_id, typeof e.payload.motherAgencyId === 'string' ? e.payload.motherAgencyId : null])),
      uuidArray(events.map((e) => e.brand_id)),
    ]);
    const rows: unknown[][] = [];
    for (const e of events) {
      const event = { type: e.type, modelId: e.model_id, agencyId: e.agency_id, brandId: e.brand_id, payload: e.payload };
      for (const ep of endpoints) {
        if (!ep.events.includes(e.type) || ep.created_ms > e.occurred_ms) continue;
        if (!eventVisibleTo(endpointViewer({ id: ep.id, agencyId: ep.agency_id, brandId: ep.brand_id }), event)) continue;
        rows.push([newId(), ep.id, e.id, e.type, e.seq, e.booking_id]);
      }
    }
    if (rows.length) {
      await tx.execute(
        `insert into webhook_delivery (id, endpoint_id, event_id, event_type, event_seq, booking_id, status, attempt_count, next_attempt_at, created_at)
         values ${rows.map(() => `(?, ?, ?, ?, ?, ?, 'PENDING', 0, now(), now())`).join(', ')}
         on conflict on constraint webhook_delivery_once do nothing`,
        rows.flat(),
      );
    }
    await tx.execute('update domain_event set fanned_out_at = now() where id = any(?::uuid[])', [uuidArray(events.map((e) => e.id))]);
    return { events: events.length, deliveries: rows.length };
  });
}

/** How many deliveries wait to be sent (due now or retrying later), and events not yet fanned out: for metrics. */
export async function pendingWebhookDeliveries(em: EntityManager): Promise<number> {
  const [row] = await em.fork().execute<{ n: string }[]>(
    `select (select count(*) from webhook_delivery where status = 'PENDING') + (select count(*) from domain_event where fanned_out_at is null) as n`,
  );
  return Number(row.n);
}

registerGauge({
  name: 'twinbook_webhook_deliveries_pending',
  help: 'Webhook deliveries waiting to be sent (due now or retrying later), plus events not yet queued for their endpoints.',
  collect: pendingWebhookDeliveries,
});
