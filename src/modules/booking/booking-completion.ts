import { LockMode } from '@mikro-orm/core';
import { isUuid } from '../../common/ids';
import { fail, ok, userError, UserErrorCode, UserErrorsException, type Result } from '../../common/user-error';
import { checkInstant } from '../../common/validate';
import { approvedItems } from '../delivery/delivery.service';
import { Action, bookingFacts, can } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Model } from '../model/model.entity';
import { PayoutReason } from '../payout/payout.entity';
import { writePayouts } from '../payout/payout-ledger';
import { BookingQuote } from '../pricing/booking-quote.entity';
import { factsOf, freezeQuoteOrRefuse, priceOrRefusal, recordCharge } from '../pricing/quote.service';
import { actorOf } from './booking-history';
import { inTransaction } from '../../core/transaction';
import { BookingStatus } from './booking-status';
import { canTransition } from './booking-transitions';
import { transition } from './booking-transition';
import { Booking, DigitalBooking, PhysicalBooking } from './booking.entity';
import type { CompleteBookingInput } from './booking.types';

/**
 * Completes a confirmed booking and writes its payouts, priced with the terms frozen at confirmation. Repeating it
 * (or racing it from another process) returns the completed booking and writes nothing more.
 */
export async function completeBooking(ctx: RequestContext, input: CompleteBookingInput): Promise<Result<Booking>> {
  const viewer = viewerOf(ctx);
  return inTransaction(
    ctx,
    async (em) => {
      // The row lock makes a concurrent completion wait here and then see COMPLETED.
      const booking = isUuid(input.id) ? await em.findOne(Booking, input.id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!booking || !can(viewer, Action.COMPLETE_BOOKING, bookingFacts(booking))) {
        return fail(userError(UserErrorCode.BOOKING_NOT_FOUND, 'no such booking of your models', ['input', 'id']));
      }
      if (booking.status === BookingStatus.COMPLETED) return ok(booking);
      if (!canTransition(booking.status, BookingStatus.COMPLETED)) {
        return fail(userError(UserErrorCode.TRANSITION_NOT_ALLOWED, `a ${booking.status} booking cannot become COMPLETED`, ['input', 'id']));
      }
      // Work that has not begun cannot be done: its payouts would pay for nothing. A digital job starts with its
      // production window, a physical one at its start.
      const now = new Date();
      if (now.getTime() < booking.start.getTime()) {
        return fail(userError(UserErrorCode.BOOKING_NOT_STARTED, `the work starts at ${booking.start.toISOString()}; it can be completed once it has started`, ['input', 'id']));
      }
      if (booking instanceof PhysicalBooking && input.actualEnd) {
        // Stored as given: an instant the database cannot hold (year 0, say) must stop here, not in SQL.
        const outOfSpan = checkInstant(input.actualEnd, ['input', 'actualEnd']);
        if (outOfSpan) return fail(outOfSpan);
        if (input.actualEnd.getTime() <= booking.start.getTime()) {
          return fail(userError(UserErrorCode.INVALID_RANGE, 'the actual end must be after the start', ['input', 'actualEnd']));
        }
        booking.actualEnd = input.actualEnd;
      }
      if (booking instanceof DigitalBooking) {
        // A twin job is paid for what she (or her agency, where her consent delegates it) approved, never for what
        // anyone declares at completion.
        if (input.delivered) {
          return fail(userError(UserErrorCode.INVALID_INPUT, 'a digital job is paid for its approved deliveries (submitDelivery, approveDelivery), not for a list given at completion', ['input', 'delivered']));
        }
        const approved = await approvedItems(em, booking.id);
        if (!approved.length) {
          return fail(userError(UserErrorCode.DELIVERY_NOT_APPROVED, 'nothing delivered for this booking has been approved yet: there is nothing to pay for', ['input', 'id']));
        }
        booking.delivered = approved;
      }
      // Only a booking confirmed before confirming required a price has no deal memo: it is priced now, from the card
      // as it stands. Thrown, not returned: a refused completion must roll back the actual end or delivery written above.
      const found = await em.findOne(BookingQuote, { booking: booking.id });
      const memo = found ? ok(found) : await freezeQuoteOrRefuse(em, booking, { argument: ['input', 'id'] });
      if (!memo.ok) {
        throw new UserErrorsException(
          memo.errors.map((e) => userError(e.code, `this booking was confirmed without a price, and cannot be priced now: ${e.message}`, e.field)),
        );
      }
      const frozen = memo.value;
      const result = priceOrRefusal(frozen.terms, factsOf(booking));
      if ('refusal' in result) {
        // The delivery is at fault only when the client sent one; otherwise what was ordered is, and the booking is named.
        throw new UserErrorsException([userError(UserErrorCode.UNPRICED_TERM, result.refusal, input.delivered ? ['input', 'delivered'] : ['input', 'id'])]);
      }
      const priced = result.priced;
      const model = await em.findOneOrFail(Model, booking.model.id);
      // What the brand is charged and what the parties are owed come from one pricing, so they always agree.
      writePayouts(em, booking, model, priced, priced.currency, PayoutReason.FEE);
      recordCharge(frozen, priced, now);
      booking.completedAt = new Date();
      // Thrown for the same reason as above: the payouts and the completion time must not outlive a refused change.
      const moved = await transition(em, booking, BookingStatus.COMPLETED, actorOf(viewer), null, ['input', 'id']);
      if (!moved.ok) throw new UserErrorsException(moved.errors);
      await em.flush();
      return ok(booking);
    }
  );
}
