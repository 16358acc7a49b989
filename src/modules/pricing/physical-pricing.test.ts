import { DateTime } from 'luxon';
import { physicalFeeLines, workedMinutes, type PhysicalRates, type QuoteLine } from './physical-pricing';

// EUR card: 100.00/h, 350.00 per half day, 600.00 per day, overtime 1.5× then 2×, travel 50.00/h.
const EUR: PhysicalRates = {
  currency: 'EUR',
  hourlyRate: 10000,
  halfDayRate: 35000,
  dayRate: 60000,
  overtimeAfter8Bps: 15000,
  overtimeAfter12Bps: 20000,
  travelHourlyRate: 5000,
};

// JPY has no minor unit: amounts are whole yen, and the same integer maths must hold.
const JPY: PhysicalRates = {
  currency: 'JPY',
  hourlyRate: 12000,
  halfDayRate: 40000,
  dayRate: 75000,
  overtimeAfter8Bps: 15000,
  overtimeAfter12Bps: 20000,
  travelHourlyRate: 0,
};

type Row = [QuoteLine['kind'], QuoteLine['unit'], number, number, number];
const rows = (lines: QuoteLine[]): Row[] => lines.map((l) => [l.kind, l.unit, l.quantity, l.unitAmount, l.amount]);
const total = (lines: QuoteLine[]): number => lines.reduce((s, l) => s + l.amount, 0);

