import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, userError, UserErrorCode, UserErrorsException, type Result, type UserError } from '../../common/user-error';
import { checkRange, checkText, checkTimeZone, collect } from '../../common/validate';
import { Action, bookingFacts, can } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { inTransaction } from '../../core/transaction';
import type { Viewer } from '../../core/viewer';
import { Model } from '../model/model.entity';
import { PayoutReason } from '../payout/payout.entity';
import { writePayouts } from '../payout/payout-ledger';
import { BookingQuote } from '../pricing/booking-quote.entity';
import { freezeQuoteOrRefuse, postponementCharge, recordCharge, repriceFrozen } from '../pricing/quote.service';
import { BookingChangeKind } from './booking-history.entity';
import { actorOf, recordMove, SYSTEM_ACTOR } from './booking-history';
import { loadForChange } from './booking-lifecycle';
import { BookingStatus } from './booking-status';
import { transition } from './booking-transition';
import { Booking, BOOKING_PLACEMENT_SEQUENCE, DigitalBooking, PhysicalBooking } from './booking.entity';
import { checkDigitalSpans, checkTravel, MAX_PHYSICAL_MS, twinJobOf, twinRefusals } from './booking.service';
import type { PostponeBookingInput, RescheduleBookingInput } from './booking.types';
import { firstLiveOptionOver, isLiveOption } from './option-ranking';
import { clashError, findClash, isClashViolation, optionAheadError, type BlockedRange } from './physical-clash';
import { holdModelSchedule, lockedOutError, lockoutsInForce } from '../lockout/lockout.service';
import { ClaimKind } from '../twin/exclusivity';
import { isExclusivityViolation } from './exclusivity-claims';

/*
 * Moving a booking in time keeps its id, its brand and its deal memo, and applies the rules afresh at the new time,
 * as if it were placed there now: a confirmed booking clashes with no confirmed one (the exclusion constraint
 * guarantees it) and waits for no live option there (it is refused OPTION_NOT_FIRST, as booking it as confirmed would
 * be); an option is not placed over confirmed work and goes to the back of the line at its new time (a new placement);
 * a twin job stays inside the twin's consent and cap. A confirmed job is priced again under its frozen terms. The
 * move, its history line and the new price are one transaction: all of it is written, or none.
 */

const MINUTE = 60_000;
const ID_FIELD = ['input', 'id'];

// An option moved is placed anew: it ranks from the moment it moved, behind the options already holding that time.
const NEW_PLACEMENT = `update booking set placement = nextval('${BOOKING_PLACEMENT_SEQUENCE}') where id = ?`;

/** Where a physical booking goes: its new times, place and travel. */
interface PhysicalMove {
  start: Date;
  end: Date;
  travelBefore: number;
  travelAfter: number;
  locationName: string;
  locationTimeZone: string;
}

const blockedOf = (modelId: string, to: PhysicalMove): BlockedRange => ({
  modelId,
  start: new Date(to.start.getTime() - to.travelBefore * MINUTE),
  end: new Date(to.end.getTime() + to.travelAfter * MINUTE),
});

/** Every problem with the shape of a reschedule request, before anything is looked up. */
function checkRescheduleInput(input: RescheduleBookingInput): UserError[] {
  return collect(
    checkRange(input.start, input.end, ['input', 'end']),
    input.location ? checkText(input.location.name, ['input', 'location', 'name']) : null,
    input.location ? checkTimeZone(input.location.timeZone, ['input', 'location', 'timeZone']) : null,
    checkTravel(input.travelBeforeMinutes, ['input', 'travelBeforeMinutes']),
    checkTravel(input.travelAfterMinutes, ['input', 'travelAfterMinutes']),
    input.usage ? checkRange(input.usage.start, input.usage.end, ['input', 'usage', 'end']) : null,
    input.reason != null ? checkText(input.reason, ['input', 'reason'], 500) : null,
  );
}

/**
 * Loads a booking to move, locked, if the viewer may see it and take `actionFor` it; an option past its expiry becomes
 * EXPIRED (as on confirming) and is refused; a booking that is neither an option nor confirmed does not move.
 */
