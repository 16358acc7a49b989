import {
  AcceptConsentProposalDocument,
  CreateDigitalBookingDocument,
  DeclineConsentProposalDocument,
  DigitalBookingConsentDocument,
  NarrowConsentDocument,
  PauseOrChangeTwinDocument,
  ProposeConsentDocument,
  TwinConsentDocument,
  WithdrawConsentProposalDocument,
  type ConsentScopeInput,
  type CreateDigitalBookingInput,
  type DigitalBookingConsentQuery,
} from './generated/graphql';
import { Role } from '../src/core/viewer';
import { at, seedAgency, seedTwin, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 24;
/** The consent every twin here starts with (version 1). */
const V1: ConsentScopeInput = { allowedMedia: ['ECOMMERCE', 'SOCIAL'], allowedTerritories: ['EU', 'US'], allowedCategories: ['APPAREL', 'FOOTWEAR'] };
const scope = (patch: Partial<ConsentScopeInput> = {}): ConsentScopeInput => ({ ...V1, ...patch });

function digital(s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'Twin stills',
    start: at(0),
    end: at(2 * DAY),
    category: 'APPAREL',
    deliverables: [{ kind: 'IMAGE', quantity: 4 }],
    usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(2 * DAY), end: at(90 * DAY) },
    status: 'CONFIRMED',
    ...extra,
  };
}

async function book(s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}) {
  return (await app.gql(CreateDigitalBookingDocument, { input: digital(s, extra) }, s.agency.token)).createDigitalBooking;
}

