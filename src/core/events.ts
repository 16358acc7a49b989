import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../common/ids';
import { Action, can, type Facts } from './access-policy';
import type { Viewer } from './viewer';

/*
 * Domain events: the one record of "something happened", written by the code that makes the change, in its
 * transaction. Everything that pushes changes out (GraphQL subscriptions, webhooks) reads them from here:
 *
 * - the row in `domain_event` commits or rolls back with the change, so no change goes untold and nothing untrue is
 *   told;
 * - a trigger on the table (see its migration) runs `pg_notify('twinbook_event', {"id", "seq"})` for each row, in the
 *   same transaction, so that other processes LISTENing hear of it on commit and never before;
 * - this process's own listeners (`onCommittedEvents`) are called with the events once their transaction has
 *   committed: the embedded engine serves one connection and cannot LISTEN beside it.
 */

/** Every kind of event, as `type` spells it. */
export const DOMAIN_EVENT_TYPES = [
  'booking.created',
  'booking.confirmed',
  'booking.rescheduled',
  'booking.cancelled',
  'booking.released',
  'booking.expired',
  'booking.declined',
  'booking.completed',
  'payout.approved',
  'payout.paid',
  'consent.changed',
  'lockout.created',
  'lockout.removed',
] as const;

export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** Something that happened, as recorded. */
export interface DomainEvent {
  id: string;
  /** Global order of recording, as a decimal string (a bigint). */
  seq: string;
  type: DomainEventType;
  occurredAt: Date;
  modelId: string | null;
  agencyId: string | null;
  brandId: string | null;
  bookingId: string | null;
  /**
   * What a receiver needs without a second call, limited to what every party allowed to see the event may see
   * (eventVisibleTo): both the agency and the brand of a booking, say; never a price split.
   */
  payload: Record<string, unknown>;
}

/** An event about to be recorded: its kind, whom it concerns, and its payload. */
export interface NewDomainEvent {
  type: DomainEventType;
  modelId?: string | null;
  agencyId?: string | null;
  brandId?: string | null;
  bookingId?: string | null;
  payload?: Record<string, unknown>;
  occurredAt?: Date;
}

const COLUMNS = 8;
const INSERT = (rows: number) =>
  `insert into domain_event (id, type, occurred_at, model_id, agency_id, brand_id, booking_id, payload) values ${Array.from(
    { length: rows },
    () => `(${Array.from({ length: COLUMNS }, (_, i) => (i === COLUMNS - 1 ? '?::jsonb' : '?')).join(', ')})`,
  ).join(', ')} returning id, seq::text as seq`;

/** The event as recorded under `id` and `seq`; `now` when it names no time of its own. */
export function recordedEvent(e: NewDomainEvent, id: string, seq: string, now: Date): DomainEvent {
  return {
    id,
    seq,
    type: e.type,
    occurredAt: e.occurredAt ?? now,
    modelId: e.modelId ?? null,
    agencyId: e.agencyId ?? null,
    brandId: e.brandId ?? null,
    bookingId: e.bookingId ?? null,
    payload: e.payload ?? {},
  };
}

/** Records one event in the caller's transaction (or, outside one, as a statement of its own). */
export async function recordEvent(em: EntityManager, event: NewDomainEvent): Promise<DomainEvent> {
  const [recorded] = await recordEvents(em, [event]);
  return recorded;
}

/** Records several events in the caller's transaction, in the order given, in one statement. */
export async function recordEvents(em: EntityManager, events: NewDomainEvent[]): Promise<DomainEvent[]> {
  if (!events.length) return [];
  const now = new Date();
  const recorded = events.map((e) => recordedEvent(e, newId(), '', now));
  const params = recorded.flatMap((e) => [e.id, e.type, e.occurredAt, e.modelId, e.agencyId, e.brandId, e.bookingId, JSON.stringify(e.payload)]);
  const rows = await em.execute<{ id: string; seq: string }[]>(INSERT(recorded.length), params);
  const seqOf = new Map(rows.map((r) => [r.id, r.seq]));
  for (const e of recorded) e.seq = seqOf.get(e.id)!;
  eventsWritten(em, recorded);
  return recorded;
}

