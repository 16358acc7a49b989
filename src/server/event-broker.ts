import { Client } from 'pg';
import type { EventStream } from '../core/event-stream';
import { onCommittedEvents, type DomainEvent } from '../core/events';
import type { Logger } from '../logger';
import { readEventRows } from './event-rows';

/** Event ids remembered to tell an event heard twice (from this process and through NOTIFY, or again after a catch-up). */
const REMEMBERED_IDS = 20_000;
/**
 * Sequence numbers are taken when an event is written, not when it commits: one taken earlier may commit later. A
 * catch-up after a reconnect reads from this far below the highest number heard, and the remembered ids drop repeats.
 */
const CATCH_UP_SLACK = 1000;
const MAX_BACKOFF_MS = 10_000;
/** The channel the event table's trigger notifies on, with `{"id", "seq"}` of each event as it commits. */
const EVENT_CHANNEL = 'twinbook_event';

/** The last `size` ids added, to drop an event heard twice. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly size: number) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** False when the id was already there. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.size) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}

export interface EventBroker extends EventStream {
  close(): Promise<void>;
}

/**
 * The process's event stream. Events committed in this process arrive at once (onCommittedEvents); on a PostgreSQL
 * server (`listenUrl`), those of every other process arrive through one connection that LISTENs on the event channel,
 * which reconnects with backoff when it drops and then catches up by sequence number. The embedded engine serves one
 * connection and one process, so it needs no LISTEN. Each event reaches the listeners once.
 */
export function startEventBroker(listenUrl: string | undefined, logger: Logger): EventBroker {
  const listeners = new Set<(event: DomainEvent) => void>();
  const seen = new RecentIds(REMEMBERED_IDS);

  const publish = (event: DomainEvent) => {
    if (!seen.add(event.id)) return;
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        logger.error({ err, eventId: event.id }, 'an event listener failed');
      }
    }
  };
  const stopLocal = onCommittedEvents((events) => events.forEach(publish));
  // An event is read from the database only for someone: a subscriber in this process, and one not already told (an
  // event committed here was published at its commit, before or after its notification arrives).
  const wanted = (id: string) => listeners.size > 0 && !seen.has(id);
  const remote = listenUrl ? listenForEvents(listenUrl, logger, publish, wanted) : null;

  return {
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      stopLocal();
      listeners.clear();
      await remote?.close();
    },
  };
}

/** One LISTEN connection: notifications name events by id, read here in the order they were heard. */
function listenForEvents(url: string, logger: Logger, publish: (event: DomainEvent) => void, wanted: (id: string) => boolean) {
  // The highest sequence number read here; null until the first connection has looked.
  let highestSeq: bigint | null = null;
  let client: Client | null = null;
  let closed = false;
  let backoff = 100;
  let retry: NodeJS.Timeout | undefined;
  // Reads run one after the other on the listening connection, so events are published in the order heard.
  let reading: Promise<void> = Promise.resolve();
  const read = (c: Client, where: string, values: unknown[]) => {
    reading = reading
      .then(async () => {
        for (const event of await readEventRows(c, where, values)) {
          const seq = BigInt(event.seq);
          if (highestSeq === null || seq > highestSeq) highestSeq = seq;
          publish(event);
        }
      })
      .catch((err: unknown) => {
        if (!closed) logger.warn({ err }, 'could not read notified events; they arrive with the next catch-up');
      });
    return reading;
  };

  const reconnect = () => {
    if (closed || retry) return;
    const old = client;
    client = null;
    old?.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, backoff);
    retry.unref();
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };

  const connect = async () => {
    const c = new Client({ connectionString: url, application_name: 'twinbook-events' });
    client = c;
    c.on('error', (err) => {
      if (!closed) logger.warn({ err }, 'event listener connection failed; reconnecting');
      reconnect();
    });
    c.on('end', () => {
      if (client === c) reconnect();
    });
    c.on('notification', (msg) => {
      if (msg.channel !== EVENT_CHANNEL || !msg.payload) return;
      try {
        const { id, seq } = JSON.parse(msg.payload) as { id: string; seq: number | string };
        if (wanted(id)) {
          void read(c, 'id = $1', [id]);
        } else {
          // Not read, but heard: a catch-up after a reconnect starts from here. After the reads before it, so that
          // the order in which events are published stays the order heard.
          reading = reading.then(() => {
            const heard = BigInt(seq);
            if (highestSeq === null || heard > highestSeq) highestSeq = heard;
          });
        }
      } catch {
        logger.warn({ payload: msg.payload }, 'an event notification was not understood');
      }
    });
    try {
      await c.connect();
      await c.query(`listen ${EVENT_CHANNEL}`);
      if (highestSeq === null) {
        // Only events from now on: a process just started has no subscriber that missed older ones.
        const { rows } = await c.query<{ seq: string }>('select coalesce(max(seq), 0)::text as seq from domain_event');
        const seq = BigInt(rows[0].seq);
        if (highestSeq === null || seq > highestSeq) highestSeq = seq;
      } else {
        const from = highestSeq - BigInt(CATCH_UP_SLACK);
        await read(c, 'seq > $1', [String(from < 0n ? 0n : from)]);
      }
      backoff = 100;
    } catch (err) {
      if (!closed) logger.warn({ err }, 'event listener could not connect; retrying');
      reconnect();
    }
  };
  void connect();

  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await reading;
      await c?.end().catch(() => undefined);
    },
  };
}
