import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../common/ids';
import type { Config } from '../../config';
import { onCommittedEvents } from '../../core/events';
import { startPeriodic, type PeriodicJob } from '../../core/periodic';
import type { Logger } from '../../logger';
import { postWebhook, systemLookup, type Outcome, type WebhookLookup } from './webhook-request';
import { retryDelayMs } from './webhook-retry';
import { signatureHeader } from './webhook-signing';
import { FAN_OUT_BATCH, fanOutEvents } from './webhook-outbox';

/*
 * Sends the outbox. Everything it knows is in the database, so any number of processes run it and a restart loses
 * nothing: a delivery is claimed for a lease (WEBHOOK_LEASE_SECONDS, longer than the request timeout) by a conditional
 * UPDATE over rows taken FOR UPDATE SKIP LOCKED; the claim token makes only the claimant's result count. A process
 * that dies mid-request leaves the lease to run out, and the delivery is claimed again: the receiver may then see the
 * same event id twice, which is what the id is for.
 */

// Due, not leased, endpoint enabled, and (for a booking's event) no earlier event of the same booking still pending
// for this endpoint, nor recorded and not yet fanned out: a booking's events reach each endpoint in the order they
// happened, each one after the previous was delivered or failed for good.
const CLAIM = `
  update webhook_delivery d set lease_until = now() + make_interval(secs => ?), claim_token = ?, attempt_count = d.attempt_count + 1
  where d.id in (
    select c.id from webhook_delivery c
    where c.status = 'PENDING' and c.next_attempt_at <= now() and (c.lease_until is null or c.lease_until < now())
      and exists (select 1 from webhook_endpoint ep where ep.id = c.endpoint_id and ep.enabled)
      and (c.booking_id is null or (
        not exists (select 1 from webhook_delivery p
                    where p.endpoint_id = c.endpoint_id and p.booking_id = c.booking_id and p.event_seq < c.event_seq and p.status = 'PENDING')
        and not exists (select 1 from domain_event x where x.booking_id = c.booking_id and x.seq < c.event_seq and x.fanned_out_at is null)))
    order by c.next_attempt_at, c.event_seq
    limit ?
    for update of c skip locked)
  returning d.id`;

const CLAIMED = `
  select d.id, d.attempt_count, ep.url, ep.secret, e.id as event_id, e.type, e.occurred_at, e.payload, e.booking_id, e.model_id
  from webhook_delivery d join webhook_endpoint ep on ep.id = d.endpoint_id join domain_event e on e.id = d.event_id
  where d.claim_token = ? order by e.seq`;

interface Claimed {
  id: string;
  attempt_count: number;
  url: string;
  secret: string;
  event_id: string;
  type: string;
  occurred_at: string | Date;
  payload: Record<string, unknown>;
  booking_id: string | null;
  model_id: string | null;
}

/** How a worker reaches receivers; the defaults are the system's. */
export interface WebhookWorkerOptions {
  /** Resolves endpoints' host names (default: node:dns lookup, every address). */
  lookup?: WebhookLookup;
  /** Certificates trusted instead of the system's. */
  ca?: string;
}

/** The JSON body of an event: `{id, type, occurredAt, data}`, the same bytes on every attempt of one event. */
export function webhookBody(d: { event_id: string; type: string; occurredAt: Date; payload: Record<string, unknown>; booking_id: string | null; model_id: string | null }): string {
  const data = { ...(d.booking_id ? { bookingId: d.booking_id } : {}), ...(d.model_id ? { modelId: d.model_id } : {}), ...d.payload };
  return JSON.stringify({ id: d.event_id, type: d.type, occurredAt: d.occurredAt.toISOString(), data });
}

function send(d: Claimed, occurredAt: Date, config: Config, options: WebhookWorkerOptions): Promise<Outcome> {
  const body = webhookBody({ ...d, occurredAt });
  const t = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'twinbook-webhooks/1',
    'twinbook-event-id': d.event_id,
    'twinbook-timestamp': String(t),
    'twinbook-signature': signatureHeader(d.secret, t, body),
  };
  return postWebhook(d.url, headers, body, {
    timeoutMs: config.webhookTimeoutMs,
    policy: { allowHttpLoopback: config.webhookAllowHttpLoopback, allowPrivateNetworks: config.webhookAllowPrivateNetworks },
    lookup: options.lookup ?? systemLookup,
    ca: options.ca,
  });
}

const RECORD_SUCCESS = `
  update webhook_delivery set status = 'DELIVERED', delivered_at = now(), next_attempt_at = null, lease_until = null, claim_token = null
  where id = ? and claim_token = ? returning null::timestamptz as next_attempt_at`;
const RECORD_FAILURE = `
  update webhook_delivery set
    status = case when attempt_count >= ? then 'FAILED' else 'PENDING' end,
    next_attempt_at = case when attempt_count >= ? then null else now() + make_interval(secs => ? / 1000.0) end,
    lease_until = null, claim_token = null
  where id = ? and claim_token = ? returning next_attempt_at`;

/**
 * How long a pass woken by a commit waits for more: a burst of writes is fanned out in one pass rather than one pass
 * each (a pass costs a few statements whatever it finds), and an event still leaves within a blink.
 */
const GATHER_MS = 50;
/** Rounds of sending in one pass; what is left waits for the next. */
const SEND_ROUNDS = 20;

/** The worker of one process: fans events out, claims due deliveries, sends them and records what came of it. */
export class WebhookWorker {
  private running: Promise<Record<string, number> | null> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private gathering: NodeJS.Timeout | undefined;
  /**
   * Whether deliveries not queued by this process's own fan-out may be due: at start, at each periodic run, when a
   * retry falls due, and when a pass left some unsent. A pass woken only by events committed here sends only when its
   * fan-out queued something, and otherwise asks the database nothing more.
   */
  private deliveriesDue = true;
  stopped = false;

