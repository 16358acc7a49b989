import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

/** Half-open instant range [start, end). start < end is required by every constructor. */
export interface TimeRange {
  start: Date;
  end: Date;
}

export interface LocalDay {
  /** yyyy-MM-dd in the zone. */
  date: string;
  start: Date;
  end: Date;
  /** Usually 24; 23 or 25 on DST change days (23.5/24.5 in zones with half-hour shifts). */
  hours: number;
}

export interface LocalWallTime {
  /** ISO local date-time without offset; milliseconds only appear when non-zero. */
  local: string;
  date: string;
  offset: string;
  zone: string;
}

const MS_PER_HOUR = 3_600_000;

const isValidDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

function assertRange(r: TimeRange, what = 'range'): void {
  if (!isValidRange(r)) throw new RangeError(`Invalid ${what}: start must be a valid Date strictly before end`);
}

function assertZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new RangeError(`Invalid IANA time zone: ${JSON.stringify(zone)}`);
}

function assertDuration(ms: number, what: string): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`${what} must be a finite, non-negative number of ms`);
}

// Callers may keep and mutate the Dates we return; never hand back the caller's own objects.
const range = (startMs: number, endMs: number): TimeRange => ({ start: new Date(startMs), end: new Date(endMs) });

/** Returns true only for region-style IANA zone names (and 'UTC'/'Etc/UTC'); offset spellings such as '+02:00', 'UTC+2' or 'Etc/GMT+2' are rejected. */
export function isValidTimeZone(zone: string): boolean {
  // IANAZone.isValidZone defers to Intl, and newer engines (ECMA-402 2024) accept offset zones such
  // as '+02:00'. Any sign-digit pair is an offset spelling; this also drops IANA's 'Etc/GMT+2', whose
  // inverted sign (it means UTC-2) is a classic booking bug.
  if (typeof zone !== 'string' || zone.trim() === '' || /[+-]\d/.test(zone)) return false;
  // Asking Intl builds a formatter each time, which dominated calendar rendering; answers never change.
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  const valid = IANAZone.isValidZone(zone);
  if (zoneValidity.size < MAX_REMEMBERED_ZONES) zoneValidity.set(zone, valid);
  return valid;
}

// Bounded, since zone names come from clients.
const MAX_REMEMBERED_ZONES = 2000;
const zoneValidity = new Map<string, boolean>();

/** Returns true when both ends are valid Dates and start is strictly before end. */
export function isValidRange(r: TimeRange): boolean {
  return r != null && isValidDate(r.start) && isValidDate(r.end) && r.start.getTime() < r.end.getTime();
}

