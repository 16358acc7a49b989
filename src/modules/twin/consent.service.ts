import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/ids';
import { fail, ok, userError, UserErrorCode, type Result, type UserError } from '../../common/user-error';
import { checkText, collect } from '../../common/validate';
import { Action, can, modelFacts } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { recordEvent } from '../../core/events';
import { inTransaction } from '../../core/transaction';
import { actorId, type Viewer } from '../../core/viewer';
import { holdWorkToConsent, type ConsentEffects } from '../booking/consent-effects';
import { Model } from '../model/model.entity';
import { consentChange, describeTermChange, type ConsentScope } from './consent';
import { checkScope, scopeOfInput } from './consent-input';
import { ConsentVersion, ConsentVersionStatus } from './consent-version.entity';
import { DigitalTwin } from './twin.entity';
import type { ConsentChangeInput, ConsentProposalDecisionInput } from './twin.types';

/** A consent change as it ends: the twin, the version it made or decided, and what it did to existing work. */
export interface ConsentOutcome extends ConsentEffects {
  twin: DigitalTwin;
  version: ConsentVersion | null;
}

const NO_EFFECTS: ConsentEffects = { declined: [], flagged: [] };
const twinNotFound = () => fail(userError(UserErrorCode.TWIN_NOT_FOUND, 'no such twin', ['input', 'twinId']));
const proposalNotFound = () => fail(userError(UserErrorCode.CONSENT_PROPOSAL_NOT_FOUND, 'no such consent proposal', ['input', 'proposalId']));

/** The twin locked against concurrent consent changes (and bookings, which lock it too), with its model. */
async function lockTwin(em: EntityManager, twinId: string): Promise<{ twin: DigitalTwin; model: Model } | null> {
  const twin = isUuid(twinId) ? await em.findOne(DigitalTwin, twinId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!twin) return null;
  return { twin, model: await em.findOneOrFail(Model, twin.model.id) };
}

/** Writes a new version of the twin's consent, numbered after every earlier one (the twin's lock keeps numbers apart). */
/** A scope's terms as the columns a consent version and the twin both store them in. */
const scopeTerms = (scope: ConsentScope) => ({
  allowedMedia: scope.allowedMedia,
  allowedTerritories: scope.allowedTerritories,
  allowedCategories: scope.allowedCategories,
  excludedCategories: scope.excludedCategories,
  excludedBrandIds: scope.excludedBrandIds,
  consentEndsAt: scope.consentEndsAt,
  approvalDelegatedToAgency: scope.approvalDelegatedToAgency ?? false,
});

async function newVersion(em: EntityManager, twin: DigitalTwin, scope: ConsentScope, status: ConsentVersionStatus, viewer: Viewer, now: Date): Promise<ConsentVersion> {
  const [{ max }] = await em.execute<{ max: number | null }[]>('select max(version) as max from twin_consent_version where twin_id = ?', [twin.id]);
  return em.create(ConsentVersion, {
    twin,
    version: (max ?? 0) + 1,
    status,
    ...scopeTerms(scope),
    proposedByRole: viewer.role,
    proposedById: actorId(viewer),
    proposedAt: now,
  });
}

/**
 * Puts a version in force: the one in force before becomes SUPERSEDED, the twin's terms become the version's (the
 * booking checks read them there), consent.changed is recorded, and open work is held to it. `viewer` is who made it take effect.
 */
async function putInForce(em: EntityManager, twin: DigitalTwin, version: ConsentVersion, viewer: Viewer, now: Date): Promise<ConsentEffects> {
  // Written before the new one is marked: at most one version of a twin is in force (a unique index holds it).
  await em.nativeUpdate(ConsentVersion, { twin: twin.id, status: ConsentVersionStatus.IN_FORCE }, { status: ConsentVersionStatus.SUPERSEDED });
  Object.assign(version, { status: ConsentVersionStatus.IN_FORCE, decidedByRole: viewer.role, decidedById: actorId(viewer), decidedAt: now });
  const scope = version.scope;
  Object.assign(twin, {
    ...scopeTerms(scope),
    consentVersion: version.version,
  });
  await em.flush();
  const model = await em.findOneOrFail(Model, twin.model.id);
  await recordEvent(em, { type: 'consent.changed', modelId: model.id, agencyId: model.agency.id, occurredAt: now, payload: { twinId: twin.id, version: version.version } });
  return holdWorkToConsent(em, twin.model.id, twin.consentScope, version.version, { role: viewer.role, id: actorId(viewer) }, now);
}

