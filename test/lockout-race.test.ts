import {
  CalendarLockoutsDocument,
  ConfirmBookingOverrideDocument,
  CreateLockoutDocument,
  CreatePhysicalBookingDocument,
  type CreateLockoutInput,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { setTimeout as sleep } from 'node:timers/promises';
import { postTo, startApiProcess, type ApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { at, confirmedPhysical, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const TRIALS = 30;
const TIME_BUDGET_MS = 40_000;

const lockoutOn = (s: Scenario, day: number): CreateLockoutInput => ({
  modelId: s.model.id,
  start: at(24 * day + 8),
  end: at(24 * day + 20),
  kind: 'OTHER_COMMITMENT',
  reason: 'A show abroad',
});

const slotOn = (s: Scenario, day: number): CreatePhysicalBookingInput => ({
  modelId: s.model.id,
  title: 'Race',
  start: at(24 * day + 9),
  end: at(24 * day + 17),
  location: { name: 'Studio 1', timeZone: 'Europe/Paris' },
});

/** What the day holds once the race is over, as her agency reads her calendar: lockouts and confirmed bookings. */
async function dayState(s: Scenario, day: number): Promise<{ lockouts: number; confirmed: number }> {
  const calendar = (await app.gql(CalendarLockoutsDocument, { id: s.model.id, from: at(24 * day), to: at(24 * day + 24) }, s.agency.token)).model!.calendar!;
  return { lockouts: calendar.lockouts.length, confirmed: calendar.entries.filter((e) => e.status === 'CONFIRMED').length };
}

interface Answer {
  ok: boolean;
  code: string | null;
  problem: string | null;
}

/** One side's answer: it did what was asked, or refused with exactly the code a serial loser gets. */
function answerOf(res: { status: number; data?: unknown; errors?: unknown }, done: (data: never) => { ok: boolean; codes: string[] }, loserCode: string): Answer {
  if (res.status !== 200 || !res.data) return { ok: false, code: null, problem: `HTTP ${res.status} ${JSON.stringify(res.errors)}` };
  const { ok, codes } = done(res.data as never);
  if (ok) return { ok, code: null, problem: null };
  return { ok, code: codes.join(','), problem: codes.length === 1 && codes[0] === loserCode ? null : `refused with ${codes.join(', ')}` };
}

describe('a lockout racing physical work on the same time', () => {
  describeOnServer('across two API processes on one database', ONE_CONNECTION, () => {
    let processes: ApiProcess[] = [];
    beforeAll(async () => {
      processes = await Promise.all([startApiProcess(app.db.url), startApiProcess(app.db.url)]);
    }, 180_000);
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop()));
    });

    /**
     * Runs trials of `race` (day by day) until TRIALS or the time budget: each must end in exactly one of the two serial
     * outcomes, every answer must say what the day then holds, and never a lockout and a confirmed booking both.
     */
    async function runTrials(s: Scenario, race: (day: number, p: [string, string]) => Promise<[Answer, Answer]>) {
      const problems: string[] = [];
      const deadline = Date.now() + TIME_BUDGET_MS;
      let trials = 0;
      for (let day = 0; day < TRIALS && Date.now() < deadline; day++) {
        trials += 1;
        const p = (day % 2 ? [processes[0].url, processes[1].url] : [processes[1].url, processes[0].url]) as [string, string];
        const [lock, booking] = await race(day, p);
        for (const a of [lock, booking]) if (a.problem) problems.push(`day ${day}: ${a.problem}`);
        if (lock.ok === booking.ok) problems.push(`day ${day}: lockout ${lock.ok ? 'placed' : lock.code}, booking ${booking.ok ? 'confirmed' : booking.code}`);
        const state = await dayState(s, day);
        if (state.lockouts && state.confirmed) problems.push(`day ${day}: holds a lockout and a confirmed booking`);
        if (state.lockouts !== (lock.ok ? 1 : 0) || state.confirmed !== (booking.ok ? 1 : 0)) {
          problems.push(`day ${day}: answered lockout ${lock.ok}, booking ${booking.ok}; holds ${JSON.stringify(state)}`);
        }
      }
      expect({ trials, problems }).toEqual({ trials, problems: [] });
      expect(trials).toBeGreaterThanOrEqual(10);
    }

    it(`a lockout and the agency confirming an option in its range: one of the two, never both (${TRIALS} trials)`, async () => {
      const s = await seedPricedScenario(app);
      await runTrials(s, async (day, [p0, p1]) => {
        const option = (await app.gql(CreatePhysicalBookingDocument, { input: slotOn(s, day) }, s.brand.token)).createPhysicalBooking.booking!.id;
        // The confirmation does more work before its lock than the lockout: the lockout starts a little later, by a
        // varying amount, so that both orders happen.
        const [lock, confirm] = await Promise.all([
          sleep((day % 5) * 6).then(() => postTo(p0, CreateLockoutDocument, { input: lockoutOn(s, day) }, s.model.token)),
          postTo(p1, ConfirmBookingOverrideDocument, { id: option, overrideLockout: null }, s.agency.token),
        ]);
        return [
          answerOf(lock, (d: { createLockout: { lockout: unknown; userErrors: { code: string }[] } }) => ({ ok: !!d.createLockout.lockout, codes: d.createLockout.userErrors.map((e) => e.code) }), 'PHYSICAL_CLASH'),
          answerOf(confirm, (d: { confirmBooking: { booking: unknown; userErrors: { code: string }[] } }) => ({ ok: !!d.confirmBooking.booking, codes: d.confirmBooking.userErrors.map((e) => e.code) }), 'LOCKED_OUT'),
        ];
      });
    }, 90_000);

    it(`a lockout and the agency booking CONFIRMED in one statement, her terms remembered: one of the two, never both (${TRIALS} trials)`, async () => {
      const s = await seedPricedScenario(app);
      // Each process books her once far away, so that it remembers her terms and the race takes the one-statement write.
      for (const [i, p] of processes.entries()) {
        const warm = await postTo(p.url, CreatePhysicalBookingDocument, { input: confirmedPhysical(s, 24 * 400 + 10 * i, 24 * 400 + 10 * i + 2) }, s.agency.token);
        expect(warm.data?.createPhysicalBooking.userErrors).toEqual([]);
      }
      await runTrials(s, async (day, [p0, p1]) => {
        const [lock, create] = await Promise.all([
          postTo(p0, CreateLockoutDocument, { input: lockoutOn(s, day) }, s.model.token),
          postTo(p1, CreatePhysicalBookingDocument, { input: { ...slotOn(s, day), brandId: s.brand.id, status: 'CONFIRMED' } }, s.agency.token),
        ]);
        return [
          answerOf(lock, (d: { createLockout: { lockout: unknown; userErrors: { code: string }[] } }) => ({ ok: !!d.createLockout.lockout, codes: d.createLockout.userErrors.map((e) => e.code) }), 'PHYSICAL_CLASH'),
          answerOf(create, (d: { createPhysicalBooking: { booking: unknown; userErrors: { code: string }[] } }) => ({ ok: !!d.createPhysicalBooking.booking, codes: d.createPhysicalBooking.userErrors.map((e) => e.code) }), 'LOCKED_OUT'),
        ];
      });
    }, 90_000);
  });
});
