import {
  BookingByIdDocument,
  BookingLedgerDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  CreateDigitalBookingDocument,
  CreatePhysicalBookingDocument,
  type BookingByIdQuery,
  type BookingLedgerQuery,
  type BookingStatus,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { at, seedTwin, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type History = NonNullable<BookingByIdQuery['booking']>['history'];
type LedgerRow = BookingLedgerQuery['bookings']['edges'][number]['node'];

function physical(s: Scenario, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): CreatePhysicalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'Campaign shoot',
    start: at(start),
    end: at(end),
    location: { name: 'Studio 2', timeZone: 'Europe/Paris' },
    ...extra,
  };
}

/** An option placed by the scenario's brand. */
async function placeOption(s: Scenario, start = 9, end = 17): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input: physical(s, start, end, { brandId: null }) }, s.brand.token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

/** A booking confirmed straight away by the model's agency for the scenario's brand. */
async function bookConfirmed(s: Scenario, start = 9, end = 17): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input: physical(s, start, end, { status: 'CONFIRMED' }) }, s.agency.token))
    .createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function confirm(id: string, token: string) {
  return (await app.gql(ConfirmBookingDocument, { id }, token)).confirmBooking;
}

async function cancel(id: string, reason: string, token: string) {
  return (await app.gql(CancelBookingDocument, { id, reason }, token)).cancelBooking;
}

async function load(id: string) {
  const booking = (await app.gql(BookingByIdDocument, { id })).booking;
  if (!booking) throw new Error(`booking ${id} not found`);
  return booking;
}

/** History entries without their instants, for exact comparison. */
const steps = (history: History) => history.map(({ at: _at, ...rest }) => rest);

/** Every booking the admin sees, with its history, in list order. */
async function ledger(): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page: BookingLedgerQuery = await app.gql(BookingLedgerDocument, { first: 100, after });
    rows.push(...page.bookings.edges.map((e) => e.node));
    if (!page.bookings.pageInfo.hasNextPage) return rows;
    after = page.bookings.pageInfo.endCursor;
  }
}

