import { SetRateCardDocument, type BookingMoneyQuery, type SetRateCardInput } from '../generated/graphql';
import { at } from './factories';
import type { TestApp } from './test-app';

export type MoneyBooking = NonNullable<BookingMoneyQuery['booking']>;
export type PayoutLine = MoneyBooking['payouts'][number];

/** An agency default card in EUR: 100.00 an hour, 350.00 a half day, 600.00 a day. */
export const DEFAULT_CARD: SetRateCardInput = { currency: 'EUR', hourlyRate: 10000, halfDayRate: 35000, dayRate: 60000 };

export const inHours = (hours: number, now = Date.now()) => new Date(now + hours * 3600_000).toISOString();

/** Start and end `hours` apart from one reading of the clock: two readings could bill an extra started minute. */
export const fromNow = (startHours: number, hours: number): [string, string] => {
  const now = Date.now();
  return [inHours(startHours, now), inHours(startHours + hours, now)];
};

/** A Monday long gone: work is completed only once it has started, so bookings to complete are placed from here. */
export const PAST_MONDAY = '2025-06-02T00:00:00.000Z';

/** An ISO instant `hours` after PAST_MONDAY. */
export const past = (hours: number): string => at(hours, PAST_MONDAY);

/** Sets a rate card (the agency default, or a model's with modelId) and returns its id. */
export async function setCard(app: TestApp, token: string, input: SetRateCardInput): Promise<string> {
  const res = await app.gql(SetRateCardDocument, { input }, token);
  expect(res.setRateCard.userErrors).toEqual([]);
  return res.setRateCard.rateCard!.id;
}
