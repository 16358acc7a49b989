import {
  CreatePhysicalBookingDocument,
  PagedBookingsDocument,
  PagedModelsDocument,
  type PagedBookingsQuery,
  type PagedModelsQuery,
} from './generated/graphql';
import { at, seedAgency, seedBrand, seedModel, type Party } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

type ModelPage = PagedModelsQuery['models'];

/** Creates `n` models one after another, so that each is placed after the one before. */
async function seedModels(agency: Party, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await seedModel(app, agency)).id);
  return ids;
}

/** Every page of the agency's models, `size` at a time, following endCursor until hasNextPage is false. */
async function modelPages(token: string, size: number): Promise<ModelPage[]> {
  const pages: ModelPage[] = [];
  let after: string | null = null;
  do {
    const page: ModelPage = (await app.gql(PagedModelsDocument, { first: size, after }, token)).models;
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after && pages.length < 20);
  return pages;
}

// Plain code-unit order, as PostgreSQL compares timestamps written in ISO and lowercase uuids; localeCompare is not that.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The ids in (createdAt, id) order: the order the lists promise. */
function sortedByPlacement(nodes: { id: string; createdAt: string }[]): string[] {
  return [...nodes].sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id)).map((n) => n.id);
}

describe('models(first, after)', () => {
  it('pages 7 models by 3 as 3, 3, 1 with nothing lost or repeated, oldest first', async () => {
    const agency = await seedAgency(app);
    const created = await seedModels(agency, 7);
    const pages = await modelPages(agency.token, 3);

    expect(pages.map((p) => p.edges.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    const nodes = pages.flatMap((p) => p.edges.map((e) => e.node));
    const seen = nodes.map((n) => n.id);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual([...created].sort());
    expect(seen).toEqual(sortedByPlacement(nodes));
    // Created one request after another, so placement order is creation order.
    expect(seen).toEqual(created);
  });

  it('gives each edge a cursor, with startCursor and endCursor those of the first and last edges, and continues after endCursor', async () => {
    const agency = await seedAgency(app);
    const created = await seedModels(agency, 5);
    const first = (await app.gql(PagedModelsDocument, { first: 2 }, agency.token)).models;
    expect(first.pageInfo.startCursor).toBe(first.edges[0].cursor);
    expect(first.pageInfo.endCursor).toBe(first.edges[1].cursor);
    expect(new Set(first.edges.map((e) => e.cursor)).size).toBe(2);

    const next = (await app.gql(PagedModelsDocument, { first: 2, after: first.pageInfo.endCursor }, agency.token)).models;
    expect(next.edges.map((e) => e.node.id)).toEqual(created.slice(2, 4));
    // Any edge's cursor works as `after`, not only the page's end.
    const fromMiddle = (await app.gql(PagedModelsDocument, { first: 10, after: first.edges[0].cursor }, agency.token)).models;
    expect(fromMiddle.edges.map((e) => e.node.id)).toEqual(created.slice(1));
    expect(fromMiddle.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('answers a page exactly as long as the rest with hasNextPage false, and a page after the last item empty', async () => {
    const agency = await seedAgency(app);
    const created = await seedModels(agency, 4);
    const whole = (await app.gql(PagedModelsDocument, { first: 4 }, agency.token)).models;
    expect(whole.edges.map((e) => e.node.id)).toEqual(created);
    expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    const past = (await app.gql(PagedModelsDocument, { first: 4, after: whole.pageInfo.endCursor }, agency.token)).models;
    expect(past.edges).toEqual([]);
    expect(past.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('lists an agency only its own models, however it pages', async () => {
    const mine = await seedAgency(app);
    const theirs = await seedAgency(app);
    const other = await seedModels(theirs, 2);
    const own = await seedModels(mine, 3);
    const later = await seedModels(theirs, 1);

    const pages = await modelPages(mine.token, 2);
    const nodes = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(nodes.map((n) => n.id)).toEqual(own);
    expect(nodes.every((n) => n.agency.id === mine.id)).toBe(true);
    // Asking for the other agency's models by id does not widen the scope.
    const asked = (await app.gql(PagedModelsDocument, { first: 10, agencyId: theirs.id }, mine.token)).models;
    expect(asked.edges).toEqual([]);
    // The admin, who sees all, does see them: the filter above is the agency's scope, not missing data.
    const byAdmin = (await app.gql(PagedModelsDocument, { first: 10, agencyId: theirs.id })).models;
    expect(byAdmin.edges.map((e) => e.node.id)).toEqual([...other, ...later]);
  });
});

describe('bookings(first, after)', () => {
  it('pages a brand’s bookings in placement order with nothing lost or repeated, and none of other brands', async () => {
    const agency = await seedAgency(app);
    const [brand, otherBrand] = await Promise.all([seedBrand(app), seedBrand(app)]);
    const model = await seedModel(app, agency);
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const input = {
        modelId: model.id,
        title: `Option ${i}`,
        start: at(24 * i + 9),
        end: at(24 * i + 17),
        location: { name: 'Studio 5', timeZone: 'Europe/Paris' },
      };
      const mine = (await app.gql(CreatePhysicalBookingDocument, { input }, brand.token)).createPhysicalBooking;
      expect(mine.userErrors).toEqual([]);
      placed.push(mine.booking!.id);
      // Another brand's options interleaved with hers must not show in her pages.
      const theirs = await app.gql(CreatePhysicalBookingDocument, { input: { ...input, title: `Their ${i}` } }, otherBrand.token);
      expect(theirs.createPhysicalBooking.userErrors).toEqual([]);
    }

    const pages: PagedBookingsQuery['bookings'][] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const page: PagedBookingsQuery['bookings'] = (await app.gql(PagedBookingsDocument, { first: 2, after }, brand.token)).bookings;
      pages.push(page);
      after = page.pageInfo.endCursor;
    }
    expect(pages.map((p) => p.edges.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    const nodes = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(nodes.map((n) => n.id)).toEqual(placed);
    expect(nodes.map((n) => n.title)).toEqual(['Option 0', 'Option 1', 'Option 2', 'Option 3', 'Option 4']);
    expect(nodes.every((n) => n.brand.id === brand.id)).toBe(true);
    expect(nodes.map((n) => n.id)).toEqual(sortedByPlacement(nodes));
  });
});

describe('page arguments', () => {
  const listQueries = [
    ['models', (first: number | null, after: string | null) => app.request(PagedModelsDocument, { first, after })],
    ['bookings', (first: number | null, after: string | null) => app.request(PagedBookingsDocument, { first, after })],
  ] as const;

  it.each(listQueries)('%s takes first = 100 (MAX_PAGE_SIZE) and no first at all', async (_name, list) => {
    for (const first of [100, null]) {
      const res = await list(first, null);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
    }
  });

  it.each(
    listQueries.flatMap(([name, list]) => [101, 0, -1].map((first) => [name, first, list] as const)),
  )('%s refuses first = %p with BAD_USER_INPUT on `first`', async (name, first, list) => {
    const res = await list(first, null);
    expect(res.status).toBe(200);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: [name], extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
    expect(res.data ?? null).toBeNull();
  });

  const garbage = [
    ['not base64 JSON', 'garbage!!'],
    ['base64 of plain text', Buffer.from('hello').toString('base64url')],
    ['a JSON array of the wrong shape', Buffer.from(JSON.stringify([1, 2, 3])).toString('base64url')],
    ['a cursor whose key is not a time', Buffer.from(JSON.stringify(['yesterday', '00000000-0000-4000-8000-000000000000'])).toString('base64url')],
    ['a cursor whose id is not a uuid', Buffer.from(JSON.stringify(['2030-06-03T00:00:00.000Z', 'not-a-uuid'])).toString('base64url')],
    [
      'a cursor whose time PostgreSQL cannot hold',
      Buffer.from(JSON.stringify(['-100000-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
    ],
  ] as const;

  it.each(listQueries.flatMap(([name, list]) => garbage.map(([what, after]) => [name, what, after, list] as const)))(
    '%s refuses an `after` that is %s with BAD_USER_INPUT on `after`',
    async (name, _what, after, list) => {
      const res = await list(5, after);
      expect(res.status).toBe(200);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]).toMatchObject({ path: [name], extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
      expect(res.data ?? null).toBeNull();
    },
  );
});
