import type { RequestContext } from '../../core/context';
import { BookingType } from '../booking/booking-status';
import type { Model } from '../model/model.entity';
import { cardInForceLoader } from '../pricing/pricing.loaders';
import type { Money } from '../pricing/pricing.types';
import { termsFromCard, type PricingFacts } from '../pricing/quote';
import { tryPrice } from '../pricing/quote.service';
import { twinByModelLoader } from '../twin/twin.loaders';
import type { PricedJob } from './search.types';

/**
 * What the brand would pay for the job with this model, priced as quoteBooking prices it (her card in force, her
 * twin's split, the pricing module's rules); null when it cannot be priced (no card, a term the card does not price,
 * a digital search without deliverables). The page's cards and twins are read in one query each.
 */
export async function searchPrice(ctx: RequestContext, model: Model, job: PricedJob): Promise<Money | null> {
  const card = await cardInForceLoader(ctx).load(model.id);
  if (!card) return null;
  let facts: PricingFacts;
  let split = null;
  if (job.type === BookingType.PHYSICAL) {
    facts = { type: BookingType.PHYSICAL, start: job.start, end: job.end, travelMinutes: job.travelMinutes };
  } else {
    const d = job.digital!;
    const twin = d.deliverables?.length ? await twinByModelLoader(ctx).load(model.id) : null;
    if (!twin || !d.deliverables?.length) return null;
    split = twin.ownershipSplit;
    facts = { type: BookingType.DIGITAL, deliverables: d.deliverables, usage: { media: d.media, territories: d.territories, start: d.usageStart, end: d.usageEnd } };
  }
  const priced = tryPrice(termsFromCard(card, split, !!model.motherAgency), facts);
  return priced ? { amount: priced.brandTotal, currency: priced.currency } : null;
}
