import { isUuid } from '../../common/ids';
import { MAX_BPS } from '../../common/money';
import { fail, ok, userError, UserErrorCode, UserErrorsException, type Result, type UserError } from '../../common/user-error';
import { Action, can, modelFacts } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { isUniqueViolation } from '../../db/db-errors';
import { Model } from '../model/model.entity';
import { modelLoader } from '../model/model.loaders';
import { twinByModelLoader } from './twin.loaders';
import { Role } from '../../core/viewer';
import { ConsentScope, DigitalTwin, OwnershipSplit, TwinStatus } from './twin.entity';
import type { CreateDigitalTwinInput, OwnershipSplitInput, UpdateDigitalTwinInput } from './twin.types';
import { checkScope, scopeOfInput } from './consent-input';
import { firstVersion, narrowLocked } from './consent.service';
import { inTransaction } from '../../core/transaction';
import { LockMode } from '@mikro-orm/core';
import { jobsOutsideConsent, runningDigitalJobs, type ConsentEffects } from '../booking/consent-effects';
import type { DigitalBooking } from '../booking/booking.entity';


/** Basis points each in 0..10,000 and summing to exactly 10,000. */
export function checkSplit(split: OwnershipSplitInput, field: string[]): UserError[] {
  const parts = [split.modelBps, split.agencyBps, split.platformBps];
  if (parts.some((p) => !Number.isInteger(p) || p < 0 || p > MAX_BPS)) {
    return [userError(UserErrorCode.INVALID_SPLIT, 'each share must be a whole number of basis points from 0 to 10,000', field)];
  }
  const sum = parts.reduce((a, b) => a + b, 0);
  return sum === MAX_BPS ? [] : [userError(UserErrorCode.INVALID_SPLIT, `shares must sum to 10,000 basis points (got ${sum})`, field)];
}

function checkCap(cap: number | null | undefined, field: string[]): UserError[] {
  return cap == null || (Number.isInteger(cap) && cap > 0)
    ? []
    : [userError(UserErrorCode.INVALID_INPUT, 'maxConcurrentJobs must be a positive whole number or null', field)];
}

/** Gives one of the agency's models her digital twin; a model has at most one (a unique key guarantees it). */
export async function createDigitalTwin(ctx: RequestContext, input: CreateDigitalTwinInput): Promise<Result<DigitalTwin>> {
  const viewer = viewerOf(ctx);
  const model = isUuid(input.modelId) ? await ctx.em.findOne(Model, input.modelId) : null;
  if (!model || !can(viewer, Action.READ_TWIN, modelFacts(model))) return fail(userError(UserErrorCode.MODEL_NOT_FOUND, 'no such model', ['input', 'modelId']));
  if (!can(viewer, Action.MANAGE_TWIN, modelFacts(model))) return fail(userError(UserErrorCode.FORBIDDEN, "only the model's agency creates her twin"));
  const errors = [
    ...checkSplit(input.ownershipSplit, ['input', 'ownershipSplit']),
    ...checkCap(input.maxConcurrentJobs, ['input', 'maxConcurrentJobs']),
    ...checkScope(input.consentScope, ['input', 'consentScope']),
  ];
  if (errors.length) return fail(...errors);
  if (await ctx.em.count(DigitalTwin, { model })) {
    return fail(userError(UserErrorCode.TWIN_ALREADY_EXISTS, 'this model already has a digital twin', ['input', 'modelId']));
  }
  const twin = ctx.em.create(DigitalTwin, {
    model,
    status: input.status ?? TwinStatus.ACTIVE,
    modelShareBps: input.ownershipSplit.modelBps,
    agencyShareBps: input.ownershipSplit.agencyBps,
    platformShareBps: input.ownershipSplit.platformBps,
    maxConcurrentJobs: input.maxConcurrentJobs ?? null,
  });
  Object.assign(twin, scopeOfInput(input.consentScope));
  try {
    await ctx.em.flush();
    // Its first consent version, made by whoever gave her the twin; every later change is a version of its own.
    await firstVersion(ctx.em, viewer, twin);
    await ctx.em.flush();
  } catch (err) {
    // Two requests raced past the count above; the unique key let one in.
    if (isUniqueViolation(err, 'digital_twin_model_id_unique')) {
      return fail(userError(UserErrorCode.TWIN_ALREADY_EXISTS, 'this model already has a digital twin', ['input', 'modelId']));
    }
    throw err;
  }
  return ok(twin);
}

/** What updateDigitalTwin did: the twin, the jobs a pause leaves running, and what a narrowing did to open work. */
export interface TwinUpdate extends ConsentEffects {
  twin: DigitalTwin;
  runningJobs: DigitalBooking[];
}

/**
 * Changes a twin: the agency changes anything but widens no consent (that is a proposal she accepts); the model only
 * pauses or resumes it. A consent change is a new consent version; pausing answers with the jobs still running.
 */
