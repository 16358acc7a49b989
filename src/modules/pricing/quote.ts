import { BookingType } from '../booking/booking-status';
import type { FrozenTerms } from './booking-quote.entity';
import { digitalLines } from './digital-pricing';
import { exclusivityLine, type ExclusivityTerms } from './exclusivity-pricing';
import { physicalFeeLines, workedMinutes, type QuoteLine } from './physical-pricing';
import type { RateCard } from './rate-card.entity';
import { distributeDigital, distributePhysical, type Distribution } from './splits';

/** A priced booking: its lines and who receives what of the brand total. */
export interface PricedBooking extends Distribution {
  currency: string;
  lines: QuoteLine[];
}

/** The facts of a booking that its price depends on; `exclusivity` when it grants one. */
export type PricingFacts = (
  | { type: BookingType.PHYSICAL; start: Date; end: Date; travelMinutes: number }
  | {
      type: BookingType.DIGITAL;
      deliverables: { kind: string; quantity: number }[];
      usage: { media: string[]; territories: string[]; start: Date; end: Date };
    }
) & { exclusivity?: ExclusivityTerms | null };

/** What of a rate card goes into a booking's terms. */
export type CardPrices = Pick<
  RateCard,
  | 'id'
  | 'currency'
  | 'hourlyRate'
  | 'halfDayRate'
  | 'dayRate'
  | 'overtimeAfter8Bps'
  | 'overtimeAfter12Bps'
  | 'travelHourlyRate'
  | 'modelCommissionBps'
  | 'serviceFeeBps'
  | 'motherAgencyShareBps'
  | 'platformFeeBps'
  | 'cancellationBands'
  | 'weatherPostponementBps'
  | 'deliverablePrices'
  | 'usageMonthlyFees'
  | 'territoryFactorBps'
  | 'exclusivityMonthlyBps'
>;

/** Copies what a card says now, with the twin's split and the mother agency, into terms that no later change touches. */
export function termsFromCard(
  card: CardPrices,
  twinSplit: FrozenTerms['ownershipSplit'],
  hasMotherAgency: boolean,
): FrozenTerms {
  return {
    rateCardId: card.id,
    currency: card.currency,
    hourlyRate: card.hourlyRate,
    halfDayRate: card.halfDayRate,
    dayRate: card.dayRate,
    overtimeAfter8Bps: card.overtimeAfter8Bps,
    overtimeAfter12Bps: card.overtimeAfter12Bps,
    travelHourlyRate: card.travelHourlyRate,
    modelCommissionBps: card.modelCommissionBps,
    serviceFeeBps: card.serviceFeeBps,
    motherAgencyShareBps: card.motherAgencyShareBps,
    platformFeeBps: card.platformFeeBps,
    cancellationBands: card.cancellationBands.map((b) => ({ ...b })),
    weatherPostponementBps: card.weatherPostponementBps,
    deliverablePrices: { ...card.deliverablePrices },
    usageMonthlyFees: { ...card.usageMonthlyFees },
    territoryFactorBps: { ...card.territoryFactorBps },
    exclusivityMonthlyBps: card.exclusivityMonthlyBps,
    ownershipSplit: twinSplit,
    hasMotherAgency,
  };
}

const sum = (lines: QuoteLine[]) => lines.reduce((total, l) => total + l.amount, 0);

// The exclusivity is priced on the fee for the work itself, so it comes after those lines and before any service fee.
const withExclusivity = (terms: FrozenTerms, lines: QuoteLine[], exclusivity: ExclusivityTerms | null | undefined): QuoteLine[] =>
  exclusivity ? [...lines, exclusivityLine(terms, sum(lines), exclusivity)] : lines;

/** Prices a booking under fixed terms. Throws UnpricedTermError for a deliverable or medium the terms do not price. */
export function priceBooking(terms: FrozenTerms, facts: PricingFacts): PricedBooking {
  if (facts.type === BookingType.PHYSICAL) {
    const lines = withExclusivity(terms, physicalFeeLines(terms, workedMinutes(facts.start, facts.end), facts.travelMinutes), facts.exclusivity);
    const d = distributePhysical(sum(lines), terms);
    const serviceFee: QuoteLine = {
      kind: 'SERVICE_FEE',
      description: `Agency service fee (${terms.serviceFeeBps / 100}%)`,
      unit: 'FLAT',
      quantity: 1,
      unitAmount: d.serviceFee,
      amount: d.serviceFee,
    };
    return {
      currency: terms.currency,
      lines: d.serviceFee ? [...lines, serviceFee] : lines,
      brandTotal: d.brandTotal,
      model: d.model,
      agency: d.agency,
      motherAgency: d.motherAgency,
      platform: d.platform,
    };
  }
  if (!terms.ownershipSplit) throw new Error('a digital booking is priced with its twin’s ownership split');
  const lines = withExclusivity(terms, digitalLines(terms, facts.deliverables, facts.usage), facts.exclusivity);
  return { currency: terms.currency, lines, ...distributeDigital(sum(lines), terms.ownershipSplit) };
}
