import {
  BookingListDocument,
  CreateDigitalBookingDocument,
  CreatePhysicalBookingDocument,
  ModelBookingWindowDocument,
  type BookingListQuery,
  type BookingListQueryVariables,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { at, seedBrand, seedModel, seedTwin, type Party, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Places a physical option for the brand (its own token) on the model, `start`..`end` hours after at(0). */
async function option(brand: Party, modelId: string, title: string, start: number, end: number, extra: Partial<CreatePhysicalBookingInput> = {}): Promise<string> {
  const res = await app.gql(
    CreatePhysicalBookingDocument,
    { input: { modelId, title, start: at(start), end: at(end), location: { name: 'Studio 5', timeZone: 'Europe/Paris' }, ...extra } },
    brand.token,
  );
  expect(res.createPhysicalBooking.userErrors).toEqual([]);
  return res.createPhysicalBooking.booking!.id;
}

type Page = BookingListQuery['bookings'];
async function list(token: string, variables: BookingListQueryVariables): Promise<Page> {
  return (await app.gql(BookingListDocument, { first: 100, ...variables }, token)).bookings;
}
const titles = (page: Page) => page.edges.map((e) => e.node.title);

/** Every page of a list, following endCursor. */
async function walk(token: string, variables: BookingListQueryVariables, first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = (await app.gql(BookingListDocument, { ...variables, first, after }, token)).bookings;
    seen.push(...titles(page));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
}

/** Two models of one agency, two brands; bookings placed in an order that is not their order in time. */
async function board(): Promise<{ s: Scenario; second: Party; brand2: Party }> {
  const s = await seedPricedScenario(app);
  const second = await seedModel(app, s.agency);
  const brand2 = s.otherBrand;
  await option(s.brand, s.model.id, 'C 14-16', 14, 16);
  await option(s.brand, s.model.id, 'A 08-10', 8, 10);
  await option(brand2, second.id, 'B 10-12', 10, 12);
  await option(s.brand, second.id, 'D 12-14', 12, 14);
  // Its work starts after the window below, but its travel before reaches into it.
  await option(brand2, s.model.id, 'E 17-18 travel 2h', 17, 18, { travelBeforeMinutes: 120 });
  return { s, second, brand2 };
}

describe('bookings: by time window', () => {
  it('lists the bookings whose [start, end) overlaps [from, to): adjacent ones out, travel alone does not count; by start by default', async () => {
    const { s } = await board();
    const window = await list(s.agency.token, { from: at(10), to: at(16) });
    expect(titles(window)).toEqual(['B 10-12', 'D 12-14', 'C 14-16']);
    expect(window.totalCount).toBe(3);
    expect(titles(await list(s.agency.token, { from: at(9), to: at(10) }))).toEqual(['A 08-10']);
    // Open at one end.
    expect(titles(await list(s.agency.token, { from: at(14) }))).toEqual(['C 14-16', 'E 17-18 travel 2h']);
    expect(titles(await list(s.agency.token, { to: at(10) }))).toEqual(['A 08-10']);
  });

  it('orders by placement without a window, or when asked, and by start when asked', async () => {
    const { s } = await board();
    const placed = ['C 14-16', 'A 08-10', 'B 10-12', 'D 12-14', 'E 17-18 travel 2h'];
    expect(titles(await list(s.agency.token, {}))).toEqual(placed);
    expect(titles(await list(s.agency.token, { from: at(0), orderBy: 'PLACED' }))).toEqual(placed);
    expect(titles(await list(s.agency.token, { orderBy: 'START' }))).toEqual(['A 08-10', 'B 10-12', 'D 12-14', 'C 14-16', 'E 17-18 travel 2h']);
  });

  it('includes a digital job whose production window overlaps', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const res = await app.gql(
      CreateDigitalBookingDocument,
      {
        input: {
          modelId: s.model.id,
          title: 'Twin 11-13',
          start: at(11),
          end: at(13),
          deliverables: [{ kind: 'IMAGE', quantity: 1 }],
          category: 'APPAREL',
          usage: { media: ['ECOMMERCE'], territories: ['EU'], start: at(24), end: at(24 * 40) },
        },
      },
      s.brand.token,
    );
    expect(res.createDigitalBooking.userErrors).toEqual([]);
    await option(s.brand, s.model.id, 'Shoot 12-13', 12, 13);
    const window = await list(s.agency.token, { from: at(12), to: at(13) });
    expect(titles(window)).toEqual(['Twin 11-13', 'Shoot 12-13']);
    expect(titles(await list(s.agency.token, { from: at(12), to: at(13), type: 'DIGITAL' }))).toEqual(['Twin 11-13']);
    expect(titles(await list(s.agency.token, { from: at(13), to: at(14) }))).toEqual([]);
  });
});

describe('bookings: by model, brand, status and type', () => {
  it('filters by models and brands, each list holding; totalCount counts the filtered list', async () => {
    const { s, second, brand2 } = await board();
    const ofSecond = await list(s.agency.token, { modelIds: [second.id], orderBy: 'START' });
    expect([titles(ofSecond), ofSecond.totalCount]).toEqual([['B 10-12', 'D 12-14'], 2]);
    expect(titles(await list(s.agency.token, { brandIds: [brand2.id], orderBy: 'START' }))).toEqual(['B 10-12', 'E 17-18 travel 2h']);
    expect(titles(await list(s.agency.token, { brandIds: [brand2.id], modelIds: [s.model.id] }))).toEqual(['E 17-18 travel 2h']);
    const both = await list(s.agency.token, { modelIds: [s.model.id, second.id], brandIds: [s.brand.id, brand2.id], from: at(0), to: at(24) });
    expect(both.totalCount).toBe(5);
    expect((await list(s.agency.token, { modelIds: [] })).totalCount).toBe(0);
  });

  it('filters by status as it reads (CONFIRMED apart from options) and by type', async () => {
    const { s } = await board();
    const confirmed = await app.gql(
      CreatePhysicalBookingDocument,
      {
        input: {
          modelId: s.model.id,
          brandId: s.brand.id,
          title: 'F confirmed 20-22',
          start: at(20),
          end: at(22),
          location: { name: 'Studio 5', timeZone: 'Europe/Paris' },
          status: 'CONFIRMED',
        },
      },
      s.agency.token,
    );
    expect(confirmed.createPhysicalBooking.userErrors).toEqual([]);
    expect(titles(await list(s.agency.token, { status: ['CONFIRMED'], from: at(0) }))).toEqual(['F confirmed 20-22']);
    expect((await list(s.agency.token, { status: ['OPTION'], from: at(0) })).totalCount).toBe(5);
    expect((await list(s.agency.token, { type: 'DIGITAL' })).totalCount).toBe(0);
  });
});

describe('bookings: who sees which', () => {
  it('a brand lists only its own bookings in the window, whatever brands or models it names', async () => {
    const { s, second, brand2 } = await board();
    expect(titles(await list(brand2.token, { from: at(0), to: at(24) }))).toEqual(['B 10-12', 'E 17-18 travel 2h']);
    expect((await list(brand2.token, { brandIds: [s.brand.id] })).totalCount).toBe(0);
    expect(titles(await list(brand2.token, { modelIds: [second.id, s.model.id], orderBy: 'START' }))).toEqual(['B 10-12', 'E 17-18 travel 2h']);
    expect((await list((await seedBrand(app)).token, { from: at(0) })).totalCount).toBe(0);
  });

  it('a model lists only hers; another agency nothing; Model.bookings takes the window and the viewer’s scope', async () => {
    const { s, second, brand2 } = await board();
    expect(titles(await list(second.token, { from: at(0) }))).toEqual(['B 10-12', 'D 12-14']);
    expect((await list(second.token, { modelIds: [s.model.id] })).totalCount).toBe(0);
    const rival = await seedPricedScenario(app);
    expect((await list(rival.agency.token, { modelIds: [s.model.id], from: at(0) })).totalCount).toBe(0);

    const asBrand2 = (await app.gql(ModelBookingWindowDocument, { id: s.model.id, from: at(0), to: at(24) }, brand2.token)).model!.bookings;
    expect([asBrand2.edges.map((e) => e.node.title), asBrand2.totalCount]).toEqual([['E 17-18 travel 2h'], 1]);
    const asAgency = (await app.gql(ModelBookingWindowDocument, { id: s.model.id, from: at(9), to: at(15) }, s.agency.token)).model!.bookings;
    expect(asAgency.edges.map((e) => e.node.title)).toEqual(['A 08-10', 'C 14-16']);
  });
});

describe('bookings: pages', () => {
  it('walks by start without repeats or gaps while bookings are placed before and after the cursor', async () => {
    const { s } = await board();
    const first: Page = (await app.gql(BookingListDocument, { from: at(0), first: 2 }, s.agency.token)).bookings;
    expect(titles(first)).toEqual(['A 08-10', 'B 10-12']);
    expect(first.totalCount).toBe(5);
    // One before the cursor (it is not shown on later pages), one after it (it is).
    await option(s.brand, s.model.id, 'Z 06-07 placed later', 6, 7);
    await option(s.brand, s.model.id, 'Y 15-16 placed later', 15, 16);
    const rest: string[] = [];
    let after = first.pageInfo.endCursor;
    for (;;) {
      const page: Page = (await app.gql(BookingListDocument, { from: at(0), first: 2, after }, s.agency.token)).bookings;
      expect(page.pageInfo.hasPreviousPage).toBe(true);
      expect(page.totalCount).toBe(7);
      rest.push(...titles(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(rest).toEqual(['D 12-14', 'C 14-16', 'Y 15-16 placed later', 'E 17-18 travel 2h']);
  });

  it('keeps bookings with the same start in id order across pages', async () => {
    const s = await seedPricedScenario(app);
    const others = await Promise.all([seedModel(app, s.agency), seedModel(app, s.agency), seedModel(app, s.agency)]);
    for (const [i, m] of [s.model, ...others].entries()) await option(s.brand, m.id, `same start ${i}`, 10, 12);
    const all = await walk(s.agency.token, { from: at(0) }, 1);
    expect(all).toHaveLength(4);
    expect(new Set(all).size).toBe(4);
    expect(await walk(s.agency.token, { from: at(0) }, 3)).toEqual(all);
  });
});

describe('bookings: refusals of a bad query argument (BAD_USER_INPUT)', () => {
  async function refused(variables: BookingListQueryVariables, argumentName: string, token = app.adminToken) {
    const res = await app.request(BookingListDocument, variables, token);
    expect(res.status).toBe(200);
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName])).toEqual([['BAD_USER_INPUT', argumentName]]);
  }

  it('a cursor of one order passed with the other, either way', async () => {
    const { s } = await board();
    const byStart = (await list(s.agency.token, { from: at(0), first: 1 })).pageInfo.endCursor;
    const byPlacement = (await list(s.agency.token, { first: 1 })).pageInfo.endCursor;
    await refused({ from: at(0), orderBy: 'PLACED', after: byStart }, 'after', s.agency.token);
    await refused({ after: byStart }, 'after', s.agency.token);
    await refused({ from: at(0), after: byPlacement }, 'after', s.agency.token);
    await refused({ orderBy: 'START', after: byPlacement }, 'after', s.agency.token);
    // Each is still good in its own order.
    expect((await list(s.agency.token, { from: at(0), after: byStart })).edges.length).toBe(4);
    expect((await list(s.agency.token, { after: byPlacement })).edges.length).toBe(4);
  });

  it('an instant out of span, an empty window, an id that is not one, too many ids', async () => {
    await refused({ from: '0001-01-01T00:00:00.000Z' }, 'from');
    await refused({ to: '9999-12-31T00:00:00.000Z' }, 'to');
    await refused({ from: at(10), to: at(10) }, 'to');
    await refused({ modelIds: ['not-an-id'] }, 'modelIds');
    await refused({ brandIds: Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) }, 'brandIds');
    await refused({ from: at(0), after: Buffer.from(JSON.stringify(['start:0000-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url') }, 'after');
  });
});
