import { badArgument, badArgumentOf } from '../../common/bad-argument';
import { checkInstant } from '../../common/validate';
import { isUuid } from '../../common/ids';
import { money } from '../../common/money';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../common/pagination';
import { Action, bookingFacts, can, scopeFilter, scopeOf } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { BookingStatus, BookingType } from '../booking/booking-status';
import { DigitalBooking } from '../booking/booking.entity';
import { moneyAmountFromDatabase } from '../../db/money-amount.type';
import type { Licence, LicenceListArgs } from './licence.types';

const DAY_MS = 24 * 3600_000;
/** A licence ending within this much of now is marked, so that its renewal is not missed. */
export const ENDING_SOON_MS = 30 * DAY_MS;

// Keyset position in (usage end, id) order: the licence ending soonest first.
function afterUsageEnd(after: string | null | undefined): object {
  if (!after) return {};
  const c = decodeCursor(after);
  const at = new Date(c.key);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== c.key || !isUuid(c.id)) throw badArgument('`after` is not a cursor this API gave out', 'after');
  // A well-formed key can still name a year the database refuses (year 0); only ours ever reach SQL.
  const outOfSpan = checkInstant(at, ['after']);
  if (outOfSpan) throw badArgumentOf(outOfSpan);
  return { $or: [{ usageEnd: { $gt: at } }, { usageEnd: at, id: { $gt: c.id } }] };
}

/**
 * Licences in force or to come (confirmed or completed digital bookings whose usage has not ended), ending soonest
 * first: the model's side sees hers with what each earned her, a brand its own (READ_LICENCE).
 */
export async function listLicences(ctx: RequestContext, args: LicenceListArgs): Promise<Connection<Licence>> {
  const viewer = viewerOf(ctx);
  const size = pageSize(args.first, ctx.config.maxPageSize);
  if (args.modelId && !isUuid(args.modelId)) throw badArgument('`modelId` is not a model id', 'modelId');
  const now = new Date();
  const rows = await ctx.em.find(
    DigitalBooking,
    {
      $and: [
        scopeFilter(scopeOf(viewer, Action.READ_LICENCE), { agencyId: 'agency', modelId: 'model', brandId: 'brand' }),
        args.modelId ? { model: args.modelId.toLowerCase() } : {},
        { type: BookingType.DIGITAL, status: { $in: [BookingStatus.CONFIRMED, BookingStatus.COMPLETED] }, usageEnd: { $gt: now } },
        afterUsageEnd(args.after),
      ],
    },
    { orderBy: { usageEnd: 'asc', id: 'asc' }, limit: size + 1 },
  );
  const page = rows.slice(0, size);
  const earned = await modelEarnings(ctx, page.filter((b) => can(viewer, Action.READ_LICENCE_EARNINGS, bookingFacts(b))).map((b) => b.id));
  const licences = rows.map((b) => ({
    id: b.id,
    booking: b,
    status: b.status,
    category: b.category,
    media: b.usageMedia,
    territories: b.usageTerritories,
    start: b.usageStart,
    end: b.usageEnd,
    exclusivity: b.exclusivity,
    endingSoon: b.usageEnd.getTime() - now.getTime() <= ENDING_SOON_MS,
    consentVersion: b.consentVersion,
    earned: earned.get(b.id) ?? null,
  }));
  return toConnection(licences, size, (l) => ({ key: l.end.toISOString(), id: l.id }), !!args.after);
}

/** What each booking has earned the model so far (her payout lines), in one query. */
async function modelEarnings(ctx: RequestContext, bookingIds: string[]) {
  if (!bookingIds.length) return new Map<string, ReturnType<typeof money>>();
  const rows = await ctx.em.execute<{ booking_id: string; currency: string; total: string }[]>(
    `select booking_id, currency, sum(amount)::text as total from payout where party = 'MODEL' and booking_id in (${bookingIds.map(() => '?').join(', ')}) group by 1, 2`,
    bookingIds,
  );
  return new Map(rows.map((r) => [r.booking_id, money(moneyAmountFromDatabase(r.total), r.currency)]));
}
