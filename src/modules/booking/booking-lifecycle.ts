import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/ids';
import { fail, ok, userError, UserErrorCode, UserErrorsException, type Result } from '../../common/user-error';
import { checkText } from '../../common/validate';
import { Action, bookingFacts, can, mayEver, Relation, relationTo } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import type { Viewer } from '../../core/viewer';
import { actorOf, SYSTEM_ACTOR } from './booking-history';
import { inTransaction } from '../../core/transaction';
import { BookingStatus } from './booking-status';
import { canTransition } from './booking-transitions';
import { transition, transitionError } from './booking-transition';
import { Booking, DigitalBooking, PhysicalBooking } from './booking.entity';
import { consentVersionInForce, twinJobOf, twinRefusals } from './booking.service';
import { firstOptionAhead, isLiveOption, releaseOverlappingOptions } from './option-ranking';
import { clashError, findClash, isClashViolation, optionAheadError } from './physical-clash';
import { Model } from '../model/model.entity';
import { PayoutReason } from '../payout/payout.entity';
import { writePayouts } from '../payout/payout-ledger';
import { BookingQuote } from '../pricing/booking-quote.entity';
import { cancellationCharge, freezeQuoteOrRefuse, recordCharge } from '../pricing/quote.service';
import { cancellationBps } from '../pricing/splits';
import { holdModelSchedule, lockedOutError, lockoutsInForce } from '../lockout/lockout.service';
import { overrideForbidden } from './booking.service';
import { expiredChallenge } from './option-challenge';

/**
 * A brand that cancels a confirmed booking pays the share of its frozen quote that the notice it gave calls for: its
 * final charge, recorded on the deal memo with the payouts that add up to it.
 */
async function chargeCancellation(em: EntityManager, booking: Booking, at: Date): Promise<void> {
  const quote = await em.findOne(BookingQuote, { booking: booking.id });
  if (!quote) return;
  const bps = cancellationBps(quote.terms.cancellationBands, booking.start, at);
  if (bps === 0) return;
  const fee = cancellationCharge(quote, bps);
  const model = await em.findOneOrFail(Model, booking.model.id);
  writePayouts(em, booking, model, fee, quote.currency, PayoutReason.CANCELLATION);
  recordCharge(quote, fee, at);
}

/** Loads a booking for a change, locked against concurrent changes, if the viewer may act on it. */
export async function loadForChange(em: EntityManager, viewer: Viewer, id: string): Promise<Result<Booking>> {
  const booking = isUuid(id) ? await em.findOne(Booking, id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!booking || !can(viewer, Action.READ_BOOKING, bookingFacts(booking))) return fail(userError(UserErrorCode.BOOKING_NOT_FOUND, 'no such booking', ['id']));
  if (!can(viewer, Action.CHANGE_BOOKING, bookingFacts(booking))) return fail(userError(UserErrorCode.FORBIDDEN, "a model's bookings are changed by her agency", ['id']));
  return ok(booking);
}

/**
 * Confirms a booking. A brand picks up its own physical option while it ranks 1st; the agency confirms any
 * option once none ranks above it, and may confirm a physical one through her lockouts with `overrideLockout`.
 * Confirming a physical booking releases the options it overlaps.
 */