async function bookOk(s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}): Promise<string> {
  const res = await book(s, extra);
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function twinScenario(): Promise<Scenario & { twinId: string }> {
  const s = await seedPricedScenario(app);
  return { ...s, twinId: await seedTwin(app, s.agency, s.model.id, { consentScope: V1 }) };
}

const narrow = async (twinId: string, consentScope: ConsentScopeInput, token: string) => (await app.gql(NarrowConsentDocument, { input: { twinId, consentScope } }, token)).narrowConsent;
const propose = async (twinId: string, consentScope: ConsentScopeInput, token: string) => (await app.gql(ProposeConsentDocument, { input: { twinId, consentScope } }, token)).proposeConsent;
const accept = async (proposalId: string, token: string) => (await app.gql(AcceptConsentProposalDocument, { input: { proposalId } }, token)).acceptConsentProposal;
const consentOf = async (modelId: string, token: string) => (await app.gql(TwinConsentDocument, { id: modelId }, token)).model!.twin!;
type DigitalView = Extract<NonNullable<DigitalBookingConsentQuery['booking']>, { consentVersion: unknown }>;
const bookingConsent = async (id: string, token: string) => (await app.gql(DigitalBookingConsentDocument, { id }, token)).booking as DigitalView;
const codes = (res: { userErrors: { code: string }[] }) => res.userErrors.map((e) => e.code);

describe('consent is versioned', () => {
  it('starts at version 1, made by the agency that created the twin, and every booking records the version it was accepted under', async () => {
    const s = await twinScenario();
    const twin = await consentOf(s.model.id, s.model.token);
    expect(twin.consentVersion).toBe(1);
    expect(twin.consentHistory).toEqual([expect.objectContaining({ version: 1, status: 'IN_FORCE', proposedByRole: 'AGENCY', proposedById: s.agency.id, decidedByRole: 'AGENCY' })]);
    const id = await bookOk(s);
    expect((await bookingConsent(id, s.brand.token)).consentVersion).toBe(1);
  });
});

describe('narrowing takes effect as soon as the model or her agency makes it', () => {
  it('by the model: a new version in force, the old one superseded and kept, and what it dropped is refused at once', async () => {
    const s = await twinScenario();
    const res = await narrow(s.twinId, scope({ allowedTerritories: ['EU'] }), s.model.token);
    expect(res.userErrors).toEqual([]);
    expect(res.consentVersion).toMatchObject({ version: 2, status: 'IN_FORCE', proposedByRole: 'MODEL', proposedById: s.model.id, decidedByRole: 'MODEL', decidedById: s.model.id });
    expect(res.twin).toMatchObject({ consentVersion: 2, consentScope: { allowedTerritories: ['EU'] } });
    const twin = await consentOf(s.model.id, s.agency.token);
    expect(twin.consentHistory!.map((v) => [v.version, v.status])).toEqual([
      [2, 'IN_FORCE'],
      [1, 'SUPERSEDED'],
    ]);

    const refused = await book(s, { usage: { media: ['ECOMMERCE'], territories: ['US'], start: at(2 * DAY), end: at(90 * DAY) } });
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'CONSENT_NOT_COVERED', field: ['input', 'usage', 'territories'] })]);
    const id = await bookOk(s);
    expect((await bookingConsent(id, s.agency.token)).consentVersion).toBe(2);
  });

  it("by her agency through updateDigitalTwin: the same rule, a new version; the same consent again changes nothing", async () => {
    const s = await twinScenario();
    const res = (await app.gql(PauseOrChangeTwinDocument, { input: { twinId: s.twinId, consentScope: scope({ allowedMedia: ['ECOMMERCE'] }) } }, s.agency.token)).updateDigitalTwin;
    expect(res.userErrors).toEqual([]);
    expect(res.twin?.consentVersion).toBe(2);
    const same = await narrow(s.twinId, scope({ allowedMedia: ['ecommerce'] }), s.agency.token);
    expect(same.userErrors).toEqual([]);
    expect(same.consentVersion).toBeNull();
    expect((await consentOf(s.model.id, s.model.token)).consentHistory!.map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses a widening dressed as a narrowing, from the model and from her agency: CONSENT_WIDENING_NEEDS_MODEL, nothing written', async () => {
    const s = await twinScenario();
    const wider = scope({ allowedTerritories: ['EU', 'US', 'JP'] });
    const byModel = await narrow(s.twinId, wider, s.model.token);
    expect(byModel.userErrors).toEqual([expect.objectContaining({ code: 'CONSENT_WIDENING_NEEDS_MODEL', field: ['input', 'consentScope', 'allowedTerritories'] })]);
    expect(byModel.userErrors[0].message).toContain('territory JP');
    const byUpdate = (await app.gql(PauseOrChangeTwinDocument, { input: { twinId: s.twinId, consentScope: scope({ consentEndsAt: null, allowedMedia: ['ECOMMERCE', 'SOCIAL', 'TV'] }) } }, s.agency.token))
      .updateDigitalTwin;
    expect(codes(byUpdate)).toEqual(['CONSENT_WIDENING_NEEDS_MODEL']);
    const twin = await consentOf(s.model.id, s.model.token);
    expect(twin.consentVersion).toBe(1);
    expect(twin.consentScope.allowedTerritories).toEqual(['EU', 'US']);
    expect(twin.consentHistory).toHaveLength(1);
  });

  it('is refused to anyone not on her side, without saying the twin exists', async () => {
    const s = await twinScenario();
    const otherAgency = await seedAgency(app);
    const otherModel = await app.token({ role: Role.MODEL, modelId: '00000000-0000-4000-8000-000000000001' });
    for (const token of [s.brand.token, otherAgency.token, otherModel]) {
      expect(codes(await narrow(s.twinId, scope({ allowedTerritories: ['EU'] }), token))).toEqual(['TWIN_NOT_FOUND']);
    }
    expect((await consentOf(s.model.id, s.model.token)).consentVersion).toBe(1);
  });
});

