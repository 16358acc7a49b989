import { Role } from '../src/core/viewer';
import {
  BookingCampaignDocument,
  CancelBookingDocument,
  CampaignByIdDocument,
  CampaignsDocument,
  CreateCampaignDocument,
  CreateDigitalBookingDocument,
  CreateLockoutDocument,
  CreatePhysicalBookingDocument,
  ScheduleCampaignDocument,
  type CampaignLineInput,
  type CreateDigitalBookingInput,
  type CreatePhysicalBookingInput,
  type ScheduleCampaignMutation,
} from './generated/graphql';
import { postTo, startApiProcess, type ApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { at, seedTwin, type Party, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** A campaign of the scenario's brand, created with its planner's token. */
async function seedCampaign(s: Scenario, budget = 10_000_000, currency = 'EUR'): Promise<string> {
  const res = await app.gql(
    CreateCampaignDocument,
    { input: { name: 'SS31 launch', budget: { amount: budget, currency }, start: at(0), end: at(24 * 60) } },
    s.brand.token,
  );
  expect(res.createCampaign.userErrors).toEqual([]);
  return res.createCampaign.campaign!.id;
}

const shootDay = (s: Scenario, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput => ({
  modelId: s.model.id,
  title: 'Shoot day',
  start: at(start),
  end: at(end),
  location: { name: 'Studio 5', timeZone: 'Europe/Paris' },
  ...extra,
});

const twinJob = (s: Scenario, start: number, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput => ({
  modelId: s.model.id,
  title: 'E-commerce drop',
  category: 'APPAREL',
  start: at(start),
  end: at(start + 48),
  deliverables: [{ kind: 'IMAGE', quantity: 10 }],
  usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(start + 48), end: at(start + 48 + 24 * 90) },
  ...extra,
});

async function schedule(campaignId: string, lines: CampaignLineInput[], token: string, extra: { dryRun?: boolean; allowOverBudget?: boolean } = {}) {
  return (await app.gql(ScheduleCampaignDocument, { input: { campaignId, lines, ...extra } }, token)).scheduleCampaign;
}

/** What the database holds of the model's bookings and their history: a dry run or a refused campaign leaves it as it was. */
async function footprint(modelId: string): Promise<{ bookings: number; changes: number; quotes: number; claims: number }> {
  const [row] = await app.orm.em.getConnection().execute<{ bookings: string; changes: string; quotes: string; claims: string }[]>(
    `select (select count(*) from booking where model_id = ?) as bookings,
            (select count(*) from booking_change c join booking b on b.id = c.booking_id where b.model_id = ?) as changes,
            (select count(*) from booking_quote q join booking b on b.id = q.booking_id where b.model_id = ?) as quotes,
            (select count(*) from exclusivity_claim where model_id = ?) as claims`,
    [modelId, modelId, modelId, modelId],
  );
  return { bookings: Number(row.bookings), changes: Number(row.changes), quotes: Number(row.quotes), claims: Number(row.claims) };
}

/** A verdict without the booking made, which a dry run never has. */
const verdictOf = (l: ScheduleCampaignMutation['scheduleCampaign']['lines'][number]) => ({ ...l, booking: null });

describe('scheduling a campaign', () => {
  it('books a physical option, a twin job and another shoot day in one call, each tied to the campaign, with its budget', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const campaignId = await seedCampaign(s);
    const res = await schedule(campaignId, [{ physical: shootDay(s, 9, 17) }, { digital: twinJob(s, 0) }, { physical: shootDay(s, 33, 37) }], s.brand.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booked).toBe(true);
    expect(res.lines.map((l) => [l.index, l.type, l.accepted, l.booking?.status, l.userErrors])).toEqual([
      [0, 'PHYSICAL', true, 'OPTION', []],
      [1, 'DIGITAL', true, 'OPTION', []],
      [2, 'PHYSICAL', true, 'OPTION', []],
    ]);
    // A day (60,000) and a half day (35,000), each with the 20% service fee; ten images and three months of e-commerce use.
    const quoted = res.lines.map((l) => l.quote!.brandTotal!.amount);
    expect(quoted[0]).toBe(72_000);
    expect(quoted[2]).toBe(42_000);
    const total = quoted.reduce((a, b) => a + b, 0);
    expect(res.budget!.committed).toEqual({ amount: total, currency: 'EUR' });
    expect(res.overBudgetBy).toBeNull();

    const campaign = (await app.gql(CampaignByIdDocument, { id: campaignId }, s.brand.token)).campaign!;
    expect(campaign.bookings.totalCount).toBe(3);
    expect(new Set(campaign.bookings.edges.map((e) => e.node.id))).toEqual(new Set(res.lines.map((l) => l.booking!.id)));
    expect(campaign.bookings.edges.every((e) => e.node.campaign?.id === campaignId)).toBe(true);
    expect(campaign.spending.committed.amount).toBe(total);
    expect(campaign.spending.remaining).toEqual({ amount: 10_000_000 - total, currency: 'EUR' });
    expect(campaign.spending.totals).toEqual([
      { type: 'DIGITAL', currency: 'EUR', quoted: { amount: quoted[1], currency: 'EUR' }, confirmed: { amount: 0, currency: 'EUR' }, completed: { amount: 0, currency: 'EUR' } },
      { type: 'PHYSICAL', currency: 'EUR', quoted: { amount: 114_000, currency: 'EUR' }, confirmed: { amount: 0, currency: 'EUR' }, completed: { amount: 0, currency: 'EUR' } },
    ]);
  });

  it('counts a confirmed line at its frozen quote, and a released option for nothing', async () => {
    const s = await seedPricedScenario(app);
    const campaignId = await seedCampaign(s);
    const res = await schedule(campaignId, [{ physical: shootDay(s, 9, 17, { status: 'CONFIRMED' }) }, { physical: shootDay(s, 33, 37) }], app.adminToken);
    expect(res.userErrors).toEqual([]);
    expect(res.lines.map((l) => [l.booking?.status, l.quote?.frozen])).toEqual([
      ['CONFIRMED', true],
      ['OPTION', false],
    ]);
    expect(res.budget!.totals).toEqual([
      { type: 'PHYSICAL', currency: 'EUR', quoted: { amount: 42_000, currency: 'EUR' }, confirmed: { amount: 72_000, currency: 'EUR' }, completed: { amount: 0, currency: 'EUR' } },
    ]);
    const released = await app.gql(CancelBookingDocument, { id: res.lines[1].booking!.id, reason: 'Not needed' }, s.brand.token);
    expect(released.cancelBooking.userErrors).toEqual([]);
    const campaign = (await app.gql(CampaignByIdDocument, { id: campaignId }, s.brand.token)).campaign!;
    expect(campaign.spending.totals.map((t) => [t.quoted.amount, t.confirmed.amount])).toEqual([[0, 72_000]]);
    expect(campaign.spending.committed.amount).toBe(72_000);
  });

  it('books nothing when a line in the middle is locked out or outside the twin’s consent, and names each such line with the code its own mutation gives', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const lockout = await app.gql(CreateLockoutDocument, { input: { modelId: s.model.id, kind: 'HOLIDAY', reason: 'Away', start: at(24), end: at(48) } }, s.agency.token);
    expect(lockout.createLockout.userErrors).toEqual([]);
    const campaignId = await seedCampaign(s);
    const lockedOut = shootDay(s, 33, 37);
    const notConsented = twinJob(s, 0, { usage: { media: ['BILLBOARD'], territories: ['FR'], start: at(48), end: at(48 + 24 * 90) } });
    const before = await footprint(s.model.id);

    const res = await schedule(
      campaignId,
      [{ physical: shootDay(s, 9, 17) }, { physical: lockedOut }, { digital: twinJob(s, 0) }, { digital: notConsented }],
      s.brand.token,
    );
    expect(res.booked).toBe(false);
    expect(res.lines.map((l) => [l.index, l.accepted, l.booking, l.userErrors.map((e) => e.code)])).toEqual([
      [0, true, null, []],
      [1, false, null, ['LOCKED_OUT']],
      [2, true, null, []],
      [3, false, null, ['CONSENT_NOT_COVERED']],
    ]);
    expect(res.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['LOCKED_OUT', ['input', 'lines', '1', 'physical', 'start']],
      ['CONSENT_NOT_COVERED', ['input', 'lines', '3', 'digital', 'usage', 'media']],
    ]);
    expect(res.budget).toBeNull();
    expect(await footprint(s.model.id)).toEqual(before);

    // Each verdict is exactly what the single-booking mutation answers.
    const single = await app.gql(CreatePhysicalBookingDocument, { input: { ...lockedOut, brandId: s.brand.id } }, s.brand.token);
    expect(res.lines[1].userErrors).toEqual(single.createPhysicalBooking.userErrors);
    const twin = await app.gql(CreateDigitalBookingDocument, { input: notConsented }, s.brand.token);
    expect(res.lines[3].userErrors).toEqual(twin.createDigitalBooking.userErrors);
  });

  it('rolls back every line when the database refuses one (two confirmed lines that clash), and names the clash', async () => {
    const s = await seedPricedScenario(app);
    const campaignId = await seedCampaign(s);
    const before = await footprint(s.model.id);
    const res = await schedule(
      campaignId,
      [{ physical: shootDay(s, 9, 17, { status: 'CONFIRMED' }) }, { physical: shootDay(s, 15, 19, { status: 'CONFIRMED' }) }, { physical: shootDay(s, 40, 44) }],
      app.adminToken,
    );
    expect(res.booked).toBe(false);
    expect(res.lines.map((l) => [l.accepted, l.userErrors.map((e) => e.code)])).toEqual([
      [true, []],
      [false, ['PHYSICAL_CLASH']],
      [true, []],
    ]);
    expect(res.lines[1].userErrors[0].conflict).toMatchObject({ start: at(9), end: at(17) });
    expect(await footprint(s.model.id)).toEqual(before);
  });

  it('in a dry run books nothing and answers the verdicts and prices the real run then gives', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const campaignId = await seedCampaign(s);
    const lines: CampaignLineInput[] = [
      { physical: shootDay(s, 9, 17, { status: 'CONFIRMED' }) },
      { digital: twinJob(s, 0, { exclusivity: { category: 'APPAREL', territories: ['FR'], start: at(0), end: at(24 * 30) } }) },
      { physical: shootDay(s, 33, 35) },
    ];
    const before = await footprint(s.model.id);
    const dry = await schedule(campaignId, lines, app.adminToken, { dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.booked).toBe(false);
    expect(dry.userErrors).toEqual([]);
    expect(dry.lines.every((l) => l.accepted && l.booking === null && l.quote?.brandTotal)).toBe(true);
    expect(await footprint(s.model.id)).toEqual(before);
    const campaign = (await app.gql(CampaignByIdDocument, { id: campaignId }, app.adminToken)).campaign!;
    expect(campaign.bookings.totalCount).toBe(0);
    expect(campaign.spending.committed.amount).toBe(0);

    const real = await schedule(campaignId, lines, app.adminToken);
    expect(real.booked).toBe(true);
    expect(real.lines.map(verdictOf)).toEqual(dry.lines);
    expect(real.budget).toEqual(dry.budget);
    expect((await footprint(s.model.id)).bookings).toBe(before.bookings + 3);

    // The same lines again: the dry run now sees the clash and the exclusivity is the brand's own, as a real run would.
    const again = await schedule(campaignId, lines.slice(0, 1), app.adminToken, { dryRun: true });
    expect(again.lines[0].userErrors.map((e) => e.code)).toEqual(['PHYSICAL_CLASH']);
  });

  it('refuses lines that take the campaign over its budget, saying by how much, and books them when allowed', async () => {
    const s = await seedPricedScenario(app);
    // 1,000.00 EUR: the first shoot day (720.00) fits, the second one (720.00) does not.
    const campaignId = await seedCampaign(s, 100_000);
    const first = await schedule(campaignId, [{ physical: shootDay(s, 9, 17) }], s.brand.token);
    expect(first.booked).toBe(true);
    const before = await footprint(s.model.id);

    const over = await schedule(campaignId, [{ physical: shootDay(s, 33, 41) }], s.brand.token);
    expect(over.booked).toBe(false);
    expect(over.overBudgetBy).toEqual({ amount: 44_000, currency: 'EUR' });
    expect(over.userErrors.map((e) => [e.code, e.field])).toEqual([['OVER_BUDGET', ['input', 'allowOverBudget']]]);
    expect(over.lines[0].booking).toBeNull();
    expect(await footprint(s.model.id)).toEqual(before);

    const allowed = await schedule(campaignId, [{ physical: shootDay(s, 33, 41) }], s.brand.token, { allowOverBudget: true });
    expect(allowed.userErrors).toEqual([]);
    expect(allowed.booked).toBe(true);
    expect(allowed.overBudgetBy).toEqual({ amount: 44_000, currency: 'EUR' });
    const campaign = (await app.gql(CampaignByIdDocument, { id: campaignId }, s.brand.token)).campaign!;
    expect(campaign.spending.overBy).toEqual({ amount: 44_000, currency: 'EUR' });
    expect(campaign.spending.remaining).toEqual({ amount: -44_000, currency: 'EUR' });
  });
});

