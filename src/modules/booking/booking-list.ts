import { raw } from '@mikro-orm/core';
import { afterCreatedAt, createdAtCursor, pageSize, toConnection, type Connection } from '../../common/pagination';
import { Action, scopeFilter, scopeOf } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Booking } from './booking.entity';
import type { BookingListArgs } from './booking.types';
import { effectiveStatusSql } from './effective-status';

/** Bookings the viewer sees in full, oldest placed first: a brand its own, an agency its models', a model hers. */
export async function listBookings(ctx: RequestContext, args: BookingListArgs, modelId?: string): Promise<Connection<Booking>> {
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const scope: object[] = [scopeFilter(scopeOf(viewerOf(ctx), Action.READ_BOOKING), { agencyId: 'agency', modelId: 'model', brandId: 'brand' })];
  if (modelId) scope.push({ model: modelId });
  const statuses = args.status;
  if (statuses?.length) {
    // By the effective status, so that the filter and the status field agree about an option that has just lapsed.
    const sql = (alias: string) => `${effectiveStatusSql(alias, '?')} in (${statuses.map(() => '?').join(', ')})`;
    scope.push({ [raw(sql, [new Date(), ...statuses])]: [] });
  }
  if (args.type) scope.push({ type: args.type });
  const rows = await ctx.em.find(
    Booking,
    { $and: [...scope, afterCreatedAt(args.after)] },
    { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 },
  );
  return toConnection(rows, size, createdAtCursor, !!args.after);
}