async function loadToMove(em: EntityManager, viewer: Viewer, id: string, now: Date, actionFor: (b: Booking) => { action: Action; refusal: string }): Promise<Result<Booking>> {
  const loaded = await loadForChange(em, viewer, id);
  if (!loaded.ok) return fail(...loaded.errors.map((e) => userError(e.code, e.message, ID_FIELD)));
  const booking = loaded.value;
  const { action, refusal } = actionFor(booking);
  if (!can(viewer, action, bookingFacts(booking))) return fail(userError(UserErrorCode.FORBIDDEN, refusal, ID_FIELD));
  if (booking instanceof PhysicalBooking && booking.status === BookingStatus.OPTION && !isLiveOption(booking, now)) {
    const expired = await transition(em, booking, BookingStatus.EXPIRED, SYSTEM_ACTOR, 'the option expired before it was moved', ID_FIELD);
    if (!expired.ok) return expired;
    await em.flush();
    return fail(userError(UserErrorCode.OPTION_EXPIRED, `the option expired at ${booking.optionExpiresAt!.toISOString()}`, ID_FIELD));
  }
  if (booking.status !== BookingStatus.OPTION && booking.status !== BookingStatus.CONFIRMED) {
    return fail(userError(UserErrorCode.TRANSITION_NOT_ALLOWED, `a ${booking.status} booking cannot be moved; only an option or a confirmed booking can`, ID_FIELD));
  }
  return ok(booking);
}

/**
 * Moves a physical booking in the caller's transaction, or says why not (writing nothing). The checks answer well; the
 * exclusion constraint, checked as the row is written, is what guarantees no clash under any concurrency.
 */
async function movePhysical(em: EntityManager, viewer: Viewer, booking: PhysicalBooking, to: PhysicalMove, now: Date): Promise<UserError | null> {
  const range = blockedOf(booking.model.id, to);
  const clash = await findClash(em, range, booking.id);
  if (clash) return clashError(viewer, clash, ['input', 'start']);
  // Her lockouts hold at the new time as they would for a new booking: the model row first (FOR SHARE), then the
  // lockouts in a later statement, so that a lockout placed at the same moment is either seen here or sees this move.
  await holdModelSchedule(em, booking.model.id);
  const [lockout] = await lockoutsInForce(em, booking.model.id, range.start, range.end);
  if (lockout) return lockedOutError(lockout, ['input', 'start']);
  if (booking.status === BookingStatus.CONFIRMED) {
    const options = await firstLiveOptionOver(em, range, booking.id, now);
    if (options) {
      return optionAheadError(viewer, options.option, `${options.ahead} live option(s) hold the new time; confirm or release them first`, ['input', 'start']);
    }
  }
  Object.assign(booking, {
    start: to.start,
    end: to.end,
    blockedStart: range.start,
    blockedEnd: range.end,
    travelBeforeMinutes: to.travelBefore,
    travelAfterMinutes: to.travelAfter,
    locationName: to.locationName,
    locationTimeZone: to.locationTimeZone,
  });
  await em.flush();
  // Its own use moves with it: the exclusion constraints on the claims check the new period against others' exclusivity.
  await em.execute(MOVE_USAGE_CLAIMS, [to.start, to.end, booking.id]);
  if (booking.status === BookingStatus.OPTION) await em.execute(NEW_PLACEMENT, [booking.id]);
  return null;
}

/** Prices a confirmed booking that moved again under its deal memo's terms; thrown, so that a refusal undoes the move. */
async function repriceMoved(em: EntityManager, booking: Booking, quote?: BookingQuote | null): Promise<void> {
  if (booking.status !== BookingStatus.CONFIRMED) return;
  // A booking confirmed before confirming required a price has no deal memo: it is priced when it is completed.
  const memo = quote === undefined ? await em.findOne(BookingQuote, { booking: booking.id }) : quote;
  if (!memo) return;
  const repriced = repriceFrozen(memo, booking, { argument: ID_FIELD });
  if (!repriced.ok) throw new UserErrorsException(repriced.errors);
}

// The period of a booking's own use; the claims of an exclusivity it grants keep theirs.
const MOVE_USAGE_CLAIMS = `update exclusivity_claim set start_at = ?, end_at = ? where booking_id = ? and kind = '${ClaimKind.USAGE}'`;

