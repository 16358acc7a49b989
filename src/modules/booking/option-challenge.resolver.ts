import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { payload } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { PhysicalBooking } from './booking.entity';
import { BookingPayload } from './booking.types';
import { challengeLoader, challengeOption } from './option-challenge';
import { ChallengeOptionInput, OptionChallengeView } from './option-challenge.types';

@Resolver(() => PhysicalBooking)
export class OptionChallengeResolver {
  @Authorized()
  @Mutation(() => BookingPayload, {
    description:
      "The model's agency challenges a 1st option on behalf of a lower overlapping one: its holder must confirm or release by the deadline, after which it expires and the next option moves up. Answers the challenged option.",
  })
  async challengeOption(@Ctx() ctx: RequestContext, @Arg('input', () => ChallengeOptionInput) input: ChallengeOptionInput): Promise<BookingPayload> {
    return payload('booking', await challengeOption(ctx, input));
  }

  @FieldResolver(() => OptionChallengeView, { nullable: true, description: 'The latest challenge this option is at either end of; null when none.' })
  challenge(@Ctx() ctx: RequestContext, @Root() booking: PhysicalBooking): Promise<OptionChallengeView | null> {
    return challengeLoader(ctx).load(booking.id);
  }
}
