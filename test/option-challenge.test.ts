import {
  BookingChallengeDocument,
  ChallengeOptionDocument,
  ConfirmBookingOverrideDocument,
  CreatePhysicalBookingDocument,
  type BookingChallengeQuery,
  type ChallengeOptionInput,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { at, type Party, type Scenario } from './support/factories';
import { inHours, seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

function slot(s: Scenario, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return { modelId: s.model.id, title: 'Campaign', start: at(start), end: at(end), location: { name: 'Studio 9', timeZone: 'Europe/Paris' }, ...extra };
}

async function placeOption(s: Scenario, brand: Party, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input: slot(s, start, end, extra) }, brand.token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function challenge(input: ChallengeOptionInput, token: string) {
  return (await app.gql(ChallengeOptionDocument, { input }, token)).challengeOption;
}

type Read = NonNullable<BookingChallengeQuery['booking']>;

/** The booking as the viewer reads it, known to be physical (the only kind with a challenge). */
async function read(id: string, token: string): Promise<Extract<Read, { challenge: unknown }>> {
  const booking = (await app.gql(BookingChallengeDocument, { id }, token)).booking;
  if (!booking || !('challenge' in booking)) throw new Error(`booking ${id} is not a physical booking the viewer sees`);
  return booking;
}

async function confirm(id: string, token: string) {
  return (await app.gql(ConfirmBookingOverrideDocument, { id, overrideLockout: null }, token)).confirmBooking;
}

/** A 1st option of the brand and a 2nd, overlapping, of the other brand. */
async function twoOptions(s: Scenario, firstExtra: Partial<CreatePhysicalBookingInput> = {}): Promise<[string, string]> {
  const first = await placeOption(s, s.brand, 9, 17, firstExtra);
  const second = await placeOption(s, s.otherBrand, 10, 18);
  return [first, second];
}

describe('challenging a 1st option', () => {
  it('brings its expiry forward to the deadline and shows the deadline to both brands, neither the other', async () => {
    const s = await seedPricedScenario(app);
    const [first, second] = await twoOptions(s);
    const deadline = inHours(24);
    const res = await challenge({ id: first, onBehalfOf: second, deadline }, s.agency.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking).toMatchObject({ id: first, status: 'OPTION', optionExpiresAt: deadline, optionRank: 1 });

    expect((await read(first, s.brand.token)).challenge).toEqual({ side: 'CHALLENGED', deadline, challengedAt: expect.any(String), expiryBefore: null, otherOptionId: null });
    expect((await read(second, s.otherBrand.token)).challenge).toEqual({ side: 'ON_BEHALF', deadline, challengedAt: expect.any(String), expiryBefore: null, otherOptionId: null });
    // The agency sees both ends.
    expect((await read(first, s.agency.token)).challenge).toMatchObject({ otherOptionId: second });
    expect((await read(second, s.agency.token)).challenge).toMatchObject({ otherOptionId: first });
  });

  it('keeps the expiry the option had before, and refuses a deadline that would not bring it forward', async () => {
    const s = await seedPricedScenario(app);
    const expiry = inHours(48);
    const [first, second] = await twoOptions(s, { optionExpiresAt: expiry });
    const later = await challenge({ id: first, onBehalfOf: second, deadline: inHours(72) }, s.agency.token);
    expect(later.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'deadline'] }]);
    const deadline = inHours(2);
    expect((await challenge({ id: first, onBehalfOf: second, deadline }, s.agency.token)).userErrors).toEqual([]);
    expect((await read(first, s.brand.token)).challenge).toMatchObject({ deadline, expiryBefore: expiry });
  });

  it("is the agency's (or an admin's): a brand or the model is answered FORBIDDEN", async () => {
    const s = await seedPricedScenario(app);
    const [first, second] = await twoOptions(s);
    for (const token of [s.otherBrand.token, s.brand.token, s.model.token]) {
      expect((await challenge({ id: first, onBehalfOf: second, deadline: inHours(5) }, token)).userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    }
    expect((await read(first, s.agency.token)).challenge).toBeNull();
    const deadline = inHours(5);
    expect((await challenge({ id: first, onBehalfOf: second, deadline }, app.adminToken)).userErrors).toEqual([]);
    expect((await read(first, s.agency.token)).optionExpiresAt).toBe(deadline);
  });

  it('refuses what is not a challenge: a 2nd option, a confirmed booking, one that does not overlap, itself, a past deadline', async () => {
    const s = await seedPricedScenario(app);
    const [first, second] = await twoOptions(s);
    const elsewhere = await placeOption(s, s.otherBrand, 48, 50);
    const deadline = inHours(5);
    expect((await challenge({ id: second, onBehalfOf: first, deadline }, s.agency.token)).userErrors).toMatchObject([{ code: 'OPTION_NOT_FIRST', field: ['input', 'id'] }]);
    expect((await challenge({ id: first, onBehalfOf: elsewhere, deadline }, s.agency.token)).userErrors).toMatchObject([
      { code: 'OPTION_NOT_OUTRANKED', field: ['input', 'onBehalfOf'] },
    ]);
    expect((await challenge({ id: first, onBehalfOf: first, deadline }, s.agency.token)).userErrors).toMatchObject([{ code: 'OPTION_NOT_OUTRANKED' }]);
    expect((await challenge({ id: first, onBehalfOf: second, deadline: inHours(-1) }, s.agency.token)).userErrors).toMatchObject([
      { code: 'INVALID_INPUT', field: ['input', 'deadline'] },
    ]);
    const confirmed = await placeOption(s, s.brand, 100, 104);
    const lower = await placeOption(s, s.otherBrand, 101, 103);
    expect((await confirm(confirmed, s.agency.token)).userErrors).toEqual([]);
    expect((await challenge({ id: confirmed, onBehalfOf: lower, deadline }, s.agency.token)).userErrors).toMatchObject([
      { code: 'OPTION_NOT_LIVE', field: ['input', 'id'] },
    ]);
    // Nothing was changed by the refusals.
    expect((await read(first, s.agency.token))).toMatchObject({ optionExpiresAt: null, challenge: null });
  });
});