describe('allowed transitions, each recorded in the history', () => {
  it('OPTION → CONFIRMED: the agency confirms a brand option; creation is the first entry', async () => {
    const s = await seedPricedScenario(app);
    const before = Date.now();
    const id = await placeOption(s);
    const res = await confirm(id, s.agency.token);
    const after = Date.now();
    expect(res.userErrors).toEqual([]);
    expect(res.booking?.status).toBe('CONFIRMED');
    const history = (await load(id)).history;
    expect(steps(history)).toEqual([
      { fromStatus: null, toStatus: 'OPTION', actorRole: 'BRAND', actorId: s.brand.id, reason: null },
      { fromStatus: 'OPTION', toStatus: 'CONFIRMED', actorRole: 'AGENCY', actorId: s.agency.id, reason: null },
    ]);
    const instants = history.map((h) => Date.parse(h.at));
    expect(instants.every((t) => t >= before && t <= after)).toBe(true);
    expect(instants[1]).toBeGreaterThanOrEqual(instants[0]!);
  });

  it('OPTION → RELEASED: the brand gives up its option, and its reason is kept', async () => {
    const s = await seedPricedScenario(app);
    const id = await placeOption(s);
    const res = await cancel(id, '  budget cut  ', s.brand.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking?.status).toBe('RELEASED');
    expect(steps((await load(id)).history)).toEqual([
      { fromStatus: null, toStatus: 'OPTION', actorRole: 'BRAND', actorId: s.brand.id, reason: null },
      { fromStatus: 'OPTION', toStatus: 'RELEASED', actorRole: 'BRAND', actorId: s.brand.id, reason: 'budget cut' },
    ]);
  });

  it('OPTION → DECLINED: the agency turns an option down', async () => {
    const s = await seedPricedScenario(app);
    const id = await placeOption(s);
    const res = await cancel(id, 'model unavailable', s.agency.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking?.status).toBe('DECLINED');
    expect(steps((await load(id)).history)).toEqual([
      { fromStatus: null, toStatus: 'OPTION', actorRole: 'BRAND', actorId: s.brand.id, reason: null },
      { fromStatus: 'OPTION', toStatus: 'DECLINED', actorRole: 'AGENCY', actorId: s.agency.id, reason: 'model unavailable' },
    ]);
  });

  it.each(['agency', 'brand'] as const)('CONFIRMED → CANCELLED by the %s', async (side) => {
    const s = await seedPricedScenario(app);
    const id = await bookConfirmed(s);
    const actor = side === 'agency' ? s.agency : s.brand;
    const res = await cancel(id, 'show called off', actor.token);
    expect(res.userErrors).toEqual([]);
    expect(res.booking?.status).toBe('CANCELLED');
    expect(steps((await load(id)).history)).toEqual([
      { fromStatus: null, toStatus: 'CONFIRMED', actorRole: 'AGENCY', actorId: s.agency.id, reason: null },
      { fromStatus: 'CONFIRMED', toStatus: 'CANCELLED', actorRole: side.toUpperCase(), actorId: actor.id, reason: 'show called off' },
    ]);
  });

  it('records an admin as ADMIN with no actor id', async () => {
    const s = await seedPricedScenario(app);
    const id = await bookConfirmed(s);
    expect((await cancel(id, 'platform dispute', app.adminToken)).userErrors).toEqual([]);
    expect(steps((await load(id)).history).at(-1)).toEqual({
      fromStatus: 'CONFIRMED',
      toStatus: 'CANCELLED',
      actorRole: 'ADMIN',
      actorId: null,
      reason: 'platform dispute',
    });
  });

  it('lets the agency, not the brand, confirm a digital option', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const created = (
      await app.gql(
        CreateDigitalBookingDocument,
        {
          input: {
            modelId: s.model.id,
            title: 'E-commerce images',
            start: at(9),
            end: at(17),
            category: 'APPAREL',
            deliverables: [{ kind: 'IMAGE', quantity: 40 }],
            usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(24), end: at(24 * 90) },
          },
        },
        s.brand.token,
      )
    ).createDigitalBooking;
    expect(created.userErrors).toEqual([]);
    const id = created.booking!.id;
    expect((await confirm(id, s.brand.token)).userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['id'], message: "the model's agency confirms work by her twin", conflict: null },
    ]);
    const res = await confirm(id, s.agency.token);
    expect(res.userErrors).toEqual([]);
    expect(steps((await load(id)).history)).toEqual([
      { fromStatus: null, toStatus: 'OPTION', actorRole: 'BRAND', actorId: s.brand.id, reason: null },
      { fromStatus: 'OPTION', toStatus: 'CONFIRMED', actorRole: 'AGENCY', actorId: s.agency.id, reason: null },
    ]);
  });
});

describe('refused transitions', () => {
  /** A booking brought to `status` through the API, for the scenario's brand. */
  async function inStatus(s: Scenario, status: BookingStatus): Promise<string> {
    if (status === 'CONFIRMED') return bookConfirmed(s);
    if (status === 'CANCELLED') {
      const id = await bookConfirmed(s);
      expect((await cancel(id, 'called off', s.agency.token)).booking?.status).toBe('CANCELLED');
      return id;
    }
    const id = await placeOption(s);
    if (status === 'RELEASED') expect((await cancel(id, 'not needed', s.brand.token)).booking?.status).toBe('RELEASED');
    if (status === 'DECLINED') expect((await cancel(id, 'not available', s.agency.token)).booking?.status).toBe('DECLINED');
    return id;
  }

  it.each<[string, BookingStatus, 'confirm' | 'cancel', BookingStatus]>([
    ['confirm a CANCELLED booking', 'CANCELLED', 'confirm', 'CONFIRMED'],
    ['confirm a RELEASED option', 'RELEASED', 'confirm', 'CONFIRMED'],
    ['confirm a DECLINED option', 'DECLINED', 'confirm', 'CONFIRMED'],
    ['confirm a CONFIRMED booking again', 'CONFIRMED', 'confirm', 'CONFIRMED'],
    ['cancel a CANCELLED booking', 'CANCELLED', 'cancel', 'CANCELLED'],
    ['cancel a RELEASED option', 'RELEASED', 'cancel', 'CANCELLED'],
  ])('refuses to %s with TRANSITION_NOT_ALLOWED and changes nothing', async (_name, status, action, target) => {
    const s = await seedPricedScenario(app);
    const id = await inStatus(s, status);
    const before = await load(id);
    const res = action === 'confirm' ? await confirm(id, s.agency.token) : await cancel(id, 'again', s.agency.token);
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([
      { code: 'TRANSITION_NOT_ALLOWED', field: ['id'], message: `a ${status} booking cannot become ${target}`, conflict: null },
    ]);
    const after = await load(id);
    expect(after.status).toBe(status);
    expect(after.history).toEqual(before.history);
  });
});