/** The refusal of a widening by anyone but her, naming what it would add. */
function wideningRefusal(from: ConsentScope, to: ConsentScope): UserError | null {
  const { widened } = consentChange(from, to);
  if (!widened.length) return null;
  return userError(
    UserErrorCode.CONSENT_WIDENING_NEEDS_MODEL,
    `this widens her consent (${widened.map(describeTermChange).join(', ')}): her agency proposes it with proposeConsent and only she accepts it`,
    ['input', 'consentScope', widened[0].term],
  );
}

/**
 * Narrows the twin's consent, in the caller's transaction, on a twin it has locked: a new version in force at once,
 * made by the viewer. Refuses a widening; the same consent as in force changes nothing.
 */
export async function narrowLocked(em: EntityManager, viewer: Viewer, twin: DigitalTwin, scope: ConsentScope): Promise<Result<ConsentOutcome>> {
  const refusal = wideningRefusal(twin.consentScope, scope);
  if (refusal) return fail(refusal);
  if (consentChange(twin.consentScope, scope).kind === 'UNCHANGED') return ok({ twin, version: null, ...NO_EFFECTS });
  const now = new Date();
  const version = await newVersion(em, twin, scope, ConsentVersionStatus.PROPOSED, viewer, now);
  const effects = await putInForce(em, twin, version, viewer, now);
  return ok({ twin, version, ...effects });
}

/** Writes the twin's first consent version, made by whoever creates the twin. */
export async function firstVersion(em: EntityManager, viewer: Viewer, twin: DigitalTwin): Promise<void> {
  const now = new Date();
  const version = await newVersion(em, twin, twin.consentScope, ConsentVersionStatus.IN_FORCE, viewer, now);
  Object.assign(version, { decidedByRole: viewer.role, decidedById: actorId(viewer), decidedAt: now });
  twin.consentVersion = version.version;
}

/** Narrows a twin's consent at once, by the model or her agency; open options it no longer covers are declined, confirmed jobs flagged. */
export async function narrowConsent(ctx: RequestContext, input: ConsentChangeInput): Promise<Result<ConsentOutcome>> {
  const viewer = viewerOf(ctx);
  const errors = checkScope(input.consentScope, ['input', 'consentScope']);
  if (errors.length) return fail(...errors);
  return inTransaction(ctx, async (em) => {
    const found = await lockTwin(em, input.twinId);
    if (!found || !can(viewer, Action.READ_CONSENT_HISTORY, modelFacts(found.model))) return twinNotFound();
    if (!can(viewer, Action.NARROW_CONSENT, modelFacts(found.model))) return fail(userError(UserErrorCode.FORBIDDEN, 'only the model or her agency changes her consent'));
    return narrowLocked(em, viewer, found.twin, scopeOfInput(input.consentScope));
  });
}

/**
 * Her agency proposes a new consent. A widening waits, PROPOSED, until she accepts it; a change that only narrows
 * needs nobody's acceptance and takes effect at once.
 */
export async function proposeConsent(ctx: RequestContext, input: ConsentChangeInput): Promise<Result<ConsentOutcome>> {
  const viewer = viewerOf(ctx);
  const errors = checkScope(input.consentScope, ['input', 'consentScope']);
  if (errors.length) return fail(...errors);
  return inTransaction(ctx, async (em) => {
    const found = await lockTwin(em, input.twinId);
    if (!found || !can(viewer, Action.READ_CONSENT_HISTORY, modelFacts(found.model))) return twinNotFound();
    if (!can(viewer, Action.PROPOSE_CONSENT, modelFacts(found.model))) {
      return fail(userError(UserErrorCode.FORBIDDEN, 'her agency proposes a new consent; she accepts or declines it (acceptConsentProposal), or narrows it herself (narrowConsent)'));
    }
    const { twin } = found;
    const scope = scopeOfInput(input.consentScope);
    if (consentChange(twin.consentScope, scope).kind !== 'WIDENING') return narrowLocked(em, viewer, twin, scope);
    const version = await newVersion(em, twin, scope, ConsentVersionStatus.PROPOSED, viewer, new Date());
    await em.flush();
    return ok({ twin, version, ...NO_EFFECTS });
  });
}

