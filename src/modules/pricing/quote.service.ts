import type { EntityManager } from '@mikro-orm/postgresql';
import { Action, can, type Facts } from '../../core/access-policy';
import type { Viewer } from '../../core/viewer';
import { money } from '../../common/money';
import { BookingType } from '../booking/booking-status';
import { DigitalBooking, PhysicalBooking, type Booking } from '../booking/booking.entity';
import { Model } from '../model/model.entity';
import { DigitalTwin } from '../twin/twin.entity';
import { BookingQuote, type FrozenTerms } from './booking-quote.entity';
import { UnpricedTermError } from './digital-pricing';
import type { Quote } from './pricing.types';
import { priceBooking, termsFromCard, type PricedBooking, type PricingFacts } from './quote';
import { cardFor } from './rate-card.service';

/** What a booking's price depends on; at completion the actual end or the delivered items replace the plan. */
export function factsOf(booking: Booking): PricingFacts {
  if (booking instanceof PhysicalBooking) {
    return {
      type: BookingType.PHYSICAL,
      start: booking.start,
      end: booking.actualEnd ?? booking.end,
      travelMinutes: booking.travelBeforeMinutes + booking.travelAfterMinutes,
    };
  }
  const digital = booking as DigitalBooking;
  return {
    type: BookingType.DIGITAL,
    deliverables: digital.delivered ?? digital.deliverables,
    usage: { media: digital.usageMedia, territories: digital.usageTerritories, start: digital.usageStart, end: digital.usageEnd },
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

/** Freezes the booking's quote from the current card (its deal memo); null when the card cannot price it. */
export async function freezeQuote(em: EntityManager, booking: Booking, isNew = false): Promise<BookingQuote | null> {
  const existing = isNew ? null : await em.findOne(BookingQuote, { booking: booking.id });
  if (existing) return existing;
  const terms = await currentTerms(em, booking);
  const priced = terms && tryPrice(terms, factsOf(booking));
  if (!terms || !priced) return null;
  return em.create(BookingQuote, {
    booking,
    currency: priced.currency,
    lines: priced.lines,
    brandTotal: priced.brandTotal,
    modelAmount: priced.model,
    agencyAmount: priced.agency,
    motherAgencyAmount: priced.motherAgency,
    platformAmount: priced.platform,
    terms,
  });
}

/** The GraphQL view of a priced booking. */
export function toQuote(p: PricedBooking, frozenAt: Date | null): Quote {
  const c = p.currency;
  return {
    currency: c,
    lines: p.lines.map((l) => ({ ...l, kind: l.kind as Quote['lines'][number]['kind'], unitAmount: money(l.unitAmount, c), amount: money(l.amount, c) })),
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
