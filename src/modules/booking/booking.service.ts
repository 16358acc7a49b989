import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/ids';
import { fail, ok, userError, UserErrorCode, UserErrorsException, type Result, type UserError } from '../../common/user-error';
import { checkRange, checkText, checkTimeZone, collect } from '../../common/validate';
import { Action, bookingFacts, can, mayEver } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Role, type Viewer } from '../../core/viewer';
import { Brand } from '../brand/brand.entity';
import { Model } from '../model/model.entity';
import { consentViolations, type DigitalUsageRequest } from '../twin/consent';
import { DigitalTwin } from '../twin/twin.entity';
import { recordBookingEvent } from './booking-events';
import { actorOf, recordChange } from './booking-history';
import { freshReader, inSavepoint, inTransaction, retryTransient } from '../../core/transaction';
import { BookingStatus, BookingType } from './booking-status';
import { Booking, DigitalBooking } from './booking.entity';
import { rangeSql, twinHasRoomSql, twinPeakSql } from './booking-predicates';
import type { CreateDigitalBookingInput, CreatePhysicalBookingInput } from './booking.types';
import { clashError, findClash, isClashViolation, optionAheadError } from './physical-clash';
import { insertPhysicalBooking, physicalBookingFacts, waitsForLiveOptions } from './physical-booking.repository';
import { freezeQuoteOrRefuse, priceOrRefuse } from '../pricing/quote.service';
import { termsFromCard, type PricedBooking } from '../pricing/quote';
import type { FrozenTerms } from '../pricing/booking-quote.entity';
import { modelTermsCache } from './booking.loaders';
import { lockedOutError } from '../lockout/lockout.service';
import { checkExclusivityInput, checkProductScope, claimsOf, exclusivityConflictError, isExclusivityViolation, writeClaims, type BookingClaims } from './exclusivity-claims';

const MAX_TRAVEL_MINUTES = 24 * 60;
/** Reads and writes of one create before it gives up on terms that keep changing under it. */
const MAX_WRITE_ATTEMPTS = 3;
const MINUTE = 60_000;
const DAY_MS = 24 * 60 * MINUTE;
/** The longest a physical booking, a production window and a licence may run. */
export const MAX_PHYSICAL_MS = 31 * DAY_MS;
const MAX_JOB_MS = 366 * DAY_MS;
const MAX_LICENCE_MS = 3653 * DAY_MS;

interface Parties {
  model: Model;
  brand: Brand;
}

/** Who books whom, before anything is looked up: a brand for itself, an agency or an admin for a brand named; a model books nothing. Gives the brand. */
function bookingBrand(viewer: Viewer, input: { brandId?: string | null; status?: BookingStatus | null }): Result<string> {
  if (!mayEver(viewer, Action.BOOK_MODEL)) return fail(userError(UserErrorCode.FORBIDDEN, 'a model does not book herself; her agency does'));
  if (viewer.role === Role.BRAND && input.brandId && input.brandId !== viewer.brandId) {
    return fail(userError(UserErrorCode.FORBIDDEN, 'a brand books for itself only', ['input', 'brandId']));
  }
  if (input.status === BookingStatus.CONFIRMED && !mayEver(viewer, Action.BOOK_MODEL_CONFIRMED)) {
    return fail(userError(UserErrorCode.FORBIDDEN, 'a brand places options; the agency confirms', ['input', 'status']));
  }
  if (input.status && input.status !== BookingStatus.OPTION && input.status !== BookingStatus.CONFIRMED) {
    return fail(userError(UserErrorCode.INVALID_INPUT, 'a new booking is an OPTION or CONFIRMED', ['input', 'status']));
  }
  const brandId = viewer.role === Role.BRAND ? viewer.brandId : input.brandId;
  if (!brandId) return fail(userError(UserErrorCode.INVALID_INPUT, 'brandId is required', ['input', 'brandId']));
  return ok(brandId);
}

const modelNotFound = () => fail(userError(UserErrorCode.MODEL_NOT_FOUND, 'no such model', ['input', 'modelId']));
const brandNotFound = () => fail(userError(UserErrorCode.BRAND_NOT_FOUND, 'no such brand', ['input', 'brandId']));

