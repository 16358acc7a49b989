import { BookingMoneyDocument, CompleteBookingDocument, ConfirmBookingDocument, CreatePhysicalBookingDocument } from '../generated/graphql';
import type { Party, Scenario } from './factories';
import type { PayoutLine } from './money';
import type { TestApp } from './test-app';

/** The brand places an option on the scenario's model, her agency confirms it (freezing the quote); returns its id. */
export async function confirmedOption(app: TestApp, s: Scenario, start: string, end: string, title = 'Lookbook', brand: Party = s.brand): Promise<string> {
  const created = await app.gql(
    CreatePhysicalBookingDocument,
    { input: { modelId: s.model.id, brandId: brand.id, title, start, end, location: { name: 'Studio 5', timeZone: 'Europe/Paris' } } },
    brand.token,
  );
  expect(created.createPhysicalBooking.userErrors).toEqual([]);
  const id = created.createPhysicalBooking.booking!.id;
  expect((await app.gql(ConfirmBookingDocument, { id }, s.agency.token)).confirmBooking.userErrors).toEqual([]);
  return id;
}

/** A confirmed booking whose work is over, completed by the agency: its payouts are written. */
export async function completedBooking(app: TestApp, s: Scenario, start: string, end: string, title = 'Lookbook'): Promise<string> {
  const id = await confirmedOption(app, s, start, end, title);
  expect((await app.gql(CompleteBookingDocument, { input: { id } }, s.agency.token)).completeBooking.userErrors).toEqual([]);
  return id;
}

/** A booking's payout lines as its agency reads them on the booking. */
export async function linesOf(app: TestApp, s: Scenario, bookingId: string): Promise<PayoutLine[]> {
  return (await app.gql(BookingMoneyDocument, { id: bookingId }, s.agency.token)).booking!.payouts;
}
