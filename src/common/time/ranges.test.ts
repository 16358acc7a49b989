import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  localDateWindow,
  maxConcurrent,
  contains,
  expand,
  freeSlots,
  isValidRange,
  isValidTimeZone,
  localDays,
  merge,
  overlaps,
  splitByLocalDay,
  subtract,
  toLocal,
  TimeRange,
} from './ranges';

// Everything is built from explicit UTC instants so the suite means the same under any process TZ.
const r = (start: string, end: string): TimeRange => ({ start: new Date(start), end: new Date(end) });
// Same-day shorthand for interval algebra: 'HH:mm' on 2026-01-15 UTC.
const t = (start: string, end: string): TimeRange => r(`2026-01-15T${start}:00.000Z`, `2026-01-15T${end}:00.000Z`);
const show = (x: TimeRange): [string, string] => [x.start.toISOString(), x.end.toISOString()];
const showT = (x: TimeRange): string => `${x.start.toISOString().slice(11, 16)}-${x.end.toISOString().slice(11, 16)}`;
const MIN = 60_000;

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Paris', true],
    ['America/New_York', true],
    ['Asia/Tokyo', true],
    ['UTC', true],
    ['Etc/UTC', true],
    ['', false],
    ['   ', false],
    ['+02:00', false],
    ['-05:00', false],
    ['UTC+2', false],
    ['GMT+2', false],
    ['Etc/GMT+2', false],
    ['Mars/Olympus', false],
    ['not a zone', false],
  ])('%j -> %s', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });
});

describe('isValidRange', () => {
  it.each([
    ['start < end', t('10:00', '11:00'), true],
    ['one millisecond', r('2026-01-15T10:00:00.000Z', '2026-01-15T10:00:00.001Z'), true],
    ['empty (start == end)', t('10:00', '10:00'), false],
    ['reversed', t('11:00', '10:00'), false],
    ['invalid start', { start: new Date('nope'), end: new Date('2026-01-15T10:00:00Z') }, false],
    ['invalid end', { start: new Date('2026-01-15T10:00:00Z'), end: new Date(NaN) }, false],
  ])('%s -> %s', (_name, range, expected) => {
    expect(isValidRange(range)).toBe(expected);
  });
});

