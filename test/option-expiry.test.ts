import { BookingByIdDocument, CreatePhysicalBookingDocument, ModelBookingListDocument, ModelCalendarDocument, type BookingStatus } from './generated/graphql';
import { sweepExpiredOptions } from '../src/modules/booking/option-sweep';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { at, seedScenario, type Party, type Scenario } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An option of the scenario's model placed by `brand`, `start` to `end` hours after `at(0)`, expiring at `expiresAt`. */
async function placeOption(s: Scenario, brand: Party, start: number, end: number, expiresAt: Date | null): Promise<string> {
  const input = {
    modelId: s.model.id,
    title: 'Casting',
    start: at(start),
    end: at(end),
    location: { name: 'Showroom', timeZone: 'Europe/Paris' },
    optionExpiresAt: expiresAt?.toISOString() ?? null,
  };
  const res = (await app.gql(CreatePhysicalBookingDocument, { input }, brand.token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function statusOf(id: string): Promise<BookingStatus> {
  return (await app.gql(BookingByIdDocument, { id })).booking!.status;
}

async function listed(s: Scenario, status: BookingStatus[]): Promise<string[]> {
  const list = await app.gql(ModelBookingListDocument, { id: s.model.id, status, first: 50 });
  return list.model!.bookings.edges.map((e) => e.node.id).sort();
}

async function onCalendar(s: Scenario): Promise<string[]> {
  const cal = await app.gql(ModelCalendarDocument, { id: s.model.id, from: at(0), to: at(48) });
  return cal.model!.calendar!.entries.map((e) => `${e.bookingId} ${e.status}`).sort();
}

async function history(id: string): Promise<string[]> {
  return (await app.gql(BookingByIdDocument, { id })).booking!.history.map((h) => `${h.fromStatus}>${h.toStatus} ${h.actorRole} ${h.reason}`);
}

/** What the row itself says, which only a write changes (reads show the effective status). */
async function stored(id: string): Promise<string> {
  const [row] = await app.orm.em.fork().getConnection().execute<{ status: string }[]>('select status from booking where id = ?', [id]);
  return row.status;
}

describe('an option past its expiry', () => {
  it('reads as EXPIRED everywhere from the instant it expires, before anything writes it', async () => {
    const s = await seedScenario(app);
    // Long enough to place both and read them before it passes, even on a loaded machine.
    const expiresAt = new Date(Date.now() + 2000);
    const lapsing = await placeOption(s, s.brand, 9, 17, expiresAt);
    const holding = await placeOption(s, s.otherBrand, 30, 32, null);
    const both = [lapsing, holding].sort();
    expect(await statusOf(lapsing)).toBe('OPTION');
    expect(await listed(s, ['OPTION'])).toEqual(both);

    await sleep(Math.max(0, expiresAt.getTime() - Date.now()) + 100);
    expect(await stored(lapsing)).toBe('OPTION');
    expect(await statusOf(lapsing)).toBe('EXPIRED');
    expect(await listed(s, ['OPTION'])).toEqual([holding]);
    expect(await listed(s, ['EXPIRED'])).toEqual([lapsing]);
    expect(await listed(s, ['OPTION', 'EXPIRED'])).toEqual(both);
    expect(await onCalendar(s)).toEqual([`${holding} OPTION`]);
    // Read, not written: the history has no change yet.
    expect(await history(lapsing)).toEqual(['null>OPTION BRAND null']);
  });

  it('is written EXPIRED by the sweep with exactly one history line, even when two sweeps run at once', async () => {
    const s = await seedScenario(app);
    const expiresAt = new Date(Date.now() + 1500);
    const lapsing = await Promise.all([0, 1, 2, 3, 4].map((day) => placeOption(s, s.brand, 24 * day + 9, 24 * day + 17, expiresAt)));
    const holding = await placeOption(s, s.otherBrand, 9, 17, null);
    // None of these is due yet: a sweep now leaves them alone (and clears what other tests left lapsing).
    await sweepExpiredOptions(app.orm.em);
    expect(await Promise.all([...lapsing, holding].map(stored))).toEqual(['OPTION', 'OPTION', 'OPTION', 'OPTION', 'OPTION', 'OPTION']);

    await sleep(Math.max(0, expiresAt.getTime() - Date.now()) + 100);
    // Small batches, so that the two sweeps take turns over the same options.
    const counts = await Promise.all([sweepExpiredOptions(app.orm.em, new Date(), 2), sweepExpiredOptions(app.orm.em, new Date(), 2)]);
    expect(counts[0] + counts[1]).toBe(lapsing.length);
    for (const id of lapsing) {
      expect(await stored(id)).toBe('EXPIRED');
      expect(await history(id)).toEqual(['null>OPTION BRAND null', 'OPTION>EXPIRED SYSTEM the option expired']);
    }
    expect(await stored(holding)).toBe('OPTION');
    expect(await sweepExpiredOptions(app.orm.em)).toBe(0);
  });

  describeOnServer('swept by every API process on a timer', ONE_CONNECTION, () => {
    let processes: ApiProcess[] = [];
    beforeAll(async () => {
      processes = await Promise.all([0, 1].map(() => startApiProcess(app.db.url, { OPTION_SWEEP_SECONDS: '1' })));
    }, 180_000);
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop()));
    });

    it('two processes sweeping each second write one OPTION → EXPIRED line per option', async () => {
      const s = await seedScenario(app);
      const expiresAt = new Date(Date.now() + 1500);
      const lapsing = await Promise.all([0, 1, 2].map((day) => placeOption(s, s.brand, 24 * day + 9, 24 * day + 17, expiresAt)));
      const deadline = expiresAt.getTime() + 10_000;
      while (Date.now() < deadline && (await Promise.all(lapsing.map(stored))).some((st) => st !== 'EXPIRED')) await sleep(200);
      // Both processes have swept at least twice more since: time enough for a double write to show.
      await sleep(2500);
      for (const id of lapsing) {
        expect(await stored(id)).toBe('EXPIRED');
        expect(await history(id)).toEqual(['null>OPTION BRAND null', 'OPTION>EXPIRED SYSTEM the option expired']);
      }
    }, 30_000);
  });
});