/** Returns true when the ranges share at least one instant; touching ranges do not overlap. */
export function overlaps(a: TimeRange, b: TimeRange): boolean {
  assertRange(a);
  assertRange(b);
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** Returns true when every instant of `inner` is also in `outer`. */
export function contains(outer: TimeRange, inner: TimeRange): boolean {
  assertRange(outer);
  assertRange(inner);
  return outer.start.getTime() <= inner.start.getTime() && inner.end.getTime() <= outer.end.getTime();
}

/** Returns new, sorted, disjoint ranges covering exactly the union of the input; overlapping and touching ranges are joined. */
export function merge(ranges: TimeRange[]): TimeRange[] {
  ranges.forEach((r) => assertRange(r));
  const sorted = ranges
    .map((r) => [r.start.getTime(), r.end.getTime()] as [number, number])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    // `<=` rather than `<`: adjacent bookings should read as one busy block, not two.
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out.map(([s, e]) => range(s, e));
}

/** Returns the sorted, non-empty parts of `from` that no range in `cut` covers. */
export function subtract(from: TimeRange, cut: TimeRange[]): TimeRange[] {
  assertRange(from);
  const out: TimeRange[] = [];
  let cursor = from.start.getTime();
  const end = from.end.getTime();
  for (const c of merge(cut)) {
    const cs = c.start.getTime();
    const ce = c.end.getTime();
    if (ce <= cursor) continue;
    if (cs >= end) break;
    if (cs > cursor) out.push(range(cursor, cs));
    cursor = Math.max(cursor, ce);
  }
  if (cursor < end) out.push(range(cursor, end));
  return out;
}

/** Returns the sorted gaps of `window` not covered by `busy`, dropping gaps shorter than `minDurationMs`. */
export function freeSlots(window: TimeRange, busy: TimeRange[], minDurationMs = 0): TimeRange[] {
  assertDuration(minDurationMs, 'minDurationMs');
  return subtract(window, busy).filter((s) => s.end.getTime() - s.start.getTime() >= minDurationMs);
}

/** Returns [start - beforeMs, end + afterMs); buffers must be finite and non-negative so the result stays valid. */
export function expand(r: TimeRange, beforeMs: number, afterMs: number): TimeRange {
  assertRange(r);
  assertDuration(beforeMs, 'beforeMs');
  assertDuration(afterMs, 'afterMs');
  const s = r.start.getTime() - beforeMs;
  const e = r.end.getTime() + afterMs;
  // Huge buffers can leave the Date range (±8.64e15 ms) and would yield Invalid Date.
  if (!isValidRange(range(s, e))) throw new RangeError('expand() result is outside the representable Date range');
  return range(s, e);
}

/** Returns every local calendar day of `zone` that `window` touches, each as its full midnight-to-midnight instant range; consecutive days share their boundary. */
export function localDays(window: TimeRange, zone: string): LocalDay[] {
  assertRange(window, 'window');
  assertZone(zone);
  const endMs = window.end.getTime();
  const days: LocalDay[] = [];
  let startMs = DateTime.fromJSDate(window.start, { zone }).startOf('day').toMillis();
  while (startMs < endMs) {
    const { date, nextMs } = localDayFrom(zone, startMs);
    days.push({ date, start: new Date(startMs), end: new Date(nextMs), hours: (nextMs - startMs) / MS_PER_HOUR });
    startMs = nextMs;
  }
  return days;
}

// A local day by its first instant in a zone: its date and the first instant of the next. Remembered, since luxon takes
// ~100 µs a day (it asks Intl for the offset at every step) and a year's calendar has 366 of them; answers never change.
const MAX_REMEMBERED_DAYS = 100_000;
const daysFrom = new Map<string, { date: string; nextMs: number }>();

function localDayFrom(zone: string, startMs: number): { date: string; nextMs: number } {
  const key = `${zone}@${startMs}`;
  let day = daysFrom.get(key);
  if (day === undefined) {
    const start = DateTime.fromMillis(startMs, { zone });
    // Re-deriving midnight from the next calendar day (instead of adding 24h) is what makes
    // DST days 23h/25h; luxon moves a nonexistent midnight to the first real instant of that day.
    day = { date: start.toISODate() as string, nextMs: start.plus({ days: 1 }).startOf('day').toMillis() };
    if (daysFrom.size >= MAX_REMEMBERED_DAYS) daysFrom.clear();
    daysFrom.set(key, day);
  }
  return day;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instants of the local days `fromDate` to `toDate` (both yyyy-MM-dd, both included) in `zone`: from the first
 * day's midnight to the midnight after the last, right across DST. Null when a date is not a real calendar date or
 * the last comes before the first.
 */
export function localDateWindow(fromDate: string, toDate: string, zone: string): TimeRange | null {
  assertZone(zone);
  if (!LOCAL_DATE.test(fromDate) || !LOCAL_DATE.test(toDate)) return null;
  const first = DateTime.fromISO(fromDate, { zone });
  const last = DateTime.fromISO(toDate, { zone });
  if (!first.isValid || !last.isValid || last < first) return null;
  // Midnight re-derived per day, as in localDays: a day without a midnight starts at its first real instant.
  return range(first.startOf('day').toMillis(), last.plus({ days: 1 }).startOf('day').toMillis());
}

/** Returns the wall-clock reading of `instant` in `zone`, with the offset that disambiguates repeated local times. */
export function toLocal(instant: Date, zone: string): LocalWallTime {
  if (!isValidDate(instant)) throw new RangeError('Invalid instant');
  const clock = zoneClock(zone);
  const ms = instant.getTime();
  const offset = clock.offsetAt(ms);
  const wallMs = ms + offset * 60_000;
  // Written by hand where ISO 8601's plain form holds (years 1970–9999, whole-minute offsets): luxon took ~10 µs an
  // instant, and even Date's UTC getters and padding took most of a microsecond, which a month's calendar pays a
  // thousand times. Elsewhere (expanded years, local mean time) luxon writes it, as before.
  if (ms >= 0 && wallMs < YEAR_10000_MS && Number.isInteger(offset)) {
    const day = Math.floor(wallMs / DAY_MS);
    const date = isoDate(day);
    let rest = wallMs - day * DAY_MS;
    const hours = Math.floor(rest / MS_PER_HOUR);
    rest -= hours * MS_PER_HOUR;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    const millis = rest - seconds * 1000;
    const local = `${date}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}${millis ? `.${pad(millis, 3)}` : ''}`;
    return { local, date, offset: offsetText(offset), zone: clock.name };
  }
  // Rendering in the fixed offset in force is exact and avoids luxon asking Intl for every instant; the offset itself
  // still comes from the IANA rules.
  const dt = DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offset) });
  return {
    local: dt.toISO({ includeOffset: false, suppressMilliseconds: true }) as string,
    date: dt.toISODate() as string,
    offset: dt.toFormat('ZZ'),
    zone: clock.name,
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const DAY_MS = 24 * MS_PER_HOUR;
const YEAR_10000_MS = Date.UTC(10000, 0, 1);
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => pad(n, 2));

