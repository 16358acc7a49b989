import { raw } from '@mikro-orm/core';
import { ArgsType, Field } from 'type-graphql';
import { afterCreatedAt, createdAtCursor, ConnectionType, PageArgs, pageSize, toConnection, type Connection } from '../../common/pagination';
import { Action, scopeFilter, scopeOf } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { BookingStatus, BookingType } from './booking-status';
import { Booking } from './booking.entity';
import { effectiveStatusSql } from './effective-status';

export const BookingConnection = ConnectionType(Booking, 'Booking');
export type BookingConnection = InstanceType<typeof BookingConnection>;

@ArgsType()
export class BookingListArgs extends PageArgs {
  @Field(() => [BookingStatus], { nullable: true, description: 'Only these statuses, as the status field reads: an option past its expiry is EXPIRED.' })
  status?: BookingStatus[] | null;

  @Field(() => BookingType, { nullable: true, description: 'Only this type.' })
  type?: BookingType | null;
}

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
