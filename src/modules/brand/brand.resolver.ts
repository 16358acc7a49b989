import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../common/pagination';
import { payload } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { Brand } from './brand.entity';
import { createBrand, findBrand, listBrands } from './brand.service';
import { BrandConnection, CreateBrandInput, CreateBrandPayload } from './brand.types';

@Resolver(() => Brand)
export class BrandResolver {
  @Authorized()
  @Query(() => Brand, { nullable: true, description: 'A brand by id.' })
  brand(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Brand | null> {
    return findBrand(ctx, id);
  }

  @Authorized()
  @Query(() => BrandConnection, { description: 'Brands the viewer may list: all for admins and agencies, its own for a brand.' })
  brands(@Ctx() ctx: RequestContext, @Args(() => PageArgs) args: PageArgs): Promise<BrandConnection> {
    return listBrands(ctx, args);
  }

  @Authorized()
  @Mutation(() => CreateBrandPayload, { description: 'Creates a brand. Admins only.' })
  async createBrand(@Ctx() ctx: RequestContext, @Arg('input', () => CreateBrandInput) input: CreateBrandInput): Promise<CreateBrandPayload> {
    return payload('brand', await createBrand(ctx, input));
  }
}
