import { badArgument, badArgumentOf } from '../../common/bad-argument';
import { isUuid } from '../../common/ids';
import { afterCreatedAt, createdAtCursor, pageSize, toConnection, withTotalCount, type Connection } from '../../common/pagination';
import { checkInstant } from '../../common/validate';
import { Action, scopeFilter, scopeOf } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Payout, PayoutParty } from './payout.entity';
import type { PayoutFilterInput, PayoutListArgs } from './payout.types';

/**
 * The payout lines the viewer may read (READ_PAYOUT), as one ORM filter: the agency of a line's booking sees it, and
 * so does the party it is owed to, a model or a mother agency, through the line's own party columns.
 */
function payoutScope(ctx: RequestContext): Record<string, unknown> {
  return scopeFilter(scopeOf(viewerOf(ctx), Action.READ_PAYOUT), {
    agencyId: (id) => ({ booking: { agency: id } }),
    modelId: (id) => ({ party: PayoutParty.MODEL, partyId: id }),
    motherAgencyId: (id) => ({ party: PayoutParty.MOTHER_AGENCY, partyId: id }),
  });
}

/** An id the client filters by: anything but a uuid would fail in SQL, so it is refused here. */
function idFilter(value: string, name: string): string {
  if (!isUuid(value)) throw badArgument(`\`filter.${name}\` is not an id`, 'filter');
  return value.toLowerCase();
}

/** The client's filters as ORM conditions, each checked before it reaches SQL. */
function filterConditions(filter: PayoutFilterInput): object[] {
  const where: object[] = [];
  if (filter.status?.length) where.push({ status: { $in: filter.status } });
  if (filter.party?.length) where.push({ party: { $in: filter.party } });
  if (filter.bookingId) where.push({ booking: idFilter(filter.bookingId, 'bookingId') });
  if (filter.modelId) where.push({ booking: { model: idFilter(filter.modelId, 'modelId') } });
  for (const [name, at] of [['from', filter.from], ['to', filter.to]] as const) {
    if (!at) continue;
    const outOfSpan = checkInstant(at, ['filter', name]);
    if (outOfSpan) throw badArgumentOf(outOfSpan);
  }
  if (filter.from && filter.to && filter.to.getTime() <= filter.from.getTime()) throw badArgument('`filter.to` must be after `filter.from`', 'filter');
  if (filter.from) where.push({ createdAt: { $gte: filter.from } });
  if (filter.to) where.push({ createdAt: { $lt: filter.to } });
  return where;
}

/**
 * Payout lines the viewer may read, oldest written first, so that an agency approves and pays from one list: its
 * bookings' lines; a model and a mother agency their own; an admin all. `totalCount` counts the same filter.
 */
export async function listPayouts(ctx: RequestContext, args: PayoutListArgs): Promise<Connection<Payout>> {
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const where = { $and: [payoutScope(ctx), ...filterConditions(args.filter ?? {})] };
  const rows = await ctx.em.find(Payout, { $and: [where, afterCreatedAt(args.after)] }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
  return withTotalCount(toConnection(rows, size, createdAtCursor, !!args.after), () => ctx.em.count(Payout, where));
}
