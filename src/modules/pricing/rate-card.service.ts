import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/ids';
import { fail, ok, userError, UserErrorCode, type Result, type UserError } from '../../common/user-error';
import { checkText } from '../../common/validate';
import { Action, can, mayEver, modelFacts } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Role } from '../../core/viewer';
import { isUniqueViolation } from '../../db/db-errors';
import { Agency } from '../agency/agency.entity';
import { Model } from '../model/model.entity';
import { isCurrencyCode, MAX_BPS, money } from '../../common/money';
import type { RateCardView, SetRateCardInput } from './pricing.types';
import { RateCard, rateCardInForceSql } from './rate-card.entity';


function checkBps(value: number | null | undefined, field: string, min = 0, max = MAX_BPS): UserError | null {
  if (value == null || (Number.isInteger(value) && value >= min && value <= max)) return null;
  return userError(UserErrorCode.INVALID_INPUT, `${field} must be a whole number of basis points from ${min} to ${max}`, ['input', field]);
}

function checkAmount(value: number | null | undefined, field: string[]): UserError | null {
  if (value == null || (Number.isSafeInteger(value) && value >= 0)) return null;
  return userError(UserErrorCode.INVALID_INPUT, `${field.at(-1)} must be a non-negative whole amount in minor units`, field);
}

const keyed = (entries: { key: string; amount: number }[] | null | undefined) =>
  entries ? Object.fromEntries(entries.map((e) => [e.key.trim().toUpperCase(), e.amount])) : undefined;

/** Every problem with a rate card's values, so that none is stored half-right. */
function validate(input: SetRateCardInput): UserError[] {
  const errors: (UserError | null)[] = [
    isCurrencyCode(input.currency) ? null : userError(UserErrorCode.INVALID_INPUT, 'currency must be an ISO 4217 code such as EUR', ['input', 'currency']),
    checkAmount(input.hourlyRate, ['input', 'hourlyRate']),
    checkAmount(input.halfDayRate, ['input', 'halfDayRate']),
    checkAmount(input.dayRate, ['input', 'dayRate']),
    checkAmount(input.travelHourlyRate, ['input', 'travelHourlyRate']),
    checkBps(input.modelCommissionBps, 'modelCommissionBps'),
    checkBps(input.serviceFeeBps, 'serviceFeeBps'),
    checkBps(input.motherAgencyShareBps, 'motherAgencyShareBps'),
    checkBps(input.platformFeeBps, 'platformFeeBps'),
    checkBps(input.weatherPostponementBps, 'weatherPostponementBps'),
    checkBps(input.exclusivityMonthlyBps, 'exclusivityMonthlyBps'),
    checkBps(input.overtimeAfter8Bps, 'overtimeAfter8Bps', MAX_BPS, 10 * MAX_BPS),
    checkBps(input.overtimeAfter12Bps, 'overtimeAfter12Bps', MAX_BPS, 10 * MAX_BPS),
  ];
  input.cancellationBands?.forEach((b, i) => {
    const field = ['input', 'cancellationBands', String(i)];
    if (!Number.isInteger(b.noticeHours) || b.noticeHours < 1 || b.noticeHours > 8760) {
      errors.push(userError(UserErrorCode.INVALID_INPUT, 'noticeHours must be 1 to 8,760', [...field, 'noticeHours']));
    }
    if (!Number.isInteger(b.bps) || b.bps < 0 || b.bps > MAX_BPS) {
      errors.push(userError(UserErrorCode.INVALID_INPUT, 'bps must be 0 to 10,000', [...field, 'bps']));
    }
  });
  if (input.cancellationBands && new Set(input.cancellationBands.map((b) => b.noticeHours)).size !== input.cancellationBands.length) {
    errors.push(userError(UserErrorCode.INVALID_INPUT, 'each cancellation band needs its own noticeHours', ['input', 'cancellationBands']));
  }
  for (const list of ['deliverablePrices', 'usageMonthlyFees'] as const) {
    input[list]?.forEach((p, i) => {
      // Keys are stored as jsonb keys: NUL or a lone surrogate would fail there, not here.
      errors.push(checkText(p.key, ['input', list, String(i), 'key'], 50));
      errors.push(checkAmount(p.amount, ['input', list, String(i), 'amount']));
    });
  }
  // The agency side bears the mother agency's share and the platform fee: they must fit in what it takes.
  const d = new RateCard();
  const [sf, mc, ms, pf] = [
    input.serviceFeeBps ?? d.serviceFeeBps,
    input.modelCommissionBps ?? d.modelCommissionBps,
    input.motherAgencyShareBps ?? d.motherAgencyShareBps,
    input.platformFeeBps ?? d.platformFeeBps,
  ];
  if (sf * MAX_BPS + mc * (MAX_BPS - ms) < pf * (MAX_BPS + sf)) {
    errors.push(
      userError(UserErrorCode.INVALID_INPUT, 'the platform fee and mother-agency share exceed what the agency takes in commission and service fee', [
        'input',
        'platformFeeBps',
      ]),
    );
  }
  const t = input.territoryFactors;
  if (t) for (const k of ['country', 'eu', 'worldwide'] as const) errors.push(checkBps(t[k], `territoryFactors.${k}`, 0, 100 * MAX_BPS));
  return errors.filter((e): e is UserError => !!e);
}