/** The clash a move met at the database, named as the check would have named it. */
function clashAt(viewer: Viewer, attempted: () => BlockedRange | null) {
  return async (err: unknown, em: EntityManager): Promise<UserError | null> => {
    if (isExclusivityViolation(err)) {
      // Named without the brand that holds it, as a new booking's refusal is.
      return userError(UserErrorCode.EXCLUSIVITY_CONFLICT, "another brand's exclusivity in this category covers where and when the work would then be used", ['input', 'start']);
    }
    if (!isClashViolation(err)) return null;
    const range = attempted();
    const clash = range && (await findClash(em, range));
    return clash ? clashError(viewer, clash, ['input', 'start']) : userError(UserErrorCode.PHYSICAL_CLASH, 'the model is already booked at that time', ['input', 'start']);
  };
}

/**
 * Moves an option or a confirmed booking to a new time (and, physical, place and travel; digital, licence period),
 * keeping its id, brand and deal memo, with the rules applied at the new time. A brand moves its own options; a
 * confirmed booking is moved by the agency, and priced again under its frozen terms.
 */
export async function rescheduleBooking(ctx: RequestContext, input: RescheduleBookingInput): Promise<Result<Booking>> {
  const viewer = viewerOf(ctx);
  const errors = checkRescheduleInput(input);
  if (errors.length) return fail(...errors);
  let attempted: BlockedRange | null = null;
  return inTransaction(
    ctx,
    async (em) => {
      attempted = null;
      const now = new Date();
      const loaded = await loadToMove(em, viewer, input.id, now, (b) =>
        b.status === BookingStatus.CONFIRMED
          ? { action: Action.RESCHEDULE_CONFIRMED, refusal: 'a confirmed booking is moved by the model’s agency' }
          : { action: Action.RESCHEDULE_OPTION, refusal: 'only its brand or the model’s agency moves an option' },
      );
      if (!loaded.ok) return loaded;
      const booking = loaded.value;
      const from = { start: booking.start, end: booking.end };
      if (booking instanceof PhysicalBooking) {
        if (input.usage) return fail(userError(UserErrorCode.INVALID_INPUT, 'a physical booking has no licence period', ['input', 'usage']));
        if (input.end.getTime() - input.start.getTime() > MAX_PHYSICAL_MS) {
          return fail(userError(UserErrorCode.INVALID_RANGE, 'a physical booking may span at most 31 days', ['input', 'end']));
        }
        const to: PhysicalMove = {
          start: input.start,
          end: input.end,
          travelBefore: input.travelBeforeMinutes ?? booking.travelBeforeMinutes,
          travelAfter: input.travelAfterMinutes ?? booking.travelAfterMinutes,
          locationName: input.location?.name.trim() ?? booking.locationName,
          locationTimeZone: input.location?.timeZone ?? booking.locationTimeZone,
        };
        attempted = blockedOf(booking.model.id, to);
        const refused = await movePhysical(em, viewer, booking, to, now);
        if (refused) return fail(refused);
      } else {
        const refused = await moveDigital(em, booking as DigitalBooking, input);
        if (refused.length) return fail(...refused);
      }
      await repriceMoved(em, booking);
      await recordMove(em, booking, BookingChangeKind.RESCHEDULE, from, actorOf(viewer), input.reason?.trim() || null);
      await em.flush();
      return ok(booking);
    },
    clashAt(viewer, () => attempted),
  );
}

