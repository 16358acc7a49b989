import type { EntityManager } from '@mikro-orm/postgresql';
import { Action, can, type Facts } from '../../core/access-policy';
import type { Viewer } from '../../core/viewer';
import { money } from '../../common/money';
import { fail, ok, userError, UserErrorCode, type Result, type UserError } from '../../common/user-error';
import { BookingType } from '../booking/booking-status';
import { DigitalBooking, PhysicalBooking, type Booking } from '../booking/booking.entity';
import { Model } from '../model/model.entity';
import { DigitalTwin } from '../twin/twin.entity';
import { BookingQuote, type FrozenTerms } from './booking-quote.entity';
import { UnpricedTermError } from './digital-pricing';
import type { QuoteLine } from './physical-pricing';
import type { Charges, Quote } from './pricing.types';
import { priceBooking, termsFromCard, type PricedBooking, type PricingFacts } from './quote';
import { cardFor } from './rate-card.service';
import { scaleDistribution } from './splits';

/** What a booking's price depends on; at completion the actual end or the delivered items replace the plan. */
export function factsOf(booking: Booking): PricingFacts {
  const exclusivity = booking.exclusivity;
  if (booking instanceof PhysicalBooking) {
    return {
      type: BookingType.PHYSICAL,
      start: booking.start,
      end: booking.actualEnd ?? booking.end,
      travelMinutes: booking.travelBeforeMinutes + booking.travelAfterMinutes,
      exclusivity,
    };
  }
  const digital = booking as DigitalBooking;
  return {
    type: BookingType.DIGITAL,
    deliverables: digital.delivered ?? digital.deliverables,
    usage: { media: digital.usageMedia, territories: digital.usageTerritories, start: digital.usageStart, end: digital.usageEnd },
    exclusivity,
  };
}

/** The terms that would price this booking now: her card (or her agency's default), her twin's split, her mother agency. */
export async function currentTerms(em: EntityManager, booking: { model: { id: string }; agency: { id: string }; type: BookingType }): Promise<FrozenTerms | null> {
  // One after another: inside a transaction these share one connection, which runs one query at a time anyway.
  const card = await cardFor(em, booking.model.id, booking.agency.id);
  const model = await em.findOne(Model, booking.model.id);
  const twin = booking.type === BookingType.DIGITAL ? await em.findOne(DigitalTwin, { model: booking.model.id }) : null;
  if (!card || !model) return null;
  return termsFromCard(card, twin ? twin.ownershipSplit : null, !!model.motherAgency);
}

/** Prices under the given terms, or says why they cannot: a term with no price, or amounts past what the card allows. */
export function priceOrRefusal(
  terms: FrozenTerms,
  facts: PricingFacts,
): { priced: PricedBooking } | { refusal: string; unpriced?: UnpricedTermError['kind'] } {
  try {
    return { priced: priceBooking(terms, facts) };
  } catch (err) {
    if (err instanceof UnpricedTermError) return { refusal: `the rate card has no price for ${err.kind.toLowerCase()} ${err.term}`, unpriced: err.kind };
    // The pure pricing refuses what it cannot compute exactly (a card whose parts exceed the whole, sums past 2^53).
    if (err instanceof RangeError) return { refusal: `the rate card cannot price this booking: ${err.message}` };
    throw err;
  }
}

/** Prices under the given terms, or null when they cannot price it. */
export function tryPrice(terms: FrozenTerms, facts: PricingFacts): PricedBooking | null {
  const result = priceOrRefusal(terms, facts);
  return 'priced' in result ? result.priced : null;
}

/**
 * Where a refusal to price points: into a booking request under `input` (quoteBooking, the creates), at the term it
 * names; or, for a booking that exists already (confirmBooking), at the `argument` that names it.
 */
export type RefusalAt = { input: string[] } | { argument: string[] };

const UNPRICED_FIELDS: Record<UnpricedTermError['kind'], string[]> = {
  DELIVERABLE: ['deliverables'],
  MEDIUM: ['usage', 'media'],
  TERRITORY: ['usage', 'territories'],
};

