import {
  BookingScheduleDocument,
  ConfirmBookingDocument,
  CreatePhysicalBookingDocument,
  RescheduleBookingDocument,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { postTo, startApiProcess, type ApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { at, confirmedPhysical, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const TRIALS = 20;
const TIME_BUDGET_MS = 40_000;
const FAIR_LOSSES = ['PHYSICAL_CLASH', 'OPTION_NOT_FIRST'];

interface Answer {
  ok: boolean;
  problem: string | null;
}

/** A payload's outcome: done, refused with a code a loser of this race may get, or anything else (a problem). */
function outcome(what: string, res: GraphQLResponse<Record<string, { booking: { id: string } | null; userErrors: { code: string }[] }>>): Answer {
  const payload = res.data ? Object.values(res.data)[0] : undefined;
  if (res.status !== 200 || !payload) return { ok: false, problem: `${what}: HTTP ${res.status} ${JSON.stringify(res.errors)}` };
  if (payload.booking) return { ok: true, problem: null };
  const codes = payload.userErrors.map((e) => e.code);
  return { ok: false, problem: codes.length === 1 && FAIR_LOSSES.includes(codes[0]) ? null : `${what}: refused with ${codes.join(', ')}` };
}

/** Pairs of the model's confirmed physical bookings whose blocked ranges overlap: there must never be one. */
async function overlappingConfirmed(modelId: string): Promise<number> {
  const [{ n }] = await app.orm.em.getConnection().execute<{ n: string }[]>(
    `select count(*) as n from booking a join booking b on a.model_id = b.model_id and a.id < b.id
     where a.model_id = ? and a.type = 'PHYSICAL' and b.type = 'PHYSICAL' and a.status = 'CONFIRMED' and b.status = 'CONFIRMED'
       and tstzrange(a.blocked_start, a.blocked_end) && tstzrange(b.blocked_start, b.blocked_end)`,
    [modelId],
  );
  return Number(n);
}

async function place(s: Scenario, input: CreatePhysicalBookingInput, token: string): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

const read = async (id: string) => (await app.gql(BookingScheduleDocument, { id })).booking!;

describe('moving a booking while another takes the same time', () => {
  describeOnServer('across two API processes on one database', ONE_CONNECTION, () => {
    let processes: ApiProcess[] = [];
    beforeAll(async () => {
      processes = await Promise.all([startApiProcess(app.db.url), startApiProcess(app.db.url)]);
    }, 180_000);
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop()));
    });

    it(`the agency moves confirmed A onto option B's time while B is confirmed: never both confirmed there, the loser told why (up to ${TRIALS} trials)`, async () => {
      const s = await seedPricedScenario(app);
      const problems: string[] = [];
      const wins = { move: 0, confirm: 0 };
      const deadline = Date.now() + TIME_BUDGET_MS;
      let trials = 0;
      for (let day = 0; day < TRIALS && Date.now() < deadline; day++) {
        trials += 1;
        const a = await place(s, confirmedPhysical(s, 24 * day + 9, 24 * day + 12), s.agency.token);
        const b = await place(s, { ...confirmedPhysical(s, 24 * day + 14, 24 * day + 17), brandId: null, status: null }, s.brand.token);
        const [p0, p1] = day % 2 ? processes : [...processes].reverse();
        const [moved, confirmed] = await Promise.all([
          postTo(p0.url, RescheduleBookingDocument, { input: { id: a, start: at(24 * day + 14), end: at(24 * day + 17) } }, s.agency.token).then((r) => outcome(`move ${day}`, r)),
          postTo(p1.url, ConfirmBookingDocument, { id: b }, s.brand.token).then((r) => outcome(`confirm ${day}`, r)),
        ]);
        for (const answer of [moved, confirmed]) if (answer.problem) problems.push(answer.problem);
        if (moved.ok && confirmed.ok) problems.push(`trial ${day}: both the move and the confirmation were answered as done`);
        const [A, B] = await Promise.all([read(a), read(b)]);
        if (moved.ok !== (A.start === at(24 * day + 14))) problems.push(`trial ${day}: the move was answered ${moved.ok} but A starts ${A.start}`);
        if (confirmed.ok !== (B.status === 'CONFIRMED')) problems.push(`trial ${day}: the confirmation was answered ${confirmed.ok} but B is ${B.status}`);
        wins.move += Number(moved.ok);
        wins.confirm += Number(confirmed.ok);
      }
      expect({ problems, overlapping: await overlappingConfirmed(s.model.id) }).toEqual({ problems: [], overlapping: 0 });
      expect(trials).toBeGreaterThanOrEqual(5);
      // Someone takes the time in every trial: B is confirmed unless A got there first.
      expect(wins.move + wins.confirm).toBe(trials);
    }, 90_000);

    it(`the agency moves confirmed A onto a time while another confirmed booking is made there: one wins, the other is a PHYSICAL_CLASH (up to ${TRIALS} trials)`, async () => {
      const s = await seedPricedScenario(app);
      const problems: string[] = [];
      const wins = { move: 0, create: 0 };
      const deadline = Date.now() + TIME_BUDGET_MS;
      let trials = 0;
      for (let day = 0; day < TRIALS && Date.now() < deadline; day++) {
        trials += 1;
        const a = await place(s, confirmedPhysical(s, 24 * day + 9, 24 * day + 12), s.agency.token);
        const [p0, p1] = day % 2 ? processes : [...processes].reverse();
        const [moved, created] = await Promise.all([
          postTo(p0.url, RescheduleBookingDocument, { input: { id: a, start: at(24 * day + 14), end: at(24 * day + 17) } }, s.agency.token).then((r) => outcome(`move ${day}`, r)),
          postTo(p1.url, CreatePhysicalBookingDocument, { input: confirmedPhysical(s, 24 * day + 15, 24 * day + 18, { brandId: s.otherBrand.id }) }, s.agency.token).then((r) =>
            outcome(`create ${day}`, r),
          ),
        ]);
        for (const answer of [moved, created]) if (answer.problem) problems.push(answer.problem);
        if (moved.ok === created.ok) problems.push(`trial ${day}: move ${moved.ok}, create ${created.ok}: exactly one should take the time`);
        wins.move += Number(moved.ok);
        wins.create += Number(created.ok);
      }
      expect({ problems, overlapping: await overlappingConfirmed(s.model.id) }).toEqual({ problems: [], overlapping: 0 });
      expect(trials).toBeGreaterThanOrEqual(5);
    }, 90_000);
  });
});
