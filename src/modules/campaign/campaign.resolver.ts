import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { money } from '../../common/money';
import { PageArgs } from '../../common/pagination';
import { payload } from '../../common/user-error';
import { Action, can } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { listBookings } from '../booking/booking-list';
import { Booking } from '../booking/booking.entity';
import { BookingConnection, BookingListArgs } from '../booking/booking.types';
import { Brand } from '../brand/brand.entity';
import { brandLoader } from '../brand/brand.loaders';
import { Money } from '../pricing/pricing.types';
import { scheduleCampaign } from './campaign-schedule';
import { Campaign } from './campaign.entity';
import { campaignLoader } from './campaign.loaders';
import { campaignBudget, campaignFacts, createCampaign, findCampaign, listCampaigns } from './campaign.service';
import { CampaignBudget, CampaignConnection, CampaignPayload, CreateCampaignInput, ScheduleCampaignInput, ScheduleCampaignPayload } from './campaign.types';

@Resolver(() => Campaign)
export class CampaignResolver {
  @FieldResolver(() => Brand, { description: 'The brand whose campaign it is.' })
  async brand(@Ctx() ctx: RequestContext, @Root() campaign: Campaign): Promise<Brand> {
    return (await brandLoader(ctx).load(campaign.brand.id))!;
  }

  @FieldResolver(() => Money, { description: 'Its budget.' })
  budget(@Root() campaign: Campaign): Money {
    return money(campaign.budgetAmount, campaign.budgetCurrency);
  }

  @FieldResolver(() => CampaignBudget, {
    description: 'Quoted (live options), confirmed (deal memos) and completed (charged) totals by booking type and currency, against the budget.',
  })
  spending(@Ctx() ctx: RequestContext, @Root() campaign: Campaign): Promise<CampaignBudget> {
    return campaignBudget(ctx, campaign);
  }

  @FieldResolver(() => BookingConnection, { description: "The campaign's bookings, with the filters and orders of `bookings`." })
  bookings(@Ctx() ctx: RequestContext, @Root() campaign: Campaign, @Args(() => BookingListArgs) args: BookingListArgs): Promise<BookingConnection> {
    return listBookings(ctx, args, { campaignId: campaign.id });
  }

  @Authorized()
  @Query(() => Campaign, { nullable: true, description: 'A campaign the viewer may see (its brand, an admin); null otherwise.' })
  campaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Campaign | null> {
    return findCampaign(ctx, id);
  }

  @Authorized()
  @Query(() => CampaignConnection, { description: 'Campaigns the viewer sees: a brand its own, an admin all; oldest first.' })
  campaigns(@Ctx() ctx: RequestContext, @Args(() => PageArgs) args: PageArgs): Promise<CampaignConnection> {
    return listCampaigns(ctx, args);
  }

  @Authorized()
  @Mutation(() => CampaignPayload, { description: 'Creates a campaign with its budget: a brand its own, an admin for the brand it names.' })
  async createCampaign(@Ctx() ctx: RequestContext, @Arg('input', () => CreateCampaignInput) input: CreateCampaignInput): Promise<CampaignPayload> {
    return payload('campaign', await createCampaign(ctx, input));
  }

  @Authorized()
  @Mutation(() => ScheduleCampaignPayload, {
    description:
      'Books shoot days and twin jobs into a campaign in one transaction: all of them, or none. Each line is checked exactly as createPhysicalBooking or createDigitalBooking would check it, and every line gets a verdict. Refused over budget (OVER_BUDGET) unless allowOverBudget; with dryRun nothing is booked and the verdicts and prices are the same.',
  })
  scheduleCampaign(@Ctx() ctx: RequestContext, @Arg('input', () => ScheduleCampaignInput) input: ScheduleCampaignInput): Promise<ScheduleCampaignPayload> {
    return scheduleCampaign(ctx, input);
  }
}

@Resolver(() => Booking)
export class BookingCampaignResolver {
  @FieldResolver(() => Campaign, { nullable: true, description: "The campaign it was scheduled in, for the campaign's brand and admins; null otherwise, and for a booking placed on its own." })
  async campaign(@Ctx() ctx: RequestContext, @Root() booking: Booking): Promise<Campaign | null> {
    if (!booking.campaign) return null;
    const campaign = await campaignLoader(ctx).load(booking.campaign.id);
    return campaign && can(viewerOf(ctx), Action.READ_CAMPAIGN, campaignFacts(campaign)) ? campaign : null;
  }
}
