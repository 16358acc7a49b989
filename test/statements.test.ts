import {
  AgencyStatementLinesDocument,
  BookingChargesDocument,
  BookingMoneyDocument,
  BrandStatementDocument,
  BrandStatementFullDocument,
  CancelBookingDocument,
  CreatePhysicalBookingDocument,
} from './generated/graphql';
import { completedBooking, confirmedOption } from './support/books';
import { seedAgency, seedModel, type Scenario } from './support/factories';
import { inHours, past, seedPricedScenario, setCard } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** A period holding every line written in a test and every booking it places in the coming weeks. */
const period = () => ({ from: past(0), to: inHours(24 * 30) });
const totalOf = (lines: { amount: { amount: number; currency: string } }[], currency = 'EUR') =>
  lines.filter((l) => l.amount.currency === currency).reduce((sum, l) => sum + l.amount.amount, 0);

describe("the agency's statement, line by line", () => {
  it('lists the lines behind its totals: its own and its models’ for its bookings, its share as mother agency, and no one else’s', async () => {
    const mother = await seedAgency(app);
    const s = await seedPricedScenario(app, { motherAgencyId: mother.id });
    // The mother agency also represents a model of its own, whose booking it completes.
    const own: Scenario = { ...s, agency: mother, model: await seedModel(app, mother) };
    await setCard(app, mother.token, { currency: 'EUR', hourlyRate: 10000, halfDayRate: 35000, dayRate: 60000 });
    const placed = await completedBooking(app, s, past(9), past(17), 'Placed model lookbook');
    const ownBooking = await completedBooking(app, own, past(9), past(17), 'Own model lookbook');

    const statement = (await app.gql(AgencyStatementLinesDocument, period(), mother.token)).agencyStatement!;
    expect(statement.linesComplete).toBe(true);
    const lines = statement.lines.map((l) => [l.bookingId, l.party, l.title, l.reason, l.status]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [placed, 'MOTHER_AGENCY', null, 'FEE', 'PENDING'],
        [ownBooking, 'AGENCY', 'Own model lookbook', 'FEE', 'PENDING'],
        [ownBooking, 'MODEL', 'Own model lookbook', 'FEE', 'PENDING'],
      ]),
    );
    // Nothing of the placed booking but its own share: not the representing agency's, the model's or the platform's.
    expect(statement.lines.filter((l) => l.bookingId === placed).map((l) => l.party)).toEqual(['MOTHER_AGENCY']);
    expect(statement.lines.some((l) => l.party === 'PLATFORM')).toBe(false);
    expect(statement.lines).toHaveLength(3);

    // The lines add up to the totals beside them.
    const owedToAgency = statement.lines.filter((l) => l.party !== 'MODEL');
    const owedToModels = statement.lines.filter((l) => l.party === 'MODEL');
    expect(totalOf(owedToAgency)).toBe(statement.owedToAgency.reduce((sum, l) => sum + l.total.amount, 0));
    expect(totalOf(owedToModels)).toBe(statement.owedToModels.reduce((sum, l) => sum + l.total.amount, 0));
    // And they are the booking's own payout lines, as written.
    const payouts = (await app.gql(BookingMoneyDocument, { id: ownBooking }, mother.token)).booking!.payouts;
    for (const line of statement.lines.filter((l) => l.bookingId === ownBooking)) {
      expect(payouts.find((p) => p.id === line.payoutId)).toMatchObject({ party: line.party, amount: line.amount, status: line.status });
    }

    // The representing agency sees its booking's title and lines, but not the mother agency's own booking.
    const representing = (await app.gql(AgencyStatementLinesDocument, period(), s.agency.token)).agencyStatement!;
    expect(representing.lines.map((l) => [l.party, l.title]).sort()).toEqual([
      ['AGENCY', 'Placed model lookbook'],
      ['MODEL', 'Placed model lookbook'],
    ]);
  });

  it('shows a cancellation fee as CANCELLATION, and gives no statement to a brand or a model', async () => {
    const s = await seedPricedScenario(app);
    const id = await confirmedOption(app, s, inHours(10), inHours(18));
    expect((await app.gql(CancelBookingDocument, { id, reason: 'show moved' }, s.brand.token)).cancelBooking.userErrors).toEqual([]);
    const statement = (await app.gql(AgencyStatementLinesDocument, period(), s.agency.token)).agencyStatement!;
    // Under 24 h of notice the whole fee is owed: the agency's and the model's lines, both for the cancellation.
    expect(statement.lines.map((l) => [l.bookingId, l.party, l.reason]).sort()).toEqual([
      [id, 'AGENCY', 'CANCELLATION'],
      [id, 'MODEL', 'CANCELLATION'],
    ]);
    for (const token of [s.brand.token, s.model.token]) {
      expect((await app.gql(AgencyStatementLinesDocument, { ...period(), agencyId: s.agency.id }, token)).agencyStatement).toBeNull();
    }
  });
});