/** Sets a model's rate card, or the agency's default; confirmed bookings keep the prices frozen in their quotes. */
export async function setRateCard(ctx: RequestContext, input: SetRateCardInput): Promise<Result<RateCard>> {
  try {
    return await upsertRateCard(ctx, input);
  } catch (err) {
    // Another request created the same card between our read and our insert: the second try updates it.
    if (!isUniqueViolation(err)) throw err;
    ctx.em.clear();
    return upsertRateCard(ctx, input);
  }
}

async function upsertRateCard(ctx: RequestContext, input: SetRateCardInput): Promise<Result<RateCard>> {
  const viewer = viewerOf(ctx);
  if (!mayEver(viewer, Action.MANAGE_AGENCY)) return fail(userError(UserErrorCode.FORBIDDEN, 'only an agency sets rate cards'));
  const errors = validate(input);
  if (errors.length) return fail(...errors);
  const em = ctx.em;
  let model: Model | null = null;
  let agencyId = viewer.role === Role.AGENCY ? viewer.agencyId : input.agencyId;
  if (input.modelId) {
    model = isUuid(input.modelId) ? await em.findOne(Model, input.modelId) : null;
    if (!model || !can(viewer, Action.READ_MODEL, modelFacts(model))) return fail(userError(UserErrorCode.MODEL_NOT_FOUND, 'no such model', ['input', 'modelId']));
    if (!can(viewer, Action.MANAGE_MODEL, modelFacts(model))) return fail(userError(UserErrorCode.FORBIDDEN, "only the model's agency sets her rates"));
    agencyId = model.agency.id;
  }
  if (!agencyId || !isUuid(agencyId) || !can(viewer, Action.MANAGE_AGENCY, { agencyId: agencyId.toLowerCase() }) || !(await em.findOne(Agency, agencyId))) {
    return fail(userError(UserErrorCode.AGENCY_NOT_FOUND, 'no such agency', ['input', 'agencyId']));
  }
  const card = (await em.findOne(RateCard, model ? { model } : { agency: agencyId, model: null })) ?? em.create(RateCard, {
    agency: agencyId,
    model,
    currency: input.currency,
    hourlyRate: input.hourlyRate,
    halfDayRate: input.halfDayRate,
    dayRate: input.dayRate,
  });
  const defaults = new RateCard();
  em.assign(card, {
    currency: input.currency,
    hourlyRate: input.hourlyRate,
    halfDayRate: input.halfDayRate,
    dayRate: input.dayRate,
    overtimeAfter8Bps: input.overtimeAfter8Bps ?? defaults.overtimeAfter8Bps,
    overtimeAfter12Bps: input.overtimeAfter12Bps ?? defaults.overtimeAfter12Bps,
    travelHourlyRate: input.travelHourlyRate ?? defaults.travelHourlyRate,
    modelCommissionBps: input.modelCommissionBps ?? defaults.modelCommissionBps,
    serviceFeeBps: input.serviceFeeBps ?? defaults.serviceFeeBps,
    motherAgencyShareBps: input.motherAgencyShareBps ?? defaults.motherAgencyShareBps,
    platformFeeBps: input.platformFeeBps ?? defaults.platformFeeBps,
    cancellationBands: input.cancellationBands
      ? [...input.cancellationBands].sort((a, b) => a.noticeHours - b.noticeHours).map((b) => ({ noticeHours: b.noticeHours, bps: b.bps }))
      : defaults.cancellationBands,
    weatherPostponementBps: input.weatherPostponementBps ?? defaults.weatherPostponementBps,
    deliverablePrices: keyed(input.deliverablePrices) ?? defaults.deliverablePrices,
    usageMonthlyFees: keyed(input.usageMonthlyFees) ?? defaults.usageMonthlyFees,
    territoryFactorBps: input.territoryFactors
      ? { COUNTRY: input.territoryFactors.country, EU: input.territoryFactors.eu, WORLDWIDE: input.territoryFactors.worldwide }
      : defaults.territoryFactorBps,
    exclusivityMonthlyBps: input.exclusivityMonthlyBps ?? defaults.exclusivityMonthlyBps,
  });
  await em.flush();
  return ok(card);
}

