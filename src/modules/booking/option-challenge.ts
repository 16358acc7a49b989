import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isUuid } from '../../common/ids';
import { overlaps } from '../../common/time/ranges';
import { fail, ok, userError, UserErrorCode, type Result } from '../../common/user-error';
import { checkInstant } from '../../common/validate';
import { Action, bookingFacts, can, mayEver } from '../../core/access-policy';
import { perRequest, viewerOf, type RequestContext } from '../../core/context';
import { inTransaction } from '../../core/transaction';
import { actorOf } from './booking-history';
import { Booking, PhysicalBooking } from './booking.entity';
import { OptionChallenge } from './option-challenge.entity';
import { ChallengeSide, type ChallengeOptionInput, OptionChallengeView } from './option-challenge.types';
import { isLiveOption, optionRanks } from './option-ranking';

const notFound = (field: string) => fail(userError(UserErrorCode.BOOKING_NOT_FOUND, 'no such booking', ['input', field]));
const notOutranked = (why: string) =>
  fail(userError(UserErrorCode.OPTION_NOT_OUTRANKED, `a challenge speaks for a lower live option overlapping the 1st one; ${why}`, ['input', 'onBehalfOf']));

/**
 * The agency challenges a 1st option on behalf of a lower one: the option's expiry is brought forward to the deadline,
 * so that from then on it reads EXPIRED, the next option ranks 1st and the sweep writes it, with nothing of its own.
 * What the expiry was before is kept on the challenge.
 */
export async function challengeOption(ctx: RequestContext, input: ChallengeOptionInput): Promise<Result<Booking>> {
  const viewer = viewerOf(ctx);
  const deadlineError = checkInstant(input.deadline, ['input', 'deadline']);
  if (deadlineError) return fail(deadlineError);
  if (input.deadline.getTime() <= Date.now()) return fail(userError(UserErrorCode.INVALID_INPUT, 'the deadline must be in the future', ['input', 'deadline']));
  if (!mayEver(viewer, Action.CHALLENGE_OPTION)) return fail(userError(UserErrorCode.FORBIDDEN, "only the model's agency challenges an option", ['input', 'id']));
  if (!isUuid(input.id)) return notFound('id');
  if (!isUuid(input.onBehalfOf)) return notFound('onBehalfOf');
  if (input.id.toLowerCase() === input.onBehalfOf.toLowerCase()) return notOutranked('an option cannot challenge itself');
  return inTransaction(ctx, async (em) => {
    // Locked, so that a confirmation or a release of it waits for the challenge, or the challenge for them.
    const booking = await em.findOne(Booking, input.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!booking || !can(viewer, Action.READ_BOOKING, bookingFacts(booking))) return notFound('id');
    if (!can(viewer, Action.CHALLENGE_OPTION, bookingFacts(booking))) return fail(userError(UserErrorCode.FORBIDDEN, "only the model's agency challenges an option", ['input', 'id']));
    const now = new Date();
    if (!(booking instanceof PhysicalBooking) || !isLiveOption(booking, now)) {
      return fail(userError(UserErrorCode.OPTION_NOT_LIVE, 'only a live physical option can be challenged', ['input', 'id']));
    }
    const other = await em.findOne(Booking, input.onBehalfOf);
    if (!other || !can(viewer, Action.READ_BOOKING, bookingFacts(other))) return notFound('onBehalfOf');
    const ranks = await optionRanks(em, [booking.id, other.id], now);
    const rank = ranks.get(booking.id);
    if (rank !== 1) return fail(userError(UserErrorCode.OPTION_NOT_FIRST, `the option ranks ${rank}; only the 1st option is challenged`, ['input', 'id']));
    // Overlapping the 1st option and live, the other one ranks below it: it was placed later, or it would rank first.
    if (!(other instanceof PhysicalBooking) || !ranks.has(other.id)) return notOutranked('that one is not a live physical option');
    if (other.model.id !== booking.model.id || !overlaps({ start: other.blockedStart, end: other.blockedEnd }, { start: booking.blockedStart, end: booking.blockedEnd })) {
      return notOutranked('that one does not overlap it');
    }
    if (booking.optionExpiresAt && input.deadline.getTime() >= booking.optionExpiresAt.getTime()) {
      return fail(
        userError(UserErrorCode.INVALID_INPUT, `the option expires at ${booking.optionExpiresAt.toISOString()} already; a challenge only brings that forward`, ['input', 'deadline']),
      );
    }
    const actor = actorOf(viewer);
    em.create(OptionChallenge, { booking, onBehalfOf: other, deadline: input.deadline, expiryBefore: booking.optionExpiresAt, actorRole: actor.role, actorId: actor.id });
    booking.optionExpiresAt = input.deadline;
    await em.flush();
    return ok(booking);
  });
}

/** The challenge whose deadline the option ran out on, if it lapsed that way (its expiry is a challenge's deadline). */
export async function expiredChallenge(em: EntityManager, option: PhysicalBooking): Promise<OptionChallenge | null> {
  if (!option.optionExpiresAt) return null;
  return em.findOne(OptionChallenge, { booking: option.id, deadline: option.optionExpiresAt }, { orderBy: { createdAt: 'desc' } });
}

/** This request's loader of the latest challenge at either end of each option, as its viewer may see it. */
export const challengeLoader = perRequest(
  'optionChallenge',
  (ctx) =>
    new DataLoader<string, OptionChallengeView | null>(async (ids) => {
      const challenges = await ctx.em.find(
        OptionChallenge,
        { $or: [{ booking: { $in: [...ids] } }, { onBehalfOf: { $in: [...ids] } }] },
        { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['booking', 'onBehalfOf'] },
      );
      const viewer = viewerOf(ctx);
      return ids.map((id) => {
        const latest = challenges.filter((c) => c.booking.id === id || c.onBehalfOf.id === id).at(-1);
        if (!latest) return null;
        const challenged = latest.booking.id === id;
        const other = (challenged ? latest.onBehalfOf : latest.booking).getEntity();
        return Object.assign(new OptionChallengeView(), {
          side: challenged ? ChallengeSide.CHALLENGED : ChallengeSide.ON_BEHALF,
          deadline: latest.deadline,
          challengedAt: latest.createdAt,
          expiryBefore: challenged ? latest.expiryBefore : null,
          otherOptionId: can(viewer, Action.READ_BOOKING, bookingFacts(other)) ? other.id : null,
        });
      });
    }),
);