// yyyy-MM-dd of a day counted from 1970-01-01; a few dozen distinct days make a month's calendar.
const MAX_REMEMBERED_DATES = 100_000;
const isoDates = new Map<number, string>();

function isoDate(day: number): string {
  let date = isoDates.get(day);
  if (date === undefined) {
    const d = new Date(day * DAY_MS);
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
    if (isoDates.size >= MAX_REMEMBERED_DATES) isoDates.clear();
    isoDates.set(day, date);
  }
  return date;
}

// ±hh:mm of a whole-minute offset: a zone has a handful.
const offsetTexts = new Map<number, string>();

function offsetText(minutes: number): string {
  let text = offsetTexts.get(minutes);
  if (text === undefined) {
    const abs = Math.abs(minutes);
    text = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
    offsetTexts.set(minutes, text);
  }
  return text;
}

// Every UTC offset change since 1970 falls on a quarter hour, so the offset found for one instant
// holds for its whole quarter hour; earlier local-mean-time rules do not, and are not remembered.
const QUARTER_HOUR_MS = 900_000;
const MAX_REMEMBERED_OFFSETS = 100_000;

// Keyed by the name as asked (zones come from clients, hence the bound); the offsets of all zones count together.
const clocks = new Map<string, ZoneClock>();
let rememberedOffsets = 0;

/** A zone checked once, by its canonical name, with the offsets found in it remembered by quarter hour. */
class ZoneClock {
  readonly name: string;
  private offsets = new Map<number, number>();

  constructor(private readonly zone: IANAZone) {
    this.name = zone.name;
  }

  offsetAt(ms: number): number {
    if (ms < 0) return this.zone.offset(ms);
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      offset = this.zone.offset(ms);
      if (rememberedOffsets >= MAX_REMEMBERED_OFFSETS) {
        // Every zone starts afresh, this one too.
        clocks.clear();
        this.offsets = new Map();
        rememberedOffsets = 0;
      }
      this.offsets.set(quarter, offset);
      rememberedOffsets += 1;
    }
    return offset;
  }
}

function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    assertZone(zone);
    clock = new ZoneClock(IANAZone.create(zone));
    if (clocks.size >= MAX_REMEMBERED_ZONES) clocks.clear();
    clocks.set(zone, clock);
  }
  return clock;
}

/** Returns `r` cut at every local midnight of `zone`, one sorted piece per local date, together covering exactly `r`. */
export function splitByLocalDay(r: TimeRange, zone: string): Array<{ date: string; range: TimeRange }> {
  return localDays(r, zone).map((d) => ({
    date: d.date,
    range: range(Math.max(d.start.getTime(), r.start.getTime()), Math.min(d.end.getTime(), r.end.getTime())),
  }));
}

/** The most ranges that cover one instant at the same time (half-open: a range ending when another starts does not count twice). */
export function maxConcurrent(ranges: TimeRange[]): number {
  // Ends sort before starts at the same instant, which is what half-open ranges mean.
  const events = ranges.flatMap((r) => [
    [r.start.getTime(), 1],
    [r.end.getTime(), -1],
  ]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let active = 0;
  let peak = 0;
  for (const [, delta] of events) {
    active += delta;
    peak = Math.max(peak, active);
  }
  return peak;
}
