import type { EntityManager } from '@mikro-orm/postgresql';
import { Action, bookingFacts, can } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { consentViolations, type ConsentScope } from '../twin/consent';
import { type Actor } from './booking-history';
import { BookingStatus, BookingType } from './booking-status';
import { transition } from './booking-transition';
import { DigitalBooking } from './booking.entity';

/** What a change of consent did to the twin's open work. */
export interface ConsentEffects {
  /** Options the consent no longer covers, now DECLINED. */
  declined: DigitalBooking[];
  /** Confirmed jobs the consent no longer covers, flagged for the agency (still CONFIRMED). */
  flagged: DigitalBooking[];
}

// The usage a booking was agreed for, as the consent rules read a request.
const usageOf = (b: DigitalBooking) => ({
  brandId: b.brand.id,
  category: b.category,
  media: b.usageMedia,
  territories: b.usageTerritories,
  usageStart: b.usageStart,
  usageEnd: b.usageEnd,
  productionEnd: b.end,
});

/**
 * Holds the model's open digital work to the consent now in force (version `version`). An option it no longer
 * covers is declined, through the lifecycle, with the terms in the reason; a confirmed job is agreed work, so it is
 * flagged for her agency to settle, never cancelled here; a flagged job the consent covers again loses its flag.
 * Nothing is deleted.
 */
export async function holdWorkToConsent(em: EntityManager, modelId: string, scope: ConsentScope, version: number, actor: Actor, now: Date): Promise<ConsentEffects> {
  const open = await em.find(
    DigitalBooking,
    { model: modelId, type: BookingType.DIGITAL, status: { $in: [BookingStatus.OPTION, BookingStatus.CONFIRMED] } },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const effects: ConsentEffects = { declined: [], flagged: [] };
  for (const booking of open) {
    // The twin's status is not the question here: a pause stops new work, it does not withdraw consent.
    const uncovered = consentViolations('ACTIVE', scope, usageOf(booking));
    const terms = uncovered.map((v) => v.message).join(' ');
    if (booking.status === BookingStatus.OPTION) {
      if (!uncovered.length) continue;
      const declined = await transition(em, booking, BookingStatus.DECLINED, actor, `consent version ${version} no longer covers it: ${terms}`);
      if (declined.ok) effects.declined.push(booking);
      continue;
    }
    if (uncovered.length) {
      // Flagged since the first consent that left it out; a later narrowing only restates the terms.
      booking.outsideConsentSince ??= now;
      booking.consentFlag = `consent version ${version} no longer covers it: ${terms}`;
      effects.flagged.push(booking);
    } else if (booking.outsideConsentSince) {
      booking.outsideConsentSince = null;
      booking.consentFlag = null;
    }
  }
  await em.flush();
  return effects;
}

/** The model's confirmed digital jobs whose production has not ended: the work a pause leaves running. */
export function runningDigitalJobs(em: EntityManager, modelId: string, now: Date): Promise<DigitalBooking[]> {
  return em.find(
    DigitalBooking,
    { model: modelId, type: BookingType.DIGITAL, status: BookingStatus.CONFIRMED, end: { $gt: now } },
    { orderBy: { start: 'asc', id: 'asc' } },
  );
}

/** The model's confirmed digital jobs flagged as outside her consent in force, longest flagged first. */
export function jobsOutsideConsent(em: EntityManager, modelId: string): Promise<DigitalBooking[]> {
  return em.find(
    DigitalBooking,
    { model: modelId, type: BookingType.DIGITAL, status: BookingStatus.CONFIRMED, outsideConsentSince: { $ne: null } },
    { orderBy: { outsideConsentSince: 'asc', id: 'asc' } },
  );
}

/** Whether the viewer is told that a booking fell outside her consent (READ_CONSENT_FLAG): her side, not the brand. */
export const mayReadConsentFlag = (ctx: RequestContext, booking: DigitalBooking): boolean => can(viewerOf(ctx), Action.READ_CONSENT_FLAG, bookingFacts(booking));
