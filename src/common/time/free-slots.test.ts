import { jobSlots, parseWallTime, workingWindows, type JobSlotQuery } from './free-slots';
import type { TimeRange } from './ranges';

// Built from explicit UTC instants, so the suite means the same under any process TZ (it runs under several).
const r = (start: string, end: string): TimeRange => ({ start: new Date(start), end: new Date(end) });
// 'HH:mm' on 2026-01-15 UTC.
const t = (start: string, end: string): TimeRange => r(`2026-01-15T${start}:00.000Z`, `2026-01-15T${end}:00.000Z`);
const show = (ranges: TimeRange[]): string[] => ranges.map((x) => `${x.start.toISOString()}/${x.end.toISOString()}`);
const showT = (ranges: TimeRange[]): string[] => ranges.map((x) => `${x.start.toISOString().slice(11, 16)}-${x.end.toISOString().slice(11, 16)}`);
const H = 3_600_000;
const MIN = 60_000;

const day = t('08:00', '20:00');
const query = (patch: Partial<JobSlotQuery>): JobSlotQuery => ({ window: day, busy: [], minDurationMs: 0, zone: 'UTC', ...patch });

describe('jobSlots: busy ranges', () => {
  it.each<[string, TimeRange[], number, string[]]>([
    ['nothing busy: the whole window', [], 0, ['08:00-20:00']],
    ['one booking in the middle', [t('10:00', '12:00')], 0, ['08:00-10:00', '12:00-20:00']],
    ['touching bookings leave no gap between them', [t('10:00', '12:00'), t('12:00', '14:00')], 0, ['08:00-10:00', '14:00-20:00']],
    ['a nested booking changes nothing', [t('10:00', '16:00'), t('11:00', '12:00')], 0, ['08:00-10:00', '16:00-20:00']],
    ['overlapping bookings (options, a lockout over work) merge', [t('10:00', '13:00'), t('12:00', '15:00')], 0, ['08:00-10:00', '15:00-20:00']],
    ['busy across the window edges', [t('06:00', '09:00'), t('19:00', '23:00')], 0, ['09:00-19:00']],
    ['a lockout covering the window', [t('00:00', '23:59')], 0, []],
    ['a gap shorter than the job is dropped', [t('10:00', '12:00'), t('13:00', '15:00')], 2 * H, ['08:00-10:00', '15:00-20:00']],
    ['a gap exactly as long as the job is kept', [t('10:00', '12:00'), t('14:00', '20:00')], 2 * H, ['08:00-10:00', '12:00-14:00']],
  ])('%s', (_name, busy, min, expected) => {
    expect(showT(jobSlots(query({ busy, minDurationMs: min })))).toEqual(expected);
  });
});

describe('jobSlots: the new job’s travel', () => {
  it.each<[string, TimeRange[], number, number, string[]]>([
    ['travel before keeps the job that far after the previous work', [t('10:00', '12:00')], 60, 0, ['08:00-10:00', '13:00-20:00']],
    ['travel after keeps the job that far before the next work', [t('10:00', '12:00')], 0, 30, ['08:00-09:30', '12:00-20:00']],
    ['both, between two bookings', [t('10:00', '12:00'), t('16:00', '18:00')], 60, 60, ['08:00-09:00', '13:00-15:00', '19:00-20:00']],
    ['travel may run outside the window when that time is free', [], 120, 120, ['08:00-20:00']],
    ['travel outside the window still meets busy time there', [t('07:00', '08:00')], 60, 0, ['09:00-20:00']],
    ['a gap no longer than the travel holds no job', [t('10:00', '12:00'), t('13:00', '20:00')], 30, 30, ['08:00-09:30']],
  ])('%s', (_name, busy, before, after, expected) => {
    expect(showT(jobSlots(query({ busy, travelBeforeMs: before * MIN, travelAfterMs: after * MIN })))).toEqual(expected);
  });

  it('any job placed inside a slot keeps its travel off busy time', () => {
    const busy = [t('10:00', '12:00'), t('16:00', '18:00')];
    for (const slot of jobSlots(query({ busy, travelBeforeMs: 45 * MIN, travelAfterMs: 20 * MIN }))) {
      const blocked = { start: slot.start.getTime() - 45 * MIN, end: slot.end.getTime() + 20 * MIN };
      for (const b of busy) expect(blocked.start < b.end.getTime() && b.start.getTime() < blocked.end).toBe(false);
    }
  });
});

