import type { EntityManager } from '@mikro-orm/postgresql';
import { money, type Money } from '../../common/money';
import { moneyAmountFromDatabase } from '../../db/money-amount.type';
import { BookingStatus, type BookingType } from '../booking/booking-status';
import { effectiveStatusSql } from '../booking/effective-status';
import type { CampaignBudget, CampaignTotal } from './campaign.types';

/*
 * What a campaign has spent, in one statement: the one home of the campaign's money. The budget shown on a campaign
 * and the over-budget check of scheduleCampaign (run in its transaction, with the new lines written) both read it, so
 * that they cannot disagree.
 *
 * - an option still holding (by its effective status, as the booking reads it) counts at the price quoted when it
 *   was scheduled in the campaign (it has no deal memo yet);
 * - a confirmed booking at its frozen quote, the deal memo;
 * - a completed booking at what the brand was finally charged.
 * Released, expired, declined and cancelled bookings count for nothing here.
 */
const TOTALS_SQL = `
  select b.type, coalesce(q.currency, b.campaign_quote_currency) as currency,
    coalesce(sum(b.campaign_quote_amount) filter (where ${effectiveStatusSql('b', '?')} = '${BookingStatus.OPTION}'), 0) as quoted,
    coalesce(sum(q.brand_total) filter (where b.status = '${BookingStatus.CONFIRMED}'), 0) as confirmed,
    coalesce(sum(q.charged_total) filter (where b.status = '${BookingStatus.COMPLETED}'), 0) as completed
  from booking b
  left join booking_quote q on q.booking_id = b.id
  where b.campaign_id = ? and coalesce(q.currency, b.campaign_quote_currency) is not null
  group by 1, 2
  order by 1, 2`;

interface TotalsRow {
  type: BookingType;
  currency: string;
  quoted: string | number;
  confirmed: string | number;
  completed: string | number;
}

/** Quoted, confirmed and completed totals of the campaign's bookings, by type and currency (see TOTALS_SQL). */
export async function campaignTotals(em: EntityManager, campaignId: string, now = new Date()): Promise<CampaignTotal[]> {
  const rows = await em.execute<TotalsRow[]>(TOTALS_SQL, [now, campaignId]);
  return rows.map((r) => ({
    type: r.type,
    currency: r.currency,
    quoted: money(moneyAmountFromDatabase(r.quoted), r.currency),
    confirmed: money(moneyAmountFromDatabase(r.confirmed), r.currency),
    completed: money(moneyAmountFromDatabase(r.completed), r.currency),
  }));
}

/** The totals measured against the budget: what is committed in its currency, what remains, and how far over it is. */
export function budgetOf(budget: Money, totals: CampaignTotal[]): CampaignBudget {
  const committed = totals
    .filter((t) => t.currency === budget.currency)
    .reduce((sum, t) => sum + t.quoted.amount + t.confirmed.amount + t.completed.amount, 0);
  const remaining = budget.amount - committed;
  return {
    budget,
    totals,
    committed: money(committed, budget.currency),
    remaining: money(remaining, budget.currency),
    overBy: remaining < 0 ? money(-remaining, budget.currency) : null,
  };
}