/**
 * The SQL of a data-modifying CTE body that records one event per row of `from` (a CTE of the statement), for a
 * write that is one statement of its own (a physical booking): the values are SQL expressions over that row. Its
 * RETURNING gives id, seq and occurred_at, from which the caller builds the DomainEvent to pass to eventsWritten.
 */
export function insertEventSql(v: { from: string; id: string; type: string; occurredAt: string; modelId: string; agencyId: string; brandId: string; bookingId: string; payload: string }): string {
  return `insert into domain_event (id, type, occurred_at, model_id, agency_id, brand_id, booking_id, payload)
    select ${v.id}, ${v.type}, ${v.occurredAt}, ${v.modelId}, ${v.agencyId}, ${v.brandId}, ${v.bookingId}, ${v.payload} from ${v.from}
    returning id, seq::text as seq`;
}

type Listener = (events: DomainEvent[]) => void;
const listeners = new Set<Listener>();

/**
 * Calls `listener` with the events of each transaction of this process once it has committed (never for one rolled
 * back), in the order recorded. Returns the function that stops it. Listeners run synchronously after the commit and
 * should only hand the events on; what one throws is swallowed, so that it cannot fail the committed request.
 */
export function onCommittedEvents(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announce(events: DomainEvent[]): void {
  for (const listener of listeners) {
    try {
      listener(events);
    } catch {
      // A listener's failure is its own: the change is committed and the event row stays for every other reader.
    }
  }
}

// Events waiting for their transaction to commit, under its outermost transaction (MikroORM announces only that one's
// commit). A savepoint rolled back inside a committed transaction would still have its events announced: nothing here
// rolls one back on its own, and a listener that must be exact reads the rows.
const pending = new WeakMap<object, DomainEvent[]>();

function outermost(trx: object): object {
  let current = trx;
  for (;;) {
    const parentKey = Object.getOwnPropertySymbols(current).find((s) => s.description === 'parentTransaction');
    if (!parentKey) return current;
    current = (current as Record<symbol, object>)[parentKey];
  }
}

/**
 * Hands events written by `em` to this process's listeners: after its transaction commits, or now when `em` is in
 * none (the statement that wrote them has committed already).
 */
export function eventsWritten(em: EntityManager, events: DomainEvent[]): void {
  if (!events.length) return;
  const trx = em.getTransactionContext<object>();
  if (!trx) return announce(events);
  const root = outermost(trx);
  const list = pending.get(root);
  if (list) list.push(...events);
  else pending.set(root, [...events]);
}

/** Registered with the ORM (orm-options.ts): announces a transaction's events when it commits, forgets them when not. */
export const committedEventsSubscriber: EventSubscriber = {
  afterTransactionCommit(args: TransactionEventArgs): void {
    const events = args.transaction && pending.get(args.transaction);
    if (!events) return;
    pending.delete(args.transaction);
    announce(events);
  },
  afterTransactionRollback(args: TransactionEventArgs): void {
    if (args.transaction) pending.delete(args.transaction);
  },
};

/** Who may see an event of each kind: the read action asked of its facts. */
const READ_ACTION_OF: Readonly<Record<string, Action>> = {
  booking: Action.READ_BOOKING,
  payout: Action.READ_PAYOUT,
  consent: Action.READ_CONSENT_HISTORY,
  lockout: Action.READ_LOCKOUT,
};

/** The facts of an event as the access policy reads them; a payload naming a `motherAgencyId` concerns that agency too. */
export const eventFacts = (e: Pick<DomainEvent, 'modelId' | 'agencyId' | 'brandId' | 'payload'>): Facts => ({
  modelId: e.modelId,
  agencyId: e.agencyId,
  brandId: e.brandId,
  motherAgencyId: typeof e.payload.motherAgencyId === 'string' ? e.payload.motherAgencyId : null,
});

/**
 * True when the viewer may be told of the event: as much as may read the thing it is about (a booking's event goes to
 * its agency, its model and its brand; a payout's, a consent's or a lockout's never to a brand). The one rule for
 * subscriptions and webhooks alike.
 */
export function eventVisibleTo(viewer: Viewer, event: Pick<DomainEvent, 'type' | 'modelId' | 'agencyId' | 'brandId' | 'payload'>): boolean {
  const action = READ_ACTION_OF[event.type.split('.')[0]];
  return !!action && can(viewer, action, eventFacts(event));
}
