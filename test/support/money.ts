import { SetRateCardDocument, type BookingMoneyQuery, type CreateModelInput, type SetRateCardInput } from '../generated/graphql';
import { at, seedScenario, type Party, type Scenario } from './factories';
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

/** The default card with prices for the twin work tests book too: images and videos; e-commerce, social and web usage. */
export const PRICED_CARD: SetRateCardInput = {
  ...DEFAULT_CARD,
  deliverablePrices: [
    { key: 'IMAGE', amount: 5000 },
    { key: 'VIDEO', amount: 20000 },
  ],
  usageMonthlyFees: [
    { key: 'ECOMMERCE', amount: 10000 },
    { key: 'SOCIAL', amount: 8000 },
    { key: 'WEB', amount: 6000 },
  ],
};

/** Gives the agency a default card (PRICED_CARD) for all its models: a booking is confirmed only with a price. */
export async function priceAgency(app: TestApp, agency: Party): Promise<void> {
  await setCard(app, agency.token, PRICED_CARD);
}

/** seedScenario, with the agency's work priced by PRICED_CARD, for tests that confirm bookings. */
export async function seedPricedScenario(app: TestApp, model: Partial<CreateModelInput> = {}): Promise<Scenario> {
  const s = await seedScenario(app, model);
  await priceAgency(app, s.agency);
  return s;
}