/** Moves a twin job's production window (and licence period) inside the twin's consent and cap, or says why not. */
async function moveDigital(em: EntityManager, booking: DigitalBooking, input: RescheduleBookingInput): Promise<UserError[]> {
  if (input.location || input.travelBeforeMinutes != null || input.travelAfterMinutes != null) {
    return [userError(UserErrorCode.INVALID_INPUT, 'a digital job has no place or travel', ['input', 'location'])];
  }
  const usage = input.usage ?? { start: booking.usageStart, end: booking.usageEnd };
  const spans = checkDigitalSpans(input, usage);
  if (spans.length) return spans;
  // The twin is locked while it is checked, so that its cap holds against bookings placed at the same time.
  const refusals = await twinRefusals(em, { ...twinJobOf(booking), start: input.start, end: input.end, productionEnd: input.end, usageStart: usage.start, usageEnd: usage.end });
  if (refusals.length) return refusals;
  Object.assign(booking, { start: input.start, end: input.end, blockedStart: input.start, blockedEnd: input.end, usageStart: usage.start, usageEnd: usage.end });
  // Its use (production window and licence, as when it was placed) moves too, checked against others' exclusivity.
  await em.execute(MOVE_USAGE_CLAIMS, [new Date(Math.min(input.start.getTime(), usage.start.getTime())), new Date(Math.max(input.end.getTime(), usage.end.getTime())), booking.id]);
  return [];
}

/**
 * Postpones a confirmed physical job for weather to a new time (its place and travel stay), with the move's rules, and
 * charges the brand the postponement fee its deal memo holds, as payouts split like the total: once per postponement.
 * Asked again once done (a retry, or the same request racing), it finds the job at that time and changes nothing.
 */
export async function postponeBooking(ctx: RequestContext, input: PostponeBookingInput): Promise<Result<Booking>> {
  const viewer = viewerOf(ctx);
  const errors = collect(checkRange(input.start, input.end, ['input', 'end']), checkText(input.reason, ['input', 'reason'], 500));
  if (errors.length) return fail(...errors);
  if (input.end.getTime() - input.start.getTime() > MAX_PHYSICAL_MS) {
    return fail(userError(UserErrorCode.INVALID_RANGE, 'a physical booking may span at most 31 days', ['input', 'end']));
  }
  let attempted: BlockedRange | null = null;
  return inTransaction(
    ctx,
    async (em) => {
      attempted = null;
      const now = new Date();
      const loaded = await loadToMove(em, viewer, input.id, now, () => ({ action: Action.POSTPONE_BOOKING, refusal: 'a job is postponed by the model’s agency' }));
      if (!loaded.ok) return loaded;
      const booking = loaded.value;
      if (!(booking instanceof PhysicalBooking)) {
        return fail(userError(UserErrorCode.INVALID_INPUT, 'only a physical job is postponed for weather; move twin work with rescheduleBooking', ID_FIELD));
      }
      if (booking.status !== BookingStatus.CONFIRMED) {
        return fail(userError(UserErrorCode.TRANSITION_NOT_ALLOWED, `an ${booking.status} is not postponed; only a confirmed job is (move an option with rescheduleBooking)`, ID_FIELD));
      }
      // The row lock taken above makes a racing twin of this request wait, then land here: already done, nothing owed.
      if (booking.start.getTime() === input.start.getTime() && booking.end.getTime() === input.end.getTime()) return ok(booking);
      const memo = await em.findOne(BookingQuote, { booking: booking.id });
      const quote = memo ? ok(memo) : await freezeQuoteOrRefuse(em, booking, { argument: ID_FIELD });
      if (!quote.ok) throw new UserErrorsException(quote.errors);
      // A share of the total agreed before the move, whatever the new length prices at.
      const fee = postponementCharge(quote.value);
      const from = { start: booking.start, end: booking.end };
      const to: PhysicalMove = {
        start: input.start,
        end: input.end,
        travelBefore: booking.travelBeforeMinutes,
        travelAfter: booking.travelAfterMinutes,
        locationName: booking.locationName,
        locationTimeZone: booking.locationTimeZone,
      };
      attempted = blockedOf(booking.model.id, to);
      const refused = await movePhysical(em, viewer, booking, to, now);
      if (refused) return fail(refused);
      await repriceMoved(em, booking, quote.value);
      const line = await recordMove(em, booking, BookingChangeKind.POSTPONEMENT, from, actorOf(viewer), input.reason.trim());
      if (fee.brandTotal > 0) {
        const model = await em.findOneOrFail(Model, booking.model.id);
        writePayouts(em, booking, model, fee, fee.currency, PayoutReason.POSTPONEMENT, line);
        recordCharge(quote.value, fee, now);
      }
      await em.flush();
      return ok(booking);
    },
    clashAt(viewer, () => attempted),
  );
}