describe('widening is a proposal by her agency that takes effect only when she accepts it', () => {
  it('waits as PROPOSED (her side sees it, a brand does not), and takes effect when she accepts it from her app', async () => {
    const s = await twinScenario();
    const wider = scope({ allowedTerritories: ['EU', 'US', 'JP'] });
    const proposed = await propose(s.twinId, wider, s.agency.token);
    expect(proposed.userErrors).toEqual([]);
    expect(proposed.consentVersion).toMatchObject({ version: 2, status: 'PROPOSED', proposedByRole: 'AGENCY', decidedAt: null });
    expect(proposed.twin?.consentVersion).toBe(1);
    const japan = { usage: { media: ['ECOMMERCE'], territories: ['JP'], start: at(2 * DAY), end: at(90 * DAY) } };
    expect(codes(await book(s, japan))).toEqual(['CONSENT_NOT_COVERED']);

    for (const token of [s.model.token, s.agency.token]) {
      expect((await consentOf(s.model.id, token)).consentProposals!.map((v) => v.id)).toEqual([proposed.consentVersion!.id]);
    }
    const asBrand = await consentOf(s.model.id, s.brand.token);
    expect(asBrand.consentProposals).toBeNull();
    expect(asBrand.consentHistory).toBeNull();
    expect(asBrand.jobsOutsideConsent).toBeNull();

    const accepted = await accept(proposed.consentVersion!.id, s.model.token);
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.consentVersion).toMatchObject({ version: 2, status: 'IN_FORCE', decidedByRole: 'MODEL', decidedById: s.model.id });
    expect(accepted.twin).toMatchObject({ consentVersion: 2, consentScope: { allowedTerritories: ['EU', 'US', 'JP'] } });
    const twin = await consentOf(s.model.id, s.model.token);
    expect(twin.consentProposals).toEqual([]);
    expect(twin.consentHistory!.map((v) => [v.version, v.status])).toEqual([
      [2, 'IN_FORCE'],
      [1, 'SUPERSEDED'],
    ]);
    const id = await bookOk(s, japan);
    expect((await bookingConsent(id, s.agency.token)).consentVersion).toBe(2);
  });

  it('cannot be accepted by her agency, an admin or a brand, nor proposed by her; an accepted proposal cannot be accepted again', async () => {
    const s = await twinScenario();
    const wider = scope({ allowedCategories: ['APPAREL', 'FOOTWEAR', 'BEAUTY'] });
    expect(codes(await propose(s.twinId, wider, s.model.token))).toEqual(['FORBIDDEN']);
    expect(codes(await propose(s.twinId, wider, s.brand.token))).toEqual(['TWIN_NOT_FOUND']);
    const proposalId = (await propose(s.twinId, wider, s.agency.token)).consentVersion!.id;
    expect(codes(await accept(proposalId, s.agency.token))).toEqual(['FORBIDDEN']);
    expect(codes(await accept(proposalId, await app.token({ role: Role.ADMIN })))).toEqual(['FORBIDDEN']);
    expect(codes(await accept(proposalId, s.brand.token))).toEqual(['CONSENT_PROPOSAL_NOT_FOUND']);
    expect((await consentOf(s.model.id, s.model.token)).consentVersion).toBe(1);

    expect((await accept(proposalId, s.model.token)).userErrors).toEqual([]);
    const again = await accept(proposalId, s.model.token);
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'CONSENT_PROPOSAL_CLOSED', field: ['input', 'proposalId'] })]);
  });

  it('is declined by her with a reason, or withdrawn by her agency, and never takes effect', async () => {
    const s = await twinScenario();
    const first = (await propose(s.twinId, scope({ allowedMedia: ['ECOMMERCE', 'SOCIAL', 'TV'] }), s.agency.token)).consentVersion!.id;
    const second = (await propose(s.twinId, scope({ consentEndsAt: null, allowedMedia: ['ECOMMERCE', 'SOCIAL', 'OOH'] }), s.agency.token)).consentVersion!.id;

    const byAgency = (await app.gql(DeclineConsentProposalDocument, { input: { proposalId: first, reason: 'no' } }, s.agency.token)).declineConsentProposal;
    expect(codes(byAgency)).toEqual(['FORBIDDEN']);
    const declined = (await app.gql(DeclineConsentProposalDocument, { input: { proposalId: first, reason: 'No television.' } }, s.model.token)).declineConsentProposal;
    expect(declined.consentVersion).toMatchObject({ status: 'DECLINED', decidedByRole: 'MODEL', decisionReason: 'No television.' });
    const byModel = (await app.gql(WithdrawConsentProposalDocument, { input: { proposalId: second } }, s.model.token)).withdrawConsentProposal;
    expect(codes(byModel)).toEqual(['FORBIDDEN']);
    const withdrawn = (await app.gql(WithdrawConsentProposalDocument, { input: { proposalId: second } }, s.agency.token)).withdrawConsentProposal;
    expect(withdrawn.consentVersion).toMatchObject({ status: 'WITHDRAWN', decidedByRole: 'AGENCY' });
    expect(codes(await accept(first, s.model.token))).toEqual(['CONSENT_PROPOSAL_CLOSED']);

    const twin = await consentOf(s.model.id, s.model.token);
    expect(twin.consentVersion).toBe(1);
    expect(twin.consentScope.allowedMedia).toEqual(['ECOMMERCE', 'SOCIAL']);
    expect(twin.consentHistory!.map((v) => [v.version, v.status])).toEqual([
      [3, 'WITHDRAWN'],
      [2, 'DECLINED'],
      [1, 'IN_FORCE'],
    ]);
  });

  it('takes a pure narrowing proposed by her agency at once: it needs nobody to accept it', async () => {
    const s = await twinScenario();
    const res = await propose(s.twinId, scope({ allowedCategories: ['APPAREL'] }), s.agency.token);
    expect(res.consentVersion).toMatchObject({ version: 2, status: 'IN_FORCE' });
  });
});

