import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvents, type NewDomainEvent } from '../src/core/events';
import { loadConfig } from '../src/config';
import { sweepOldEvents } from '../src/modules/webhook/event-retention';
import { seedAgency, type Party } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_JWT_SECRET } from './support/test-secret';

// The sweep runs here by hand (the API process starts its timer in main.ts, which tests do not run).
let app: TestApp;
let em: EntityManager;
let agency: Party;
let endpointId: string;
beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork() as EntityManager;
  agency = await seedAgency(app);
  endpointId = randomUUID();
  await em.execute(
    `insert into webhook_endpoint (id, agency_id, url, description, events, secret, created_at, updated_at)
     values (?, ?, 'https://hooks.example.com/twinbook', 'retention', '{booking.created}', 'secret', now() - interval '90 days', now())`,
    [endpointId, agency.id],
  );
});
afterAll(async () => {
  await app.close();
});

/** Records `n` events of the agency, `ageDays` old, fanned out or not; returns their ids. */
async function events(n: number, ageDays: number, fannedOut: boolean): Promise<string[]> {
  const occurredAt = new Date(Date.now() - ageDays * 86_400_000);
  const recorded = await recordEvents(em, Array.from({ length: n }, (): NewDomainEvent => ({ type: 'booking.created', agencyId: agency.id, bookingId: randomUUID(), occurredAt })));
  const ids = recorded.map((e) => e.id);
  if (fannedOut) await em.execute('update domain_event set fanned_out_at = occurred_at where id = any(?::uuid[])', [`{${ids.join(',')}}`]);
  return ids;
}

/** A delivery of `eventId` to the endpoint, in `status`, created `ageDays` ago, with `attempts` attempts; returns its id. */
async function delivery(eventId: string, status: 'PENDING' | 'DELIVERED' | 'FAILED', ageDays: number, attempts = 0): Promise<string> {
  const id = randomUUID();
  await em.execute(
    `insert into webhook_delivery (id, endpoint_id, event_id, event_type, event_seq, booking_id, status, attempt_count, next_attempt_at, created_at)
     select ?, ?, e.id, e.type, e.seq, e.booking_id, ?, ?, case when ? = 'PENDING' then now() end, now() - make_interval(days => ?) from domain_event e where e.id = ?`,
    [id, endpointId, status, attempts, status, ageDays, eventId],
  );
  for (let i = 0; i < attempts; i += 1) {
    await em.execute(`insert into webhook_attempt (id, delivery_id, attempted_at, http_status, duration_ms) values (?, ?, now() - make_interval(days => ?), 500, 12)`, [randomUUID(), id, ageDays]);
  }
  return id;
}

const existing = async (table: string, ids: string[]): Promise<string[]> =>
  (await em.execute<{ id: string }[]>(`select id from ${table} where id = any(?::uuid[])`, [`{${ids.join(',')}}`])).map((r) => r.id).sort();
const attemptsOf = async (deliveryId: string): Promise<number> =>
  Number((await em.execute<{ n: string }[]>('select count(*) as n from webhook_attempt where delivery_id = ?', [deliveryId]))[0].n);

describe('event retention', () => {
  it('keeps EVENT_RETENTION_DAYS (30 by default; 0: for ever)', () => {
    expect(loadConfig({ JWT_SECRET: TEST_JWT_SECRET }).eventRetentionDays).toBe(30);
    expect(loadConfig({ JWT_SECRET: TEST_JWT_SECRET, EVENT_RETENTION_DAYS: '0' }).eventRetentionDays).toBe(0);
    expect(() => loadConfig({ JWT_SECRET: TEST_JWT_SECRET, EVENT_RETENTION_DAYS: '-1' })).toThrow(/EVENT_RETENTION_DAYS/);
  });

  it('deletes old finished deliveries with their attempts and then old spent events, and keeps everything still needed', async () => {
    const [spent] = await events(1, 40, true);
    const [delivered, pending, failedLately, recentFailedEvent] = await events(4, 40, true);
    const [notFannedOut] = await events(1, 40, false);
    const [recent] = await events(1, 1, true);
    const [recentDelivered] = await events(1, 1, true);
    const deliveredOld = await delivery(delivered, 'DELIVERED', 40, 2);
    const failedOld = await delivery(failedLately, 'FAILED', 40, 3);
    const pendingOld = await delivery(pending, 'PENDING', 40, 1);
    const failedRecent = await delivery(recentFailedEvent, 'FAILED', 1, 1);
    const deliveredRecent = await delivery(recentDelivered, 'DELIVERED', 1, 1);

    const swept = await sweepOldEvents(em, 30);

    expect(swept).toEqual({ deliveries: 2, events: 3 });
    // Finished and old: gone, attempts with them.
    expect(await existing('webhook_delivery', [deliveredOld, failedOld])).toEqual([]);
    expect(await attemptsOf(deliveredOld)).toBe(0);
    expect(await attemptsOf(failedOld)).toBe(0);
    // Still to be sent, or finished lately: kept, with their attempts.
    expect(await existing('webhook_delivery', [pendingOld, failedRecent, deliveredRecent])).toEqual([pendingOld, failedRecent, deliveredRecent].sort());
    expect(await attemptsOf(failedRecent)).toBe(1);
    // Events: old, fanned out and with no delivery left go; one a delivery still needs, one not yet fanned out, and
    // recent ones stay.
    expect(await existing('domain_event', [spent, delivered, failedLately])).toEqual([]);
    expect(await existing('domain_event', [pending, recentFailedEvent, notFannedOut, recent, recentDelivered])).toEqual(
      [pending, recentFailedEvent, notFannedOut, recent, recentDelivered].sort(),
    );

    // Nothing left to sweep: a second run deletes nothing.
    expect(await sweepOldEvents(em, 30)).toEqual({ deliveries: 0, events: 0 });
  });

  it('sweeps a backlog larger than one batch', async () => {
    const old = await events(2_345, 45, true);
    expect(await sweepOldEvents(em, 30)).toEqual({ deliveries: 0, events: 2_345 });
    expect(await existing('domain_event', old)).toEqual([]);
  });
});