describe('who may change a booking, and with what', () => {
  it.each(['confirm', 'cancel'] as const)("refuses a model's own token to %s her booking: FORBIDDEN", async (action) => {
    const s = await seedPricedScenario(app);
    const id = await placeOption(s);
    const res = action === 'confirm' ? await confirm(id, s.model.token) : await cancel(id, 'I am ill', s.model.token);
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['id'], message: "a model's bookings are changed by her agency", conflict: null },
    ]);
    const after = await load(id);
    expect(after.status).toBe('OPTION');
    expect(after.history).toHaveLength(1);
  });

  it.each([
    ['an empty reason', '', 'reason must not be empty'],
    ['a blank reason', '   ', 'reason must not be empty'],
    ['a reason over 500 characters', 'x'.repeat(501), 'reason must be at most 500 characters'],
  ])('refuses to cancel with %s: INVALID_INPUT on ["reason"]', async (_name, reason, message) => {
    const s = await seedPricedScenario(app);
    const id = await bookConfirmed(s);
    const res = await cancel(id, reason, s.agency.token);
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['reason'], message, conflict: null }]);
    const after = await load(id);
    expect(after.status).toBe('CONFIRMED');
    expect(after.history).toHaveLength(1);
  });
});

describe('slots and atomicity', () => {
  it('frees the slot of a cancelled physical booking: a new confirmed booking over it succeeds', async () => {
    const s = await seedPricedScenario(app);
    const first = await bookConfirmed(s, 9, 17);
    const blocked = (await app.gql(CreatePhysicalBookingDocument, { input: physical(s, 12, 20, { status: 'CONFIRMED' }) }, s.agency.token))
      .createPhysicalBooking;
    expect(blocked.userErrors.map((e) => e.code)).toEqual(['PHYSICAL_CLASH']);

    expect((await cancel(first, 'moved to next week', s.brand.token)).userErrors).toEqual([]);
    const res = (await app.gql(CreatePhysicalBookingDocument, { input: physical(s, 12, 20, { status: 'CONFIRMED' }) }, s.agency.token))
      .createPhysicalBooking;
    expect(res.userErrors).toEqual([]);
    expect(res.booking).toMatchObject({ status: 'CONFIRMED', start: at(12), end: at(20) });
  });

  it('writes nothing for a refused booking: after a PHYSICAL_CLASH, every booking and its history is unchanged', async () => {
    const s = await seedPricedScenario(app);
    const existing = await bookConfirmed(s, 9, 17);
    const option = await placeOption(s, 20, 22);
    const before = await ledger();
    expect(before.filter((b) => b.id === existing || b.id === option)).toHaveLength(2);

    const res = (await app.gql(CreatePhysicalBookingDocument, { input: physical(s, 16, 21, { status: 'CONFIRMED' }) }, s.agency.token))
      .createPhysicalBooking;
    expect(res.booking).toBeNull();
    expect(res.userErrors).toEqual([
      {
        code: 'PHYSICAL_CLASH',
        field: ['input', 'start'],
        message: `the model is booked from ${at(9)} to ${at(17)} (travel included)`,
        conflict: { start: at(9), end: at(17), bookingId: existing },
      },
    ]);
    expect(await ledger()).toEqual(before);
  });
});
