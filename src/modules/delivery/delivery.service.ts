import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/ids';
import { fail, ok, userError, UserErrorCode, type Result } from '../../common/user-error';
import { checkText, collect } from '../../common/validate';
import { Action, bookingFacts, can } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { inTransaction } from '../../core/transaction';
import { actorId, type Viewer } from '../../core/viewer';
import { BookingStatus } from '../booking/booking-status';
import { Booking, DigitalBooking, type Deliverable } from '../booking/booking.entity';
import { DigitalTwin } from '../twin/twin.entity';
import { Delivery, DeliveryStatus } from './delivery.entity';
import type { RejectDeliveryInput, SubmitDeliveryInput } from './delivery.types';

const notOpen = (booking: Booking, field: string[]) =>
  fail(userError(UserErrorCode.DELIVERY_NOT_OPEN, `deliveries are submitted and decided while a digital booking is CONFIRMED; this one is ${booking.status}`, field));

/** Submits what the twin produced for a confirmed digital booking: the model's agency (which runs the production) or an admin. */
export async function submitDelivery(ctx: RequestContext, input: SubmitDeliveryInput): Promise<Result<Delivery>> {
  const viewer = viewerOf(ctx);
  const errors = collect(
    checkText(input.kind, ['input', 'kind'], 50),
    checkText(input.assetReference, ['input', 'assetReference'], 500),
    Number.isInteger(input.quantity) && input.quantity >= 1 && input.quantity <= 10_000 ? null : userError(UserErrorCode.INVALID_INPUT, 'quantity must be 1 to 10,000', ['input', 'quantity']),
  );
  if (errors.length) return fail(...errors);
  return inTransaction(ctx, async (em) => {
    // Locked like a completion locks it: a delivery lands before the completion that pays for it, or not at all.
    const booking = isUuid(input.bookingId) ? await em.findOne(Booking, input.bookingId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!booking || !can(viewer, Action.READ_DELIVERIES, bookingFacts(booking))) return fail(userError(UserErrorCode.BOOKING_NOT_FOUND, 'no such booking', ['input', 'bookingId']));
    if (!can(viewer, Action.SUBMIT_DELIVERY, bookingFacts(booking))) return fail(userError(UserErrorCode.FORBIDDEN, "the model's agency submits what her twin produced", ['input', 'bookingId']));
    if (!(booking instanceof DigitalBooking) || booking.status !== BookingStatus.CONFIRMED) return notOpen(booking, ['input', 'bookingId']);
    const delivery = em.create(Delivery, {
      booking,
      kind: input.kind.trim().toUpperCase(),
      quantity: input.quantity,
      assetReference: input.assetReference.trim(),
      submittedByRole: viewer.role,
      submittedById: actorId(viewer),
    });
    await em.flush();
    return ok(delivery);
  });
}

/** The delivery and its booking, locked, if the viewer may see it and may decide it under the twin's consent in force. */
async function loadForDecision(em: EntityManager, viewer: Viewer, deliveryId: string, field: string[]): Promise<Result<Delivery>> {
  const delivery = isUuid(deliveryId) ? await em.findOne(Delivery, deliveryId) : null;
  const booking = delivery ? await em.findOne(Booking, delivery.booking.id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!delivery || !booking || !can(viewer, Action.READ_DELIVERIES, bookingFacts(booking))) {
    return fail(userError(UserErrorCode.DELIVERY_NOT_FOUND, 'no such delivery', field));
  }
  // Her approval is hers unless her consent in force delegates it to her agency.
  const twin = await em.findOne(DigitalTwin, { model: booking.model.id });
  const action = twin?.approvalDelegatedToAgency ? Action.APPROVE_DELIVERY_DELEGATED : Action.APPROVE_DELIVERY;
  if (!can(viewer, action, bookingFacts(booking))) {
    return fail(userError(UserErrorCode.FORBIDDEN, "the model approves what her twin produced; her agency only where her consent delegates it", field));
  }
  await em.refresh(delivery);
  if (delivery.status !== DeliveryStatus.SUBMITTED) {
    return fail(userError(UserErrorCode.DELIVERY_ALREADY_DECIDED, `the delivery was already ${delivery.status.toLowerCase()}`, field));
  }
  if (booking.status !== BookingStatus.CONFIRMED) return notOpen(booking, field);
  return ok(delivery);
}

/** Approves or rejects a submitted delivery: the model, or her agency where her consent delegates it. */
export async function decideDelivery(ctx: RequestContext, deliveryId: string, rejection: RejectDeliveryInput | null): Promise<Result<Delivery>> {
  const viewer = viewerOf(ctx);
  const reasonError = rejection ? checkText(rejection.reason, ['input', 'reason'], 500) : null;
  if (reasonError) return fail(reasonError);
  return inTransaction(ctx, async (em) => {
    // Named as the client sent it: approveDelivery(id) or rejectDelivery(input: { deliveryId }).
    const loaded = await loadForDecision(em, viewer, deliveryId, rejection ? ['input', 'deliveryId'] : ['id']);
    if (!loaded.ok) return loaded;
    Object.assign(loaded.value, {
      status: rejection ? DeliveryStatus.REJECTED : DeliveryStatus.APPROVED,
      decidedByRole: viewer.role,
      decidedById: actorId(viewer),
      decidedAt: new Date(),
      rejectionReason: rejection ? rejection.reason.trim() : null,
    });
    await em.flush();
    return ok(loaded.value);
  });
}

/** What was delivered and approved for a booking, totalled by kind in the order kinds were first submitted: what completion prices. */
export async function approvedItems(em: EntityManager, bookingId: string): Promise<Deliverable[]> {
  const approved = await em.find(Delivery, { booking: bookingId, status: DeliveryStatus.APPROVED }, { orderBy: { submittedAt: 'asc', id: 'asc' } });
  const totals = new Map<string, number>();
  for (const d of approved) totals.set(d.kind, (totals.get(d.kind) ?? 0) + d.quantity);
  return [...totals].map(([kind, quantity]) => ({ kind, quantity }));
}

/** A booking's deliveries, oldest first, if the viewer may see them (READ_DELIVERIES). */
export async function deliveriesOf(ctx: RequestContext, booking: DigitalBooking): Promise<Delivery[] | null> {
  if (!can(viewerOf(ctx), Action.READ_DELIVERIES, bookingFacts(booking))) return null;
  return ctx.em.find(Delivery, { booking: booking.id }, { orderBy: { submittedAt: 'asc', id: 'asc' } });
}