/** The refusal when neither the model nor her agency has a card: one message and field for quoting, booking and confirming. */
export function rateCardMissing(at: RefusalAt): UserError {
  return userError(UserErrorCode.RATE_CARD_MISSING, 'no rate card prices this model yet', 'input' in at ? [...at.input, 'modelId'] : at.argument);
}

/**
 * Prices under the terms (null: no card), or the user error that says why it cannot: RATE_CARD_MISSING, or
 * UNPRICED_TERM naming the term. quoteBooking and every path to CONFIRMED refuse through here, so they say the same.
 */
export function priceOrRefuse(terms: FrozenTerms | null, facts: PricingFacts, at: RefusalAt): Result<PricedBooking> {
  if (!terms) return fail(rateCardMissing(at));
  const result = priceOrRefusal(terms, facts);
  if ('priced' in result) return ok(result.priced);
  const field = 'input' in at ? [...at.input, ...(result.unpriced ? UNPRICED_FIELDS[result.unpriced] : [])] : at.argument;
  return fail(userError(UserErrorCode.UNPRICED_TERM, result.refusal, field));
}

/**
 * Freezes the booking's quote (its deal memo) from the card as it stands, or refuses: a booking becomes CONFIRMED only
 * with a price. Returns the quote already frozen, if any. On a refusal nothing is created; the caller rolls back.
 */
export async function freezeQuoteOrRefuse(em: EntityManager, booking: Booking, at: RefusalAt, isNew = false): Promise<Result<BookingQuote>> {
  const existing = isNew ? null : await em.findOne(BookingQuote, { booking: booking.id });
  if (existing) return ok(existing);
  const terms = await currentTerms(em, booking);
  const priced = priceOrRefuse(terms, factsOf(booking), at);
  if (!priced.ok) return priced;
  const p = priced.value;
  return ok(
    em.create(BookingQuote, {
      booking,
      currency: p.currency,
      lines: p.lines,
      brandTotal: p.brandTotal,
      modelAmount: p.model,
      agencyAmount: p.agency,
      motherAgencyAmount: p.motherAgency,
      platformAmount: p.platform,
      terms: terms!,
    }),
  );
}

/**
 * Adds to the deal memo what the brand is charged (the lines as worked, a cancellation fee, a postponement fee), in
 * the same transaction as the payouts that add up to it, so that the charged total is always what the booking's
 * payouts sum to (what its brand statement charges). Stored, not derived: what was charged never changes with the code.
 */
export function recordCharge(quote: BookingQuote, charged: PricedBooking, at: Date): void {
  quote.chargedLines = [...(quote.chargedLines ?? []), ...charged.lines];
  quote.chargedTotal = (quote.chargedTotal ?? 0) + charged.brandTotal;
  quote.chargedAt = at;
}

/** A fee of `bps` of the frozen total as one line, split like the total. */
function feeCharge(quote: BookingQuote, bps: number, kind: QuoteLine['kind'], what: string): PricedBooking {
  const fee = scaleDistribution(pricedFromFrozen(quote), bps);
  const line: QuoteLine = {
    kind,
    // A label for people: the bps as a percentage (25.5% reads better than 2550 bps); the amount is the integer.
    description: `${what}, ${bps / 100}% of the agreed total`,
    unit: 'FLAT',
    quantity: 1,
    unitAmount: fee.brandTotal,
    amount: fee.brandTotal,
  };
  return { currency: quote.currency, lines: [line], ...fee };
}

/** The brand's cancellation fee as one line: `bps` of the frozen total, split like it. */
export const cancellationCharge = (quote: BookingQuote, bps: number): PricedBooking => feeCharge(quote, bps, 'CANCELLATION_FEE', 'Cancellation fee');

/** The brand's fee for a postponement for weather: the share of the frozen total its deal memo holds, split like it. */
export const postponementCharge = (quote: BookingQuote): PricedBooking =>
  feeCharge(quote, quote.terms.weatherPostponementBps, 'POSTPONEMENT_FEE', 'Weather postponement fee');

