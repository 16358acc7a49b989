import { ConfirmBookingDocument, CreatePhysicalBookingDocument, BookingByIdDocument, type CreatePhysicalBookingInput } from './generated/graphql';
import { at, type Party, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

function slot(s: Scenario, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return { modelId: s.model.id, title: 'Fitting', start: at(start), end: at(end), location: { name: 'Atelier', timeZone: 'Europe/Paris' }, ...extra };
}

async function placeOption(s: Scenario, brand: Party, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input: slot(s, start, end, extra) }, brand.token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function rankOf(id: string): Promise<number | null> {
  const b = (await app.gql(BookingByIdDocument, { id })).booking!;
  return 'optionRank' in b ? b.optionRank ?? null : null;
}

/** Writes a placement instant as a process with a skewed clock would have. */
async function setCreatedAt(id: string, instant: string): Promise<void> {
  await app.orm.em.getConnection().execute('update booking set created_at = ? where id = ?', [instant, id]);
}

describe('the order options rank in', () => {
  it('follows the order the database placed them in, not the placement instants an API process wrote', async () => {
    const s = await seedPricedScenario(app);
    const first = await placeOption(s, s.brand, 9, 17);
    const second = await placeOption(s, s.otherBrand, 9, 17);
    // The second was placed by a process whose clock runs an hour behind: its instant reads earlier than the first's.
    await setCreatedAt(first, '2029-01-01T10:00:00.000Z');
    await setCreatedAt(second, '2029-01-01T09:00:00.000Z');
    expect([await rankOf(first), await rankOf(second)]).toEqual([1, 2]);
    // And the brand of the second cannot pick it up: the first still holds the slot.
    const res = (await app.gql(ConfirmBookingDocument, { id: second }, s.otherBrand.token)).confirmBooking;
    expect(res.userErrors.map((e) => e.code)).toEqual(['OPTION_NOT_FIRST']);
    const mine = (await app.gql(ConfirmBookingDocument, { id: first }, s.brand.token)).confirmBooking;
    expect(mine.userErrors).toEqual([]);
    expect(mine.booking?.status).toBe('CONFIRMED');
  });
});

describe('OPTION_NOT_FIRST names the option ahead', () => {
  it('on confirming a 3rd option: the range of the 1st (travel included), its id to the agency and to its own brand only', async () => {
    const s = await seedPricedScenario(app);
    const first = await placeOption(s, s.brand, 9, 17, { travelBeforeMinutes: 60 });
    await placeOption(s, s.otherBrand, 10, 12);
    const third = await placeOption(s, s.otherBrand, 11, 13);
    const asBrand = (await app.gql(ConfirmBookingDocument, { id: third }, s.otherBrand.token)).confirmBooking;
    expect(asBrand.booking).toBeNull();
    expect(asBrand.userErrors).toEqual([
      {
        code: 'OPTION_NOT_FIRST',
        field: ['id'],
        message: `the option ranks 3; the first live option holds ${at(8)} to ${at(17)} (travel included)`,
        conflict: { start: at(8), end: at(17), bookingId: null },
      },
    ]);
    const asAgency = (await app.gql(ConfirmBookingDocument, { id: third }, s.agency.token)).confirmBooking;
    expect(asAgency.userErrors[0].conflict).toEqual({ start: at(8), end: at(17), bookingId: first });
  });

  it('on booking as confirmed over live options: the range of the first placed, with its id for the agency', async () => {
    const s = await seedPricedScenario(app);
    // Placed first, but later in the day: the conflict is the first placed, not the earliest in time.
    const firstPlaced = await placeOption(s, s.brand, 13, 17);
    await placeOption(s, s.otherBrand, 9, 14);
    const res = (
      await app.gql(CreatePhysicalBookingDocument, { input: slot(s, 8, 18, { brandId: s.otherBrand.id, status: 'CONFIRMED' }) }, s.agency.token)
    ).createPhysicalBooking;
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([
      {
        code: 'OPTION_NOT_FIRST',
        field: ['input', 'start'],
        message: `2 live option(s) hold this time; confirm or release them first; the first live option holds ${at(13)} to ${at(17)} (travel included)`,
        conflict: { start: at(13), end: at(17), bookingId: firstPlaced },
      },
    ]);
  });

  it('on booking as confirmed by an admin over an option: the admin sees the id too', async () => {
    const s = await seedPricedScenario(app);
    const option = await placeOption(s, s.brand, 9, 17);
    const res = (await app.gql(CreatePhysicalBookingDocument, { input: slot(s, 10, 11, { brandId: s.otherBrand.id, status: 'CONFIRMED' }) })).createPhysicalBooking;
    expect(res.userErrors.map((e) => [e.code, e.conflict])).toEqual([['OPTION_NOT_FIRST', { start: at(9), end: at(17), bookingId: option }]]);
  });
});
