import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { viewerOf, type RequestContext } from '../../core/context';
import { actorId, Role } from '../../core/viewer';
import { Agency } from '../agency/agency.entity';
import { findAgency } from '../agency/agency.service';
import { Brand } from '../brand/brand.entity';
import { findBrand } from '../brand/brand.service';
import { Model } from '../model/model.entity';
import { findModel } from '../model/model.service';
import { ViewerInfo } from './viewer.types';

@Resolver(() => ViewerInfo)
export class ViewerResolver {
  @Query(() => ViewerInfo, { nullable: true, description: 'Who is asking; null without a bearer token.' })
  viewer(@Ctx() ctx: RequestContext): ViewerInfo | null {
    return ctx.viewer ? { role: ctx.viewer.role, actsFor: actorId(ctx.viewer) } : null;
  }

  @FieldResolver(() => Model, { nullable: true, description: "For a model's token: the model herself (her calendar, bookings, twin, earnings)." })
  model(@Ctx() ctx: RequestContext, @Root() _info: ViewerInfo): Promise<Model | null> {
    const viewer = viewerOf(ctx);
    return viewer.role === Role.MODEL ? findModel(ctx, viewer.modelId) : Promise.resolve(null);
  }

  @FieldResolver(() => Agency, { nullable: true, description: "For an agency's token: the agency it acts for." })
  agency(@Ctx() ctx: RequestContext, @Root() _info: ViewerInfo): Promise<Agency | null> {
    const viewer = viewerOf(ctx);
    return viewer.role === Role.AGENCY ? findAgency(ctx, viewer.agencyId) : Promise.resolve(null);
  }

  @FieldResolver(() => Brand, { nullable: true, description: "For a brand's token: the brand its planner acts for." })
  brand(@Ctx() ctx: RequestContext, @Root() _info: ViewerInfo): Promise<Brand | null> {
    const viewer = viewerOf(ctx);
    return viewer.role === Role.BRAND ? findBrand(ctx, viewer.brandId) : Promise.resolve(null);
  }
}