/** The card that prices a model's work: her own, else her agency's default; null when neither exists. */
export async function cardFor(em: EntityManager, modelId: string, agencyId: string): Promise<RateCard | null> {
  // The agency is the one the booking was made with: a model who changed agencies keeps her old bookings' terms.
  return em.findOne(RateCard, {
    // The fragment names the agency before the model: the values follow its placeholders in that order.
    [raw((alias: string) => `${alias}.id = (${rateCardInForceSql('?', '?', 'r.id')})`, [agencyId, modelId])]: [],
  });
}

/** The cards the viewer may read: a model's (her agency, herself, an admin) or the agency default. */
export async function findRateCard(ctx: RequestContext, args: { modelId?: string | null; agencyId?: string | null }): Promise<RateCard | null> {
  const viewer = viewerOf(ctx);
  if (args.modelId) {
    const model = isUuid(args.modelId) ? await ctx.em.findOne(Model, args.modelId) : null;
    if (!model || !can(viewer, Action.MANAGE_MODEL, modelFacts(model))) return null;
    return ctx.em.findOne(RateCard, { model });
  }
  const agencyId = viewer.role === Role.AGENCY ? viewer.agencyId : args.agencyId;
  if (!agencyId || !isUuid(agencyId) || !can(viewer, Action.MANAGE_AGENCY, { agencyId: agencyId.toLowerCase() })) return null;
  return ctx.em.findOne(RateCard, { agency: agencyId, model: null });
}

/** The GraphQL view of a card. */
export function toRateCardView(card: RateCard): RateCardView {
  const c = card.currency;
  return {
    id: card.id,
    agencyId: card.agency.id,
    modelId: card.model?.id ?? null,
    currency: c,
    hourlyRate: money(card.hourlyRate, c),
    halfDayRate: money(card.halfDayRate, c),
    dayRate: money(card.dayRate, c),
    overtimeAfter8Bps: card.overtimeAfter8Bps,
    overtimeAfter12Bps: card.overtimeAfter12Bps,
    travelHourlyRate: money(card.travelHourlyRate, c),
    modelCommissionBps: card.modelCommissionBps,
    serviceFeeBps: card.serviceFeeBps,
    motherAgencyShareBps: card.motherAgencyShareBps,
    platformFeeBps: card.platformFeeBps,
    cancellationBands: card.cancellationBands,
    weatherPostponementBps: card.weatherPostponementBps,
    deliverablePrices: Object.entries(card.deliverablePrices).map(([key, amount]) => ({ key, price: money(amount, c) })),
    usageMonthlyFees: Object.entries(card.usageMonthlyFees).map(([key, amount]) => ({ key, price: money(amount, c) })),
    territoryFactors: { country: card.territoryFactorBps.COUNTRY, eu: card.territoryFactorBps.EU, worldwide: card.territoryFactorBps.WORLDWIDE },
    exclusivityMonthlyBps: card.exclusivityMonthlyBps,
    updatedAt: card.updatedAt,
  };
}
