import DataLoader from 'dataloader';
import { badArgument, badArgumentOf } from '../../common/bad-argument';
import { isUuid } from '../../common/ids';
import { jobSlots, parseWallTime } from '../../common/time/free-slots';
import { isValidTimeZone, merge, toLocal, type TimeRange } from '../../common/time/ranges';
import { checkRange } from '../../common/validate';
import { Action, scopeOf, scopeSql } from '../../core/access-policy';
import { perRequest, viewerOf, type RequestContext } from '../../core/context';
import { blocksPhysicalWorkSql, overlapsSql, rangeSql } from '../booking/booking-predicates';
import { checkTravel } from '../booking/booking.service';
import { local } from '../calendar/calendar.service';
import { lockoutInForceOverlapsSql } from '../lockout/lockout.entity';
import type { Model } from '../model/model.entity';
import type { FreeSlot, FreeSlotsArgs, ModelBusyRanges } from './search.types';

/*
 * Busy time of many models at once, for planners: one statement for every model asked for over one window, each
 * model's rows found through the GiST indexes on (model_id, range), merged per model in code. What is busy is what
 * refuses physical work: confirmed physical bookings with their travel, and lockouts in force. Nothing says whose.
 */

const DAY_MS = 24 * 3600_000;
/** The longest window busy ranges and free slots are read for. */
export const MAX_BUSY_WINDOW_DAYS = 92;
/** The most models one busyRanges request may name. */
export const MAX_BUSY_MODELS = 100;
const MAX_JOB_MINUTES = 31 * 24 * 60;

/** The window asked for, checked, or refused as a bad argument. */
export function busyWindow(from: Date, to: Date): TimeRange {
  const error = checkRange(from, to, ['to']);
  if (error) throw badArgumentOf(error);
  if (to.getTime() - from.getTime() > MAX_BUSY_WINDOW_DAYS * DAY_MS) throw badArgument(`the window may span at most ${MAX_BUSY_WINDOW_DAYS} days`, 'to');
  return { start: from, end: to };
}

// Each model's blocking bookings and lockouts over the window, for the models the viewer may read the calendar of
// only: one row per such model at least (null times when she is free throughout), none for any other.
const busySql = (scope: string) => `
  select m.id as model_id, x.start_at, x.end_at
  from jsonb_array_elements_text(?::jsonb) as q(model_id)
  join model m on m.id = q.model_id::uuid and ${scope}
  left join lateral (
    select b.blocked_start as start_at, b.blocked_end as end_at from booking b
    where b.model_id = m.id and ${blocksPhysicalWorkSql('b')} and ${overlapsSql('b', rangeSql('?::timestamptz', '?::timestamptz'))}
    union all
    select l.start_at, l.end_at from lockout l
    where l.model_id = m.id and ${lockoutInForceOverlapsSql('l', rangeSql('?::timestamptz', '?::timestamptz'))}) x on true`;

/** This request's loader of busy ranges by window and model: the models asked for over one window in one statement. */
const busyLoader = perRequest(
  'busyRanges',
  (ctx) =>
    new DataLoader<{ window: TimeRange; modelId: string }, TimeRange[] | null, string>(
      async (keys) => {
        const byWindow = new Map<string, { window: TimeRange; ids: string[] }>();
        for (const k of keys) {
          const w = `${k.window.start.toISOString()}/${k.window.end.toISOString()}`;
          const group = byWindow.get(w) ?? { window: k.window, ids: [] };
          group.ids.push(k.modelId);
          byWindow.set(w, group);
        }
        const scope = scopeSql(scopeOf(viewerOf(ctx), Action.READ_CALENDAR), { agencyId: 'm.agency_id', modelId: 'm.id' });
        const found = new Map<string, TimeRange[]>();
        for (const [w, { window, ids }] of byWindow) {
          const rows = await ctx.em
            .getConnection('read')
            .execute<{ model_id: string; start_at: Date | string | null; end_at: Date | string | null }[]>(busySql(scope.sql), [
              JSON.stringify([...new Set(ids)]),
              ...scope.params,
              window.start,
              window.end,
              window.start,
              window.end,
            ]);
          for (const r of rows) {
            const ranges = found.get(`${w}|${r.model_id}`) ?? [];
            found.set(`${w}|${r.model_id}`, ranges);
            if (r.start_at == null || r.end_at == null) continue;
            const start = new Date(Math.max(new Date(r.start_at).getTime(), window.start.getTime()));
            const end = new Date(Math.min(new Date(r.end_at).getTime(), window.end.getTime()));
            ranges.push({ start, end });
          }
        }
        return keys.map((k) => {
          const ranges = found.get(`${k.window.start.toISOString()}/${k.window.end.toISOString()}|${k.modelId}`);
          return ranges ? merge(ranges) : null;
        });
      },
      { cacheKeyFn: (k) => `${k.window.start.toISOString()}/${k.window.end.toISOString()}|${k.modelId}` },
    ),
);

