import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/ids';
import { formatMoney, money, type Money } from '../../common/money';
import { fail, ok, userError, UserErrorCode, type Result, type UserError } from '../../common/user-error';
import { Action, bookingFacts, can, mayEver } from '../../core/access-policy';
import { Memo, viewerOf, type RequestContext } from '../../core/context';
import { retryTransient } from '../../core/transaction';
import type { Viewer } from '../../core/viewer';
import { BookingStatus, BookingType } from '../booking/booking-status';
import type { Booking } from '../booking/booking.entity';
import { createDigitalBooking, createPhysicalBooking } from '../booking/booking.service';
import { BookingQuote } from '../pricing/booking-quote.entity';
import type { Quote } from '../pricing/pricing.types';
import { quoteFor, quoteOf } from '../pricing/quote.service';
import { budgetOf, campaignTotals } from './campaign-budget';
import { Campaign } from './campaign.entity';
import { campaignFacts, campaignNotFound } from './campaign.service';
import { MAX_CAMPAIGN_LINES, type CampaignBudget, type CampaignLineInput, type CampaignLineVerdict, type ScheduleCampaignInput } from './campaign.types';

/*
 * Scheduling a campaign books its lines all together or not at all, in one transaction. Each line goes through the
 * very create its single-booking mutation runs (createPhysicalBooking, createDigitalBooking), inside this
 * transaction, where each of them writes in a savepoint: a refused line (a clash, a lockout, a consent term, a cap,
 * an exclusivity, raised by a check or by a constraint of the database) undoes itself only, so that every line is
 * checked and each verdict is exactly what that mutation would answer. Then, if every line passed, the bookings are
 * tied to the campaign and the budget is read as the campaign shows it, with them. Only if all passed, within budget
 * (or allowed over it) and not for a dry run, does the transaction commit; otherwise it rolls back, whole.
 */

/** What scheduleCampaign answers. */
export interface ScheduleOutcome {
  campaign: Campaign | null;
  booked: boolean;
  dryRun: boolean;
  lines: CampaignLineVerdict[];
  budget: CampaignBudget | null;
  overBudgetBy: Money | null;
  userErrors: UserError[];
}

/** Thrown to roll the campaign's transaction back once its outcome is known. */
class RollBack extends Error {}

const lineTypeOf = (line: CampaignLineInput): BookingType => (line.physical ? BookingType.PHYSICAL : BookingType.DIGITAL);
const lineKey = (type: BookingType) => (type === BookingType.PHYSICAL ? 'physical' : 'digital');

/** A line's error as the campaign reports it: its field under the line (["input", "lines", "2", "physical", "start"]). */
function underLine(error: UserError, index: number, type: BookingType): UserError {
  const [, ...rest] = error.field ?? ['input'];
  return { ...error, field: ['input', 'lines', String(index), lineKey(type), ...rest] };
}

/** Problems with the request as a whole, before anything is looked up. */
function checkLines(input: ScheduleCampaignInput): UserError[] {
  if (!input.lines.length || input.lines.length > MAX_CAMPAIGN_LINES) {
    return [userError(UserErrorCode.INVALID_INPUT, `a campaign is scheduled 1 to ${MAX_CAMPAIGN_LINES} lines at a time`, ['input', 'lines'])];
  }
  return input.lines.flatMap((line, i) =>
    !line.physical === !line.digital ? [userError(UserErrorCode.INVALID_INPUT, 'a line is either physical or digital', ['input', 'lines', String(i)])] : [],
  );
}

/** Books one line as its single-booking mutation would, for the campaign's brand, inside the campaign's transaction. */
function bookLine(ctx: RequestContext, line: CampaignLineInput, brandId: string): Promise<Result<Booking>> {
  const given = (line.physical ?? line.digital)!.brandId;
  if (given && given.toLowerCase() !== brandId) {
    return Promise.resolve(fail(userError(UserErrorCode.INVALID_INPUT, "a campaign's lines are booked for its brand", ['input', 'brandId'])));
  }
  return line.physical ? createPhysicalBooking(ctx, { ...line.physical, brandId }) : createDigitalBooking(ctx, { ...line.digital!, brandId });
}

/** The line's price, as the viewer may see it, and in full for the budget. */
async function priceLine(em: EntityManager, viewer: Viewer, booking: Booking): Promise<{ seen: Quote | null; brandTotal: Money | null }> {
  const frozen = booking.status === BookingStatus.CONFIRMED ? await em.findOne(BookingQuote, { booking: booking.id }) : null;
  const quote = await quoteOf(em, booking, frozen);
  return { seen: quoteFor(viewer, bookingFacts(booking), quote), brandTotal: quote?.brandTotal ?? null };
}

