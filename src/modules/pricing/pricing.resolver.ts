import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Mutation, Resolver, Root } from 'type-graphql';
import { payload, UserError } from '../../common/user-error';
import { viewerOf } from '../../core/access-policy';
import type { RequestContext } from '../../core/context';
import { Role } from '../../core/viewer';
import { Booking } from '../booking/booking.entity';
import { CreateDigitalBookingInput, CreatePhysicalBookingInput } from '../booking/booking.types';
import { Payout } from '../payout/payout.entity';
import { Charges, Quote, RateCardPayload, RateCardType, SetRateCardInput } from './pricing.types';
import { quoteRequest } from './quote-request';
import { findRateCard, setRateCard, toRateCardType } from './rate-card.service';
import { payoutsByBookingLoader } from '../payout/payout.loaders';
import { chargesLoader, quoteLoader } from './pricing.loaders';

@InputType({ description: 'A booking to price before placing it: give exactly one of physical or digital.' })
export class QuoteBookingInput {
  @Field(() => CreatePhysicalBookingInput, { nullable: true, description: 'A physical booking as it would be created.' })
  physical?: CreatePhysicalBookingInput | null;

  @Field(() => CreateDigitalBookingInput, { nullable: true, description: 'A digital booking as it would be created.' })
  digital?: CreateDigitalBookingInput | null;
}

@ObjectType({ description: 'Result of quoteBooking.' })
export class QuotePayload {
  @Field(() => Quote, { nullable: true, description: 'The price under the current rate card; nothing is booked.' })
  quote!: Quote | null;

  @Field(() => [UserError], { description: 'Why it cannot be priced; empty on success.' })
  userErrors!: UserError[];
}

@Resolver(() => Booking)
export class BookingMoneyResolver {
  @FieldResolver(() => Quote, {
    nullable: true,
    description: "Its price: frozen as the deal memo once confirmed, live from the current card before. Null when no card prices it, and for the model's own token (she reads her earnings).",
  })
  async quote(@Ctx() ctx: RequestContext, @Root() booking: Booking): Promise<Quote | null> {
    if (viewerOf(ctx).role === Role.MODEL) return null;
    return quoteLoader(ctx).load(booking);
  }

  @FieldResolver(() => Charges, {
    nullable: true,
    description:
      "What the brand is finally charged: at completion the deal memo's lines as the work turned out (overtime, items delivered), or a brand's cancellation fee; exactly what its brand statement charges. Null while nothing is charged, and for the model's own token (as the quote is).",
  })
  async charges(@Ctx() ctx: RequestContext, @Root() booking: Booking): Promise<Charges | null> {
    // Shown to whoever sees the quote: what the brand pays is not the model's to read.
    if (viewerOf(ctx).role === Role.MODEL) return null;
    return chargesLoader(ctx).load(booking.id);
  }

  @FieldResolver(() => [Payout], { description: 'Payout lines written at completion or cancellation; the brand sees none (its charge is `charges`).' })
  async payouts(@Ctx() ctx: RequestContext, @Root() booking: Booking): Promise<Payout[]> {
    const role = viewerOf(ctx).role;
    if (role === Role.BRAND) return [];
    const lines = await payoutsByBookingLoader(ctx).load(booking.id);
    return role === Role.MODEL ? lines.filter((p) => p.party === 'MODEL') : lines;
  }
}

@Resolver()
export class PricingResolver {
  @Authorized()
  @Mutation(() => RateCardPayload, { description: "Sets a model's rate card, or the agency default; confirmed bookings keep their frozen prices." })
  async setRateCard(@Ctx() ctx: RequestContext, @Arg('input', () => SetRateCardInput) input: SetRateCardInput): Promise<RateCardPayload> {
    const result = payload('card', await setRateCard(ctx, input));
    return { rateCard: result.card && toRateCardType(result.card), userErrors: result.userErrors };
  }

  @Authorized()
  @Query(() => RateCardType, { nullable: true, description: "A model's own rate card, or with no modelId the agency default; the agency's and admins' to read." })
  async rateCard(
    @Ctx() ctx: RequestContext,
    @Arg('modelId', () => ID, { nullable: true, description: 'The model; leave out for the agency default.' }) modelId?: string | null,
    @Arg('agencyId', () => ID, { nullable: true, description: "For an admin: the agency whose default to read." }) agencyId?: string | null,
  ): Promise<RateCardType | null> {
    const card = await findRateCard(ctx, { modelId, agencyId });
    return card && toRateCardType(card);
  }

  @Authorized()
  @Query(() => QuotePayload, { description: 'Prices a booking before it is placed, under the current rate card. Books nothing.' })
  async quoteBooking(@Ctx() ctx: RequestContext, @Arg('input', () => QuoteBookingInput) input: QuoteBookingInput): Promise<QuotePayload> {
    return payload('quote', await quoteRequest(ctx, input));
  }
}
