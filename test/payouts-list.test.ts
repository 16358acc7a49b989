import { randomUUID } from 'node:crypto';
import { ApprovePayoutsDocument, BookingListDocument, PayoutListDocument, type PayoutFilterInput, type PayoutListQuery } from './generated/graphql';
import { completedBooking, linesOf } from './support/books';
import { seedAgency, seedBrand, type Party, type Scenario } from './support/factories';
import { past, seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface World {
  s: Scenario;
  mother: Party;
  /** Another agency with a completed booking of its own model for the same brand. */
  rival: Scenario;
  /** The scenario's two completed bookings, and their lines (model, agency, mother agency, platform). */
  bookings: string[];
  lines: Awaited<ReturnType<typeof linesOf>>;
}

/** An agency whose model was placed by a mother agency, with two completed bookings; a rival agency with one. */
async function world(): Promise<World> {
  const mother = await seedAgency(app);
  const s = await seedPricedScenario(app, { motherAgencyId: mother.id });
  const rival = await seedPricedScenario(app);
  const bookings = [await completedBooking(app, s, past(9), past(17)), await completedBooking(app, s, past(33), past(41))];
  await completedBooking(app, rival, past(9), past(17));
  const lines = (await Promise.all(bookings.map((id) => linesOf(app, s, id)))).flat();
  return { s, mother, rival, bookings, lines };
}

async function list(token: string, filter: PayoutFilterInput = {}, first = 100) {
  return (await app.gql(PayoutListDocument, { filter, first }, token)).payouts;
}
const ids = (c: { edges: { node: { id: string } }[] }) => c.edges.map((e) => e.node.id).sort();

describe('payouts: who sees which lines', () => {
  it("an agency lists exactly its bookings' lines, with a totalCount, and nothing of another agency's", async () => {
    const w = await world();
    expect(w.lines.map((l) => l.party).sort()).toEqual(['AGENCY', 'MODEL', 'MODEL', 'AGENCY', 'MOTHER_AGENCY', 'MOTHER_AGENCY', 'PLATFORM', 'PLATFORM'].sort());
    const mine = await list(w.s.agency.token);
    expect(ids(mine)).toEqual(w.lines.map((l) => l.id).sort());
    expect(mine.totalCount).toBe(8);
    const theirs = await list(w.rival.agency.token);
    expect(theirs.totalCount).toBe(3);
    expect(ids(theirs).filter((id) => w.lines.some((l) => l.id === id))).toEqual([]);
  });

  it('a model lists only her own lines; a mother agency only its MOTHER_AGENCY lines; a brand none', async () => {
    const w = await world();
    const own = (party: string) => w.lines.filter((l) => l.party === party).map((l) => l.id).sort();
    const model = await list(w.s.model.token);
    expect([ids(model), model.totalCount]).toEqual([own('MODEL'), 2]);
    const mother = await list(w.mother.token);
    expect([ids(mother), mother.totalCount]).toEqual([own('MOTHER_AGENCY'), 2]);
    expect(mother.edges.every((e) => e.node.partyId === w.mother.id)).toBe(true);
    for (const token of [w.s.brand.token, (await seedBrand(app)).token]) {
      const brand = await list(token);
      expect([brand.edges, brand.totalCount]).toEqual([[], 0]);
    }
  });

  it('an admin lists every line; filtered to a model, exactly hers', async () => {
    const w = await world();
    const all = await list(app.adminToken, { modelId: w.s.model.id });
    expect(ids(all)).toEqual(w.lines.map((l) => l.id).sort());
    expect((await list(app.adminToken)).totalCount).toBeGreaterThanOrEqual(11);
  });

  it('a filter never widens the scope: a model naming another model, an agency naming a rival booking, get nothing', async () => {
    const w = await world();
    const rivalLines = await list(w.rival.agency.token);
    const rivalBooking = rivalLines.edges[0].node.bookingId;
    expect((await list(w.s.model.token, { modelId: w.rival.model.id })).totalCount).toBe(0);
    expect((await list(w.s.agency.token, { bookingId: rivalBooking })).totalCount).toBe(0);
    expect((await list(w.mother.token, { party: ['MODEL', 'AGENCY', 'PLATFORM'] })).totalCount).toBe(0);
  });
});

describe('payouts: filters an agency works from', () => {
  it('by status, party, booking and model; every filter given must hold', async () => {
    const w = await world();
    const modelLine = w.lines.find((l) => l.party === 'MODEL' && l.bookingId === w.bookings[0])!;
    expect((await app.gql(ApprovePayoutsDocument, { ids: [modelLine.id] }, w.s.agency.token)).approvePayouts.userErrors).toEqual([]);

    const approved = await list(w.s.agency.token, { status: ['APPROVED'] });
    expect(ids(approved)).toEqual([modelLine.id]);
    const pending = await list(w.s.agency.token, { status: ['PENDING'] });
    expect(pending.totalCount).toBe(7);
    expect(pending.edges.every((e) => e.node.status === 'PENDING')).toBe(true);

    const platform = await list(w.s.agency.token, { party: ['PLATFORM'] });
    expect(platform.edges.map((e) => [e.node.party, e.node.partyId])).toEqual([
      ['PLATFORM', null],
      ['PLATFORM', null],
    ]);
    const ofBooking = await list(w.s.agency.token, { bookingId: w.bookings[1] });
    expect(ids(ofBooking)).toEqual(w.lines.filter((l) => l.bookingId === w.bookings[1]).map((l) => l.id).sort());
    const both = await list(w.s.agency.token, { bookingId: w.bookings[0], party: ['MODEL'], status: ['PENDING'] });
    expect(both.totalCount).toBe(0);
    expect((await list(w.s.agency.token, { modelId: w.s.model.id, party: ['MOTHER_AGENCY'] })).totalCount).toBe(2);
  });

  it('by when the lines were written: [from, to)', async () => {
    const w = await world();
    const written = (await list(w.s.agency.token)).edges.map((e) => Date.parse(e.node.createdAt));
    const first = Math.min(...written);
    const last = Math.max(...written);
    expect((await list(w.s.agency.token, { from: new Date(first).toISOString(), to: new Date(last + 1).toISOString() })).totalCount).toBe(8);
    expect((await list(w.s.agency.token, { to: new Date(first).toISOString() })).totalCount).toBe(0);
    expect((await list(w.s.agency.token, { from: new Date(last + 1).toISOString() })).totalCount).toBe(0);
  });
});

describe('payouts: pages', () => {
  it('walks page by page in the order written, without repeats or gaps, while new lines are written behind it', async () => {
    const w = await world();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: PayoutListQuery['payouts'] = (await app.gql(PayoutListDocument, { first: 3, after }, w.s.agency.token)).payouts;
      expect(page.totalCount).toBe(pages === 0 ? 8 : 12);
      seen.push(...page.edges.map((e) => e.node.id));
      pages += 1;
      // A third booking completed after the first page: its lines are written later, so they come at the end.
      if (pages === 1) await completedBooking(app, w.s, past(57), past(65));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 1);
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(12);
    expect(seen).toHaveLength(12);
    expect(seen.slice(0, 8).sort()).toEqual(w.lines.map((l) => l.id).sort());
  });
});