describe('what a narrowing does to existing work', () => {
  it('declines the open options it no longer covers, flags the confirmed jobs, leaves covered work alone, deletes nothing', async () => {
    const s = await twinScenario();
    const us = { usage: { media: ['ECOMMERCE'], territories: ['US'], start: at(2 * DAY), end: at(90 * DAY) } };
    const usOption = await bookOk(s, { ...us, status: 'OPTION' });
    const usJob = await bookOk(s, us);
    const frOption = await bookOk(s, { status: 'OPTION' });
    const frJob = await bookOk(s);

    const res = await narrow(s.twinId, scope({ allowedTerritories: ['EU'] }), s.model.token);
    expect(res.userErrors).toEqual([]);
    expect(res.declinedBookings).toEqual([{ id: usOption, status: 'DECLINED' }]);
    expect(res.flaggedBookings).toEqual([{ id: usJob, status: 'CONFIRMED', consentFlag: expect.stringContaining('Territory US') }]);

    const option = await bookingConsent(usOption, s.agency.token);
    expect(option.status).toBe('DECLINED');
    expect(option.history.at(-1)).toEqual({ toStatus: 'DECLINED', actorRole: 'MODEL', actorId: s.model.id, reason: expect.stringContaining('consent version 2 no longer covers it: Territory US') });
    const job = await bookingConsent(usJob, s.agency.token);
    expect(job).toMatchObject({ status: 'CONFIRMED', outsideConsentSince: expect.any(String), consentFlag: expect.stringContaining('Territory US') });
    // The brand is not told of her side's consent flag.
    expect(await bookingConsent(usJob, s.brand.token)).toMatchObject({ status: 'CONFIRMED', outsideConsentSince: null, consentFlag: null });
    for (const id of [frOption, frJob]) expect((await bookingConsent(id, s.agency.token)).outsideConsentSince).toBeNull();
    expect((await bookingConsent(frOption, s.agency.token)).status).toBe('OPTION');

    expect((await consentOf(s.model.id, s.model.token)).jobsOutsideConsent!.map((b) => b.id)).toEqual([usJob]);
    const [{ n }] = await app.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from booking where model_id = ?', [s.model.id]);
    expect(Number(n)).toBe(4);

    // Widened again with her acceptance, the job is covered once more and loses its flag.
    const back = (await propose(s.twinId, V1, s.agency.token)).consentVersion!.id;
    const accepted = await accept(back, s.model.token);
    expect(accepted.flaggedBookings).toEqual([]);
    expect((await consentOf(s.model.id, s.agency.token)).jobsOutsideConsent).toEqual([]);
  });
});

describe('pausing the twin', () => {
  it('answers with the confirmed jobs still running, and stops new ones; options and finished work are not listed', async () => {
    const s = await twinScenario();
    const running = await bookOk(s, { start: new Date(Date.now() - 3600_000).toISOString(), end: new Date(Date.now() + 48 * 3600_000).toISOString() });
    const later = await bookOk(s);
    await bookOk(s, { status: 'OPTION' });
    await bookOk(s, { start: '2025-01-01T00:00:00.000Z', end: '2025-01-02T00:00:00.000Z' });

    const paused = (await app.gql(PauseOrChangeTwinDocument, { input: { twinId: s.twinId, status: 'PAUSED' } }, s.model.token)).updateDigitalTwin;
    expect(paused.userErrors).toEqual([]);
    expect(paused.twin?.status).toBe('PAUSED');
    expect(paused.runningJobs.map((b) => b.id).sort()).toEqual([running, later].sort());
    expect(codes(await book(s))).toEqual(['TWIN_NOT_ACTIVE']);

    // She may pause; she may not change anything else of it.
    const split = (await app.gql(PauseOrChangeTwinDocument, { input: { twinId: s.twinId, maxConcurrentJobs: 2 } }, s.model.token)).updateDigitalTwin;
    expect(codes(split)).toEqual(['FORBIDDEN']);
    const resumed = (await app.gql(PauseOrChangeTwinDocument, { input: { twinId: s.twinId, status: 'ACTIVE' } }, s.model.token)).updateDigitalTwin;
    expect(resumed.runningJobs).toEqual([]);
  });
});
