import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Mutation, Resolver, Root } from 'type-graphql';
import { payload } from '../../common/user-error';
import { Action, bookingFacts, can } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { PayoutParty } from '../payout/payout.entity';
import { Booking } from '../booking/booking.entity';
import { Payout } from '../payout/payout.entity';
import { Charges, Quote, QuoteBookingInput, QuotePayload, RateCardPayload, RateCardView, SetRateCardInput } from './pricing.types';
import { quoteRequest } from './quote-request';
import { quoteFor } from './quote.service';
import { findRateCard, setRateCard, toRateCardView } from './rate-card.service';
import { payoutsByBookingLoader } from '../payout/payout.loaders';
import { chargesLoader, quoteLoader } from './pricing.loaders';

@Resolver(() => Booking)
export class BookingMoneyResolver {
  @FieldResolver(() => Quote, {
    nullable: true,
    description:
      'Its price: frozen as the deal memo once confirmed, live from the current card before; null when no card prices it. The brand sees its lines and total, the model her part, her agency everything.',
  })
  async quote(@Ctx() ctx: RequestContext, @Root() booking: Booking): Promise<Quote | null> {
    return quoteFor(viewerOf(ctx), bookingFacts(booking), await quoteLoader(ctx).load(booking));
  }

  @FieldResolver(() => Charges, {
    nullable: true,
    description:
      "What the brand is charged: each weather postponement's fee, then at completion the deal memo's lines as the work turned out (overtime, items delivered), or a brand's cancellation fee; exactly what its brand statement charges. Null while nothing is charged, and for viewers who may not see the booking's lines.",
  })
  async charges(@Ctx() ctx: RequestContext, @Root() booking: Booking): Promise<Charges | null> {
    // What the brand pays is shown to whoever may read the quote's lines (READ_QUOTE_LINES).
    if (!can(viewerOf(ctx), Action.READ_QUOTE_LINES, bookingFacts(booking))) return null;
    return chargesLoader(ctx).load(booking.id);
  }

  @FieldResolver(() => [Payout], {
    description: 'Payout lines written at completion, cancellation or a postponement for weather: all of them for her agency, her own for the model, none for the brand (its charge is `charges`).',
  })
  async payouts(@Ctx() ctx: RequestContext, @Root() booking: Booking): Promise<Payout[]> {
    const viewer = viewerOf(ctx);
    const lines = await payoutsByBookingLoader(ctx).load(booking.id);
    return lines.filter((p) =>
      can(viewer, Action.READ_PAYOUT, {
        agencyId: booking.agency.id,
        modelId: p.party === PayoutParty.MODEL ? p.partyId : null,
        motherAgencyId: p.party === PayoutParty.MOTHER_AGENCY ? p.partyId : null,
      }),
    );
  }
}

@Resolver()
export class PricingResolver {
  @Authorized()
  @Mutation(() => RateCardPayload, { description: "Sets a model's rate card, or the agency default; confirmed bookings keep their frozen prices." })
  async setRateCard(@Ctx() ctx: RequestContext, @Arg('input', () => SetRateCardInput) input: SetRateCardInput): Promise<RateCardPayload> {
    const result = payload('card', await setRateCard(ctx, input));
    return { rateCard: result.card && toRateCardView(result.card), userErrors: result.userErrors };
  }

  @Authorized()
  @Query(() => RateCardView, { nullable: true, description: "A model's own rate card, or with no modelId the agency default; the agency's and admins' to read." })
  async rateCard(
    @Ctx() ctx: RequestContext,
    @Arg('modelId', () => ID, { nullable: true, description: 'The model; leave out for the agency default.' }) modelId?: string | null,
    @Arg('agencyId', () => ID, { nullable: true, description: "For an admin: the agency whose default to read." }) agencyId?: string | null,
  ): Promise<RateCardView | null> {
    const card = await findRateCard(ctx, { modelId, agencyId });
    return card && toRateCardView(card);
  }

  @Authorized()
  @Query(() => QuotePayload, { description: 'Prices a booking before it is placed, under the current rate card. Books nothing.' })
  async quoteBooking(@Ctx() ctx: RequestContext, @Arg('input', () => QuoteBookingInput) input: QuoteBookingInput): Promise<QuotePayload> {
    return payload('quote', await quoteRequest(ctx, input));
  }
}
