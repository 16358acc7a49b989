import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { payload } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { Model } from '../model/model.entity';
import { createLockout, listLockouts, removeLockout } from './lockout.service';
import { CreateLockoutInput, LockoutConnection, LockoutListArgs, LockoutPayload, RemoveLockoutInput } from './lockout.types';

@Resolver(() => Model)
export class LockoutResolver {
  @Authorized()
  @Mutation(() => LockoutPayload, {
    description:
      'Blocks time for physical work (the model or her agency): new physical options and confirmations in its range are refused with LOCKED_OUT unless her agency overrides. Over her confirmed physical bookings it is refused with PHYSICAL_CLASH unless her agency gives `overrideBookings`.',
  })
  async createLockout(@Ctx() ctx: RequestContext, @Arg('input', () => CreateLockoutInput) input: CreateLockoutInput): Promise<LockoutPayload> {
    return payload('lockout', await createLockout(ctx, input));
  }

  @Authorized()
  @Mutation(() => LockoutPayload, { description: 'Lifts a lockout (the model or her agency); it stays on record as removed, with who, when and why.' })
  async removeLockout(@Ctx() ctx: RequestContext, @Arg('input', () => RemoveLockoutInput) input: RemoveLockoutInput): Promise<LockoutPayload> {
    return payload('lockout', await removeLockout(ctx, input));
  }

  @FieldResolver(() => LockoutConnection, {
    nullable: true,
    description: 'Her lockouts in full, oldest placed first, for her and her agency; null for anyone else (brands see them on her calendar as busy).',
  })
  lockouts(@Ctx() ctx: RequestContext, @Root() model: Model, @Args(() => LockoutListArgs) args: LockoutListArgs): Promise<LockoutConnection | null> {
    return listLockouts(ctx, model, args);
  }
}