/** True when the viewer may book this model (BOOK_MODEL): an agency only its own; a brand or an admin any. */
const maySeeModelToBook = (viewer: Viewer, model: { modelId: string; agencyId: string }) => can(viewer, Action.BOOK_MODEL, model);

/** Who books whom (checked for booking and for quoting): a brand for itself, an agency for its own models, an admin for anyone; a model books nothing. */
export async function resolveParties(
  em: EntityManager,
  viewer: Viewer,
  input: { modelId: string; brandId?: string | null; status?: BookingStatus | null },
): Promise<Result<Parties>> {
  const brandId = bookingBrand(viewer, input);
  if (!brandId.ok) return brandId;
  const model = isUuid(input.modelId) ? await em.findOne(Model, input.modelId) : null;
  if (!model || !maySeeModelToBook(viewer, { modelId: model.id, agencyId: model.agency.id })) return modelNotFound();
  const brand = isUuid(brandId.value) ? await em.findOne(Brand, brandId.value) : null;
  if (!brand) return brandNotFound();
  return ok({ model, brand });
}

export function checkTravel(minutes: number | null | undefined, field: string[]): UserError | null {
  if (minutes == null || (Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_TRAVEL_MINUTES)) return null;
  return userError(UserErrorCode.INVALID_INPUT, `travel time must be 0 to ${MAX_TRAVEL_MINUTES} minutes`, field);
}

/** Every problem with the shape of a physical booking request, before anything is looked up. */
export function checkPhysicalInput(input: CreatePhysicalBookingInput, status: BookingStatus, prefix: string[] = ['input']): UserError[] {
  const rangeError = checkRange(input.start, input.end, [...prefix, 'end']);
  return collect(
    checkText(input.title, [...prefix, 'title']),
    rangeError,
    checkText(input.location.name, [...prefix, 'location', 'name']),
    checkTimeZone(input.location.timeZone, [...prefix, 'location', 'timeZone']),
    checkTravel(input.travelBeforeMinutes, [...prefix, 'travelBeforeMinutes']),
    checkTravel(input.travelAfterMinutes, [...prefix, 'travelAfterMinutes']),
    !rangeError && input.end.getTime() - input.start.getTime() > MAX_PHYSICAL_MS
      ? userError(UserErrorCode.INVALID_RANGE, 'a physical booking may span at most 31 days', [...prefix, 'end'])
      : null,
    input.optionExpiresAt && status !== BookingStatus.OPTION
      ? userError(UserErrorCode.INVALID_INPUT, 'only an option has an expiry', [...prefix, 'optionExpiresAt'])
      : null,
    input.optionExpiresAt && input.optionExpiresAt.getTime() <= Date.now()
      ? userError(UserErrorCode.INVALID_INPUT, 'an option expiry must be in the future', [...prefix, 'optionExpiresAt'])
      : null,
    input.overrideLockout != null ? checkText(input.overrideLockout, [...prefix, 'overrideLockout'], 500) : null,
    ...checkProductScope(input.category, input.territories, prefix),
    ...checkExclusivityInput(input.exclusivity, input.category, prefix),
  );
}

/** The refusal of a lockout override by someone who is not her agency (nor an admin). */
export const overrideForbidden = (field: string[]): UserError =>
  userError(UserErrorCode.FORBIDDEN, "only the model's agency books through her lockouts", field);

const PHYSICAL_CLAIM_FIELDS = { usage: ['input', 'territories'], exclusivity: ['input', 'exclusivity', 'territories'] };
const DIGITAL_CLAIM_FIELDS = { usage: ['input', 'usage', 'territories'], exclusivity: ['input', 'exclusivity', 'territories'] };