/**
 * The busy ranges of the models named, in the order asked, over one window: one statement for all. Models that do not
 * exist or whose calendar the viewer may not read are left out.
 */
export async function busyRanges(ctx: RequestContext, modelIds: string[], from: Date, to: Date): Promise<ModelBusyRanges[]> {
  if (modelIds.length > MAX_BUSY_MODELS) throw badArgument(`at most ${MAX_BUSY_MODELS} models`, 'modelIds');
  const window = busyWindow(from, to);
  const ids = [...new Set(modelIds.map((id) => id.toLowerCase()).filter(isUuid))];
  const busy = await busyLoader(ctx).loadMany(ids.map((modelId) => ({ window, modelId })));
  return ids.flatMap((modelId, i) => (Array.isArray(busy[i]) ? [{ modelId, busy: busy[i] }] : []));
}

/** The model's busy ranges over a window, batched with every other model's asked for in the same request. */
export async function busyRangesOf(ctx: RequestContext, model: Model, from: Date, to: Date): Promise<TimeRange[]> {
  return (await busyLoader(ctx).load({ window: busyWindow(from, to), modelId: model.id })) ?? [];
}

/** Where a physical job of `minDuration` minutes fits in the model's window, in the zone asked for (her home zone by default). */
export async function freeSlotsOf(ctx: RequestContext, model: Model, args: FreeSlotsArgs): Promise<FreeSlot[]> {
  const zone = args.timeZone ?? model.timeZone;
  if (!isValidTimeZone(zone)) throw badArgument(`"${zone}" is not an IANA time zone name`, 'timeZone');
  if (!Number.isInteger(args.minDuration) || args.minDuration < 1 || args.minDuration > MAX_JOB_MINUTES) {
    throw badArgument(`minDuration must be 1 to ${MAX_JOB_MINUTES} minutes`, 'minDuration');
  }
  const travelError = checkTravel(args.travelBeforeMinutes, ['travelBeforeMinutes']) ?? checkTravel(args.travelAfterMinutes, ['travelAfterMinutes']);
  if (travelError) throw badArgumentOf(travelError);
  if (args.workingHours && (!parseWallTime(args.workingHours.start) || !parseWallTime(args.workingHours.end))) {
    throw badArgument('working hours are HH:mm wall times, 00:00 to 23:59', 'workingHours');
  }
  const before = (args.travelBeforeMinutes ?? 0) * 60_000;
  const after = (args.travelAfterMinutes ?? 0) * 60_000;
  const window = busyWindow(args.from, args.to);
  // Busy time is read over the window widened by the travel, which must fall in free time too.
  const widened = { start: new Date(window.start.getTime() - before), end: new Date(window.end.getTime() + after) };
  const busy = (await busyLoader(ctx).load({ window: widened, modelId: model.id })) ?? [];
  const slots = jobSlots({ window, busy, minDurationMs: args.minDuration * 60_000, zone, workingHours: args.workingHours, travelBeforeMs: before, travelAfterMs: after });
  return slots.map((s) => ({ start: s.start, end: s.end, localStart: local(toLocal(s.start, zone)), localEnd: local(toLocal(s.end, zone)) }));
}
