import { fail, ok, userError, UserErrorCode, type Result } from '../../common/user-error';
import { viewerOf, type RequestContext } from '../../core/context';
import { BookingStatus, BookingType } from '../booking/booking-status';
import { checkDigitalInput, checkPhysicalInput, resolveParties } from '../booking/booking.service';
import type { CreateDigitalBookingInput, CreatePhysicalBookingInput } from '../booking/booking.types';
import { DigitalTwin } from '../twin/twin.entity';
import type { Quote } from './pricing.types';
import { termsFromCard, type PricingFacts } from './quote';
import { priceOrRefuse, quoteFor, rateCardMissing, toQuote } from './quote.service';
import { cardFor } from './rate-card.service';

/** Prices a booking that is not placed yet, under the card as it stands, for whoever may place it. */
export async function quoteRequest(
  ctx: RequestContext,
  input: { physical?: CreatePhysicalBookingInput | null; digital?: CreateDigitalBookingInput | null },
): Promise<Result<Quote>> {
  const viewer = viewerOf(ctx);
  if (!!input.physical === !!input.digital) {
    return fail(userError(UserErrorCode.INVALID_INPUT, 'give exactly one of physical or digital', ['input']));
  }
  const request = (input.physical ?? input.digital)!;
  const kind = input.physical ? 'physical' : 'digital';
  const errors = input.physical
    ? checkPhysicalInput(input.physical, BookingStatus.OPTION, ['input', kind])
    : checkDigitalInput(input.digital!, ['input', kind]);
  if (errors.length) return fail(...errors);
  const parties = await resolveParties(ctx.em, viewer, { modelId: request.modelId, brandId: request.brandId });
  if (!parties.ok) return parties;
  const { model, brand } = parties.value;
  const at = { input: ['input', kind] };
  const card = await cardFor(ctx.em, model.id, model.agency.id);
  if (!card) return fail(rateCardMissing(at));

  let facts: PricingFacts;
  let split = null;
  if (input.physical) {
    const p = input.physical;
    facts = {
      type: BookingType.PHYSICAL,
      start: p.start,
      end: p.end,
      travelMinutes: (p.travelBeforeMinutes ?? 0) + (p.travelAfterMinutes ?? 0),
      exclusivity: p.exclusivity,
    };
  } else {
    const d = input.digital!;
    const twin = await ctx.em.findOne(DigitalTwin, { model: model.id });
    if (!twin) return fail(userError(UserErrorCode.TWIN_NOT_FOUND, 'the model has no digital twin', ['input', 'digital', 'modelId']));
    split = twin.ownershipSplit;
    facts = { type: BookingType.DIGITAL, deliverables: d.deliverables, usage: d.usage, exclusivity: d.exclusivity };
  }
  // Refused as a confirmation would refuse the same booking: one code, message and field for both.
  const priced = priceOrRefuse(termsFromCard(card, split, !!model.motherAgency), facts, at);
  // As the booking would be seen: a brand learns its price, not how the model, her agency and the platform share it.
  return priced.ok ? ok(quoteFor(viewer, { modelId: model.id, agencyId: model.agency.id, brandId: brand.id }, toQuote(priced.value, null))!) : priced;
}