describe('who sees and schedules a campaign', () => {
  it("is the brand's own and the admin's: another brand neither sees nor schedules into it, an agency sees no campaign on its model's booking", async () => {
    const s = await seedPricedScenario(app);
    const campaignId = await seedCampaign(s);
    const booked = await schedule(campaignId, [{ physical: shootDay(s, 9, 17) }], s.brand.token);
    const bookingId = booked.lines[0].booking!.id;
    const before = await footprint(s.model.id);

    expect((await app.gql(CampaignByIdDocument, { id: campaignId }, s.otherBrand.token)).campaign).toBeNull();
    const theirs = await app.gql(CampaignsDocument, { first: 100 }, s.otherBrand.token);
    expect(theirs.campaigns.edges.map((e) => e.node.id)).not.toContain(campaignId);
    const intruder = await schedule(campaignId, [{ physical: shootDay(s, 33, 37) }], s.otherBrand.token);
    expect(intruder.userErrors.map((e) => [e.code, e.field])).toEqual([['CAMPAIGN_NOT_FOUND', ['input', 'campaignId']]]);
    expect(intruder.campaign).toBeNull();
    expect(await footprint(s.model.id)).toEqual(before);

    const mine = await app.gql(CampaignsDocument, { first: 100 }, s.brand.token);
    expect(mine.campaigns.edges.map((e) => e.node.id)).toEqual([campaignId]);
    expect((await app.gql(BookingCampaignDocument, { id: bookingId }, s.brand.token)).booking!.campaign).toEqual({ id: campaignId });
    expect((await app.gql(BookingCampaignDocument, { id: bookingId }, app.adminToken)).booking!.campaign).toEqual({ id: campaignId });
    expect((await app.gql(BookingCampaignDocument, { id: bookingId }, s.agency.token)).booking!.campaign).toBeNull();
    expect((await app.gql(CampaignByIdDocument, { id: campaignId }, s.agency.token)).campaign).toBeNull();
    const agencyTry = await schedule(campaignId, [{ physical: shootDay(s, 33, 37) }], s.agency.token);
    expect(agencyTry.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses a campaign for another brand, and a line booked for another brand', async () => {
    const s = await seedPricedScenario(app);
    const res = await app.gql(
      CreateCampaignDocument,
      { input: { brandId: s.otherBrand.id, name: 'Not mine', budget: { amount: 1000, currency: 'EUR' }, start: at(0), end: at(24) } },
      s.brand.token,
    );
    expect(res.createCampaign.userErrors.map((e) => [e.code, e.field])).toEqual([['FORBIDDEN', ['input', 'brandId']]]);
    const campaignId = await seedCampaign(s);
    const line = await schedule(campaignId, [{ physical: shootDay(s, 9, 17, { brandId: s.otherBrand.id }) }], app.adminToken);
    expect(line.lines[0].userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['input', 'brandId']]]);
  });
});