describe('physicalFeeLines', () => {
  it.each<[string, PhysicalRates, number, number, Row[]]>([
    ['full day (8 h): day beats 8 × hourly', EUR, 480, 0, [['BASE_FEE', 'DAY', 1, 60000, 60000]]],
    ['half day (4 h): half day beats 4 × hourly', EUR, 240, 0, [['BASE_FEE', 'HALF_DAY', 1, 35000, 35000]]],
    ['hours cheaper than a half day (3 h)', EUR, 180, 0, [['BASE_FEE', 'MINUTE', 180, 10000, 30000]]],
    ['3 h 30: hourly 35000 ties the half day, which is kept', EUR, 210, 0, [['BASE_FEE', 'HALF_DAY', 1, 35000, 35000]]],
    ['4 h 01: no half day any more, hourly beats the day', EUR, 241, 0, [['BASE_FEE', 'MINUTE', 241, 10000, 40167]]], // 40166.67
    ['6 h 01: the day is now cheaper', EUR, 361, 0, [['BASE_FEE', 'DAY', 1, 60000, 60000]]], // hourly would be 60166.67
    ['1 minute', EUR, 1, 0, [['BASE_FEE', 'MINUTE', 1, 10000, 167]]], // 166.67
    ['8 h exactly: no overtime', EUR, 480, 0, [['BASE_FEE', 'DAY', 1, 60000, 60000]]],
    [
      '8 h 01: one started minute of overtime at 1.5×',
      EUR,
      481,
      0,
      [
        ['BASE_FEE', 'DAY', 1, 60000, 60000],
        ['OVERTIME', 'MINUTE', 1, 15000, 250],
      ],
    ],
    [
      '12 h exactly: only the 1.5× band',
      EUR,
      720,
      0,
      [
        ['BASE_FEE', 'DAY', 1, 60000, 60000],
        ['OVERTIME', 'MINUTE', 240, 15000, 60000],
      ],
    ],
    [
      '12 h 01: the 2× band starts',
      EUR,
      721,
      0,
      [
        ['BASE_FEE', 'DAY', 1, 60000, 60000],
        ['OVERTIME', 'MINUTE', 240, 15000, 60000],
        ['OVERTIME', 'MINUTE', 1, 20000, 333], // 333.33
      ],
    ],
    [
      'across 12 h (12 h 30) with 90 min of travel',
      EUR,
      750,
      90,
      [
        ['BASE_FEE', 'DAY', 1, 60000, 60000],
        ['OVERTIME', 'MINUTE', 240, 15000, 60000],
        ['OVERTIME', 'MINUTE', 30, 20000, 10000],
        ['TRAVEL', 'MINUTE', 90, 5000, 7500],
      ],
    ],
    ['travel on a short job', EUR, 60, 45, [['BASE_FEE', 'MINUTE', 60, 10000, 10000], ['TRAVEL', 'MINUTE', 45, 5000, 3750]]],
    ['travel not billed: rate 0', { ...EUR, travelHourlyRate: 0 }, 60, 45, [['BASE_FEE', 'MINUTE', 60, 10000, 10000]]],
    ['travel rounding half up', { ...EUR, travelHourlyRate: 1001 }, 60, 30, [['BASE_FEE', 'MINUTE', 60, 10000, 10000], ['TRAVEL', 'MINUTE', 30, 1001, 501]]], // 500.5
    ['hourly equal to the day rate at 8 h: the day is kept', { ...EUR, hourlyRate: 7500 }, 480, 0, [['BASE_FEE', 'DAY', 1, 60000, 60000]]],
    [
      'overtime rate rounded per hour first: 1.5 × 10001 = 15001.5 -> 15002',
      { ...EUR, hourlyRate: 10001 },
      540,
      0,
      [
        ['BASE_FEE', 'DAY', 1, 60000, 60000],
        ['OVERTIME', 'MINUTE', 60, 15002, 15002],
      ],
    ],
    ['zero-amount overtime is omitted (hourly 0)', { ...EUR, hourlyRate: 0 }, 800, 0, [['BASE_FEE', 'MINUTE', 480, 0, 0]]],
    ['JPY: 95 min by the hour', JPY, 95, 0, [['BASE_FEE', 'MINUTE', 95, 12000, 19000]]],
    ['JPY: 37 min rounds to the yen', JPY, 37, 0, [['BASE_FEE', 'MINUTE', 37, 12000, 7400]]],
    ['JPY: 7 min, 1400 yen', JPY, 7, 0, [['BASE_FEE', 'MINUTE', 7, 12000, 1400]]],
    ['JPY: 1 min of 12001 yen/h = 200.0167 -> 200', { ...JPY, hourlyRate: 12001 }, 1, 0, [['BASE_FEE', 'MINUTE', 1, 12001, 200]]],
    [
      'JPY: day plus overtime, travel not billed',
      JPY,
      481,
      120,
      [
        ['BASE_FEE', 'DAY', 1, 75000, 75000],
        ['OVERTIME', 'MINUTE', 1, 18000, 300],
      ],
    ],
  ])('%s', (_name, rates, minutes, travel, expected) => {
    expect(rows(physicalFeeLines(rates, minutes, travel))).toEqual(expected);
  });

  it('says in words what each line is for', () => {
    const lines = physicalFeeLines(EUR, 750, 90);
    expect(lines.map((l) => l.description)).toEqual([
      'Day rate (up to 8 h)',
      'Overtime 8–12 h, 240 min at 1.5× hourly',
      'Overtime beyond 12 h, 30 min at 2× hourly',
      'Travel, 90 min',
    ]);
    expect(physicalFeeLines(EUR, 180, 0)[0].description).toBe('Hourly rate, 180 min');
    expect(physicalFeeLines(EUR, 240, 0)[0].description).toBe('Half-day rate (up to 4 h)');
    expect(physicalFeeLines({ ...EUR, overtimeAfter8Bps: 12500 }, 500, 0)[1].description).toBe('Overtime 8–12 h, 20 min at 1.25× hourly');
  });

  it('keeps amounts exact where hourly × minutes passes 2^53', () => {
    // 2^53-1 per hour for 60 min: the product is 60 × (2^53-1), far past float precision.
    const huge = { ...EUR, hourlyRate: Number.MAX_SAFE_INTEGER, halfDayRate: Number.MAX_SAFE_INTEGER, dayRate: Number.MAX_SAFE_INTEGER };
    expect(physicalFeeLines(huge, 60, 0)[0].amount).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => physicalFeeLines(huge, 61, 0)).toThrow(RangeError);
  });

  it.each<[string, PhysicalRates, number, number]>([
    ['0 worked minutes', EUR, 0, 0],
    ['fractional worked minutes', EUR, 90.5, 0],
    ['negative travel', EUR, 60, -1],
    ['fractional travel', EUR, 60, 0.5],
    ['a malformed currency', { ...EUR, currency: 'eur' }, 60, 0],
    ['a negative hourly rate', { ...EUR, hourlyRate: -1 }, 60, 0],
    ['a fractional day rate', { ...EUR, dayRate: 600.5 }, 60, 0],
    ['a negative travel rate', { ...EUR, travelHourlyRate: -5 }, 60, 30],
    ['an overtime multiplier out of range', { ...EUR, overtimeAfter8Bps: -1 }, 500, 0],
    ['a bad multiplier even without overtime', { ...EUR, overtimeAfter12Bps: 1.5 }, 60, 0],
  ])('throws RangeError on %s', (_name, rates, minutes, travel) => {
    expect(() => physicalFeeLines(rates, minutes, travel)).toThrow(RangeError);
  });
});

