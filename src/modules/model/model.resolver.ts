import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { payload } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { Agency } from '../agency/agency.entity';
import { listBookings } from '../booking/booking-list';
import { BookingConnection, BookingListArgs } from '../booking/booking.types';
import { canReadCalendar, modelCalendar } from '../calendar/calendar.service';
import { Calendar, CalendarArgs, entryBookingFields } from '../calendar/calendar.types';
import { DigitalTwin } from '../twin/twin.entity';
import { Model } from './model.entity';
import { createModel, findModel, listModels, setModelAttributes } from './model.service';
import { attributePairs } from './model-attributes';
import { CreateModelInput, CreateModelPayload, ModelAttribute, ModelAttributeInput, ModelConnection, ModelListArgs, SetModelAttributesPayload } from './model.types';
import { twinOf } from '../twin/twin.service';
import { agencyLoader } from '../agency/agency.loaders';

@Resolver(() => Model)
export class ModelResolver {
  @Authorized()
  @Query(() => Model, { nullable: true, description: 'A model the viewer may see; null otherwise (a model sees only herself, an agency its own).' })
  model(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Model | null> {
    return findModel(ctx, id);
  }

  @Authorized()
  @Query(() => ModelConnection, {
    description: 'Models the viewer may list, oldest first: an agency its own, a brand or admin all, a model herself; filtered by base city, twin status and name.',
  })
  models(
    @Ctx() ctx: RequestContext,
    @Args(() => ModelListArgs) args: ModelListArgs,
    @Arg('agencyId', () => ID, { nullable: true, description: 'Only models of this agency.' }) agencyId?: string | null,
  ): Promise<ModelConnection> {
    return listModels(ctx, { ...args, agencyId });
  }

  @Authorized()
  @Mutation(() => CreateModelPayload, { description: 'Creates a model for the agency (an admin names the agency).' })
  async createModel(@Ctx() ctx: RequestContext, @Arg('input', () => CreateModelInput) input: CreateModelInput): Promise<CreateModelPayload> {
    return payload('model', await createModel(ctx, input));
  }

  @Authorized()
  @Mutation(() => SetModelAttributesPayload, { description: 'Publishes what planners may filter her by (height_cm, hair…), replacing what was published; her agency or an admin only.' })
  async setModelAttributes(
    @Ctx() ctx: RequestContext,
    @Arg('modelId', () => ID, { description: 'The model.' }) modelId: string,
    @Arg('attributes', () => [ModelAttributeInput], { description: 'Every attribute to publish, one per key; an empty list withdraws them all.' }) attributes: ModelAttributeInput[],
  ): Promise<SetModelAttributesPayload> {
    return payload('model', await setModelAttributes(ctx, modelId, attributes));
  }

  @FieldResolver(() => [ModelAttribute], { description: 'What her agency publishes about her (height_cm, hair…), in the vocabulary’s order.' })
  attributes(@Root() model: Model): ModelAttribute[] {
    return attributePairs(model.attributes);
  }

  @FieldResolver(() => Agency, { description: 'The agency that represents her.' })
  async agency(@Ctx() ctx: RequestContext, @Root() model: Model): Promise<Agency> {
    return (await agencyLoader(ctx).load(model.agency.id))!;
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency that discovered her, if any.' })
  motherAgency(@Ctx() ctx: RequestContext, @Root() model: Model): Promise<Agency | null> {
    return model.motherAgency ? agencyLoader(ctx).load(model.motherAgency.id) : Promise.resolve(null);
  }

  @FieldResolver(() => DigitalTwin, { nullable: true, description: 'Her digital twin, if she has one and the viewer may see it (not her mother agency nor another agency).' })
  twin(@Ctx() ctx: RequestContext, @Root() model: Model): Promise<DigitalTwin | null> {
    return twinOf(ctx, model);
  }

  @FieldResolver(() => Calendar, {
    nullable: true,
    description: 'Her bookings and options in [from, to), with local times in `timeZone`. Other brands see other bookings as busy blocks.',
  })
  async calendar(
    @Ctx() ctx: RequestContext,
    @Root() model: Model,
    @Args(() => CalendarArgs) args: CalendarArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Calendar | null> {
    return canReadCalendar(ctx, model) ? modelCalendar(ctx, model, args, entryBookingFields(info)) : null;
  }

  @FieldResolver(() => BookingConnection, {
    description: 'Her bookings the viewer sees in full, with the filters and orders of `bookings`: by start when a window is given, else oldest placed first.',
  })
  bookings(@Ctx() ctx: RequestContext, @Root() model: Model, @Args(() => BookingListArgs) args: BookingListArgs): Promise<BookingConnection> {
    return listBookings(ctx, args, { modelId: model.id });
  }
}
