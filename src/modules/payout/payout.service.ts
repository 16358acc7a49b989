import { LockMode } from '@mikro-orm/core';
import { badArgument, badArgumentOf } from '../../common/bad-argument';
import { isUuid } from '../../common/ids';
import { money } from '../../common/money';
import { fail, ok, userError, UserErrorCode, type Result } from '../../common/user-error';
import { checkInstant, checkText } from '../../common/validate';
import { Action, bookingFacts, can, modelFacts } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Role } from '../../core/viewer';
import { recordEvents, type NewDomainEvent } from '../../core/events';
import { inTransaction } from '../../core/transaction';
import { BookingStatus, type BookingType } from '../booking/booking-status';
import { Booking } from '../booking/booking.entity';
import { effectiveStatusSql } from '../booking/effective-status';
import type { Model } from '../model/model.entity';
import { Payout, PayoutParty, PayoutStatus, type PayoutReason } from './payout.entity';
import { STATEMENT_MAX_LINES, type AgencyStatement, type AgencyStatementLine, type BrandCommitment, type BrandStatement, type EarningsLine } from './payout.types';

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
 * The event of a line's step: with the facts READ_PAYOUT reads (the booking's agency; the model or the mother agency
 * only for a line owed to her or to it), so that it reaches whoever may read the line and no one else.
 */
function payoutEvent(to: PayoutStatus, p: Payout, booking: Booking, now: Date): NewDomainEvent {
  return {
    type: to === PayoutStatus.PAID ? 'payout.paid' : 'payout.approved',
    bookingId: booking.id,
    agencyId: booking.agency.id,
    modelId: p.party === PayoutParty.MODEL ? p.partyId : null,
    brandId: null,
    occurredAt: now,
    payload: {
      payoutId: p.id,
      party: p.party,
      partyId: p.partyId,
      ...(p.party === PayoutParty.MOTHER_AGENCY ? { motherAgencyId: p.partyId } : {}),
      status: p.status,
      amount: p.amount,
      currency: p.currency,
      reason: p.reason,
    },
  };
}

/**
 * Moves payout lines one step forward (PENDING → APPROVED → PAID), all or none; only the booking's agency may.
 * The update is conditional on the status read, so two racing requests cannot both move a line. `idsField` is where
 * the request carried the ids (`ids`, or `input.ids`): a refusal of one line names its index there.
 */
