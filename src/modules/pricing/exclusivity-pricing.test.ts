import { exclusivityLine } from './exclusivity-pricing';

const terms = { exclusivityMonthlyBps: 1000, territoryFactorBps: { COUNTRY: 10000, EU: 30000, WORLDWIDE: 60000 } };
const jan = (day: number, month = 0) => new Date(Date.UTC(2030, month, day));

describe('exclusivityLine', () => {
  it.each<[string, string[], Date, Date, number, number]>([
    ['one country, one month', ['FR'], jan(1), jan(1, 1), 1, 10_000],
    ['one country, three months', ['FR'], jan(1), jan(1, 3), 3, 30_000],
    ['a started month counts whole', ['FR'], jan(1), jan(2, 1), 2, 20_000],
    ['the EU, one month', ['EU'], jan(1), jan(1, 1), 1, 30_000],
    ['worldwide, one month', ['WORLDWIDE'], jan(1), jan(1, 1), 1, 60_000],
    ['two countries add their factors', ['FR', 'de'], jan(1), jan(1, 1), 1, 20_000],
  ])('%s', (_name, territories, start, end, months, amount) => {
    const line = exclusivityLine(terms, 100_000, { territories, start, end });
    expect(line).toMatchObject({ kind: 'EXCLUSIVITY_FEE', unit: 'MONTH', quantity: months, unitAmount: 10_000, amount });
  });

  it('takes the card default for terms frozen before the term existed', () => {
    const line = exclusivityLine({ territoryFactorBps: terms.territoryFactorBps }, 100_000, { territories: ['FR'], start: jan(1), end: jan(1, 1) });
    expect(line.amount).toBe(10_000);
  });

  it('rounds half up on the minor unit', () => {
    expect(exclusivityLine({ ...terms, exclusivityMonthlyBps: 1 }, 5_000, { territories: ['FR'], start: jan(1), end: jan(1, 1) }).unitAmount).toBe(1);
  });
});
