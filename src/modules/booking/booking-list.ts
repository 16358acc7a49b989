import { raw } from '@mikro-orm/core';
import { badArgument, badArgumentOf } from '../../common/bad-argument';
import { isUuid } from '../../common/ids';
import {
  afterCreatedAt,
  afterInstant,
  createdAtCursor,
  instantCursor,
  pageSize,
  toConnection,
  withTotalCount,
  type Connection,
  type InstantOrder,
} from '../../common/pagination';
import { checkInstant } from '../../common/validate';
import { Action, scopeFilter, scopeOf } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { rangeSql, workOverlapsSql } from './booking-predicates';
import { Booking } from './booking.entity';
import { BookingOrder, MAX_FILTER_IDS, type BookingListArgs } from './booking.types';
import { effectiveStatusSql } from './effective-status';

/** By start time: the cursor carries its tag, so that a placement cursor is refused here and this one there. */
const BY_START: InstantOrder<Booking> = { tag: 'start', property: 'start', instantOf: (b) => b.start };

/** Ids the client filters by; anything but a uuid would fail in SQL, so it is refused before. */
function checkIds(ids: string[], name: string): string[] {
  if (ids.length > MAX_FILTER_IDS) throw badArgument(`\`${name}\` takes at most ${MAX_FILTER_IDS} ids`, name);
  const bad = ids.findIndex((id) => !isUuid(id));
  if (bad >= 0) throw badArgument(`\`${name}[${bad}]\` is not an id`, name);
  return ids.map((id) => id.toLowerCase());
}

/** The window's instants, checked before SQL; either end may be left open. */
function checkWindow(from: Date | null | undefined, to: Date | null | undefined): void {
  const outOfSpan = (from ? checkInstant(from, ['from']) : null) ?? (to ? checkInstant(to, ['to']) : null);
  if (outOfSpan) throw badArgumentOf(outOfSpan);
  if (from && to && to.getTime() <= from.getTime()) throw badArgument('`to` must be after `from`', 'to');
}

/**
 * The list's filter, built afresh for each query that uses it: a raw fragment is bound to the query it is first
 * used in, so the page and its count each get their own.
 */
/** Whose bookings a list is narrowed to before its filters: one model's, or one campaign's. */
export interface BookingsWithin {
  modelId?: string;
  campaignId?: string;
}

function conditions(ctx: RequestContext, args: BookingListArgs, within: BookingsWithin, now: Date): object[] {
  const where: object[] = [scopeFilter(scopeOf(viewerOf(ctx), Action.READ_BOOKING), { agencyId: 'agency', modelId: 'model', brandId: 'brand' })];
  if (within.modelId) where.push({ model: within.modelId });
  if (within.campaignId) where.push({ campaign: within.campaignId });
  const statuses = args.status;
  if (statuses?.length) {
    // By the effective status, so that the filter and the status field agree about an option that has just lapsed.
    const sql = (alias: string) => `${effectiveStatusSql(alias, '?')} in (${statuses.map(() => '?').join(', ')})`;
    where.push({ [raw(sql, [now, ...statuses])]: [] });
  }
  if (args.type) where.push({ type: args.type });
  if (args.modelIds) where.push({ model: { $in: checkIds(args.modelIds, 'modelIds') } });
  if (args.brandIds) where.push({ brand: { $in: checkIds(args.brandIds, 'brandIds') } });
  if (args.from || args.to) {
    // An open end is an unbounded range end: one range test, so that the index on the blocked range serves both.
    where.push({ [raw((alias: string) => workOverlapsSql(alias, rangeSql('?', '?')), [args.from ?? null, args.to ?? null, args.from ?? null, args.to ?? null])]: [] });
  }
  return where;
}

/**
 * Bookings the viewer sees in full (a brand its own, an agency its models', a model hers), of a model or a campaign
 * when asked, filtered by window, models,
 * brands, status and type; by start time or by placement, with keyset cursors that stay put as bookings are added.
 */
export async function listBookings(ctx: RequestContext, args: BookingListArgs, within: BookingsWithin = {}): Promise<Connection<Booking>> {
  const size = pageSize(args.first, ctx.config.maxPageSize);
  checkWindow(args.from, args.to);
  const order = args.orderBy ?? (args.from || args.to ? BookingOrder.START : BookingOrder.PLACED);
  const now = new Date();
  const byStart = order === BookingOrder.START;
  const after = byStart ? afterInstant(BY_START, args.after) : afterCreatedAt(args.after);
  const rows = await ctx.em.find(
    Booking,
    { $and: [...conditions(ctx, args, within, now), after] },
    { orderBy: byStart ? { start: 'asc', id: 'asc' } : { createdAt: 'asc', id: 'asc' }, limit: size + 1 },
  );
  const cursorOf = byStart ? (b: Booking) => instantCursor(BY_START, b) : createdAtCursor;
  return withTotalCount(toConnection(rows, size, cursorOf, !!args.after), () => ctx.em.count(Booking, { $and: conditions(ctx, args, within, now) }));
}
