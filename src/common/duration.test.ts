import { durationSeconds } from './duration';

describe('durationSeconds', () => {
  it.each([
    ['3600', 3600],
    ['90s', 90],
    ['15m', 900],
    ['12h', 43_200],
    ['30d', 2_592_000],
    [' 2h ', 7200],
    ['0', 0],
  ])('reads %j as %d seconds', (raw, seconds) => {
    expect(durationSeconds(raw)).toBe(seconds);
  });

  it.each(['', 'd', '1.5h', '-1h', '2w', '1 day', '30dd', '1e3'])('refuses %j', (raw) => {
    expect(durationSeconds(raw)).toBeNull();
  });
});
