import { LockMode } from '@mikro-orm/core';
import { badArgument, badArgumentOf } from '../../common/bad-argument';
import { isUuid } from '../../common/ids';
import { money } from '../../common/money';
import { fail, ok, userError, UserErrorCode, type Result } from '../../common/user-error';
import { checkInstant, checkText } from '../../common/validate';
import { Action, can, modelFacts } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Role } from '../../core/viewer';
import { inTransaction } from '../../core/transaction';
import type { BookingType } from '../booking/booking-status';
import { Booking } from '../booking/booking.entity';
import type { Model } from '../model/model.entity';
import { Payout, PayoutStatus } from './payout.entity';
import type { AgencyStatement, BrandStatement, EarningsLine } from './payout.types';

const NEXT: Record<PayoutStatus, PayoutStatus | null> = {
  [PayoutStatus.PENDING]: PayoutStatus.APPROVED,
  [PayoutStatus.APPROVED]: PayoutStatus.PAID,
  [PayoutStatus.PAID]: null,
};

/** Refuses a period (the query arguments `from` and `to`) outside the span the API keeps, or empty, before it reaches SQL. */
function checkPeriod(from: Date, to: Date): void {
  const outOfSpan = checkInstant(from, ['from']) ?? checkInstant(to, ['to']);
  if (outOfSpan) throw badArgumentOf(outOfSpan);
  if (to.getTime() <= from.getTime()) throw badArgument('`to` must be after `from`', 'to');
}

/**
 * Moves payout lines one step forward (PENDING → APPROVED → PAID), all or none; only the booking's agency may.
 * The update is conditional on the status read, so two racing requests cannot both move a line.
 */