describe('overlaps (half-open)', () => {
  it.each([
    ['adjacent, a before b', t('10:00', '12:00'), t('12:00', '14:00'), false],
    ['adjacent, b before a', t('12:00', '14:00'), t('10:00', '12:00'), false],
    ['disjoint with gap', t('10:00', '11:00'), t('13:00', '14:00'), false],
    ['one minute shared', t('10:00', '12:01'), t('12:00', '14:00'), true],
    ['identical', t('10:00', '12:00'), t('10:00', '12:00'), true],
    ['b inside a', t('10:00', '18:00'), t('12:00', '13:00'), true],
    ['same start', t('10:00', '11:00'), t('10:00', '15:00'), true],
  ])('%s -> %s', (_name, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  it('rejects an invalid range', () => {
    expect(() => overlaps(t('12:00', '12:00'), t('10:00', '14:00'))).toThrow(RangeError);
  });
});

describe('contains', () => {
  it.each([
    ['identical', t('10:00', '12:00'), t('10:00', '12:00'), true],
    ['strictly inside', t('10:00', '18:00'), t('12:00', '13:00'), true],
    ['shares start', t('10:00', '18:00'), t('10:00', '13:00'), true],
    ['shares end', t('10:00', '18:00'), t('13:00', '18:00'), true],
    ['sticks out at end', t('10:00', '18:00'), t('17:00', '18:01'), false],
    ['sticks out at start', t('10:00', '18:00'), t('09:59', '11:00'), false],
    ['outer inside inner', t('12:00', '13:00'), t('10:00', '18:00'), false],
    ['adjacent', t('10:00', '12:00'), t('12:00', '13:00'), false],
  ])('%s -> %s', (_name, outer, inner, expected) => {
    expect(contains(outer, inner)).toBe(expected);
  });
});

describe('merge', () => {
  it.each([
    ['empty', [], []],
    ['single', [t('10:00', '11:00')], ['10:00-11:00']],
    ['unsorted disjoint', [t('14:00', '16:00'), t('10:00', '12:00')], ['10:00-12:00', '14:00-16:00']],
    ['overlapping', [t('12:00', '15:00'), t('10:00', '13:00')], ['10:00-15:00']],
    ['adjacent', [t('12:00', '14:00'), t('10:00', '12:00')], ['10:00-14:00']],
    ['contained', [t('12:00', '13:00'), t('10:00', '18:00')], ['10:00-18:00']],
    ['duplicates', [t('10:00', '11:00'), t('10:00', '11:00')], ['10:00-11:00']],
    [
      'mixed chain',
      [t('16:00', '17:00'), t('10:00', '12:00'), t('13:00', '14:00'), t('11:00', '13:00'), t('15:00', '16:00')],
      ['10:00-14:00', '15:00-17:00'],
    ],
    ['one-minute gap kept', [t('10:00', '11:00'), t('11:01', '12:00')], ['10:00-11:00', '11:01-12:00']],
  ])('%s', (_name, input, expected) => {
    expect(merge(input).map(showT)).toEqual(expected);
  });

  it('does not mutate or alias its input', () => {
    const input = [t('12:00', '14:00'), t('10:00', '12:00')];
    const before = input.map(showT);
    const out = merge(input);
    expect(input.map(showT)).toEqual(before);
    out[0].start.setTime(0);
    expect(input.map(showT)).toEqual(before);
  });

  it('rejects an empty range in the input', () => {
    expect(() => merge([t('10:00', '11:00'), t('12:00', '12:00')])).toThrow(RangeError);
  });
});

describe('subtract', () => {
  const from = t('10:00', '18:00');
  it.each([
    ['no cuts', [], ['10:00-18:00']],
    ['cut equals from -> 0 pieces', [t('10:00', '18:00')], []],
    ['cut covers from -> 0 pieces', [t('09:00', '19:00')], []],
    ['adjacent cuts only -> unchanged', [t('08:00', '10:00'), t('18:00', '20:00')], ['10:00-18:00']],
    ['cut at start -> 1 piece', [t('09:00', '12:00')], ['12:00-18:00']],
    ['cut at end -> 1 piece', [t('16:00', '20:00')], ['10:00-16:00']],
    ['cut in middle -> 2 pieces', [t('12:00', '13:00')], ['10:00-12:00', '13:00-18:00']],
    [
      'unsorted overlapping cuts -> 3 pieces',
      [t('15:00', '16:00'), t('11:30', '12:30'), t('11:00', '12:00')],
      ['10:00-11:00', '12:30-15:00', '16:00-18:00'],
    ],
    ['cuts joined by adjacency leave no sliver', [t('12:00', '13:00'), t('13:00', '18:00')], ['10:00-12:00']],
  ])('%s', (_name, cut, expected) => {
    expect(subtract(from, cut).map(showT)).toEqual(expected);
  });
});

describe('freeSlots', () => {
  const window = t('09:00', '18:00');
  const busy = [t('13:00', '17:30'), t('11:00', '12:00'), t('10:00', '11:00')];
  it.each([
    ['default (no minimum)', undefined, ['09:00-10:00', '12:00-13:00', '17:30-18:00']],
    ['30 min keeps an exactly-30-min slot', 30 * MIN, ['09:00-10:00', '12:00-13:00', '17:30-18:00']],
    ['31 min drops the 30-min slot', 31 * MIN, ['09:00-10:00', '12:00-13:00']],
    ['60 min keeps exactly-60-min slots', 60 * MIN, ['09:00-10:00', '12:00-13:00']],
    ['61 min leaves nothing', 61 * MIN, []],
  ])('%s', (_name, min, expected) => {
    expect(freeSlots(window, busy, min).map(showT)).toEqual(expected);
  });

  it('returns the whole window when nothing is busy', () => {
    expect(freeSlots(window, []).map(showT)).toEqual(['09:00-18:00']);
  });

  it('rejects a negative minimum', () => {
    expect(() => freeSlots(window, busy, -1)).toThrow(RangeError);
  });
});

describe('expand', () => {
  it.each([
    ['travel buffers', t('10:00', '12:00'), 30 * MIN, 15 * MIN, '09:30-12:15'],
    ['zero buffers', t('10:00', '12:00'), 0, 0, '10:00-12:00'],
    ['before only', t('10:00', '12:00'), 90 * MIN, 0, '08:30-12:00'],
  ])('%s', (_name, range, before, after, expected) => {
    expect(showT(expand(range, before, after))).toBe(expected);
  });

  it.each([
    ['negative before', -1, 0],
    ['negative after', 0, -1],
    ['NaN', NaN, 0],
    ['Infinity', 0, Infinity],
  ])('rejects %s', (_name, before, after) => {
    expect(() => expand(t('10:00', '12:00'), before, after)).toThrow(RangeError);
  });
});

describe('localDays', () => {
  const summary = (days: ReturnType<typeof localDays>) =>
    days.map((d) => [d.date, d.start.toISOString(), d.end.toISOString(), d.hours]);

  it.each([
    [
      'Paris spring forward (23h)',
      r('2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z'),
      'Europe/Paris',
      [
        ['2026-03-28', '2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', 24],
        ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 23],
        ['2026-03-30', '2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z', 24],
      ],
    ],
    [
      'Paris fall back (25h)',
      r('2026-10-25T10:00:00Z', '2026-10-26T10:00:00Z'),
      'Europe/Paris',
      [
        ['2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z', 25],
        ['2026-10-26', '2026-10-25T23:00:00.000Z', '2026-10-26T23:00:00.000Z', 24],
      ],
    ],
    [
      'New York spring forward (23h)',
      r('2026-03-08T12:00:00Z', '2026-03-08T13:00:00Z'),
      'America/New_York',
      [['2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', 23]],
    ],
    [
      'New York fall back (25h)',
      r('2026-11-01T12:00:00Z', '2026-11-01T13:00:00Z'),
      'America/New_York',
      [['2026-11-01', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z', 25]],
    ],
    [
      'window ending exactly at local midnight does not touch the next day',
      r('2026-03-28T12:00:00Z', '2026-03-28T23:00:00Z'),
      'Europe/Paris',
      [['2026-03-28', '2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', 24]],
    ],
    [
      'window starting exactly at local midnight',
      r('2026-03-28T23:00:00Z', '2026-03-28T23:00:01Z'),
      'Europe/Paris',
      [['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 23]],
    ],
    [
      'same UTC window, different zone gives different dates',
      r('2026-03-08T04:00:00Z', '2026-03-08T06:00:00Z'),
      'America/New_York',
      [
        ['2026-03-07', '2026-03-07T05:00:00.000Z', '2026-03-08T05:00:00.000Z', 24],
        ['2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', 23],
      ],
    ],
    [
      'Tokyo (no DST) ignores process TZ',
      r('2026-03-28T14:00:00Z', '2026-03-28T16:00:00Z'),
      'Asia/Tokyo',
      [
        ['2026-03-28', '2026-03-27T15:00:00.000Z', '2026-03-28T15:00:00.000Z', 24],
        ['2026-03-29', '2026-03-28T15:00:00.000Z', '2026-03-29T15:00:00.000Z', 24],
      ],
    ],
    [
      'Santiago: nonexistent midnight, day starts at 01:00',
      r('2026-09-06T12:00:00Z', '2026-09-06T13:00:00Z'),
      'America/Santiago',
      [['2026-09-06', '2026-09-06T04:00:00.000Z', '2026-09-07T03:00:00.000Z', 23]],
    ],
  ])('%s', (_name, window, zone, expected) => {
    expect(summary(localDays(window, zone))).toEqual(expected);
  });

  it.each([
    ['Europe/Paris', '2025-12-31T23:00:00Z', '2026-12-31T23:00:00Z', [23, 25]],
    ['America/New_York', '2026-01-01T05:00:00Z', '2027-01-01T05:00:00Z', [23, 25]],
    ['UTC', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', []],
  ])('local year 2026 in %s: 365 contiguous days, 8760h, non-24h days %j', (zone, start, end, odd) => {
    const days = localDays(r(start, end), zone);
    expect(days).toHaveLength(365);
    expect([days[0].date, days[364].date]).toEqual(['2026-01-01', '2026-12-31']);
    expect([days[0].start.toISOString(), days[364].end.toISOString()]).toEqual([new Date(start).toISOString(), new Date(end).toISOString()]);
    days.slice(1).forEach((d, k) => expect(d.start.getTime()).toBe(days[k].end.getTime()));
    expect(days.reduce((sum, d) => sum + d.hours, 0)).toBe(365 * 24);
    expect(days.filter((d) => d.hours !== 24).map((d) => d.hours)).toEqual(odd);
  });

  it.each([['+02:00'], ['Mars/Olympus'], ['']])('rejects zone %j', (zone) => {
    expect(() => localDays(t('10:00', '11:00'), zone)).toThrow(RangeError);
  });
});

describe('toLocal', () => {
  it.each([
    ['Paris last second before spring forward', '2026-03-29T00:59:59Z', 'Europe/Paris', '2026-03-29T01:59:59', '+01:00'],
    ['Paris first instant after spring forward', '2026-03-29T01:00:00Z', 'Europe/Paris', '2026-03-29T03:00:00', '+02:00'],
    ['Paris repeated hour, first pass', '2026-10-25T00:30:00Z', 'Europe/Paris', '2026-10-25T02:30:00', '+02:00'],
    ['Paris repeated hour, second pass', '2026-10-25T01:30:00Z', 'Europe/Paris', '2026-10-25T02:30:00', '+01:00'],
    ['Paris last second of summer time', '2026-10-25T00:59:59Z', 'Europe/Paris', '2026-10-25T02:59:59', '+02:00'],
    ['Paris first instant of winter time', '2026-10-25T01:00:00Z', 'Europe/Paris', '2026-10-25T02:00:00', '+01:00'],
    ['New York before spring forward', '2026-03-08T06:59:59Z', 'America/New_York', '2026-03-08T01:59:59', '-05:00'],
    ['New York after spring forward', '2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08T03:00:00', '-04:00'],
    ['New York repeated hour, first pass', '2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01T01:30:00', '-04:00'],
    ['New York repeated hour, second pass', '2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01T01:30:00', '-05:00'],
    ['local date differs from UTC date', '2026-03-28T23:30:00Z', 'Europe/Paris', '2026-03-29T00:30:00', '+01:00'],
    ['Tokyo midnight', '2026-03-28T15:00:00Z', 'Asia/Tokyo', '2026-03-29T00:00:00', '+09:00'],
    ['UTC', '2026-06-01T12:34:56Z', 'UTC', '2026-06-01T12:34:56', '+00:00'],
    ['milliseconds kept when non-zero', '2026-03-29T01:00:00.250Z', 'Europe/Paris', '2026-03-29T03:00:00.250', '+02:00'],
  ])('%s', (_name, instant, zone, local, offset) => {
    expect(toLocal(new Date(instant), zone)).toEqual({ local, date: local.slice(0, 10), offset, zone });
  });

  it('repeated local time maps from two distinct instants', () => {
    const a = toLocal(new Date('2026-10-25T00:15:00Z'), 'Europe/Paris');
    const b = toLocal(new Date('2026-10-25T01:15:00Z'), 'Europe/Paris');
    expect(a.local).toBe(b.local);
    expect([a.offset, b.offset]).toEqual(['+02:00', '+01:00']);
  });

  it('rejects an invalid instant', () => {
    expect(() => toLocal(new Date(NaN), 'Europe/Paris')).toThrow(RangeError);
  });
});

// Zones with every kind of offset: whole hours both sides, half and quarter hours, a half-hour DST shift, DST at
// midnight, a zone that skipped a whole day, and offsets of local mean time before 1970.
const ODD_ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham',
  'America/St_Johns', 'America/Santiago', 'Asia/Beirut', 'Pacific/Apia', 'Africa/Monrovia', 'UTC'];

describe('toLocal against luxon rendering the IANA zone itself', () => {
  it('agrees on every instant from 1900 to 2200, milliseconds and all', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), fc.constantFrom(...ODD_ZONES), (ms, zone) => {
        const dt = DateTime.fromMillis(ms, { zone });
        expect(toLocal(new Date(ms), zone)).toEqual({
          local: dt.toISO({ includeOffset: false, suppressMilliseconds: true }),
          date: dt.toISODate(),
          offset: dt.toFormat('ZZ'),
          zone,
        });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('localDays against luxon stepping day by day', () => {
  it('gives the same days for any window of up to 40 days, asked twice', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 1, max: 40 * 24 * 3600_000 }),
        fc.constantFrom(...ODD_ZONES),
        (startMs, length, zone) => {
          const expected: { date: string; start: number; end: number }[] = [];
          for (let d = DateTime.fromMillis(startMs, { zone }).startOf('day'); d.toMillis() < startMs + length; ) {
            const next = d.plus({ days: 1 }).startOf('day');
            expected.push({ date: d.toISODate()!, start: d.toMillis(), end: next.toMillis() });
            d = next;
          }
          const window = { start: new Date(startMs), end: new Date(startMs + length) };
          for (const days of [localDays(window, zone), localDays(window, zone)]) {
            expect(days.map((d) => ({ date: d.date, start: d.start.getTime(), end: d.end.getTime() }))).toEqual(expected);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('splitByLocalDay', () => {
  it.each([
    [
      'crossing Paris midnight into the 23h day',
      r('2026-03-28T22:00:00Z', '2026-03-29T02:00:00Z'),
      'Europe/Paris',
      [
        ['2026-03-28', ['2026-03-28T22:00:00.000Z', '2026-03-28T23:00:00.000Z']],
        ['2026-03-29', ['2026-03-28T23:00:00.000Z', '2026-03-29T02:00:00.000Z']],
      ],
    ],
    [
      'spanning three UTC days',
      r('2026-06-01T20:00:00Z', '2026-06-03T04:00:00Z'),
      'UTC',
      [
        ['2026-06-01', ['2026-06-01T20:00:00.000Z', '2026-06-02T00:00:00.000Z']],
        ['2026-06-02', ['2026-06-02T00:00:00.000Z', '2026-06-03T00:00:00.000Z']],
        ['2026-06-03', ['2026-06-03T00:00:00.000Z', '2026-06-03T04:00:00.000Z']],
      ],
    ],
    [
      'ending exactly at local midnight stays one piece',
      r('2026-06-01T10:00:00Z', '2026-06-01T22:00:00Z'),
      'Europe/Paris',
      [['2026-06-01', ['2026-06-01T10:00:00.000Z', '2026-06-01T22:00:00.000Z']]],
    ],
    [
      'New York overnight across fall back',
      r('2026-11-01T02:00:00Z', '2026-11-02T06:00:00Z'),
      'America/New_York',
      [
        ['2026-10-31', ['2026-11-01T02:00:00.000Z', '2026-11-01T04:00:00.000Z']],
        ['2026-11-01', ['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']],
        ['2026-11-02', ['2026-11-02T05:00:00.000Z', '2026-11-02T06:00:00.000Z']],
      ],
    ],
  ])('%s', (_name, range, zone, expected) => {
    expect(splitByLocalDay(range, zone).map((p) => [p.date, show(p.range)])).toEqual(expected);
  });
});

describe('maxConcurrent', () => {
  const h = (n: number) => new Date(Date.UTC(2030, 5, 3, n));
  it.each([
    ['none', [], 0],
    ['one', [[9, 12]], 1],
    ['disjoint', [[9, 12], [14, 17]], 1],
    ['adjacent', [[9, 12], [12, 14]], 1],
    ['nested', [[9, 17], [10, 11], [10, 12]], 3],
    ['chain', [[9, 12], [11, 14], [13, 16]], 2],
  ] as [string, [number, number][], number][])('%s → %i', (_name, spans, peak) => {
    expect(maxConcurrent(spans.map(([s, e]) => ({ start: h(s), end: h(e) })))).toBe(peak);
  });
});

describe('localDateWindow', () => {
  it.each([
    // zone, from, to, start, end, why
    ['Europe/Paris', '2026-12-01', '2026-12-07', '2026-11-30T23:00:00.000Z', '2026-12-07T23:00:00.000Z', 'a winter week: midnight is 23:00 UTC'],
    ['Europe/Paris', '2026-03-29', '2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 'the 23-hour day of the spring change'],
    ['Europe/Paris', '2026-10-25', '2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z', 'the 25-hour day of the autumn change'],
    ['America/New_York', '2026-03-08', '2026-03-09', '2026-03-08T05:00:00.000Z', '2026-03-10T04:00:00.000Z', 'across the US spring change'],
    ['America/Sao_Paulo', '2018-11-04', '2018-11-04', '2018-11-04T03:00:00.000Z', '2018-11-05T02:00:00.000Z', 'a day whose midnight did not exist'],
    ['UTC', '2026-01-01', '2026-12-31', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'a whole year'],
  ])('%s %s..%s → [%s, %s): %s', (zone, from, to, start, end) => {
    const window = localDateWindow(from, to, zone);
    expect(window && [window.start.toISOString(), window.end.toISOString()]).toEqual([start, end]);
  });

  it.each([
    ['2026-02-30', '2026-03-01', 'a date that does not exist'],
    ['2026-03-02', '2026-03-01', 'the last day before the first'],
    ['2026-3-1', '2026-03-02', 'not yyyy-MM-dd'],
    ['2026-03-01T00:00', '2026-03-02', 'a time, not a date'],
  ])('refuses %s..%s (%s)', (from, to) => {
    expect(localDateWindow(from, to, 'Europe/Paris')).toBeNull();
  });
});