describe('payouts: refusals of a bad query argument (BAD_USER_INPUT)', () => {
  const refused = async (variables: Parameters<typeof app.request<unknown, unknown>>[1], argumentName: string, token = app.adminToken) => {
    const res = await app.request(PayoutListDocument, variables as never, token);
    expect(res.status).toBe(200);
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName])).toEqual([['BAD_USER_INPUT', argumentName]]);
  };

  it('a booking or model id that is not an id, an instant out of span, an empty period', async () => {
    await refused({ filter: { bookingId: 'nope' } }, 'filter');
    await refused({ filter: { modelId: '1; drop table payout' } }, 'filter');
    await refused({ filter: { from: '0001-01-01T00:00:00.000Z' } }, 'filter');
    await refused({ filter: { from: past(10), to: past(10) } }, 'filter');
  });

  it('a page larger than the maximum, a cursor it never gave out, and a cursor of the bookings list by start', async () => {
    const w = await world();
    await refused({ first: app.config.maxPageSize + 1 }, 'first');
    await refused({ first: 0 }, 'first');
    await refused({ after: 'not-a-cursor' }, 'after');
    const byStart = (await app.gql(BookingListDocument, { first: 1, from: past(0) }, w.s.agency.token)).bookings;
    await refused({ after: byStart.pageInfo.endCursor }, 'after', w.s.agency.token);
  });

  it('without a token, nothing is listed', async () => {
    const res = await app.request(PayoutListDocument, { filter: { bookingId: randomUUID() } }, null);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
