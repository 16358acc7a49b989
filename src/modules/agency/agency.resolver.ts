import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/pagination';
import { payload } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { Agency } from './agency.entity';
import { createAgency, findAgency, listAgencies } from './agency.service';
import { AgencyConnection, CreateAgencyInput, CreateAgencyPayload } from './agency.types';

@Resolver(() => Agency)
export class AgencyResolver {
  @Authorized()
  @Query(() => Agency, { nullable: true, description: 'An agency by id.' })
  agency(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Agency | null> {
    return findAgency(ctx, id);
  }

  @Authorized()
  @Query(() => AgencyConnection, { description: 'Agencies the viewer may list: all for an admin, its own for an agency.' })
  agencies(@Ctx() ctx: RequestContext, @Args(() => PageArgs) args: PageArgs): Promise<AgencyConnection> {
    return listAgencies(ctx, args);
  }

  @Authorized()
  @Mutation(() => CreateAgencyPayload, { description: 'Creates an agency. Admins only.' })
  async createAgency(@Ctx() ctx: RequestContext, @Arg('input', () => CreateAgencyInput) input: CreateAgencyInput): Promise<CreateAgencyPayload> {
    return payload('agency', await createAgency(ctx, input));
  }
}
