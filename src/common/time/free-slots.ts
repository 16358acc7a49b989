import { DateTime } from 'luxon';
import { isValidRange, isValidTimeZone, localDays, merge, subtract, type TimeRange } from './ranges';

/** Local working hours of a day, as wall-clock times `HH:mm` in the zone asked for; an end at or before the start runs past midnight. */
export interface WorkingHours {
  start: string;
  end: string;
}

/** What a planner asks: where in `window` a physical job of `minDurationMs` fits around `busy` (blocked ranges and lockouts). */
export interface JobSlotQuery {
  window: TimeRange;
  /** Time the model is not free: blocked ranges of her physical work (travel included) and lockouts in force. */
  busy: TimeRange[];
  minDurationMs: number;
  /** IANA zone the working hours are read in. */
  zone: string;
  workingHours?: WorkingHours | null;
  /** Travel the new job needs before and after it, which must fall in free time too (not inside working hours). */
  travelBeforeMs?: number;
  travelAfterMs?: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The hour and minute of a wall-clock time `HH:mm` (00:00 to 23:59), or null. */
export function parseWallTime(text: string): { hour: number; minute: number } | null {
  const m = HH_MM.exec(text);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

/**
 * The instants of the working hours of every local day of `zone` that `window` touches, clipped to it, merged. Each
 * day's hours are read on its own calendar date with luxon, so a 09:00 start is 09:00 local on both sides of a DST
 * change; a wall time the clocks skip (spring forward) is the first real instant after it, and a wall time that occurs
 * twice (fall back) is its first occurrence.
 */
export function workingWindows(window: TimeRange, zone: string, hours: WorkingHours): TimeRange[] {
  const start = parseWallTime(hours.start);
  const end = parseWallTime(hours.end);
  if (!start || !end) throw new RangeError('working hours are HH:mm wall times');
  const overnight = end.hour * 60 + end.minute <= start.hour * 60 + start.minute;
  // The day before the window too: its overnight hours may reach into the window's first day.
  const from = DateTime.fromJSDate(window.start, { zone }).minus({ days: 1 }).toJSDate();
  const out: TimeRange[] = [];
  for (const day of localDays({ start: from, end: window.end }, zone)) {
    const date = DateTime.fromISO(day.date, { zone });
    const s = date.set({ hour: start.hour, minute: start.minute });
    const e = (overnight ? date.plus({ days: 1 }) : date).set({ hour: end.hour, minute: end.minute });
    const clipped = {
      start: new Date(Math.max(s.toMillis(), window.start.getTime())),
      end: new Date(Math.min(e.toMillis(), window.end.getTime())),
    };
    if (isValidRange(clipped)) out.push(clipped);
  }
  return merge(out);
}

/** Intersection of two sorted lists of disjoint ranges. */
function intersect(a: TimeRange[], b: TimeRange[]): TimeRange[] {
  const out: TimeRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start.getTime(), b[j].start.getTime());
    const end = Math.min(a[i].end.getTime(), b[j].end.getTime());
    if (start < end) out.push({ start: new Date(start), end: new Date(end) });
    if (a[i].end.getTime() < b[j].end.getTime()) i++;
    else j++;
  }
  return out;
}

/**
 * The sorted gaps in which a physical job of at least `minDurationMs` can start and end: inside the window, outside
 * every busy range, with its own travel before and after in free time as well, and (when given) within the local
 * working hours. Any job placed wholly inside one of these ranges is free of the busy ranges, travel included.
 */
export function jobSlots(q: JobSlotQuery): TimeRange[] {
  if (!isValidRange(q.window)) throw new RangeError('Invalid window: start must be a valid Date strictly before end');
  if (!isValidTimeZone(q.zone)) throw new RangeError(`Invalid IANA time zone: ${JSON.stringify(q.zone)}`);
  const before = q.travelBeforeMs ?? 0;
  const after = q.travelAfterMs ?? 0;
  if (![before, after, q.minDurationMs].every((ms) => Number.isFinite(ms) && ms >= 0)) throw new RangeError('durations must be finite and non-negative');
  // Travel may fall outside the window, never on busy time: find the gaps over the window widened by it, then narrow
  // each gap by the travel so that what remains is where the job itself may be.
  const widened = { start: new Date(q.window.start.getTime() - before), end: new Date(q.window.end.getTime() + after) };
  const gaps = subtract(widened, q.busy)
    .map((g) => ({ start: new Date(g.start.getTime() + before), end: new Date(g.end.getTime() - after) }))
    .filter(isValidRange);
  const within = q.workingHours ? intersect(gaps, workingWindows(q.window, q.zone, q.workingHours)) : gaps;
  return within.filter((s) => s.end.getTime() - s.start.getTime() >= q.minDurationMs);
}
