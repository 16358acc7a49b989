import { isUuid } from '../../common/ids';
import { afterCreatedAt, createdAtCursor, pageSize, toConnection, type Connection, type PageArgs } from '../../common/pagination';
import { fail, ok, userError, UserErrorCode, type Result } from '../../common/user-error';
import { checkText, collect } from '../../common/validate';
import { viewerOf } from '../../core/access-policy';
import type { RequestContext } from '../../core/context';
import { Role } from '../../core/viewer';
import { Agency } from './agency.entity';
import { agencyLoader } from './agency.loaders';

/** Creates an agency; admins only. */
export async function createAgency(ctx: RequestContext, input: { name: string }): Promise<Result<Agency>> {
  if (viewerOf(ctx).role !== Role.ADMIN) return fail(userError(UserErrorCode.FORBIDDEN, 'only an admin creates agencies'));
  const errors = collect(checkText(input.name, ['input', 'name']));
  if (errors.length) return fail(...errors);
  const agency = ctx.em.create(Agency, { name: input.name.trim() });
  await ctx.em.flush();
  return ok(agency);
}

/** The agency if the viewer may see it: admins see all, an agency itself, others see any agency's name. */
export async function findAgency(ctx: RequestContext, id: string): Promise<Agency | null> {
  return isUuid(id) ? agencyLoader(ctx).load(id) : null;
}

/** All agencies, oldest first; admins only. */
export async function listAgencies(ctx: RequestContext, args: PageArgs): Promise<Connection<Agency>> {
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const viewer = viewerOf(ctx);
  const scope = viewer.role === Role.ADMIN ? {} : viewer.role === Role.AGENCY ? { id: viewer.agencyId } : { id: null };
  const rows = await ctx.em.find(
    Agency,
    { $and: [scope, afterCreatedAt(args.after)] },
    { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 },
  );
  return toConnection(rows, size, createdAtCursor, !!args.after);
}
