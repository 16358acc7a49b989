import { raw } from '@mikro-orm/core';
import { badArgumentOf } from '../../common/bad-argument';
import { isUuid } from '../../common/ids';
import { containsPattern } from '../../common/like';
import { afterCreatedAt, createdAtCursor, pageSize, toConnection, type Connection } from '../../common/pagination';
import { fail, ok, userError, UserErrorCode, type Result } from '../../common/user-error';
import { checkText, checkTimeZone, collect } from '../../common/validate';
import { Action, can, modelFacts, scopeFilter, scopeOf } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Role, type Viewer } from '../../core/viewer';
import { Agency } from '../agency/agency.entity';
import { Model } from './model.entity';
import { TwinStatusFilter, type CreateModelInput, type ModelListArgs } from './model.types';
import { modelLoader } from './model.loaders';
import { checkAttributes, type AttributePair } from './model-attributes';
import { agencyLoader } from '../agency/agency.loaders';

/** Creates a model for the viewer's agency (or, for an admin, the agency named). */
export async function createModel(ctx: RequestContext, input: CreateModelInput): Promise<Result<Model>> {
  const viewer = viewerOf(ctx);
  const agencyId = input.agencyId || (viewer.role === Role.AGENCY ? viewer.agencyId : undefined);
  if (!can(viewer, Action.MANAGE_AGENCY, { agencyId: agencyId?.toLowerCase() ?? null })) {
    return fail(userError(UserErrorCode.FORBIDDEN, 'only an agency, for itself, or an admin creates models', input.agencyId ? ['input', 'agencyId'] : null));
  }
  const errors = collect(
    checkText(input.name, ['input', 'name']),
    checkText(input.baseCity, ['input', 'baseCity']),
    checkTimeZone(input.timeZone, ['input', 'timeZone']),
  );
  if (!agencyId) errors.push(userError(UserErrorCode.INVALID_INPUT, 'agencyId is required for an admin', ['input', 'agencyId']));
  if (errors.length) return fail(...errors);

  const agency = await findAgencyById(ctx, agencyId!);
  if (!agency) return fail(userError(UserErrorCode.AGENCY_NOT_FOUND, 'no such agency', ['input', 'agencyId']));
  let motherAgency: Agency | null = null;
  if (input.motherAgencyId) {
    motherAgency = await findAgencyById(ctx, input.motherAgencyId);
    if (!motherAgency) return fail(userError(UserErrorCode.AGENCY_NOT_FOUND, 'no such mother agency', ['input', 'motherAgencyId']));
    if (motherAgency.id === agency.id) {
      return fail(userError(UserErrorCode.INVALID_INPUT, 'the mother agency must differ from the representing agency', ['input', 'motherAgencyId']));
    }
  }
  const model = ctx.em.create(Model, {
    agency,
    motherAgency,
    name: input.name.trim(),
    timeZone: input.timeZone,
    baseCity: input.baseCity.trim(),
  });
  await ctx.em.flush();
  return ok(model);
}

async function findAgencyById(ctx: RequestContext, id: string): Promise<Agency | null> {
  return isUuid(id) ? agencyLoader(ctx).load(id) : null;
}

/** True when the viewer may see the model at all (READ_MODEL): her agency, her mother agency, herself, an admin, or any brand (to book her). */
export function canSeeModel(viewer: Viewer, model: Model): boolean {
  return can(viewer, Action.READ_MODEL, modelFacts(model));
}

/** The model, or null when it does not exist or the viewer may not see it. */
export async function findModel(ctx: RequestContext, id: string): Promise<Model | null> {
  if (!isUuid(id)) return null;
  const model = await modelLoader(ctx).load(id);
  return model && canSeeModel(viewerOf(ctx), model) ? model : null;
}

/** A text filter of the list, checked like any text before it reaches SQL. */
function textArgument(value: string, name: string): string {
  const error = checkText(value, [name], 100);
  if (error) throw badArgumentOf(error);
  return value.trim();
}

/**
 * The twin filter, within what the viewer may see of twins (READ_TWIN): a mother agency, who sees that a model exists
 * and nothing else of her, must not learn from a list whether she has a twin.
 */
function twinFilter(ctx: RequestContext, states: TwinStatusFilter[]): object {
  const statuses = states.filter((s) => s !== TwinStatusFilter.NONE);
  const tests: string[] = [];
  if (statuses.length) tests.push(`exists (select 1 from digital_twin t where t.model_id = %a.id and t.status in (${statuses.map(() => '?').join(', ')}))`);
  if (states.includes(TwinStatusFilter.NONE)) tests.push('not exists (select 1 from digital_twin t where t.model_id = %a.id)');
  const sql = (alias: string) => `(${tests.join(' or ')})`.replaceAll('%a', alias);
  return {
    $and: [
      scopeFilter(scopeOf(viewerOf(ctx), Action.READ_TWIN), { agencyId: 'agency', motherAgencyId: 'motherAgency', modelId: 'id' }),
      { [raw(sql, statuses)]: [] },
    ],
  };
}

/**
 * Models the viewer may list (READ_MODEL), oldest first: an agency those it represents or placed, a brand or admin all
 * (optionally of one agency), a model herself; by base city, twin status and name.
 */
export async function listModels(ctx: RequestContext, args: ModelListArgs & { agencyId?: string | null }): Promise<Connection<Model>> {
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const scope: object[] = [
    scopeFilter(scopeOf(viewerOf(ctx), Action.READ_MODEL), { agencyId: 'agency', motherAgencyId: 'motherAgency', modelId: 'id' }),
  ];
  if (args.agencyId) scope.push(isUuid(args.agencyId) ? { agency: args.agencyId } : { id: null });
  if (args.baseCity != null) {
    const city = textArgument(args.baseCity, 'baseCity');
    scope.push({ [raw((alias: string) => `lower(${alias}.base_city) = lower(?)`, [city])]: [] });
  }
  if (args.name != null) scope.push({ name: { $ilike: containsPattern(textArgument(args.name, 'name')) } });
  if (args.twinStatus?.length) scope.push(twinFilter(ctx, args.twinStatus));
  const rows = await ctx.em.find(
    Model,
    { $and: [...scope, afterCreatedAt(args.after)] },
    { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 },
  );
  return toConnection(rows, size, createdAtCursor, !!args.after);
}

/** Publishes the model's attributes, replacing those published before; her agency (or an admin) only. */
export async function setModelAttributes(ctx: RequestContext, modelId: string, pairs: AttributePair[]): Promise<Result<Model>> {
  const model = isUuid(modelId) ? await modelLoader(ctx).load(modelId) : null;
  const viewer = viewerOf(ctx);
  if (!model || !canSeeModel(viewer, model)) return fail(userError(UserErrorCode.MODEL_NOT_FOUND, 'no such model', ['modelId']));
  if (!can(viewer, Action.MANAGE_MODEL, modelFacts(model))) return fail(userError(UserErrorCode.FORBIDDEN, 'only her agency publishes her attributes', ['modelId']));
  const checked = checkAttributes(pairs, ['attributes']);
  if ('errors' in checked) return fail(...checked.errors);
  model.attributes = checked.values;
  await ctx.em.flush();
  return ok(model);
}