export async function confirmBooking(ctx: RequestContext, id: string, overrideLockout: string | null = null): Promise<Result<Booking>> {
  const viewer = viewerOf(ctx);
  if (overrideLockout !== null) {
    const overrideError = checkText(overrideLockout, ['overrideLockout'], 500);
    if (overrideError) return fail(overrideError);
    if (!mayEver(viewer, Action.OVERRIDE_LOCKOUT)) return fail(overrideForbidden(['overrideLockout']));
  }
  return inTransaction(
    ctx,
    async (em) => {
      const loaded = await loadForChange(em, viewer, id);
      if (!loaded.ok) return loaded;
      const booking = loaded.value;
      if (!canTransition(booking.status, BookingStatus.CONFIRMED)) return fail(transitionError(booking.status, BookingStatus.CONFIRMED));
      const now = new Date();
      let historyReason: string | null = null;
      if (booking instanceof PhysicalBooking) {
        if (!isLiveOption(booking, now)) {
          const challenge = await expiredChallenge(em, booking);
          const expired = await transition(em, booking, BookingStatus.EXPIRED, SYSTEM_ACTOR, 'the option expired before it was confirmed');
          if (!expired.ok) return expired;
          await em.flush();
          if (challenge) return fail(userError(UserErrorCode.CHALLENGE_EXPIRED, `the option was challenged and not confirmed by ${challenge.deadline.toISOString()}`, ['id']));
          return fail(userError(UserErrorCode.OPTION_EXPIRED, `the option expired at ${booking.optionExpiresAt!.toISOString()}`, ['id']));
        }
        const ahead = await firstOptionAhead(em, booking.id, now);
        if (ahead) return fail(optionAheadError(viewer, ahead.option, `the option ranks ${ahead.ahead + 1}`, ['id']));
        const clash = await findClash(em, { modelId: booking.model.id, start: booking.blockedStart, end: booking.blockedEnd }, booking.id);
        if (clash) return fail(clashError(viewer, clash, ['id']));
        // The model row first, FOR SHARE, then (a later statement) her lockouts: a lockout placed meanwhile has either
        // committed and is read here, or waits for this confirmation and then sees it (see lockout.service.ts).
        await holdModelSchedule(em, booking.model.id);
        const [lockout] = await lockoutsInForce(em, booking.model.id, booking.blockedStart, booking.blockedEnd);
        if (lockout && overrideLockout === null) return fail(lockedOutError(lockout, ['id']));
        if (lockout && !can(viewer, Action.OVERRIDE_LOCKOUT, bookingFacts(booking))) return fail(overrideForbidden(['overrideLockout']));
        if (lockout) historyReason = `overrides a lockout: ${overrideLockout!.trim()}`;
      } else {
        if (!can(viewer, Action.CONFIRM_DIGITAL_BOOKING, bookingFacts(booking))) return fail(userError(UserErrorCode.FORBIDDEN, "the model's agency confirms work by her twin", ['id']));
        const refusals = await twinRefusals(em, twinJobOf(booking as DigitalBooking));
        if (refusals.length) return fail(...refusals);
        // Confirming accepts the job under the consent in force now, which may be a later version than at placing.
        (booking as DigitalBooking).consentVersion = await consentVersionInForce(em, booking.model.id);
      }
      // The deal memo: from now on the booking is priced with the card as it stands at this moment. A booking that
      // cannot be priced is not confirmed; thrown so that nothing of this request is kept.
      const quote = await freezeQuoteOrRefuse(em, booking, { argument: ['id'] });
      if (!quote.ok) throw new UserErrorsException(quote.errors);
      const moved = await transition(em, booking, BookingStatus.CONFIRMED, actorOf(viewer), historyReason);
      if (!moved.ok) throw new UserErrorsException(moved.errors);
      await em.flush();
      if (booking instanceof PhysicalBooking) {
        await releaseOverlappingOptions(em, booking, now);
        await em.flush();
      }
      return ok(booking);
    },
    async (err, em) => {
      if (!isClashViolation(err)) return null;
      const booking = await em.findOne(Booking, id);
      const clash = booking && (await findClash(em, { modelId: booking.model.id, start: booking.blockedStart, end: booking.blockedEnd }, booking.id));
      return clash ? clashError(viewer, clash, ['id']) : userError(UserErrorCode.PHYSICAL_CLASH, 'the model is already booked at that time', ['id']);
    },
  );
}

/**
 * Calls a booking off with a reason. An option becomes RELEASED when its brand gives it up and DECLINED when
 * the agency turns it down; a confirmed booking becomes CANCELLED.
 */
export async function cancelBooking(ctx: RequestContext, id: string, reason: string): Promise<Result<Booking>> {
  const viewer = viewerOf(ctx);
  const reasonError = checkText(reason, ['reason'], 500);
  if (reasonError) return fail(reasonError);
  return inTransaction(
    ctx,
    async (em) => {
      const loaded = await loadForChange(em, viewer, id);
      if (!loaded.ok) return loaded;
      const booking = loaded.value;
      const from = booking.status;
      if (booking instanceof PhysicalBooking && from === BookingStatus.OPTION && !isLiveOption(booking, new Date())) {
        // It had lapsed already: the history says so, rather than that its holder or the agency gave it up.
        const expired = await transition(em, booking, BookingStatus.EXPIRED, SYSTEM_ACTOR, 'the option had expired before it was cancelled');
        if (!expired.ok) return expired;
        await em.flush();
        return ok(booking);
      }
      // An option is released by its holder and declined by the agency; anything else is cancelled.
      const relation = relationTo(viewer, bookingFacts(booking));
      const to =
        from !== BookingStatus.OPTION
          ? BookingStatus.CANCELLED
          : relation === Relation.OWN_BRAND
            ? BookingStatus.RELEASED
            : relation === Relation.OWN_AGENCY
              ? BookingStatus.DECLINED
              : BookingStatus.CANCELLED;
      const moved = await transition(em, booking, to, actorOf(viewer), reason.trim());
      if (!moved.ok) return moved;
      if (from === BookingStatus.CONFIRMED && relation === Relation.OWN_BRAND) await chargeCancellation(em, booking, new Date());
      await em.flush();
      return ok(booking);
    }
  );
}
