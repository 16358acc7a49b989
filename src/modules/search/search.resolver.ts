import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { canReadCalendar } from '../calendar/calendar.service';
import { FreeRange } from '../calendar/calendar.types';
import { Model } from '../model/model.entity';
import { Money } from '../pricing/pricing.types';
import { availableModels } from './available-models';
import { busyRanges, busyRangesOf, freeSlotsOf } from './busy-ranges';
import { searchPrice } from './search-price';
import { AvailableModel, AvailableModelConnection, AvailableModelsArgs, FreeSlot, FreeSlotsArgs, ModelBusyRanges } from './search.types';

@Resolver(() => AvailableModel)
export class SearchResolver {
  @Authorized()
  @Query(() => AvailableModelConnection, {
    description:
      'Who is free for a job, oldest model first, among the models the viewer may plan with (a brand or admin all, an agency its own): one query however many models. What it offers, booking accepts unless something changes in between.',
  })
  availableModels(@Ctx() ctx: RequestContext, @Args(() => AvailableModelsArgs) args: AvailableModelsArgs): Promise<AvailableModelConnection> {
    return availableModels(ctx, args);
  }

  @Authorized()
  @Query(() => [ModelBusyRanges], {
    description:
      'Busy time of up to 100 models over one window (at most 92 days), in one query: merged ranges with no client, title or kind. Models that do not exist or whose calendar the viewer may not read are left out.',
  })
  busyRanges(
    @Ctx() ctx: RequestContext,
    @Arg('modelIds', () => [ID], { description: 'The models, at most 100.' }) modelIds: string[],
    @Arg('from', () => Date, { description: 'Window start, an instant.' }) from: Date,
    @Arg('to', () => Date, { description: 'Window end (exclusive).' }) to: Date,
  ): Promise<ModelBusyRanges[]> {
    return busyRanges(ctx, modelIds, from, to);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'What the brand would pay for this job with her, priced by her rate card as quoteBooking would; null when it cannot be priced (no card, a term it does not price, a digital search without deliverables).' })
  price(@Ctx() ctx: RequestContext, @Root() result: AvailableModel): Promise<Money | null> {
    return searchPrice(ctx, result.model, result.job);
  }
}

@Resolver(() => Model)
export class ModelPlanningResolver {
  @FieldResolver(() => [FreeRange], {
    nullable: true,
    description: 'Her busy time in [from, to) (at most 92 days): merged ranges of confirmed physical work (travel included) and lockouts, with nothing about whose. Batched: the models of a page in one query. Null for a viewer who may not read her calendar.',
  })
  async busyRanges(
    @Ctx() ctx: RequestContext,
    @Root() model: Model,
    @Arg('from', () => Date, { description: 'Window start, an instant.' }) from: Date,
    @Arg('to', () => Date, { description: 'Window end (exclusive).' }) to: Date,
  ): Promise<FreeRange[] | null> {
    return canReadCalendar(ctx, model) ? busyRangesOf(ctx, model, from, to) : null;
  }

  @FieldResolver(() => [FreeSlot], {
    nullable: true,
    description: 'The gaps in [from, to) in which a physical job of minDuration minutes fits around her confirmed work (travel included) and lockouts, with its own travel, optionally only within local working hours; local times in timeZone, right across DST. Null for a viewer who may not read her calendar.',
  })
  async freeSlots(@Ctx() ctx: RequestContext, @Root() model: Model, @Args(() => FreeSlotsArgs) args: FreeSlotsArgs): Promise<FreeSlot[] | null> {
    return canReadCalendar(ctx, model) ? freeSlotsOf(ctx, model, args) : null;
  }
}