  constructor(
    private readonly em: EntityManager,
    private readonly config: Config,
    private readonly log: Logger,
    private readonly options: WebhookWorkerOptions = {},
  ) {}

  /** Runs one pass now, or once more after the pass in progress; `due`: look for due deliveries whatever it fans out. */
  run(due = true): Promise<Record<string, number> | null> {
    if (due) this.deliveriesDue = true;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        // Due deliveries, if that is what was asked for meanwhile, are remembered in deliveriesDue.
        this.wake(false);
      }
    });
    return this.running;
  }

  /** Asks for a pass soon (a retry falls due, a pass left work), logging a failure rather than throwing. */
  wake(due = true): void {
    if (this.stopped) return;
    setImmediate(() => this.run(due).catch((err: unknown) => this.log.error({ err }, 'webhook delivery failed')));
  }

  /** Events were committed in this process: one pass for them and whatever else commits in the next GATHER_MS. */
  eventsCommitted(): void {
    if (this.stopped || this.gathering) return;
    this.gathering = setTimeout(() => {
      this.gathering = undefined;
      this.wake(false);
    }, GATHER_MS);
    this.gathering.unref();
  }

  /** Waits for the pass in progress. */
  async idle(): Promise<void> {
    clearTimeout(this.timer);
    clearTimeout(this.gathering);
    this.gathering = undefined;
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<Record<string, number> | null> {
    const due = this.deliveriesDue;
    this.deliveriesDue = false;
    let fannedOut = 0;
    let queued = 0;
    while (!this.stopped) {
      const done = await fanOutEvents(this.em);
      fannedOut += done.events;
      queued += done.deliveries;
      if (done.events < FAN_OUT_BATCH) break;
    }
    if (!due && !queued) return fannedOut ? { fannedOut, sent: 0, delivered: 0 } : null;
    let sent = 0;
    let delivered = 0;
    let round = 0;
    for (; round < SEND_ROUNDS && !this.stopped; round += 1) {
      const outcomes = await this.sendBatch();
      if (!outcomes.length) break;
      sent += outcomes.length;
      delivered += outcomes.filter((o) => o.error === null).length;
    }
    if (round === SEND_ROUNDS) {
      this.deliveriesDue = true;
      this.again = true;
    }
    await this.scheduleNextRetry();
    return fannedOut || sent ? { fannedOut, sent, delivered } : null;
  }

  private async sendBatch(): Promise<Outcome[]> {
    const em = this.em.fork();
    const token = newId();
    const claimed = await em.execute<{ id: string }[]>(CLAIM, [this.config.webhookLeaseSeconds, token, 20]);
    if (!claimed.length) return [];
    const rows = await em.execute<Claimed[]>(CLAIMED, [token]);
    return Promise.all(
      rows.map(async (d) => {
        const occurredAt = d.occurred_at instanceof Date ? d.occurred_at : em.getPlatform().parseDate(d.occurred_at);
        const attemptedAt = new Date();
        const outcome = await send(d, occurredAt, this.config, this.options);
        await this.record(d, token, attemptedAt, outcome);
        return outcome;
      }),
    );
  }

  private async record(d: Claimed, token: string, attemptedAt: Date, o: Outcome): Promise<void> {
    const max = this.config.webhookMaxAttempts;
    await this.em.fork().transactional(async (tx) => {
      const [row] = o.error === null
        ? await tx.execute<{ next_attempt_at: string | null }[]>(RECORD_SUCCESS, [d.id, token])
        : await tx.execute<{ next_attempt_at: string | null }[]>(RECORD_FAILURE, [max, max, retryDelayMs(d.attempt_count, this.config.webhookRetryBaseMs, Math.random()), d.id, token]);
      // Logged even when the lease was lost meanwhile (row undefined): the request was made all the same.
      await tx.execute(
        'insert into webhook_attempt (id, delivery_id, attempted_at, http_status, duration_ms, error, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?)',
        [newId(), d.id, attemptedAt, o.httpStatus, o.durationMs, o.error, row?.next_attempt_at ?? null],
      );
    });
  }

  // A retry due before the next periodic run wakes the worker itself, so that short delays are kept.
  private async scheduleNextRetry(): Promise<void> {
    const [row] = await this.em.fork().execute<{ ms: number | null }[]>(
      `select (extract(epoch from min(next_attempt_at) - now()) * 1000)::float8 as ms from webhook_delivery where status = 'PENDING'`,
    );
    const period = this.config.webhookWorkerSeconds * 1000;
    if (row?.ms == null || this.stopped || (period > 0 && row.ms >= period)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), Math.max(row.ms, 0) + 5);
    this.timer.unref();
  }
}

/**
 * Starts this process's webhook worker: every WEBHOOK_WORKER_SECONDS (0: never, and nothing wakes it), and at once
 * when this process commits events.
 */
export function startWebhookWorker(em: EntityManager, config: Config, log: Logger, options: WebhookWorkerOptions = {}): PeriodicJob {
  if (config.webhookWorkerSeconds <= 0) return { stop: async () => undefined };
  const worker = new WebhookWorker(em, config, log, options);
  const periodic = startPeriodic('webhook delivery', config.webhookWorkerSeconds, () => worker.run(), log);
  const stopListening = onCommittedEvents(() => worker.eventsCommitted());
  worker.wake();
  return {
    async stop() {
      stopListening();
      worker.stopped = true;
      await periodic.stop();
      await worker.idle();
    },
  };
}
