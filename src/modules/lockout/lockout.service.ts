import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/ids';
import { afterCreatedAt, createdAtCursor, pageSize, toConnection, type Connection } from '../../common/pagination';
import { Conflict, fail, ok, userError, UserErrorCode, UserErrorsException, type Result, type UserError } from '../../common/user-error';
import { checkRange, checkText, collect } from '../../common/validate';
import { Action, can, mayEver, modelFacts } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { recordEvent } from '../../core/events';
import { inTransaction } from '../../core/transaction';
import { actorId } from '../../core/viewer';
import { clashError, findClash } from '../booking/physical-clash';
import { Model } from '../model/model.entity';
import { Lockout, lockoutInForceOverlapsSql } from './lockout.entity';
import type { CreateLockoutInput, LockoutListArgs, RemoveLockoutInput } from './lockout.types';

/*
 * The race rule: a lockout placed while a physical booking is confirmed over the same time ends as one of the two
 * serial outcomes, never both. No constraint can span two tables, so the model row is the lock both sides take:
 *
 * - placing a lockout first UPDATEs the model row (schedule_version), then, in a later statement and so with a fresh
 *   snapshot, looks for confirmed physical bookings in its range, and only then inserts the lockout;
 * - every physical write that must respect lockouts holds the model row FOR SHARE before it reads the lockouts: a
 *   confirmation in a statement of its own before its read (holdModelSchedule), the one-statement create inside its
 *   `ok` CTE.
 *
 * FOR SHARE and the UPDATE's row lock conflict, so whichever comes second waits for the first to commit. A lockout
 * that waited sees the confirmed booking in its next statement. A confirmation that waited reads the lockout in its
 * next statement. The one-statement create that waited is re-checked by PostgreSQL on the newest row version (READ
 * COMMITTED re-evaluates the WHERE of a row-locking SELECT after waiting), where `xmin` is no longer the version it
 * priced with: it writes nothing and reads the facts again, which now hold the lockout.
 */

const MAX_LOCKOUT_MS = 366 * 24 * 3600_000;
const MAX_REASON = 500;

// A write, not a lock alone: its new xmin also tells every process that remembered her terms to read them again.
const BUMP_SCHEDULE = `update model set schedule_version = schedule_version + 1 where id = ?`;
const HOLD_SCHEDULE = `select 1 from model where id = ? for share`;

/** Holds the model row FOR SHARE until the caller's transaction ends, so that no lockout is placed meanwhile (see above). */
export async function holdModelSchedule(em: EntityManager, modelId: string): Promise<void> {
  await em.execute(HOLD_SCHEDULE, [modelId]);
}

/** The LOCKED_OUT user error naming the blocked range; it tells nothing of why, which only her side may read. */
export function lockedOutError(range: { start: Date; end: Date }, field: string[] = ['input', 'start']): UserError {
  const conflict = Object.assign(new Conflict(), { start: range.start, end: range.end, bookingId: null });
  return userError(
    UserErrorCode.LOCKED_OUT,
    `the model is unavailable from ${range.start.toISOString()} to ${range.end.toISOString()}; only her agency may book through it`,
    field,
    conflict,
  );
}

/** A lockout as the booking rules and the calendar read it. */
export interface LockoutRange {
  id: string;
  kind: string;
  reason: string;
  start: Date;
  end: Date;
}

const IN_FORCE = `select l.id, l.kind, l.reason, l.start_at, l.end_at from lockout l
  where l.model_id = ? and ${lockoutInForceOverlapsSql('l', "tstzrange(?, ?, '[)')")}
  order by l.start_at, l.id`;

/** The lockouts of the model in force over [start, end), earliest first. */
export async function lockoutsInForce(em: EntityManager, modelId: string, start: Date, end: Date): Promise<LockoutRange[]> {
  const rows = await em.execute<{ id: string; kind: string; reason: string; start_at: string | Date; end_at: string | Date }[]>(IN_FORCE, [modelId, start, end]);
  const date = (v: string | Date) => (v instanceof Date ? v : em.getPlatform().parseDate(v));
  return rows.map((r) => ({ id: r.id, kind: r.kind, reason: r.reason, start: date(r.start_at), end: date(r.end_at) }));
}

const modelNotFound = () => fail(userError(UserErrorCode.MODEL_NOT_FOUND, 'no such model', ['input', 'modelId']));

/**
 * Blocks time on the model's calendar for physical work. Refused over her confirmed physical bookings (PHYSICAL_CLASH)
 * unless her agency overrides with a reason; safe against a confirmation racing it (see the protocol above).
 */