/** Places a physical option or, for an agency, a confirmed booking; never one that clashes with a confirmed one. */
export async function createPhysicalBooking(ctx: RequestContext, input: CreatePhysicalBookingInput): Promise<Result<Booking>> {
  const viewer = viewerOf(ctx);
  const status = input.status ?? BookingStatus.OPTION;
  const errors = checkPhysicalInput(input, status);
  if (errors.length) return fail(...errors);
  const brandId = bookingBrand(viewer, { ...input, status });
  if (!brandId.ok) return brandId;
  if (input.overrideLockout != null && !mayEver(viewer, Action.OVERRIDE_LOCKOUT)) return fail(overrideForbidden(['input', 'overrideLockout']));
  if (!isUuid(input.modelId)) return modelNotFound();
  if (!isUuid(brandId.value)) return brandNotFound();
  const travelBefore = input.travelBeforeMinutes ?? 0;
  const travelAfter = input.travelAfterMinutes ?? 0;
  const blocked = { start: new Date(input.start.getTime() - travelBefore * MINUTE), end: new Date(input.end.getTime() + travelAfter * MINUTE) };

  // See physical-booking.repository.ts: one statement when the model's terms are remembered and still current, two when
  // they must be read. The checks here are there to answer well; the write checks again as it writes, and the
  // exclusion constraint is what guarantees that no clash is ever written.
  // Remembered by the id as the database writes it; a client may send it in capitals.
  const modelId = input.modelId.toLowerCase();
  // With a category the job meets other brands' exclusivities over its own time, wherever its work is used.
  const claims = claimsOf(input.category, { territories: input.territories ?? [], start: input.start, end: input.end }, input.exclusivity);
  // Racing writes over one model can deadlock while PostgreSQL checks the exclusion constraint: run it again, and a
  // racing clash then answers as a clash.
  return retryTransient(() => writePhysicalBooking(ctx, viewer, input, { modelId, brandId: brandId.value, status, blocked, travelBefore, travelAfter, claims }), ['input', 'start']);
}

/** The write of createPhysicalBooking, once its input is known to be well formed. */
async function writePhysicalBooking(
  ctx: RequestContext,
  viewer: Viewer,
  input: CreatePhysicalBookingInput,
  w: {
    modelId: string;
    brandId: string;
    status: BookingStatus;
    blocked: { start: Date; end: Date };
    travelBefore: number;
    travelAfter: number;
    claims: BookingClaims | null;
  },
): Promise<Result<Booking>> {
  const { modelId, status, blocked, travelBefore, travelAfter } = w;
  const overrideLockout = input.overrideLockout?.trim() ?? null;
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
    let terms = attempt === 0 ? modelTermsCache(ctx).get(modelId) : undefined;
    let remembered = !!terms;
    if (!terms || !maySeeModelToBook(viewer, terms)) {
      remembered = false;
      const facts = await physicalBookingFacts(ctx.em, {
        modelId,
        brandId: w.brandId,
        blockedStart: blocked.start,
        blockedEnd: blocked.end,
        // Options placed earlier hold the slot first: they are confirmed or released before anyone books over them.
        countOptions: waitsForLiveOptions(status),
      });
      if (!facts.terms || !maySeeModelToBook(viewer, facts.terms)) return modelNotFound();
      modelTermsCache(ctx).set(facts.terms);
      if (!facts.brandExists) return brandNotFound();
      if (facts.clash) return fail(clashError(viewer, facts.clash));
      if (facts.firstLiveOption) return fail(optionAheadError(viewer, facts.firstLiveOption, `${facts.liveOptions} live option(s) hold this time; confirm or release them first`, ['input', 'start']));
      if (facts.lockout && overrideLockout === null) return fail(lockedOutError(facts.lockout));
      terms = facts.terms;
    }
    if (overrideLockout !== null && !can(viewer, Action.OVERRIDE_LOCKOUT, { modelId, agencyId: terms.agencyId })) {
      return fail(overrideForbidden(['input', 'overrideLockout']));
    }
    // Booked as confirmed straight away: the deal memo is frozen now, as when an option is confirmed, and a booking
    // that cannot be priced is not booked as confirmed at all. Nothing is written yet, so refusing leaves no trace.
    let quote: { priced: PricedBooking; terms: FrozenTerms } | null = null;
    if (status === BookingStatus.CONFIRMED) {
      const frozen = terms.card ? termsFromCard(terms.card, null, terms.hasMotherAgency) : null;
      const priced = priceOrRefuse(frozen, { type: BookingType.PHYSICAL, start: input.start, end: input.end, travelMinutes: travelBefore + travelAfter, exclusivity: w.claims?.exclusivity }, { input: ['input'] });
      // Remembered terms may predate a card set since (by another process, say): refuse only on terms read afresh.
      if (!priced.ok && remembered) continue;
      if (!priced.ok) return priced;
      quote = { priced: priced.value, terms: frozen! };
    }
    try {
      // In a savepoint inside a caller's transaction (a campaign's), so that a refused write leaves it usable.
      const booking = await inSavepoint(ctx.em, (em) => insertPhysicalBooking(
        em,
        terms,
        {
          brandId: w.brandId,
          status,
          title: input.title.trim(),
          start: input.start,
          end: input.end,
          blockedStart: blocked.start,
          blockedEnd: blocked.end,
          locationName: input.location.name.trim(),
          locationTimeZone: input.location.timeZone,
          travelBeforeMinutes: travelBefore,
          travelAfterMinutes: travelAfter,
          optionExpiresAt: input.optionExpiresAt ?? null,
          overrideLockout,
          claims: w.claims,
        },
        actorOf(viewer),
        quote,
      ));
      if (booking) return ok(booking);
      // Written nothing: the model, her card, the brand or the options are not what the terms said. Read them again.
    } catch (err) {
      if (w.claims && isExclusivityViolation(err)) {
        return fail(await exclusivityConflictError(freshReader(ctx.em), { modelId, brandId: w.brandId }, w.claims, PHYSICAL_CLAIM_FIELDS));
      }
      if (!isClashViolation(err)) throw err;
      // Booked by someone else in the meantime: name what is in the way now.
      const clash = await findClash(freshReader(ctx.em), { modelId, ...blocked });
      return fail(clash ? clashError(viewer, clash) : userError(UserErrorCode.PHYSICAL_CLASH, 'the model is already booked at that time', ['input', 'start']));
    }
  }
  return fail(userError(UserErrorCode.CONCURRENT_CHANGE, 'the model, her rate card or her options kept changing while booking; nothing was written', ['input', 'modelId']));
}

