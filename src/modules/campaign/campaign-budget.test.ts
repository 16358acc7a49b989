import { budgetOf } from './campaign-budget';
import type { CampaignTotal } from './campaign.types';
import { BookingType } from '../booking/booking-status';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const total = (type: BookingType, currency: string, quoted: number, confirmed: number, completed: number): CampaignTotal => ({
  type,
  currency,
  quoted: { amount: quoted, currency },
  confirmed: { amount: confirmed, currency },
  completed: { amount: completed, currency },
});

describe('budgetOf', () => {
  it.each<[string, number, CampaignTotal[], number, number | null]>([
    ['nothing booked', 1000, [], 0, null],
    ['quoted, confirmed and completed all count', 1000, [total(BookingType.PHYSICAL, 'EUR', 100, 200, 300)], 600, null],
    ['both types count', 1000, [total(BookingType.PHYSICAL, 'EUR', 100, 0, 0), total(BookingType.DIGITAL, 'EUR', 0, 250, 0)], 350, null],
    ['exactly the budget is within it', 600, [total(BookingType.PHYSICAL, 'EUR', 100, 200, 300)], 600, null],
    ['one minor unit over', 599, [total(BookingType.PHYSICAL, 'EUR', 100, 200, 300)], 600, 1],
    ['other currencies are not measured against it', 100, [total(BookingType.PHYSICAL, 'USD', 5000, 0, 0), total(BookingType.DIGITAL, 'EUR', 50, 0, 0)], 50, null],
  ])('%s', (_name, budget, totals, committed, overBy) => {
    const b = budgetOf(eur(budget), totals);
    expect(b.committed).toEqual(eur(committed));
    expect(b.remaining).toEqual(eur(budget - committed));
    expect(b.overBy).toEqual(overBy === null ? null : eur(overBy));
    expect(b.totals).toBe(totals);
  });
});
