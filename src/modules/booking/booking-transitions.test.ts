import { BookingStatus as S } from './booking-status';
import { BOOKING_TRANSITIONS, canTransition, isTerminal } from './booking-transitions';

const ALL = Object.values(S);
const ALLOWED = new Set([
  'OPTION>CONFIRMED',
  'OPTION>RELEASED',
  'OPTION>EXPIRED',
  'OPTION>DECLINED',
  'OPTION>CANCELLED',
  'CONFIRMED>COMPLETED',
  'CONFIRMED>CANCELLED',
]);

describe('BOOKING_TRANSITIONS', () => {
  const table = ALL.flatMap((from) => ALL.map((to) => [from, to, ALLOWED.has(`${from}>${to}`)] as const));

  it.each(table)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('has a row for every status', () => {
    expect(Object.keys(BOOKING_TRANSITIONS).sort()).toEqual([...ALL].sort());
  });

  it.each([
    [S.OPTION, false],
    [S.CONFIRMED, false],
    [S.COMPLETED, true],
    [S.RELEASED, true],
    [S.EXPIRED, true],
    [S.DECLINED, true],
    [S.CANCELLED, true],
  ])('%s is terminal: %s', (status, terminal) => {
    expect(isTerminal(status)).toBe(terminal);
  });
});