export async function updateDigitalTwin(ctx: RequestContext, input: UpdateDigitalTwinInput): Promise<Result<TwinUpdate>> {
  const viewer = viewerOf(ctx);
  const errors = [
    ...(input.ownershipSplit ? checkSplit(input.ownershipSplit, ['input', 'ownershipSplit']) : []),
    ...checkCap(input.maxConcurrentJobs, ['input', 'maxConcurrentJobs']),
    ...(input.consentScope ? checkScope(input.consentScope, ['input', 'consentScope']) : []),
  ];
  return inTransaction(ctx, async (em) => {
    // Locked: a consent change must not interleave with another, nor with a booking checked against the old terms.
    const twin = isUuid(input.twinId) ? await em.findOne(DigitalTwin, input.twinId, { populate: ['model'], lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    const model = twin?.model.getEntity();
    // Only her side learns that the twin exists by id: a brand reads it through her profile, and changes nothing.
    if (!twin || !model || !can(viewer, Action.PAUSE_TWIN, modelFacts(model))) return fail(userError(UserErrorCode.TWIN_NOT_FOUND, 'no such twin', ['input', 'twinId']));
    if (!can(viewer, Action.MANAGE_TWIN, modelFacts(model))) {
      const onlyPauseOrResume = input.status && input.status !== TwinStatus.RETIRED && !input.ownershipSplit && !input.consentScope && input.maxConcurrentJobs === undefined;
      if (!onlyPauseOrResume) {
        return fail(userError(UserErrorCode.FORBIDDEN, 'a model may only pause or resume her twin; the rest is for her agency'));
      }
    }
    if (twin.status === TwinStatus.RETIRED && input.status && input.status !== TwinStatus.RETIRED) {
      return fail(userError(UserErrorCode.TRANSITION_NOT_ALLOWED, 'a retired twin cannot be brought back', ['input', 'status']));
    }
    if (errors.length) return fail(...errors);
    const pausing = input.status === TwinStatus.PAUSED && twin.status !== TwinStatus.PAUSED;
    if (input.status) twin.status = input.status;
    if (input.ownershipSplit) {
      twin.modelShareBps = input.ownershipSplit.modelBps;
      twin.agencyShareBps = input.ownershipSplit.agencyBps;
      twin.platformShareBps = input.ownershipSplit.platformBps;
    }
    if (input.maxConcurrentJobs !== undefined) twin.maxConcurrentJobs = input.maxConcurrentJobs;
    await em.flush();
    let effects: ConsentEffects = { declined: [], flagged: [] };
    if (input.consentScope) {
      // The same rule as narrowConsent: a widening is refused here, and nothing of this request is kept.
      const narrowed = await narrowLocked(em, viewer, twin, scopeOfInput(input.consentScope));
      if (!narrowed.ok) throw new UserErrorsException(narrowed.errors);
      effects = narrowed.value;
    }
    // A pause stops new work only: what is confirmed keeps running, and whoever paused is told which.
    const runningJobs = pausing ? await runningDigitalJobs(em, model.id, new Date()) : [];
    return ok({ twin, runningJobs, declined: effects.declined, flagged: effects.flagged });
  });
}

/** The split as the viewer may see it (READ_TWIN_SPLIT): a brand learns nothing of how the model and her agency share her work. */
export async function ownershipSplitFor(ctx: RequestContext, twin: DigitalTwin): Promise<OwnershipSplit | null> {
  const model = await modelLoader(ctx).load(twin.model.id);
  return model && can(viewerOf(ctx), Action.READ_TWIN_SPLIT, modelFacts(model)) ? twin.ownershipSplit : null;
}

/** The consent scope as the viewer may see it (READ_TWIN_EXCLUDED_BRANDS): a brand is told whether it is excluded, not which other brands are. */
export async function consentScopeFor(ctx: RequestContext, twin: DigitalTwin): Promise<ConsentScope> {
  const scope = twin.consentScope;
  const viewer = viewerOf(ctx);
  const model = await modelLoader(ctx).load(twin.model.id);
  if (model && can(viewer, Action.READ_TWIN_EXCLUDED_BRANDS, modelFacts(model))) return scope;
  return { ...scope, excludedBrandIds: scope.excludedBrandIds.filter((id) => viewer.role === Role.BRAND && id === viewer.brandId) };
}

/** The model's twin if the viewer may see it (READ_TWIN): not to her mother agency, nor to another agency or model. */
export async function twinOf(ctx: RequestContext, model: Model): Promise<DigitalTwin | null> {
  if (!can(viewerOf(ctx), Action.READ_TWIN, modelFacts(model))) return null;
  return twinByModelLoader(ctx).load(model.id);
}

/** The model whose twin it is, through this request's loader. */
export async function modelOfTwin(ctx: RequestContext, twin: DigitalTwin): Promise<Model> {
  return (await modelLoader(ctx).load(twin.model.id))!;
}

/** The confirmed jobs the twin's consent in force no longer covers, to her side only (READ_CONSENT_HISTORY). */
export async function jobsOutsideConsentOf(ctx: RequestContext, twin: DigitalTwin): Promise<DigitalBooking[] | null> {
  const model = await modelOfTwin(ctx, twin);
  if (!can(viewerOf(ctx), Action.READ_CONSENT_HISTORY, modelFacts(model))) return null;
  return jobsOutsideConsent(ctx.em, model.id);
}