/** A digital job as the twin's rules see it. */
export interface TwinJob extends DigitalUsageRequest {
  modelId: string;
  start: Date;
  end: Date;
  /** The booking itself, when re-checking one that exists. */
  bookingId?: string;
}

/** The twin job described by an existing digital booking. */
export const twinJobOf = (b: DigitalBooking): TwinJob => ({
  modelId: b.model.id,
  bookingId: b.id,
  brandId: b.brand.id,
  category: b.category,
  media: b.usageMedia,
  territories: b.usageTerritories,
  usageStart: b.usageStart,
  usageEnd: b.usageEnd,
  productionEnd: b.end,
  start: b.start,
  end: b.end,
});

// The twin's peak of live jobs over the new job's window (leaving out the job itself when it is moved), and whether
// one more fits under its cap.
const TWIN_ROOM = `select ${twinPeakSql('p.model_id', 'p.span', 'p.exclude')} as peak, ${twinHasRoomSql('t', 'p.model_id', 'p.span', 'p.exclude')} as has_room
  from (select ?::uuid as model_id, ${rangeSql('?::timestamptz', '?::timestamptz')} as span, ?::uuid as exclude) p
  join digital_twin t on t.model_id = p.model_id`;

/** What stops the twin from taking this job now: no twin, not active, a consent term not covered, or its cap. */
export async function twinRefusals(em: EntityManager, job: TwinJob): Promise<UserError[]> {
  // Locking the twin serializes concurrent bookings of it, so that its cap holds under any concurrency.
  const twin = await em.findOne(DigitalTwin, { model: job.modelId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!twin) return [userError(UserErrorCode.TWIN_NOT_FOUND, 'the model has no digital twin', ['input', 'modelId'])];
  const violations = consentViolations(twin.status, twin.consentScope, job);
  if (violations.length) {
    return violations.map((v) =>
      v.code === 'TWIN_NOT_ACTIVE'
        ? userError(UserErrorCode.TWIN_NOT_ACTIVE, `the twin is ${twin.status.toLowerCase()}`, ['input', 'modelId'])
        : userError(UserErrorCode.CONSENT_NOT_COVERED, v.message, CONSENT_FIELDS[v.field] ?? ['input']),
    );
  }
  if (twin.maxConcurrentJobs != null) {
    // The same SQL as the search for free twins asks (availableModels), so that what it offers this accepts.
    const [row] = await em.execute<{ peak: number; has_room: boolean }[]>(TWIN_ROOM, [job.modelId, job.start, job.end, job.bookingId ?? null]);
    if (!row.has_room) {
      return [
        userError(UserErrorCode.TWIN_CAPACITY_REACHED, `the twin already runs ${row.peak} job(s) at once then; its cap is ${twin.maxConcurrentJobs}`, ['input', 'start']),
      ];
    }
  }
  return [];
}

/** The number of the twin's consent version in force, read under the lock twinRefusals took: what a booking is accepted under. */
export async function consentVersionInForce(em: EntityManager, modelId: string): Promise<number | null> {
  const [row] = await em.execute<{ consent_version: number }[]>('select consent_version from digital_twin where model_id = ?', [modelId]);
  return row?.consent_version ?? null;
}

const CONSENT_FIELDS: Record<string, string[]> = {
  media: ['input', 'usage', 'media'],
  territories: ['input', 'usage', 'territories'],
  category: ['input', 'category'],
  brandId: ['input', 'brandId'],
  usageEnd: ['input', 'usage', 'end'],
  productionEnd: ['input', 'end'],
  modelId: ['input', 'modelId'],
};

/** How long a production window and a licence may run; a range already refused for its shape is passed as null. */
export function checkDigitalSpans(window: { start: Date; end: Date } | null, licence: { start: Date; end: Date } | null, prefix: string[] = ['input']): UserError[] {
  return collect(
    licence && licence.end.getTime() - licence.start.getTime() > MAX_LICENCE_MS
      ? userError(UserErrorCode.INVALID_RANGE, 'a licence may run at most 10 years', [...prefix, 'usage', 'end'])
      : null,
    window && window.end.getTime() - window.start.getTime() > MAX_JOB_MS
      ? userError(UserErrorCode.INVALID_RANGE, 'a production window may span at most 366 days', [...prefix, 'end'])
      : null,
  );
}

/** Every problem with the shape of a digital booking request, before anything is looked up. */
export function checkDigitalInput(input: CreateDigitalBookingInput, prefix: string[] = ['input']): UserError[] {
  const productionError = checkRange(input.start, input.end, [...prefix, 'end']);
  const usageError = checkRange(input.usage.start, input.usage.end, [...prefix, 'usage', 'end']);
  const errors = collect(checkText(input.title, [...prefix, 'title']), productionError, checkText(input.category, [...prefix, 'category'], 50), usageError);
  errors.push(...checkExclusivityInput(input.exclusivity, input.category, prefix));
  if (!input.deliverables.length) errors.push(userError(UserErrorCode.INVALID_INPUT, 'at least one deliverable', [...prefix, 'deliverables']));
  input.deliverables.forEach((d, i) => {
    const field = [...prefix, 'deliverables', String(i)];
    const kindError = checkText(d.kind, [...field, 'kind'], 50);
    if (kindError) errors.push(kindError);
    if (!Number.isInteger(d.quantity) || d.quantity < 1 || d.quantity > 10_000) {
      errors.push(userError(UserErrorCode.INVALID_INPUT, 'quantity must be 1 to 10,000', [...field, 'quantity']));
    }
  });
  // Bounded so that no request can price into amounts past what integers hold exactly.
  if (input.deliverables.length > 50) errors.push(userError(UserErrorCode.INVALID_INPUT, 'at most 50 deliverable lines', [...prefix, 'deliverables']));
  errors.push(...checkDigitalSpans(productionError ? null : input, usageError ? null : input.usage, prefix));
  errors.push(...checkUsageCodes(input.usage, [...prefix, 'usage']));
  return errors;
}

/** The media and territories a use is licensed for: 1 to 20 media, 1 to 60 territories, none blank. */
export function checkUsageCodes(usage: { media: string[]; territories: string[] }, field: string[]): UserError[] {
  const errors: UserError[] = [];
  if (usage.media.length > 20) errors.push(userError(UserErrorCode.INVALID_INPUT, 'at most 20 media', [...field, 'media']));
  if (usage.territories.length > 60) errors.push(userError(UserErrorCode.INVALID_INPUT, 'at most 60 territories', [...field, 'territories']));
  if (!usage.media.length) errors.push(userError(UserErrorCode.INVALID_INPUT, 'at least one medium', [...field, 'media']));
  if (!usage.territories.length) errors.push(userError(UserErrorCode.INVALID_INPUT, 'at least one territory', [...field, 'territories']));
  // A blank code would vanish when stored, leaving a licence with no medium or territory.
  for (const list of ['media', 'territories'] as const) {
    errors.push(...collect(...usage[list].map((code, i) => checkText(code, [...field, list, String(i)], 50))));
  }
  return errors;
}

const upper = (values: string[]) => [...new Set(values.map((v) => v.trim().toUpperCase()).filter(Boolean))];

/** Books the model's twin; runs alongside anything else, within the twin's status, consent scope and cap. */
export async function createDigitalBooking(ctx: RequestContext, input: CreateDigitalBookingInput): Promise<Result<Booking>> {
  const viewer = viewerOf(ctx);
  const status = input.status ?? BookingStatus.OPTION;
  const errors = checkDigitalInput(input);
  if (errors.length) return fail(...errors);
  // The twin's work is used where and while its licence runs, and made during the production window.
  const use = {
    territories: input.usage.territories,
    start: new Date(Math.min(input.start.getTime(), input.usage.start.getTime())),
    end: new Date(Math.max(input.end.getTime(), input.usage.end.getTime())),
  };
  const claims = claimsOf(input.category, use, input.exclusivity)!;
  let who: { modelId: string; brandId: string } | null = null;
  return inTransaction(
    ctx,
    async (em) => {
      const parties = await resolveParties(em, viewer, { ...input, status });
      if (!parties.ok) return parties;
      const { model, brand } = parties.value;
      who = { modelId: model.id, brandId: brand.id };
      const refusals = await twinRefusals(em, {
        modelId: model.id,
        brandId: brand.id,
        category: input.category,
        media: input.usage.media,
        territories: input.usage.territories,
        usageStart: input.usage.start,
        usageEnd: input.usage.end,
        productionEnd: input.end,
        start: input.start,
        end: input.end,
      });
      if (refusals.length) return fail(...refusals);
      const booking = em.create(DigitalBooking, {
        consentVersion: await consentVersionInForce(em, model.id),
        model,
        agency: model.agency,
        brand,
        status,
        title: input.title.trim(),
        start: input.start,
        end: input.end,
        blockedStart: input.start,
        blockedEnd: input.end,
        deliverables: input.deliverables.map((d) => ({ kind: d.kind.trim().toUpperCase(), quantity: d.quantity })),
        category: input.category.trim().toUpperCase(),
        usageMedia: upper(input.usage.media),
        usageTerritories: upper(input.usage.territories),
        usageStart: input.usage.start,
        usageEnd: input.usage.end,
        exclusiveCategory: claims.exclusivity?.category ?? null,
        exclusiveTerritories: claims.exclusivity?.territories ?? null,
        exclusiveStart: claims.exclusivity?.start ?? null,
        exclusiveEnd: claims.exclusivity?.end ?? null,
      });
      recordChange(em, booking, null, actorOf(viewer), null);
      // Booked as confirmed straight away: the deal memo is frozen now, as when an option is confirmed. Thrown, so
      // that a booking that cannot be priced is not written at all.
      if (status === BookingStatus.CONFIRMED) {
        const quote = await freezeQuoteOrRefuse(em, booking, { input: ['input'] }, true);
        if (!quote.ok) throw new UserErrorsException(quote.errors);
      }
      await em.flush();
      await recordBookingEvent(em, booking, null, booking.createdAt);
      // After the booking row they refer to; the constraints refuse them (and so the booking) if another brand's
      // claim forbids them, whatever the twin lock above serializes.
      await writeClaims(em, { bookingId: booking.id, modelId: model.id, brandId: brand.id }, claims);
      return ok(booking);
    },
    async (err, em) =>
      who && isExclusivityViolation(err) ? exclusivityConflictError(em, who, claims, DIGITAL_CLAIM_FIELDS) : null,
  );
}

/** The booking if the viewer may see it in full; null otherwise (a brand sees others' bookings only as busy blocks). */
export async function findBooking(ctx: RequestContext, id: string): Promise<Booking | null> {
  if (!isUuid(id)) return null;
  const booking = await ctx.em.findOne(Booking, id);
  return booking && can(viewerOf(ctx), Action.READ_BOOKING, bookingFacts(booking)) ? booking : null;
}
