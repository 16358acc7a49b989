import {
  BookingByIdDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  CreatePhysicalBookingDocument,
  type BookingStatus,
  type CancelBookingMutation,
  type ConfirmBookingMutation,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { BookingStatus as S } from '../src/modules/booking/booking-status';
import { canTransition } from '../src/modules/booking/booking-transitions';
import { postTo, startApiProcess, type ApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { at, type Party, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const TRIALS = 30;
const TIME_BUDGET_MS = 45_000;

type Payload = (ConfirmBookingMutation['confirmBooking'] | CancelBookingMutation['cancelBooking']);

/** An option placed by a brand on the scenario's model, `day` days after `at(0)`. */
async function placeOption(s: Scenario, brand: Party, day: number, start: number, end: number): Promise<string> {
  const input: CreatePhysicalBookingInput = {
    modelId: s.model.id,
    title: 'Option',
    start: at(24 * day + start),
    end: at(24 * day + end),
    location: { name: 'Studio 3', timeZone: 'Europe/Paris' },
  };
  const res = (await app.gql(CreatePhysicalBookingDocument, { input }, brand.token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

/**
 * What is wrong with one booking after a race: its final status differs from what the last successful answer about
 * it said (or, with none, from `otherwise`), or its history is not one line per real change along allowed moves.
 */
async function problemsOf(id: string, answered: BookingStatus | null, otherwise: BookingStatus): Promise<string[]> {
  const booking = (await app.gql(BookingByIdDocument, { id }, app.adminToken)).booking!;
  const problems: string[] = [];
  const expected = answered ?? otherwise;
  if (booking.status !== expected) problems.push(`${id}: ends ${booking.status} though the answer was ${expected}`);
  const lines = booking.history.map((h) => `${h.fromStatus ?? 'null'}>${h.toStatus}`);
  let current: BookingStatus | null = null;
  for (const h of booking.history) {
    const allowed = current === null ? h.fromStatus === null && h.toStatus === S.OPTION : h.fromStatus === current && canTransition(h.fromStatus as S, h.toStatus as S);
    if (!allowed) problems.push(`${id}: history ${lines.join(', ')} has a line that does not follow from the one before`);
    current = h.toStatus;
  }
  if (current !== booking.status) problems.push(`${id}: history ends at ${current}, the booking is ${booking.status}`);
  return problems;
}

describe('status changes racing on one booking', () => {
  describeOnServer('across two API processes on one database', ONE_CONNECTION, () => {
    let processes: ApiProcess[] = [];
    beforeAll(async () => {
      processes = await Promise.all([startApiProcess(app.db.url), startApiProcess(app.db.url)]);
    }, 180_000);
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop()));
    });

    it(`confirming one option while the agency declines and the brand releases the ones it overlaps: every answer is what the booking becomes, one history line per change (${TRIALS} trials)`, async () => {
      const s = await seedPricedScenario(app);
      const [p0, p1] = processes.map((p) => p.url);
      const problems: string[] = [];
      // "answer N": in trial N a booking ended other than it was answered; "history N": its history broke the chain.
      const failedTrials = new Set<string>();
      const deadline = Date.now() + TIME_BUDGET_MS;
      let trials = 0;
      for (let day = 0; day < TRIALS && Date.now() < deadline; day++) {
        trials += 1;
        const before = problems.length;
        // Placed in this order, the confirmed option ranks 1st among the three.
        const confirmed = await placeOption(s, s.brand, day, 9, 17);
        const declined = await placeOption(s, s.otherBrand, day, 10, 18);
        const released = await placeOption(s, s.brand, day, 8, 12);
        const answers: [string, GraphQLResponse<Record<string, Payload>>][] = await Promise.all([
          postTo(p0, ConfirmBookingDocument, { id: confirmed }, s.agency.token).then((r) => [confirmed, r] as [string, GraphQLResponse<Record<string, Payload>>]),
          postTo(p1, CancelBookingDocument, { id: declined, reason: 'the model is unavailable' }, s.agency.token).then(
            (r) => [declined, r] as [string, GraphQLResponse<Record<string, Payload>>],
          ),
          postTo(day % 2 ? p0 : p1, CancelBookingDocument, { id: released, reason: 'plans changed' }, s.brand.token).then(
            (r) => [released, r] as [string, GraphQLResponse<Record<string, Payload>>],
          ),
        ]);
        const said = new Map<string, BookingStatus | null>();
        for (const [id, res] of answers) {
          const payload = res.data ? Object.values(res.data)[0] : undefined;
          if (res.status !== 200 || !payload) {
            problems.push(`${id}: HTTP ${res.status} ${JSON.stringify(res.errors)}`);
            continue;
          }
          // A change refused because another one got there first is a fair answer; anything else is not.
          if (!payload.booking && payload.userErrors.some((e) => e.code !== 'TRANSITION_NOT_ALLOWED')) {
            problems.push(`${id}: refused with ${payload.userErrors.map((e) => e.code).join(', ')}`);
          }
          said.set(id, payload.booking?.status ?? null);
        }
        if (said.get(confirmed) !== S.CONFIRMED) problems.push(`${confirmed}: the first option was not confirmed`);
        problems.push(
          ...(await problemsOf(confirmed, said.get(confirmed) ?? null, S.OPTION)),
          // With no successful answer of its own, an overlapping option was released by the confirmation.
          ...(await problemsOf(declined, said.get(declined) ?? null, S.RELEASED)),
          ...(await problemsOf(released, said.get(released) ?? null, S.RELEASED)),
        );
        for (const p of problems.slice(before)) failedTrials.add(`${p.includes('ends') ? 'answer' : 'history'} ${day}`);
      }
      const count = (kind: string) => [...failedTrials].filter((t) => t.startsWith(kind)).length;
      expect({ trials, answerMismatches: count('answer'), brokenHistories: count('history'), problems }).toEqual({
        trials,
        answerMismatches: 0,
        brokenHistories: 0,
        problems: [],
      });
      expect(trials).toBeGreaterThanOrEqual(10);
    }, 90_000);
  });
});