export async function advancePayouts(ctx: RequestContext, ids: string[], to: PayoutStatus, externalReference?: string): Promise<Result<Payout[]>> {
  const viewer = viewerOf(ctx);
  if (to === PayoutStatus.PAID) {
    const refError = checkText(externalReference ?? '', ['input', 'externalReference'], 200);
    if (refError) return fail(refError);
  }
  if (!ids.length || ids.length > 500 || !ids.every(isUuid)) {
    return fail(userError(UserErrorCode.INVALID_INPUT, 'give 1 to 500 payout ids', ['input', 'ids']));
  }
  return inTransaction(
    ctx,
    async (em) => {
      const payouts = await em.find(Payout, { id: { $in: ids } }, { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
      const bookings = await em.find(Booking, { id: { $in: [...new Set(payouts.map((p) => p.booking.id))] } });
      const agencyOf = new Map(bookings.map((b) => [b.id, b.agency.id]));
      const mayAdvance = (p: Payout) => agencyOf.has(p.booking.id) && can(viewer, Action.ADVANCE_PAYOUT, { agencyId: agencyOf.get(p.booking.id) });
      const byId = new Map(payouts.map((p) => [p.id, p]));
      for (const id of ids) {
        const p = byId.get(id);
        if (!p || !mayAdvance(p)) {
          return fail(userError(UserErrorCode.PAYOUT_NOT_FOUND, `no payout ${id} of your bookings`, ['input', 'ids']));
        }
        if (NEXT[p.status as PayoutStatus] !== to) {
          return fail(userError(UserErrorCode.TRANSITION_NOT_ALLOWED, `payout ${id} is ${p.status} and cannot become ${to}`, ['input', 'ids']));
        }
      }
      const now = new Date();
      for (const p of payouts) {
        p.status = to;
        if (to === PayoutStatus.APPROVED) p.approvedAt = now;
        if (to === PayoutStatus.PAID) {
          p.paidAt = now;
          p.externalReference = externalReference!.trim();
        }
      }
      await em.flush();
      return ok(payouts);
    }
  );
}

interface SumRow {
  booking_type: BookingType;
  currency: string;
  bookings: string;
  total: string;
  pending: string;
  approved: string;
  paid: string;
}

const SUMS = `select p.booking_type, p.currency, count(distinct p.booking_id) as bookings, sum(p.amount) as total,
    coalesce(sum(p.amount) filter (where p.status = 'PENDING'), 0) as pending,
    coalesce(sum(p.amount) filter (where p.status = 'APPROVED'), 0) as approved,
    coalesce(sum(p.amount) filter (where p.status = 'PAID'), 0) as paid
  from payout p`;

const exact = (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`sum ${value} is beyond the exact range of a number`);
  return n;
};

function toLines(rows: SumRow[]): EarningsLine[] {
  return rows.map((r) => {
    const m = (v: string) => money(exact(v), r.currency);
    return { bookingType: r.booking_type, bookings: Number(r.bookings), total: m(r.total), pending: m(r.pending), approved: m(r.approved), paid: m(r.paid) };
  });
}

/** The model's earnings for a period by booking type and currency: herself, her agency or an admin only. One query. */
export async function modelEarnings(ctx: RequestContext, model: Model, from: Date, to: Date): Promise<EarningsLine[] | null> {
  if (!can(viewerOf(ctx), Action.READ_EARNINGS, modelFacts(model))) return null;
  checkPeriod(from, to);
  const rows = await ctx.em.execute<SumRow[]>(
    `${SUMS} where p.party = 'MODEL' and p.party_id = ? and p.created_at >= ? and p.created_at < ? group by 1, 2 order by 1, 2`,
    [model.id, from, to],
  );
  return toLines(rows);
}

/** An agency's statement: what it is owed (as agency and mother agency) and what it owes its models. */
export async function agencyStatement(ctx: RequestContext, agencyId: string | null | undefined, from: Date, to: Date): Promise<AgencyStatement | null> {
  const viewer = viewerOf(ctx);
  const id = viewer.role === Role.AGENCY ? viewer.agencyId : agencyId;
  if (!id || !isUuid(id) || !can(viewer, Action.MANAGE_AGENCY, { agencyId: id.toLowerCase() })) return null;
  checkPeriod(from, to);
  const [owed, models] = await Promise.all([
    ctx.em.execute<SumRow[]>(
      `${SUMS} where p.party in ('AGENCY', 'MOTHER_AGENCY') and p.party_id = ? and p.created_at >= ? and p.created_at < ? group by 1, 2 order by 1, 2`,
      [id, from, to],
    ),
    ctx.em.execute<SumRow[]>(
      `${SUMS} join booking b on b.id = p.booking_id where p.party = 'MODEL' and b.agency_id = ? and p.created_at >= ? and p.created_at < ? group by 1, 2 order by 1, 2`,
      [id, from, to],
    ),
  ]);
  return { owedToAgency: toLines(owed), owedToModels: toLines(models) };
}

/** What a brand owes per booking charged in the period, and in total per currency. */
export async function brandStatement(ctx: RequestContext, brandId: string | null | undefined, from: Date, to: Date): Promise<BrandStatement | null> {
  const viewer = viewerOf(ctx);
  const id = viewer.role === Role.BRAND ? viewer.brandId : brandId;
  if (!id || !isUuid(id) || !can(viewer, Action.MANAGE_BRAND, { brandId: id.toLowerCase() })) return null;
  checkPeriod(from, to);
  const rows = await ctx.em.execute<{ booking_id: string; type: BookingType; title: string; currency: string; amount: string }[]>(
    `select b.id as booking_id, b.type, b.title, p.currency, sum(p.amount) as amount
     from payout p join booking b on b.id = p.booking_id
     where b.brand_id = ? and p.created_at >= ? and p.created_at < ?
     group by b.id, b.type, b.title, p.currency order by min(p.created_at), b.id`,
    [id, from, to],
  );
  const totals = new Map<string, number>();
  const charges = rows.map((r) => {
    const amount = exact(r.amount);
    const total = (totals.get(r.currency) ?? 0) + amount;
    if (!Number.isSafeInteger(total)) throw new RangeError('a brand total is beyond the exact range of a number');
    totals.set(r.currency, total);
    return { bookingId: r.booking_id, bookingType: r.type, title: r.title, amount: { amount, currency: r.currency } };
  });
  return { charges, totals: [...totals].map(([currency, amount]) => money(amount, currency)) };
}
