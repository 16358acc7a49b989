import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { listLicences } from './licence.service';
import { Licence, LicenceConnection, LicenceListArgs } from './licence.types';

@Resolver(() => Licence)
export class LicenceResolver {
  @Authorized()
  @Query(() => LicenceConnection, {
    description:
      "Where models' likenesses are licensed: confirmed or completed digital bookings whose usage has not ended, ending soonest first. The model and her agency see all of hers with what each earned her; a brand sees its own.",
  })
  licences(@Ctx() ctx: RequestContext, @Args(() => LicenceListArgs) args: LicenceListArgs): Promise<LicenceConnection> {
    return listLicences(ctx, args);
  }
}
