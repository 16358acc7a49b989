import {
  CompleteBookingDocument,
  ConfirmBookingDocument,
  BookingMoneyDocument,
  CreatePhysicalBookingDocument,
  SetRateCardDocument,
} from './generated/graphql';
import { at, seedScenario } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it('rate card → confirm (frozen) → card changed → complete with overtime → payouts balance', async () => {
  const s = await seedScenario(app);
  const card = await app.gql(SetRateCardDocument, { input: { currency: 'EUR', hourlyRate: 10000, halfDayRate: 35000, dayRate: 60000 } }, s.agency.token);
  expect(card.setRateCard.userErrors).toEqual([]);
  const created = await app.gql(
    CreatePhysicalBookingDocument,
    { input: { modelId: s.model.id, title: 'Shoot', start: at(9), end: at(17), location: { name: 'S', timeZone: 'Europe/Paris' } } },
    s.brand.token,
  );
  const id = created.createPhysicalBooking.booking!.id;
  expect((await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking.userErrors).toEqual([]);
  await app.gql(SetRateCardDocument, { input: { currency: 'EUR', hourlyRate: 99999, halfDayRate: 99999, dayRate: 99999 } }, s.agency.token);
  const done = await app.gql(CompleteBookingDocument, { input: { id, actualEnd: at(18) } }, s.agency.token);
  expect(done.completeBooking.userErrors).toEqual([]);
  const money = await app.gql(BookingMoneyDocument, { id }, s.agency.token);
  const q = money.booking!.quote!;
  expect(q.frozen).toBe(true);
  expect(q.brandTotal.amount).toBe(72000);
  const payouts = money.booking!.payouts;
  // day 60000 + 1 h overtime at 1.5 × 10000 = 75000 fee; +20% service = 90000 charged.
  expect(payouts.reduce((sum, p) => sum + p.amount.amount, 0)).toBe(90000);
  expect(payouts.find((p) => p.party === 'MODEL')!.amount.amount).toBe(60000);
  const again = await app.gql(CompleteBookingDocument, { input: { id, actualEnd: at(20) } }, s.agency.token);
  expect(again.completeBooking.userErrors).toEqual([]);
  expect((await app.gql(BookingMoneyDocument, { id }, s.agency.token)).booking!.payouts).toHaveLength(payouts.length);
});
