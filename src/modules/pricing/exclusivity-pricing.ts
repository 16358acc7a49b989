import { applyBps, mulDivHalfUp } from '../../common/money';
import type { FrozenTerms } from './booking-quote.entity';
import { licenceMonths, territoryFactor } from './digital-pricing';
import type { QuoteLine } from './physical-pricing';

/** The share of the fee per month that terms frozen before exclusivity was sold would have said (the card's default). */
export const DEFAULT_EXCLUSIVITY_MONTHLY_BPS = 1000;

/** What of an exclusivity its price depends on: where and for how long. */
export interface ExclusivityTerms {
  territories: string[];
  start: Date;
  end: Date;
}

/**
 * The EXCLUSIVITY_FEE line: per started month of the exclusivity, `exclusivityMonthlyBps` of `fee` (the booking's
 * lines before it), times the territory factor of the territories held, as usage is priced: one country 1×, the EU
 * 3×, worldwide 6× on the default card. Barring every other brand costs more the longer and the wider it is.
 */
export function exclusivityLine(terms: Pick<FrozenTerms, 'exclusivityMonthlyBps' | 'territoryFactorBps'>, fee: number, e: ExclusivityTerms): QuoteLine {
  const months = licenceMonths(e.start, e.end);
  const territory = territoryFactor(terms, e.territories);
  const unitAmount = applyBps(fee, terms.exclusivityMonthlyBps ?? DEFAULT_EXCLUSIVITY_MONTHLY_BPS);
  return {
    kind: 'EXCLUSIVITY_FEE',
    description: `Exclusivity, ${months} month${months === 1 ? '' : 's'}, ${territory.codes.join('+')}`,
    unit: 'MONTH',
    quantity: months,
    unitAmount,
    amount: applyBps(mulDivHalfUp(unitAmount, months, 1), territory.bps),
  };
}