/** The proposal and its twin, locked, if the viewer is on her side; otherwise nothing, as if it did not exist. */
async function loadProposal(em: EntityManager, viewer: Viewer, proposalId: string): Promise<Result<{ twin: DigitalTwin; model: Model; proposal: ConsentVersion }>> {
  const proposal = isUuid(proposalId) ? await em.findOne(ConsentVersion, proposalId) : null;
  const found = proposal ? await lockTwin(em, proposal.twin.id) : null;
  if (!proposal || !found || !can(viewer, Action.READ_CONSENT_HISTORY, modelFacts(found.model))) return proposalNotFound();
  // Read again under the twin's lock: a racing decision may have closed it since.
  await em.refresh(proposal);
  if (proposal.status !== ConsentVersionStatus.PROPOSED) {
    return fail(userError(UserErrorCode.CONSENT_PROPOSAL_CLOSED, `the proposal is ${proposal.status.toLowerCase().replace('_', ' ')}`, ['input', 'proposalId']));
  }
  return ok({ ...found, proposal });
}

/** The model accepts her agency's proposal from her app: it becomes the consent in force, and open work is held to it. */
export async function acceptConsentProposal(ctx: RequestContext, input: ConsentProposalDecisionInput): Promise<Result<ConsentOutcome>> {
  const viewer = viewerOf(ctx);
  return inTransaction(ctx, async (em) => {
    const loaded = await loadProposal(em, viewer, input.proposalId);
    if (!loaded.ok) return loaded;
    const { twin, model, proposal } = loaded.value;
    if (!can(viewer, Action.ACCEPT_CONSENT, modelFacts(model))) return fail(userError(UserErrorCode.FORBIDDEN, 'only the model accepts a new consent for her twin', ['input', 'proposalId']));
    const effects = await putInForce(em, twin, proposal, viewer, new Date());
    return ok({ twin, version: proposal, ...effects });
  });
}

/** Closes a pending proposal without effect: the model declines it, or her agency withdraws it. */
export async function closeConsentProposal(ctx: RequestContext, input: ConsentProposalDecisionInput, how: 'DECLINE' | 'WITHDRAW'): Promise<Result<ConsentOutcome>> {
  const viewer = viewerOf(ctx);
  const reasonError = input.reason != null ? checkText(input.reason, ['input', 'reason'], 500) : null;
  if (reasonError) return fail(...collect(reasonError));
  return inTransaction(ctx, async (em) => {
    const loaded = await loadProposal(em, viewer, input.proposalId);
    if (!loaded.ok) return loaded;
    const { twin, model, proposal } = loaded.value;
    const action = how === 'DECLINE' ? Action.ACCEPT_CONSENT : Action.PROPOSE_CONSENT;
    if (!can(viewer, action, modelFacts(model))) {
      return fail(userError(UserErrorCode.FORBIDDEN, how === 'DECLINE' ? 'only the model declines a proposal; her agency may withdraw it' : 'her agency withdraws its proposal; the model declines it', ['input', 'proposalId']));
    }
    Object.assign(proposal, {
      status: how === 'DECLINE' ? ConsentVersionStatus.DECLINED : ConsentVersionStatus.WITHDRAWN,
      decidedByRole: viewer.role,
      decidedById: actorId(viewer),
      decidedAt: new Date(),
      decisionReason: input.reason?.trim() ?? null,
    });
    await em.flush();
    return ok({ twin, version: proposal, ...NO_EFFECTS });
  });
}

/** The twin's consent versions, newest first, or only its pending proposals: to her side only (READ_CONSENT_HISTORY). */
export async function consentVersionsOf(ctx: RequestContext, twin: DigitalTwin, model: Model, onlyPending: boolean): Promise<ConsentVersion[] | null> {
  if (!can(viewerOf(ctx), Action.READ_CONSENT_HISTORY, modelFacts(model))) return null;
  return ctx.em.find(
    ConsentVersion,
    { twin: twin.id, ...(onlyPending ? { status: ConsentVersionStatus.PROPOSED } : {}) },
    { orderBy: { version: 'desc' } },
  );
}