export async function advancePayouts(
  ctx: RequestContext,
  idsField: string[],
  ids: string[],
  to: PayoutStatus,
  externalReference?: string,
): Promise<Result<Payout[]>> {
  const viewer = viewerOf(ctx);
  if (to === PayoutStatus.PAID) {
    const refError = checkText(externalReference ?? '', ['input', 'externalReference'], 200);
    if (refError) return fail(refError);
  }
  if (!ids.length || ids.length > 500 || !ids.every(isUuid)) {
    const bad = ids.findIndex((id) => !isUuid(id));
    return fail(userError(UserErrorCode.INVALID_INPUT, 'give 1 to 500 payout ids', bad >= 0 ? [...idsField, String(bad)] : idsField));
  }
  return inTransaction(
    ctx,
    async (em) => {
      const payouts = await em.find(Payout, { id: { $in: ids } }, { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
      const bookings = await em.find(Booking, { id: { $in: [...new Set(payouts.map((p) => p.booking.id))] } });
      const agencyOf = new Map(bookings.map((b) => [b.id, b.agency.id]));
      const mayAdvance = (p: Payout) => agencyOf.has(p.booking.id) && can(viewer, Action.ADVANCE_PAYOUT, { agencyId: agencyOf.get(p.booking.id) });
      const byId = new Map(payouts.map((p) => [p.id, p]));
      for (const [i, id] of ids.entries()) {
        const p = byId.get(id);
        if (!p || !mayAdvance(p)) {
          return fail(userError(UserErrorCode.PAYOUT_NOT_FOUND, `no payout ${id} of your bookings`, [...idsField, String(i)]));
        }
        if (NEXT[p.status as PayoutStatus] !== to) {
          return fail(userError(UserErrorCode.TRANSITION_NOT_ALLOWED, `payout ${id} is ${p.status} and cannot become ${to}`, [...idsField, String(i)]));
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
      const bookingOf = new Map(bookings.map((b) => [b.id, b]));
      await recordEvents(em, payouts.map((p) => payoutEvent(to, p, bookingOf.get(p.booking.id)!, now)));
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
  const [owed, models, lines] = await Promise.all([
    ctx.em.execute<SumRow[]>(
      `${SUMS} where p.party in ('AGENCY', 'MOTHER_AGENCY') and p.party_id = ? and p.created_at >= ? and p.created_at < ? group by 1, 2 order by 1, 2`,
      [id, from, to],
    ),
    ctx.em.execute<SumRow[]>(
      `${SUMS} join booking b on b.id = p.booking_id where p.party = 'MODEL' and b.agency_id = ? and p.created_at >= ? and p.created_at < ? group by 1, 2 order by 1, 2`,
      [id, from, to],
    ),
    agencyStatementLines(ctx, id, from, to),
  ]);
  return { owedToAgency: toLines(owed), owedToModels: toLines(models), ...lines };
}

interface LineRow {
  id: string;
  booking_id: string;
  booking_type: BookingType;
  party: PayoutParty;
  party_id: string | null;
  reason: PayoutReason;
  status: PayoutStatus;
  amount: string;
  currency: string;
  created_at: Date;
  title: string;
  model_id: string;
  agency_id: string;
  brand_id: string;
}

/**
 * The payout lines behind an agency's totals: the same two sets as the sums above, line by line. The title shows where
 * the viewer may read the booking (READ_BOOKING): a mother agency is owed its share of another agency's booking, not
 * told what it was. One more row than listed is fetched, to say whether the list is whole.
 */
async function agencyStatementLines(ctx: RequestContext, agencyId: string, from: Date, to: Date): Promise<Pick<AgencyStatement, 'lines' | 'linesComplete'>> {
  const viewer = viewerOf(ctx);
  const rows = await ctx.em.execute<LineRow[]>(
    `select p.id, p.booking_id, p.booking_type, p.party, p.party_id, p.reason, p.status, p.amount, p.currency, p.created_at,
       b.title, b.model_id, b.agency_id, b.brand_id
     from payout p join booking b on b.id = p.booking_id
     where ((p.party in ('${PayoutParty.AGENCY}', '${PayoutParty.MOTHER_AGENCY}') and p.party_id = ?) or (p.party = '${PayoutParty.MODEL}' and b.agency_id = ?))
       and p.created_at >= ? and p.created_at < ?
     order by p.created_at, p.id limit ?`,
    [agencyId, agencyId, from, to, STATEMENT_MAX_LINES + 1],
  );
  const lines = rows.slice(0, STATEMENT_MAX_LINES).map(
    (r): AgencyStatementLine => ({
      payoutId: r.id,
      bookingId: r.booking_id,
      bookingType: r.booking_type,
      title: can(viewer, Action.READ_BOOKING, bookingFacts({ model: { id: r.model_id }, agency: { id: r.agency_id }, brand: { id: r.brand_id } })) ? r.title : null,
      party: r.party,
      partyId: r.party_id,
      reason: r.reason,
      status: r.status,
      amount: money(exact(r.amount), r.currency),
      createdAt: new Date(r.created_at),
    }),
  );
  return { lines, linesComplete: rows.length <= STATEMENT_MAX_LINES };
}

/** What a brand owes per booking charged in the period, and in total per currency. */
export async function brandStatement(ctx: RequestContext, brandId: string | null | undefined, from: Date, to: Date): Promise<BrandStatement | null> {
  const viewer = viewerOf(ctx);
  const id = viewer.role === Role.BRAND ? viewer.brandId : brandId;
  if (!id || !isUuid(id) || !can(viewer, Action.MANAGE_BRAND, { brandId: id.toLowerCase() })) return null;
  checkPeriod(from, to);
  const [rows, committed] = await Promise.all([
    ctx.em.execute<{ booking_id: string; type: BookingType; title: string; reason: PayoutReason; currency: string; amount: string }[]>(
      // A booking's lines share one reason (written together, at completion or at cancellation): grouping by it
      // keeps one charge per booking and says why it is charged.
      `select b.id as booking_id, b.type, b.title, p.reason, p.currency, sum(p.amount) as amount
       from payout p join booking b on b.id = p.booking_id
       where b.brand_id = ? and p.created_at >= ? and p.created_at < ?
       group by b.id, b.type, b.title, p.reason, p.currency order by min(p.created_at), b.id`,
      [id, from, to],
    ),
    brandCommitments(ctx, id, from, to),
  ]);
  const totals = new Totals();
  const charges = rows.map((r) => {
    const amount = totals.add(exact(r.amount), r.currency);
    return { bookingId: r.booking_id, bookingType: r.type, title: r.title, reason: r.reason, amount };
  });
  return { charges, totals: totals.list(), ...committed };
}

/** Sums per currency, kept exact: a total beyond a number's exact range is refused rather than rounded. */
class Totals {
  private readonly byCurrency = new Map<string, number>();

  add(amount: number, currency: string) {
    const total = (this.byCurrency.get(currency) ?? 0) + amount;
    if (!Number.isSafeInteger(total)) throw new RangeError('a brand total is beyond the exact range of a number');
    this.byCurrency.set(currency, total);
    return money(amount, currency);
  }

  list() {
    return [...this.byCurrency].map(([currency, amount]) => money(amount, currency));
  }
}

/**
 * What the brand has committed to and not yet been charged: its confirmed bookings whose work starts in the period, at
 * their frozen quote. By start, so that consecutive periods never count a booking twice; by the effective status, like
 * every read; a completed or cancelled booking has left it for `charges`.
 */
async function brandCommitments(ctx: RequestContext, brandId: string, from: Date, to: Date): Promise<Pick<BrandStatement, 'committed' | 'committedTotals'>> {
  const where = `from booking b join booking_quote q on q.booking_id = b.id
     where b.brand_id = ? and b.start_at >= ? and b.start_at < ? and ${effectiveStatusSql('b', '?')} = '${BookingStatus.CONFIRMED}'`;
  const params = [brandId, from, to, new Date()];
  const [rows, sums] = await Promise.all([
    ctx.em.execute<{ booking_id: string; type: BookingType; title: string; start_at: Date; currency: string; brand_total: string }[]>(
      `select b.id as booking_id, b.type, b.title, b.start_at, q.currency, q.brand_total ${where} order by b.start_at, b.id limit ?`,
      [...params, STATEMENT_MAX_LINES],
    ),
    // Summed apart from the listed lines, so that the totals hold whole even where the lines stop at the cap.
    ctx.em.execute<{ currency: string; total: string }[]>(`select q.currency, sum(q.brand_total) as total ${where} group by q.currency order by q.currency`, params),
  ]);
  const committed = rows.map(
    (r): BrandCommitment => ({
      bookingId: r.booking_id,
      bookingType: r.type,
      title: r.title,
      start: new Date(r.start_at),
      amount: money(exact(r.brand_total), r.currency),
    }),
  );
  return { committed, committedTotals: sums.map((r) => money(exact(r.total), r.currency)) };
}
