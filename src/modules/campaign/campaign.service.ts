import { isUuid } from '../../common/ids';
import { isCurrencyCode, money } from '../../common/money';
import { afterCreatedAt, createdAtCursor, pageSize, toConnection, type Connection, type PageArgs } from '../../common/pagination';
import { fail, ok, userError, UserErrorCode, type Result, type UserError } from '../../common/user-error';
import { checkRange, checkText, collect } from '../../common/validate';
import { Action, can, mayEver, scopeFilter, scopeOf } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { inTransaction } from '../../core/transaction';
import { Role, type Viewer } from '../../core/viewer';
import { Brand } from '../brand/brand.entity';
import { budgetOf, campaignTotals } from './campaign-budget';
import { Campaign } from './campaign.entity';
import type { CampaignBudget, CreateCampaignInput } from './campaign.types';

/** The campaign facts the access rules read. */
export const campaignFacts = (c: { brand: { id: string } }) => ({ brandId: c.brand.id });

export const campaignNotFound = (field: string[] = ['input', 'campaignId']): UserError =>
  userError(UserErrorCode.CAMPAIGN_NOT_FOUND, 'no such campaign', field);

/** Every problem with the shape of a new campaign, before anything is looked up. */
function checkCampaignInput(input: CreateCampaignInput): UserError[] {
  const { amount, currency } = input.budget;
  return collect(
    checkText(input.name, ['input', 'name']),
    checkRange(input.start, input.end, ['input', 'end']),
    !Number.isSafeInteger(amount) || amount < 0 ? userError(UserErrorCode.INVALID_INPUT, 'a budget is a whole number of minor units, 0 or more', ['input', 'budget', 'amount']) : null,
    !isCurrencyCode(currency) ? userError(UserErrorCode.INVALID_INPUT, 'a currency is an ISO 4217 code, e.g. EUR', ['input', 'budget', 'currency']) : null,
  );
}

/** The brand a campaign is made for: a brand's own, or the one an admin names. */
function campaignBrand(viewer: Viewer, brandId: string | null | undefined): Result<string> {
  if (!mayEver(viewer, Action.MANAGE_CAMPAIGN)) return fail(userError(UserErrorCode.FORBIDDEN, 'campaigns are planned by brands'));
  if (viewer.role === Role.BRAND) {
    if (brandId && brandId.toLowerCase() !== viewer.brandId) return fail(userError(UserErrorCode.FORBIDDEN, 'a brand plans its own campaigns only', ['input', 'brandId']));
    return ok(viewer.brandId!);
  }
  if (!brandId) return fail(userError(UserErrorCode.INVALID_INPUT, 'brandId is required', ['input', 'brandId']));
  return ok(brandId.toLowerCase());
}

/** Creates a campaign for the viewer's brand (or, for an admin, the brand named), with its budget. */
export async function createCampaign(ctx: RequestContext, input: CreateCampaignInput): Promise<Result<Campaign>> {
  const viewer = viewerOf(ctx);
  const errors = checkCampaignInput(input);
  if (errors.length) return fail(...errors);
  const brandId = campaignBrand(viewer, input.brandId);
  if (!brandId.ok) return brandId;
  return inTransaction(ctx, async (em) => {
    const brand = isUuid(brandId.value) ? await em.findOne(Brand, brandId.value) : null;
    if (!brand || !can(viewer, Action.MANAGE_CAMPAIGN, { brandId: brand.id })) {
      return fail(userError(UserErrorCode.BRAND_NOT_FOUND, 'no such brand', ['input', 'brandId']));
    }
    const campaign = em.create(Campaign, {
      brand,
      name: input.name.trim(),
      budgetAmount: input.budget.amount,
      budgetCurrency: input.budget.currency,
      start: input.start,
      end: input.end,
    });
    await em.flush();
    return ok(campaign);
  });
}

/** The campaign if the viewer may see it (its brand, an admin); null otherwise. */
export async function findCampaign(ctx: RequestContext, id: string): Promise<Campaign | null> {
  if (!isUuid(id)) return null;
  const campaign = await ctx.em.findOne(Campaign, id.toLowerCase());
  return campaign && can(viewerOf(ctx), Action.READ_CAMPAIGN, campaignFacts(campaign)) ? campaign : null;
}

/** The campaigns the viewer sees (a brand its own, an admin all), oldest first. */
export async function listCampaigns(ctx: RequestContext, args: PageArgs): Promise<Connection<Campaign>> {
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const scope = scopeFilter(scopeOf(viewerOf(ctx), Action.READ_CAMPAIGN), { brandId: 'brand' });
  const rows = await ctx.em.find(Campaign, { $and: [scope, afterCreatedAt(args.after)] }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
  return toConnection(rows, size, createdAtCursor, !!args.after);
}

/** The campaign's spending against its budget, as the over-budget check of scheduleCampaign reads it. */
export async function campaignBudget(ctx: RequestContext, campaign: Campaign): Promise<CampaignBudget> {
  return budgetOf(money(campaign.budgetAmount, campaign.budgetCurrency), await campaignTotals(ctx.em, campaign.id));
}
