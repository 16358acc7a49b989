import {
  BookingChargesDocument,
  CancelBookingDocument,
  CompleteBookingDocument,
  CreateDigitalBookingDocument,
  LicencesDocument,
  type CreateDigitalBookingInput,
  type LicencesQueryVariables,
} from './generated/graphql';
import { Role } from '../src/core/viewer';
import { seedAgency, seedTwin, type Scenario } from './support/factories';
import { approveDeliveries } from './support/deliveries';
import { inHours, past, seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 24;

function digital(s: Scenario, extra: Partial<CreateDigitalBookingInput>): CreateDigitalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'Twin licence',
    start: inHours(1),
    end: inHours(2 * DAY),
    category: 'APPAREL',
    deliverables: [{ kind: 'IMAGE', quantity: 2 }],
    usage: { media: ['ECOMMERCE'], territories: ['FR'], start: inHours(2 * DAY), end: inHours(200 * DAY) },
    status: 'CONFIRMED',
    ...extra,
  };
}

async function book(s: Scenario, extra: Partial<CreateDigitalBookingInput>): Promise<string> {
  const res = (await app.gql(CreateDigitalBookingDocument, { input: digital(s, extra) }, s.agency.token)).createDigitalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

const licences = async (token: string, vars: LicencesQueryVariables = {}) => (await app.gql(LicencesDocument, { first: 50, ...vars }, token)).licences;
const ids = (conn: Awaited<ReturnType<typeof licences>>) => conn.edges.map((e) => e.node.id);

describe('where her likeness is licensed', () => {
  let s: Scenario;
  let endingSoon: string;
  let otherBrands: string;
  let completed: string;
  let modelEarned: number;

  beforeAll(async () => {
    s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    endingSoon = await book(s, { usage: { media: ['ECOMMERCE', 'SOCIAL'], territories: ['FR', 'DE'], start: inHours(2 * DAY), end: inHours(10 * DAY) } });
    // Exclusive where no other brand works with her (US): the licence shows what it grants.
    otherBrands = await book(s, {
      brandId: s.otherBrand.id,
      usage: { media: ['ECOMMERCE'], territories: ['US'], start: inHours(2 * DAY), end: inHours(200 * DAY) },
      exclusivity: { category: 'APPAREL', territories: ['US'], start: inHours(2 * DAY), end: inHours(100 * DAY) },
    });
    completed = await book(s, {
      start: past(10),
      end: past(34),
      usage: { media: ['WEB'], territories: ['EU'], start: '2030-06-05T00:00:00.000Z', end: '2030-08-05T00:00:00.000Z' },
    });
    await approveDeliveries(app, s, completed, [{ kind: 'IMAGE', quantity: 2 }]);
    expect((await app.gql(CompleteBookingDocument, { input: { id: completed } }, s.agency.token)).completeBooking.userErrors).toEqual([]);
    const payouts = (await app.gql(BookingChargesDocument, { id: completed }, s.agency.token)).booking!.payouts;
    modelEarned = payouts.filter((p) => p.party === 'MODEL').reduce((sum, p) => sum + p.amount.amount, 0);
    // Not licences: an option, a licence already over, a cancelled job.
    await book(s, { status: 'OPTION' });
    await book(s, { start: past(10), end: past(34), usage: { media: ['WEB'], territories: ['FR'], start: past(34), end: past(24 * 30) } });
    const cancelled = await book(s, {});
    expect((await app.gql(CancelBookingDocument, { id: cancelled, reason: 'Campaign dropped' }, s.agency.token)).cancelBooking.userErrors).toEqual([]);
  });

  it('lists to the model and her agency every licence in force or to come, ending soonest first, with what it earned her', async () => {
    for (const token of [s.model.token, s.agency.token]) {
      const list = await licences(token);
      expect(ids(list)).toEqual([endingSoon, otherBrands, completed]);
      expect(list.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({ status: 'CONFIRMED', endingSoon: true, media: ['ECOMMERCE', 'SOCIAL'], territories: ['FR', 'DE'], category: 'APPAREL', consentVersion: 1, exclusivity: null, earned: null }),
        expect.objectContaining({
          status: 'CONFIRMED',
          endingSoon: false,
          booking: expect.objectContaining({ brand: { id: s.otherBrand.id } }),
          exclusivity: expect.objectContaining({ category: 'APPAREL', territories: ['US'] }),
          earned: null,
        }),
        expect.objectContaining({ status: 'COMPLETED', endingSoon: false, end: '2030-08-05T00:00:00.000Z', earned: { amount: modelEarned, currency: 'EUR' } }),
      ]);
    }
    expect(modelEarned).toBeGreaterThan(0);
    expect(ids(await licences(s.agency.token, { modelId: s.model.id }))).toEqual([endingSoon, otherBrands, completed]);
  });

  it('lists to a brand its own licences only, with their ends and not what they earned her', async () => {
    const own = await licences(s.brand.token);
    expect(ids(own)).toEqual([endingSoon, completed]);
    expect(own.edges.map((e) => [e.node.end, e.node.earned])).toEqual([
      [expect.any(String), null],
      ['2030-08-05T00:00:00.000Z', null],
    ]);
    expect(ids(await licences(s.otherBrand.token, { modelId: s.model.id }))).toEqual([otherBrands]);
  });

  it('lists nothing of hers to another model or another agency', async () => {
    const otherAgency = await seedAgency(app);
    const otherModel = await app.token({ role: Role.MODEL, modelId: '00000000-0000-4000-8000-000000000001' });
    expect(ids(await licences(otherAgency.token))).toEqual([]);
    expect(ids(await licences(otherModel, { modelId: s.model.id }))).toEqual([]);
  });

  it('pages by cursor', async () => {
    const first = await licences(s.model.token, { first: 2 });
    expect(ids(first)).toEqual([endingSoon, otherBrands]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await licences(s.model.token, { first: 2, after: first.pageInfo.endCursor });
    expect(ids(next)).toEqual([completed]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const bad = await app.request(LicencesDocument, { first: 2, after: 'not-a-cursor' }, s.model.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Well formed, but in a year the database refuses: still the client's error, never a fault.
    const yearZero = Buffer.from(JSON.stringify(['0000-01-01T00:00:00.000Z', completed])).toString('base64url');
    const zero = await app.request(LicencesDocument, { first: 2, after: yearZero }, s.model.token);
    expect(zero.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