describe('workedMinutes', () => {
  const at = (iso: string): Date => new Date(iso);
  it.each([
    ['one hour', '2030-01-10T09:00:00.000Z', '2030-01-10T10:00:00.000Z', 60],
    ['one millisecond is a started minute', '2030-01-10T09:00:00.000Z', '2030-01-10T09:00:00.001Z', 1],
    ['one hour and one millisecond', '2030-01-10T09:00:00.000Z', '2030-01-10T10:00:00.001Z', 61],
    ['59 min 59.999 s', '2030-01-10T09:00:00.000Z', '2030-01-10T09:59:59.999Z', 60],
    ['8 h 01', '2030-01-10T09:00:00.000Z', '2030-01-10T17:01:00.000Z', 481],
    ['across midnight UTC', '2030-01-10T22:00:00.000Z', '2030-01-11T02:30:00.000Z', 270],
  ])('%s', (_name, start, end, expected) => {
    expect(workedMinutes(at(start), at(end))).toBe(expected);
  });

  it.each([
    ['start == end', at('2030-01-10T09:00:00Z'), at('2030-01-10T09:00:00Z')],
    ['end before start', at('2030-01-10T10:00:00Z'), at('2030-01-10T09:00:00Z')],
    ['an invalid start', new Date('nope'), at('2030-01-10T09:00:00Z')],
    ['an invalid end', at('2030-01-10T09:00:00Z'), new Date(NaN)],
  ])('throws RangeError on %s', (_name, start, end) => {
    expect(() => workedMinutes(start, end)).toThrow(RangeError);
  });
});

// The pricing takes minutes, and the caller derives them from instants with workedMinutes. So a job
// from 20:00 to 20:00 the next day in Paris is billed for the hours that really passed: 23 on the
// night clocks go forward, 25 on the night they go back — never the 24 a wall-clock difference suggests.
describe('DST nights in Europe/Paris: minutes come from instants', () => {
  const paris = (local: string): Date => DateTime.fromISO(local, { zone: 'Europe/Paris' }).toJSDate();

  it.each<[string, string, string, number, Row[]]>([
    [
      'spring forward, 2030-03-31: a 23 h span',
      '2030-03-30T20:00',
      '2030-03-31T20:00',
      1380,
      [
        ['BASE_FEE', 'DAY', 1, 60000, 60000],
        ['OVERTIME', 'MINUTE', 240, 15000, 60000],
        ['OVERTIME', 'MINUTE', 660, 20000, 220000],
      ],
    ],
    [
      'fall back, 2030-10-27: a 25 h span',
      '2030-10-26T20:00',
      '2030-10-27T20:00',
      1500,
      [
        ['BASE_FEE', 'DAY', 1, 60000, 60000],
        ['OVERTIME', 'MINUTE', 240, 15000, 60000],
        ['OVERTIME', 'MINUTE', 780, 20000, 260000],
      ],
    ],
    [
      'an ordinary night, 2030-05-11: 24 h',
      '2030-05-10T20:00',
      '2030-05-11T20:00',
      1440,
      [
        ['BASE_FEE', 'DAY', 1, 60000, 60000],
        ['OVERTIME', 'MINUTE', 240, 15000, 60000],
        ['OVERTIME', 'MINUTE', 720, 20000, 240000],
      ],
    ],
  ])('%s', (_name, localStart, localEnd, minutes, expected) => {
    const start = paris(localStart);
    const end = paris(localEnd);
    // Same wall-clock time one calendar day apart, so only the instants can tell the spans apart.
    expect(localEnd.slice(11)).toBe(localStart.slice(11));
    expect(workedMinutes(start, end)).toBe(minutes);
    expect(rows(physicalFeeLines(EUR, workedMinutes(start, end), 0))).toEqual(expected);
  });

  it('the 23 h and 25 h nights differ by exactly two hours at 2×', () => {
    const short = physicalFeeLines(EUR, workedMinutes(paris('2030-03-30T20:00'), paris('2030-03-31T20:00')), 0);
    const long = physicalFeeLines(EUR, workedMinutes(paris('2030-10-26T20:00'), paris('2030-10-27T20:00')), 0);
    expect(total(long) - total(short)).toBe(2 * 20000);
  });
});