export async function createLockout(ctx: RequestContext, input: CreateLockoutInput): Promise<Result<Lockout>> {
  const viewer = viewerOf(ctx);
  const rangeError = checkRange(input.start, input.end, ['input', 'end']);
  const override = input.overrideBookings ?? null;
  const errors = collect(
    rangeError,
    checkText(input.reason, ['input', 'reason'], MAX_REASON),
    override !== null ? checkText(override, ['input', 'overrideBookings'], MAX_REASON) : null,
    !rangeError && input.end.getTime() - input.start.getTime() > MAX_LOCKOUT_MS
      ? userError(UserErrorCode.INVALID_RANGE, 'a lockout may span at most 366 days', ['input', 'end'])
      : null,
  );
  if (errors.length) return fail(...errors);
  if (override !== null && !mayEver(viewer, Action.OVERRIDE_LOCKOUT)) {
    return fail(userError(UserErrorCode.FORBIDDEN, 'only her agency places a lockout over confirmed work', ['input', 'overrideBookings']));
  }
  if (!isUuid(input.modelId)) return modelNotFound();
  return inTransaction(ctx, async (em) => {
    const model = await em.findOne(Model, input.modelId);
    if (!model || !can(viewer, Action.READ_MODEL, modelFacts(model))) return modelNotFound();
    const facts = modelFacts(model);
    if (!can(viewer, Action.MANAGE_LOCKOUT, facts)) return fail(userError(UserErrorCode.FORBIDDEN, 'a lockout is placed by the model or her agency', ['input', 'modelId']));
    if (override !== null && !can(viewer, Action.OVERRIDE_LOCKOUT, facts)) {
      return fail(userError(UserErrorCode.FORBIDDEN, 'only her agency places a lockout over confirmed work', ['input', 'overrideBookings']));
    }
    // First the lock, then (a later statement, a fresh snapshot) the check, then the insert: see the protocol above.
    await em.execute(BUMP_SCHEDULE, [model.id]);
    const clash = await findClash(em, { modelId: model.id, start: input.start, end: input.end });
    // Thrown, so that the bump is rolled back too and no process forgets her terms for nothing.
    if (clash && override === null) throw new UserErrorsException([clashError(viewer, clash)]);
    const lockout = em.create(Lockout, {
      model,
      kind: input.kind,
      reason: input.reason.trim(),
      start: input.start,
      end: input.end,
      overrideReason: clash ? override!.trim() : null,
      createdByRole: viewer.role,
      createdById: actorId(viewer),
    });
    await em.flush();
    await recordLockoutEvent(em, 'lockout.created', lockout, model);
    return ok(lockout);
  });
}

/** A lockout's event, to her side (READ_LOCKOUT): what is blocked, not why. */
async function recordLockoutEvent(em: EntityManager, type: 'lockout.created' | 'lockout.removed', lockout: Lockout, model: Model): Promise<void> {
  await recordEvent(em, {
    type,
    modelId: model.id,
    agencyId: model.agency.id,
    payload: { lockoutId: lockout.id, kind: lockout.kind, start: lockout.start.toISOString(), end: lockout.end.toISOString() },
  });
}

const lockoutNotFound = () => fail(userError(UserErrorCode.NOT_FOUND, 'no such lockout', ['input', 'id']));

/** Lifts a lockout, keeping it marked removed (who, when, why). Lifting it again changes nothing and answers it as it stands. */
export async function removeLockout(ctx: RequestContext, input: RemoveLockoutInput): Promise<Result<Lockout>> {
  const viewer = viewerOf(ctx);
  const reason = input.reason ?? null;
  const reasonError = reason !== null ? checkText(reason, ['input', 'reason'], MAX_REASON) : null;
  if (reasonError) return fail(reasonError);
  if (!isUuid(input.id)) return lockoutNotFound();
  return inTransaction(ctx, async (em) => {
    const lockout = await em.findOne(Lockout, input.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const model = lockout && (await em.findOne(Model, lockout.model.id));
    if (!lockout || !model || !can(viewer, Action.READ_LOCKOUT, modelFacts(model))) return lockoutNotFound();
    if (!can(viewer, Action.MANAGE_LOCKOUT, modelFacts(model))) return fail(userError(UserErrorCode.FORBIDDEN, 'a lockout is lifted by the model or her agency', ['input', 'id']));
    if (lockout.removedAt) return ok(lockout);
    lockout.removedAt = new Date();
    lockout.removedByRole = viewer.role;
    lockout.removedById = actorId(viewer);
    lockout.removalReason = reason?.trim() ?? null;
    await em.flush();
    await recordLockoutEvent(em, 'lockout.removed', lockout, model);
    return ok(lockout);
  });
}

/** Her lockouts, oldest placed first, for her side (READ_LOCKOUT); null for anyone else. Lifted ones only when asked. */
export async function listLockouts(ctx: RequestContext, model: Model, args: LockoutListArgs): Promise<Connection<Lockout> | null> {
  if (!can(viewerOf(ctx), Action.READ_LOCKOUT, modelFacts(model))) return null;
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const rows = await ctx.em.find(
    Lockout,
    { $and: [{ model: model.id }, args.includeRemoved ? {} : { removedAt: null }, afterCreatedAt(args.after)] },
    { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 },
  );
  return toConnection(rows, size, createdAtCursor, !!args.after);
}