describe('past the deadline', () => {
  it('the challenged option no longer holds: confirming it answers CHALLENGE_EXPIRED and the next one moves up', async () => {
    const s = await seedPricedScenario(app);
    const [first, second] = await twoOptions(s);
    const deadline = new Date(Date.now() + 1500).toISOString();
    expect((await challenge({ id: first, onBehalfOf: second, deadline }, s.agency.token)).userErrors).toEqual([]);
    await new Promise((r) => setTimeout(r, Date.parse(deadline) - Date.now() + 200));
    expect((await read(second, s.otherBrand.token)).optionRank).toBe(1);
    const late = await confirm(first, s.brand.token);
    expect(late.userErrors).toMatchObject([{ code: 'CHALLENGE_EXPIRED', field: ['id'] }]);
    expect((await read(first, s.brand.token)).status).toBe('EXPIRED');
    expect((await confirm(second, s.otherBrand.token)).userErrors).toEqual([]);
  });

  it('an option that simply ran past its own expiry still answers OPTION_EXPIRED', async () => {
    const s = await seedPricedScenario(app);
    const expiry = new Date(Date.now() + 1000).toISOString();
    const id = await placeOption(s, s.brand, 9, 17, { optionExpiresAt: expiry });
    await new Promise((r) => setTimeout(r, Date.parse(expiry) - Date.now() + 200));
    expect((await confirm(id, s.brand.token)).userErrors).toMatchObject([{ code: 'OPTION_EXPIRED' }]);
  });

  it("confirmed before the deadline, the challenged option is the brand's and the challenger is released", async () => {
    const s = await seedPricedScenario(app);
    const [first, second] = await twoOptions(s);
    expect((await challenge({ id: first, onBehalfOf: second, deadline: inHours(3) }, s.agency.token)).userErrors).toEqual([]);
    expect((await confirm(first, s.brand.token)).userErrors).toEqual([]);
    expect((await read(second, s.otherBrand.token)).status).toBe('RELEASED');
  });
});