describe('workingWindows', () => {
  it.each<[string, TimeRange, string, [string, string], string[]]>([
    ['Paris office hours in winter (UTC+1)', r('2026-01-15T00:00:00Z', '2026-01-17T00:00:00Z'), 'Europe/Paris', ['09:00', '18:00'], [
      '2026-01-15T08:00:00.000Z/2026-01-15T17:00:00.000Z',
      '2026-01-16T08:00:00.000Z/2026-01-16T17:00:00.000Z',
    ]],
    ['the same wall times in summer (UTC+2)', r('2026-07-15T00:00:00Z', '2026-07-16T00:00:00Z'), 'Europe/Paris', ['09:00', '18:00'], [
      '2026-07-15T07:00:00.000Z/2026-07-15T16:00:00.000Z',
    ]],
    ['across spring forward, 09:00 stays 09:00 local', r('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'), 'Europe/Paris', ['09:00', '10:00'], [
      '2026-03-28T08:00:00.000Z/2026-03-28T09:00:00.000Z',
      '2026-03-29T07:00:00.000Z/2026-03-29T08:00:00.000Z',
    ]],
    ['hours around the skipped hour are two real hours, not three', r('2026-03-29T00:00:00Z', '2026-03-29T12:00:00Z'), 'Europe/Paris', ['01:00', '04:00'], [
      '2026-03-29T00:00:00.000Z/2026-03-29T02:00:00.000Z',
    ]],
    ['a start inside the skipped hour is the first real instant after it', r('2026-03-29T00:00:00Z', '2026-03-29T12:00:00Z'), 'Europe/Paris', ['02:30', '05:00'], [
      '2026-03-29T01:30:00.000Z/2026-03-29T03:00:00.000Z',
    ]],
    ['hours around the repeated hour are four real hours, not three', r('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z'), 'Europe/Paris', ['01:00', '04:00'], [
      '2026-10-24T23:00:00.000Z/2026-10-25T03:00:00.000Z',
    ]],
    ['New York spring forward (second Sunday of March)', r('2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z'), 'America/New_York', ['09:00', '17:00'], [
      '2026-03-08T13:00:00.000Z/2026-03-08T21:00:00.000Z',
    ]],
    ['a zone without DST, half an hour off', r('2026-01-15T00:00:00Z', '2026-01-16T00:00:00Z'), 'Asia/Kolkata', ['09:00', '18:00'], [
      '2026-01-15T03:30:00.000Z/2026-01-15T12:30:00.000Z',
    ]],
    ['overnight hours run past midnight, the evening before the window included', r('2026-01-15T00:00:00Z', '2026-01-16T00:00:00Z'), 'UTC', ['22:00', '06:00'], [
      '2026-01-15T00:00:00.000Z/2026-01-15T06:00:00.000Z',
      '2026-01-15T22:00:00.000Z/2026-01-16T00:00:00.000Z',
    ]],
    ['clipped to a window that starts mid-morning', r('2026-01-15T10:30:00Z', '2026-01-15T12:00:00Z'), 'UTC', ['09:00', '18:00'], [
      '2026-01-15T10:30:00.000Z/2026-01-15T12:00:00.000Z',
    ]],
  ])('%s', (_name, window, zone, [start, end], expected) => {
    expect(show(workingWindows(window, zone, { start, end }))).toEqual(expected);
  });

  it.each(['9:00', '24:00', '09:60', 'nine', ''])('refuses the wall time %j', (bad) => {
    expect(parseWallTime(bad)).toBeNull();
    expect(() => workingWindows(day, 'UTC', { start: bad, end: '18:00' })).toThrow(RangeError);
  });
});

describe('jobSlots: working hours in the zone', () => {
  it('keeps only local working hours, minus the busy time', () => {
    const week = r('2026-01-15T00:00:00Z', '2026-01-17T00:00:00Z');
    const busy = [r('2026-01-15T09:00:00Z', '2026-01-15T12:00:00Z')];
    expect(show(jobSlots({ window: week, busy, minDurationMs: H, zone: 'Europe/Paris', workingHours: { start: '09:00', end: '18:00' } }))).toEqual([
      '2026-01-15T08:00:00.000Z/2026-01-15T09:00:00.000Z',
      '2026-01-15T12:00:00.000Z/2026-01-15T17:00:00.000Z',
      '2026-01-16T08:00:00.000Z/2026-01-16T17:00:00.000Z',
    ]);
  });

  it('a job’s travel may fall outside working hours, the job not', () => {
    const slots = jobSlots({
      window: r('2026-01-15T00:00:00Z', '2026-01-16T00:00:00Z'),
      busy: [],
      minDurationMs: 0,
      zone: 'UTC',
      workingHours: { start: '09:00', end: '18:00' },
      travelBeforeMs: 2 * H,
    });
    expect(show(slots)).toEqual(['2026-01-15T09:00:00.000Z/2026-01-15T18:00:00.000Z']);
  });

  it('on the spring-forward day a 3-hour job does not fit in 01:00–04:00 local (two real hours)', () => {
    const q = { window: r('2026-03-29T00:00:00Z', '2026-03-29T12:00:00Z'), busy: [], zone: 'Europe/Paris', workingHours: { start: '01:00', end: '04:00' } };
    expect(jobSlots({ ...q, minDurationMs: 3 * H })).toEqual([]);
    expect(show(jobSlots({ ...q, minDurationMs: 2 * H }))).toEqual(['2026-03-29T00:00:00.000Z/2026-03-29T02:00:00.000Z']);
  });

  it('on the fall-back day a 4-hour job fits in 01:00–04:00 local (four real hours)', () => {
    const q = { window: r('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z'), busy: [], zone: 'Europe/Paris', workingHours: { start: '01:00', end: '04:00' } };
    expect(show(jobSlots({ ...q, minDurationMs: 4 * H }))).toEqual(['2026-10-24T23:00:00.000Z/2026-10-25T03:00:00.000Z']);
  });

  it('a booking in the repeated hour is cut out once, at its real instants', () => {
    // 02:00–03:00 local happens twice; this booking is the second one (CET, after the clocks went back).
    const busy = [r('2026-10-25T01:00:00Z', '2026-10-25T02:00:00Z')];
    const q = { window: r('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z'), busy, minDurationMs: 0, zone: 'Europe/Paris', workingHours: { start: '01:00', end: '04:00' } };
    expect(show(jobSlots(q))).toEqual(['2026-10-24T23:00:00.000Z/2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z/2026-10-25T03:00:00.000Z']);
  });
});

describe('jobSlots refuses', () => {
  it.each<[string, Partial<JobSlotQuery>]>([
    ['an empty window', { window: t('10:00', '10:00') }],
    ['a zone that is not IANA', { zone: '+02:00' }],
    ['a negative duration', { minDurationMs: -1 }],
    ['a negative travel', { travelBeforeMs: -1 }],
  ])('%s', (_name, patch) => {
    expect(() => jobSlots(query(patch))).toThrow(RangeError);
  });
});
