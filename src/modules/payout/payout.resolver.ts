import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { Model } from '../model/model.entity';
import { Money } from '../pricing/pricing.types';
import { Payout, PayoutStatus } from './payout.entity';
import { listPayouts } from './payout-list';
import { advancePayouts, agencyStatement, brandStatement, modelEarnings } from './payout.service';
import { AgencyStatement, BrandStatement, EarningsLine, MarkPayoutsPaidInput, PayoutConnection, PayoutListArgs, PayoutsPayload, PeriodArgs } from './payout.types';

@Resolver(() => Payout)
export class PayoutResolver {
  @FieldResolver(() => Money, { description: 'What is owed.' })
  amount(@Root() payout: Payout): Money {
    return { amount: payout.amount, currency: payout.currency };
  }

  @FieldResolver(() => ID, { description: 'The booking it comes from.' })
  bookingId(@Root() payout: Payout): string {
    return payout.booking.id;
  }

  @Authorized()
  @Query(() => PayoutConnection, {
    description:
      "Payout lines the viewer may read, oldest written first: an agency its bookings' lines, a model and a mother agency the lines owed to them, an admin all.",
  })
  payouts(@Ctx() ctx: RequestContext, @Args(() => PayoutListArgs) args: PayoutListArgs): Promise<PayoutConnection> {
    return listPayouts(ctx, args);
  }

  @Authorized()
  @Mutation(() => PayoutsPayload, { description: "Approves PENDING payout lines of the agency's bookings, all or none." })
  async approvePayouts(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID]) ids: string[]): Promise<PayoutsPayload> {
    const result = await advancePayouts(ctx, ['ids'], ids, PayoutStatus.APPROVED);
    return { payouts: result.ok ? result.value : [], userErrors: result.ok ? [] : result.errors };
  }

  @Authorized()
  @Mutation(() => PayoutsPayload, { description: 'Marks APPROVED payout lines as PAID with the reference of the transfer, all or none.' })
  async markPayoutsPaid(@Ctx() ctx: RequestContext, @Arg('input', () => MarkPayoutsPaidInput) input: MarkPayoutsPaidInput): Promise<PayoutsPayload> {
    const result = await advancePayouts(ctx, ['input', 'ids'], input.ids, PayoutStatus.PAID, input.externalReference);
    return { payouts: result.ok ? result.value : [], userErrors: result.ok ? [] : result.errors };
  }

  @Authorized()
  @Query(() => AgencyStatement, { nullable: true, description: "An agency's statement for a period (its own; an admin names the agency)." })
  agencyStatement(
    @Ctx() ctx: RequestContext,
    @Args(() => PeriodArgs) period: PeriodArgs,
    @Arg('agencyId', () => ID, { nullable: true, description: 'For an admin: the agency.' }) agencyId?: string | null,
  ): Promise<AgencyStatement | null> {
    return agencyStatement(ctx, agencyId, period.from, period.to);
  }

  @Authorized()
  @Query(() => BrandStatement, { nullable: true, description: 'What a brand owes for a period (its own; an admin names the brand).' })
  brandStatement(
    @Ctx() ctx: RequestContext,
    @Args(() => PeriodArgs) period: PeriodArgs,
    @Arg('brandId', () => ID, { nullable: true, description: 'For an admin: the brand.' }) brandId?: string | null,
  ): Promise<BrandStatement | null> {
    return brandStatement(ctx, brandId, period.from, period.to);
  }
}

@Resolver(() => Model)
export class ModelEarningsResolver {
  @FieldResolver(() => [EarningsLine], { nullable: true, description: 'Her earnings for a period by booking type and currency; null for viewers other than her, her agency and admins.' })
  earnings(@Ctx() ctx: RequestContext, @Root() model: Model, @Args(() => PeriodArgs) period: PeriodArgs): Promise<EarningsLine[] | null> {
    return modelEarnings(ctx, model, period.from, period.to);
  }
}