// The bookings join the campaign with the price each was quoted, which is what an option counts for in the budget.
const LINK_SQL = `
  update booking b set campaign_id = ?, campaign_quote_amount = v.amount, campaign_quote_currency = v.currency
  from jsonb_to_recordset(?::jsonb) as v(id uuid, amount bigint, currency text)
  where b.id = v.id`;

/**
 * Books every line of the request into the campaign, or none: each line is checked (and, for a dry run, priced) as
 * its single-booking mutation would, and the campaign's budget is checked with them.
 */
export async function scheduleCampaign(ctx: RequestContext, input: ScheduleCampaignInput): Promise<ScheduleOutcome> {
  const viewer = viewerOf(ctx);
  const dryRun = !!input.dryRun;
  const refused = (campaign: Campaign | null, ...userErrors: UserError[]): ScheduleOutcome => ({
    campaign,
    booked: false,
    dryRun,
    lines: [],
    budget: null,
    overBudgetBy: null,
    userErrors,
  });
  if (!mayEver(viewer, Action.MANAGE_CAMPAIGN)) return refused(null, userError(UserErrorCode.FORBIDDEN, 'campaigns are scheduled by their brand'));
  const problems = checkLines(input);
  if (problems.length) return refused(null, ...problems);
  const found = isUuid(input.campaignId) ? await ctx.em.findOne(Campaign, input.campaignId.toLowerCase()) : null;
  if (!found || !can(viewer, Action.READ_CAMPAIGN, campaignFacts(found))) return refused(null, campaignNotFound());
  if (!can(viewer, Action.MANAGE_CAMPAIGN, campaignFacts(found))) return refused(found, userError(UserErrorCode.FORBIDDEN, 'only its brand schedules into a campaign', ['input', 'campaignId']));
  const campaign = found;
  let outcome: ScheduleOutcome = refused(campaign);
  try {
    await retryTransient(() =>
      ctx.em.transactional(async (em) => {
        outcome = await scheduleLines(ctx, em, campaign, input);
        if (!outcome.booked) throw new RollBack();
        return ok(null);
      }),
    );
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  if (!outcome.booked) outcome.lines.forEach((l) => (l.booking = null));
  return outcome;
}

/** The lines, booked in `em`'s transaction; `booked` says whether it may commit. */
async function scheduleLines(ctx: RequestContext, em: EntityManager, campaign: Campaign, input: ScheduleCampaignInput): Promise<ScheduleOutcome> {
  const viewer = viewerOf(ctx);
  const dryRun = !!input.dryRun;
  // Two calls into one campaign check its budget one after the other, each counting the lines the other booked. A dry
  // run keeps nothing, so it waits for no one.
  if (!dryRun) await em.execute('select id from campaign where id = ? for update', [campaign.id]);
  // Each line runs as its own request would, on this transaction, with loaders of its own.
  const lineCtx: RequestContext = { ...ctx, em, memo: new Memo() };
  const lines: CampaignLineVerdict[] = [];
  const links: { id: string; amount: number | null; currency: string | null }[] = [];
  for (const [index, line] of input.lines.entries()) {
    const type = lineTypeOf(line);
    const result = await bookLine(lineCtx, line, campaign.brand.id);
    if (!result.ok) {
      lines.push({ index, type, accepted: false, booking: null, quote: null, userErrors: result.errors });
      continue;
    }
    const price = await priceLine(em, viewer, result.value);
    links.push({ id: result.value.id, amount: price.brandTotal?.amount ?? null, currency: price.brandTotal?.currency ?? null });
    lines.push({ index, type, accepted: true, booking: result.value, quote: price.seen, userErrors: [] });
  }
  const lineErrors = lines.flatMap((l) => l.userErrors.map((e) => underLine(e, l.index, l.type)));
  if (lineErrors.length) return { campaign, booked: false, dryRun, lines, budget: null, overBudgetBy: null, userErrors: lineErrors };
  await em.execute(LINK_SQL, [campaign.id, JSON.stringify(links)]);
  const budget = budgetOf(money(campaign.budgetAmount, campaign.budgetCurrency), await campaignTotals(em, campaign.id));
  const overBy = budget.overBy;
  const userErrors =
    overBy && !input.allowOverBudget
      ? [userError(UserErrorCode.OVER_BUDGET, `the lines take the campaign ${formatMoney(overBy)} over its budget; nothing was booked`, ['input', 'allowOverBudget'])]
      : [];
  return { campaign, booked: !dryRun && !userErrors.length, dryRun, lines, budget, overBudgetBy: overBy, userErrors };
}