/**
 * Prices a booking that moved again under its deal memo's terms (never today's card) and writes the new lines and
 * amounts on the memo, which still balances; or says why it cannot, writing nothing.
 */
export function repriceFrozen(quote: BookingQuote, booking: Booking, at: RefusalAt): Result<PricedBooking> {
  const priced = priceOrRefuse(quote.terms, factsOf(booking), at);
  if (!priced.ok) return priced;
  const p = priced.value;
  quote.lines = p.lines;
  quote.brandTotal = p.brandTotal;
  quote.modelAmount = p.model;
  quote.agencyAmount = p.agency;
  quote.motherAgencyAmount = p.motherAgency;
  quote.platformAmount = p.platform;
  return priced;
}

const toLines = (lines: QuoteLine[], c: string): Quote['lines'] =>
  lines.map((l) => ({ ...l, kind: l.kind as Quote['lines'][number]['kind'], unitAmount: money(l.unitAmount, c), amount: money(l.amount, c) }));

/** What the brand was finally charged for a booking, or null while nothing is. */
export function chargesOf(quote: BookingQuote | null): Charges | null {
  if (!quote || quote.chargedLines === null || quote.chargedTotal === null || !quote.chargedAt) return null;
  return { currency: quote.currency, lines: toLines(quote.chargedLines, quote.currency), total: money(quote.chargedTotal, quote.currency), chargedAt: quote.chargedAt };
}

/** The GraphQL view of a priced booking. */
export function toQuote(p: PricedBooking, frozenAt: Date | null): Quote {
  const c = p.currency;
  return {
    currency: c,
    lines: toLines(p.lines, c),
    brandTotal: money(p.brandTotal, c),
    modelAmount: money(p.model, c),
    agencyAmount: money(p.agency, c),
    motherAgencyAmount: money(p.motherAgency, c),
    platformAmount: money(p.platform, c),
    frozen: !!frozenAt,
    frozenAt,
  };
}

/** The frozen quote as priced. */
export function pricedFromFrozen(q: BookingQuote): PricedBooking {
  return {
    currency: q.currency,
    lines: q.lines,
    brandTotal: q.brandTotal,
    model: q.modelAmount,
    agency: q.agencyAmount,
    motherAgency: q.motherAgencyAmount,
    platform: q.platformAmount,
  };
}

/** The booking's quote: frozen once confirmed, otherwise priced live from the current card; null when nothing prices it. */
export async function quoteOf(em: EntityManager, booking: Booking, frozen: BookingQuote | null): Promise<Quote | null> {
  if (frozen) return toQuote(pricedFromFrozen(frozen), frozen.frozenAt);
  const terms = await currentTerms(em, booking);
  const priced = terms && tryPrice(terms, factsOf(booking));
  return priced ? toQuote(priced, null) : null;
}

/**
 * The quote as the viewer may see it: the brand its lines and total (READ_QUOTE_LINES), not how the agency, the
 * model, a mother agency and the platform share it (READ_QUOTE_SPLIT); the model her own part
 * (READ_QUOTE_MODEL_AMOUNT). Null for a viewer who may see none of it. `facts` are the booking's (or, before it
 * exists, the booking asked about).
 */
export function quoteFor(viewer: Viewer, facts: Facts, quote: Quote | null): Quote | null {
  if (!quote) return null;
  const lines = can(viewer, Action.READ_QUOTE_LINES, facts);
  const split = can(viewer, Action.READ_QUOTE_SPLIT, facts);
  const modelPart = can(viewer, Action.READ_QUOTE_MODEL_AMOUNT, facts);
  if (!lines && !split && !modelPart) return null;
  return {
    ...quote,
    lines: lines ? quote.lines : [],
    brandTotal: lines ? quote.brandTotal : null,
    modelAmount: modelPart ? quote.modelAmount : null,
    agencyAmount: split ? quote.agencyAmount : null,
    motherAgencyAmount: split ? quote.motherAgencyAmount : null,
    platformAmount: split ? quote.platformAmount : null,
  };
}
