import { isUuid } from '../../common/ids';
import { afterCreatedAt, createdAtCursor, pageSize, toConnection, type Connection, type PageArgs } from '../../common/pagination';
import { fail, ok, userError, UserErrorCode, type Result } from '../../common/user-error';
import { checkText, collect } from '../../common/validate';
import { Action, can, scopeFilter, scopeOf } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Agency } from './agency.entity';
import { agencyLoader } from './agency.loaders';

/** Creates an agency; admins only. */
export async function createAgency(ctx: RequestContext, input: { name: string }): Promise<Result<Agency>> {
  if (!can(viewerOf(ctx), Action.CREATE_AGENCY_OR_BRAND, {})) return fail(userError(UserErrorCode.FORBIDDEN, 'only an admin creates agencies'));
  const errors = collect(checkText(input.name, ['input', 'name']));
  if (errors.length) return fail(...errors);
  const agency = ctx.em.create(Agency, { name: input.name.trim() });
  await ctx.em.flush();
  return ok(agency);
}

/** The agency if the viewer may see it (see READ_AGENCY: its name is no secret to a signed-in viewer). */
export async function findAgency(ctx: RequestContext, id: string): Promise<Agency | null> {
  if (!isUuid(id) || !can(viewerOf(ctx), Action.READ_AGENCY, { agencyId: id.toLowerCase() })) return null;
  return agencyLoader(ctx).load(id);
}

/** Agencies the viewer may list, oldest first: all for an admin, itself for an agency. */
export async function listAgencies(ctx: RequestContext, args: PageArgs): Promise<Connection<Agency>> {
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const scope = scopeFilter(scopeOf(viewerOf(ctx), Action.LIST_AGENCY), { agencyId: 'id' });
  const rows = await ctx.em.find(
    Agency,
    { $and: [scope, afterCreatedAt(args.after)] },
    { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 },
  );
  return toConnection(rows, size, createdAtCursor, !!args.after);
}
