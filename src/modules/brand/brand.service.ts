import { isUuid } from '../../common/ids';
import { afterCreatedAt, createdAtCursor, pageSize, toConnection, type Connection, type PageArgs } from '../../common/pagination';
import { fail, ok, userError, UserErrorCode, type Result } from '../../common/user-error';
import { checkText, collect } from '../../common/validate';
import { Action, can, scopeFilter, scopeOf } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Brand } from './brand.entity';
import { brandLoader } from './brand.loaders';

/** Creates a brand; admins only. */
export async function createBrand(ctx: RequestContext, input: { name: string }): Promise<Result<Brand>> {
  if (!can(viewerOf(ctx), Action.CREATE_AGENCY_OR_BRAND, {})) return fail(userError(UserErrorCode.FORBIDDEN, 'only an admin creates brands'));
  const errors = collect(checkText(input.name, ['input', 'name']));
  if (errors.length) return fail(...errors);
  const brand = ctx.em.create(Brand, { name: input.name.trim() });
  await ctx.em.flush();
  return ok(brand);
}

/** A brand by id; brand names are not secret to signed-in viewers. */
export async function findBrand(ctx: RequestContext, id: string): Promise<Brand | null> {
  if (!isUuid(id) || !can(viewerOf(ctx), Action.READ_BRAND, { brandId: id.toLowerCase() })) return null;
  return brandLoader(ctx).load(id);
}

/** Brands the viewer may list: all for admins and agencies, its own for a brand. */
export async function listBrands(ctx: RequestContext, args: PageArgs): Promise<Connection<Brand>> {
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const scope = scopeFilter(scopeOf(viewerOf(ctx), Action.LIST_BRAND), { brandId: 'id' });
  const rows = await ctx.em.find(
    Brand,
    { $and: [scope, afterCreatedAt(args.after)] },
    { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 },
  );
  return toConnection(rows, size, createdAtCursor, !!args.after);
}