describeOnServer('a campaign racing a single booking from a second API process', ONE_CONNECTION, () => {
  let other: ApiProcess;
  beforeAll(async () => {
    other = await startApiProcess(app.db.url);
  }, 60_000);
  afterAll(() => other.stop());

  it('lets exactly one of them have the slot; a campaign that loses leaves none of its lines', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const campaignId = await seedCampaign(s);
    const admin: Party = { id: 'admin', token: await app.token({ role: Role.ADMIN }) };
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round++) {
      const day = 24 * (round + 1);
      const slot = shootDay(s, day + 9, day + 17, { status: 'CONFIRMED', brandId: s.brand.id });
      const [campaign, single] = await Promise.all([
        schedule(campaignId, [{ digital: twinJob(s, day) }, { physical: { ...slot, brandId: null } }, { physical: shootDay(s, day + 18, day + 20) }], admin.token),
        postTo(other.url, CreatePhysicalBookingDocument, { input: { ...slot, title: 'Single' } }, s.agency.token),
      ]);
      const singleWon = !!single.data?.createPhysicalBooking.booking;
      expect([campaign.booked, singleWon].filter(Boolean)).toHaveLength(1);
      if (!singleWon) expect(single.data?.createPhysicalBooking.userErrors.map((e) => e.code)).toEqual(['PHYSICAL_CLASH']);
      else expect(campaign.lines[1].userErrors.map((e) => e.code)).toEqual(['PHYSICAL_CLASH']);
      outcomes.push(campaign.booked ? 'campaign' : 'single');
      const [row] = await app.orm.em.getConnection().execute<{ confirmed: string; lines: string }[]>(
        `select (select count(*) from booking where model_id = ? and status = 'CONFIRMED' and start_at = ?) as confirmed,
                (select count(*) from booking where campaign_id = ? and start_at >= ? and start_at < ?) as lines`,
        [s.model.id, at(day + 9), campaignId, at(day), at(day + 24)],
      );
      expect(Number(row.confirmed)).toBe(1);
      expect(Number(row.lines)).toBe(campaign.booked ? 3 : 0);
    }
    // Which side wins depends on timing; both are checked above whichever it was.
    expect(outcomes).toHaveLength(6);
  }, 120_000);
});