describe("the brand's statement: due apart from committed", () => {
  it('lists each charge with its reason, and apart from it the confirmed work not yet done at its frozen quote, per currency', async () => {
    const s = await seedPricedScenario(app);
    const done = await completedBooking(app, s, past(9), past(17), 'Done');
    const cancelled = await confirmedOption(app, s, inHours(10), inHours(18), 'Cancelled late');
    expect((await app.gql(CancelBookingDocument, { id: cancelled, reason: 'show moved' }, s.brand.token)).cancelBooking.userErrors).toEqual([]);
    const committed = await confirmedOption(app, s, inHours(24 * 5), inHours(24 * 5 + 8), 'Committed');
    // An option is not committed; nor is another brand's confirmed booking.
    const option = await app.gql(
      CreatePhysicalBookingDocument,
      { input: { modelId: s.model.id, title: 'Only an option', start: inHours(24 * 7), end: inHours(24 * 7 + 8), location: { name: 'Studio', timeZone: 'Europe/Paris' } } },
      s.brand.token,
    );
    expect(option.createPhysicalBooking.userErrors).toEqual([]);
    await confirmedOption(app, s, inHours(24 * 9), inHours(24 * 9 + 8), 'Other brand', s.otherBrand);
    // A second agency pricing in JPY: committed money is per currency.
    const jpy = await seedPricedScenario(app);
    await setCard(app, jpy.agency.token, { currency: 'JPY', hourlyRate: 15000, halfDayRate: 50000, dayRate: 90000 });
    const jpyWork = await confirmedOption(app, { ...jpy, brand: s.brand }, inHours(24 * 6), inHours(24 * 6 + 8), 'Tokyo', s.brand);

    const statement = (await app.gql(BrandStatementFullDocument, period(), s.brand.token)).brandStatement!;
    const charged = async (id: string) => (await app.gql(BookingChargesDocument, { id }, s.brand.token)).booking!.charges!.total;
    expect(statement.charges).toEqual([
      { bookingId: done, bookingType: 'PHYSICAL', title: 'Done', reason: 'FEE', amount: await charged(done) },
      { bookingId: cancelled, bookingType: 'PHYSICAL', title: 'Cancelled late', reason: 'CANCELLATION', amount: await charged(cancelled) },
    ]);
    expect(statement.totals).toEqual([{ amount: totalOf(statement.charges), currency: 'EUR' }]);

    const quoted = async (id: string, token: string) => (await app.gql(BookingChargesDocument, { id }, token)).booking!.quote!.brandTotal!;
    expect(statement.committed.map((c) => [c.bookingId, c.title, c.amount])).toEqual([
      [committed, 'Committed', await quoted(committed, s.brand.token)],
      [jpyWork, 'Tokyo', await quoted(jpyWork, s.brand.token)],
    ]);
    expect(statement.committedTotals).toEqual([
      { amount: (await quoted(committed, s.brand.token)).amount, currency: 'EUR' },
      { amount: (await quoted(jpyWork, s.brand.token)).amount, currency: 'JPY' },
    ]);

    // The statement as clients asked for it before keeps answering the same charges.
    const before = await app.gql(BrandStatementDocument, period(), s.brand.token);
    expect(before.brandStatement!.charges.map((c) => c.bookingId)).toEqual([done, cancelled]);
  });

  it('shows a brand only its own bookings, whatever brandId it names, and an agency no brand statement', async () => {
    const s = await seedPricedScenario(app);
    await confirmedOption(app, s, inHours(24 * 3), inHours(24 * 3 + 8), 'Theirs');
    const other = (await app.gql(BrandStatementFullDocument, { ...period(), brandId: s.brand.id }, s.otherBrand.token)).brandStatement!;
    expect([other.charges, other.committed, other.committedTotals]).toEqual([[], [], []]);
    expect((await app.gql(BrandStatementFullDocument, { ...period(), brandId: s.brand.id }, s.agency.token)).brandStatement).toBeNull();
    const admin = (await app.gql(BrandStatementFullDocument, { ...period(), brandId: s.brand.id }, app.adminToken)).brandStatement!;
    expect(admin.committed.map((c) => c.title)).toEqual(['Theirs']);
  });

  it('refuses a period out of span or empty as BAD_USER_INPUT', async () => {
    const s = await seedPricedScenario(app);
    for (const [variables, argumentName] of [
      [{ from: '0001-01-01T00:00:00.000Z', to: past(1) }, 'from'],
      [{ from: past(1), to: past(1) }, 'to'],
    ] as const) {
      const res = await app.request(BrandStatementFullDocument, variables, s.brand.token);
      expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName])).toEqual([['BAD_USER_INPUT', argumentName]]);
    }
  });
});
