import { print, type DocumentNode } from 'graphql';
import { CreateExclusiveDigitalDocument, CreateExclusivePhysicalDocument } from './generated/graphql';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { at, seedBrand, seedTwin } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 24;

interface Outcome {
  status: number;
  ok: boolean;
  codes: string[];
  messages: string[];
}

/** Sends one mutation to an API endpoint; a GraphQL error counts by its code, so that a failed assertion names it. */
async function send(url: string, doc: DocumentNode, input: object, token: string): Promise<Outcome> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(doc), variables: { input } }),
  });
  const body = (await res.json()) as {
    data?: Record<string, { booking: unknown; userErrors: { code: string; message: string }[] }>;
    errors?: { extensions?: { code?: string } }[];
  };
  const payload = body.data ? Object.values(body.data)[0] : undefined;
  const errors = body.errors?.map((e) => e.extensions?.code ?? 'NO_CODE') ?? [];
  return {
    status: res.status,
    ok: !!payload?.booking,
    codes: [...errors, ...(payload?.userErrors.map((e) => e.code) ?? [])],
    messages: payload?.userErrors.map((e) => e.message) ?? [],
  };
}

describeOnServer('twin rules across two API processes on one database', ONE_CONNECTION, () => {
  let processes: ApiProcess[] = [];
  beforeAll(async () => {
    processes = await Promise.all([startApiProcess(app.db.url), startApiProcess(app.db.url)]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
  });

  it("12 overlapping digital bookings against a cap of 3: exactly 3 win, 9 get TWIN_CAPACITY_REACHED, no 5xx", async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id, { maxConcurrentJobs: 3 });
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send(
          processes[i % 2].url,
          CreateExclusiveDigitalDocument,
          {
            modelId: s.model.id,
            brandId: i % 2 ? s.brand.id : s.otherBrand.id,
            title: `Cap race ${i}`,
            // Every window contains [day 1 12:00, day 1 13:00), so any four of them run at once.
            start: at(12 - (i % 4)),
            end: at(13 + (i % 3)),
            deliverables: [{ kind: 'IMAGE', quantity: 5 }],
            category: 'APPAREL',
            usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(DAY), end: at(90 * DAY) },
            status: i % 3 ? 'CONFIRMED' : 'OPTION',
          },
          s.agency.token,
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect(outcomes.filter((o) => !o.ok).map((o) => o.codes)).toEqual(Array.from({ length: 9 }, () => ['TWIN_CAPACITY_REACHED']));
    const [{ n }] = await app.orm.em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from booking where model_id = ? and type = 'DIGITAL' and status in ('OPTION', 'CONFIRMED')`, [s.model.id]);
    expect(Number(n)).toBe(3);
  }, 60_000);

  it('competing exclusivities (FR against the EU) sent at once to both processes: exactly one wins each trial, the loser gets EXCLUSIVITY_CONFLICT naming no brand', async () => {
    const s = await seedPricedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const lumen = await seedBrand(app, `Atelier Lumen ${Date.now()}`);
    const rivale = s.otherBrand;
    // Digital against digital (both take the twin's lock), digital against a physical option and two physical options
    // (no lock in common: the exclusion constraint alone decides).
    const kinds: ['D' | 'P', 'D' | 'P'][] = [['D', 'D'], ['D', 'P'], ['P', 'P'], ['P', 'D']];
    const trials: { trial: number; winners: number; loser: string[] }[] = [];
    let leaks = 0;
    for (let trial = 0; trial < 12; trial++) {
      const base = trial * 60 * DAY;
      const request = (kind: 'D' | 'P', brand: string, territories: string[]) => {
        const exclusivity = { category: 'APPAREL', territories, start: at(base), end: at(base + 30 * DAY) };
        return kind === 'D'
          ? {
              doc: CreateExclusiveDigitalDocument,
              input: {
                modelId: s.model.id,
                brandId: brand,
                title: `Exclusive ${trial}`,
                start: at(base),
                end: at(base + DAY),
                deliverables: [{ kind: 'IMAGE', quantity: 5 }],
                category: 'APPAREL',
                usage: { media: ['ECOMMERCE'], territories, start: at(base + DAY), end: at(base + 20 * DAY) },
                exclusivity,
              },
            }
          : {
              doc: CreateExclusivePhysicalDocument,
              input: {
                modelId: s.model.id,
                brandId: brand,
                title: `Exclusive shoot ${trial}`,
                start: at(base + 2 * DAY + 9),
                end: at(base + 2 * DAY + 17),
                location: { name: 'Studio', timeZone: 'Europe/Paris' },
                category: 'APPAREL',
                territories,
                exclusivity,
              },
            };
      };
      const [ka, kb] = kinds[trial % kinds.length];
      const a = request(ka, lumen.id, ['FR']);
      const b = request(kb, rivale.id, ['EU']);
      const [ra, rb] = await Promise.all([
        send(processes[trial % 2].url, a.doc, a.input, s.agency.token),
        send(processes[(trial + 1) % 2].url, b.doc, b.input, s.agency.token),
      ]);
      const loser = ra.ok ? rb : ra;
      const winnerId = ra.ok ? lumen.id : rivale.id;
      if (loser.messages.some((m) => m.includes(winnerId) || m.includes('Lumen'))) leaks += 1;
      trials.push({ trial, winners: [ra, rb].filter((o) => o.ok).length, loser: loser.codes });
      expect([ra.status, rb.status]).toEqual([200, 200]);
    }
    expect(trials).toEqual(trials.map(({ trial }) => ({ trial, winners: 1, loser: ['EXCLUSIVITY_CONFLICT'] })));
    expect(leaks).toBe(0);
  }, 90_000);
  it("an exclusivity and another brand's non-exclusive booking in its territory, sent at once as physical options (no lock in common): exactly one wins each trial", async () => {
    const s = await seedPricedScenario(app);
    const outcomes: { trial: number; winners: number; codes: string[] }[] = [];
    for (let trial = 0; trial < 10; trial++) {
      const base = trial * 60 * DAY;
      const option = (brandId: string, extra: object) => ({
        modelId: s.model.id,
        brandId,
        title: `Shoot ${trial}`,
        start: at(base + 2 * DAY + 9),
        end: at(base + 2 * DAY + 17),
        location: { name: 'Studio', timeZone: 'Europe/Paris' },
        category: 'APPAREL',
        ...extra,
      });
      const exclusive = option(s.brand.id, { territories: ['FR'], exclusivity: { category: 'APPAREL', territories: ['FR'], start: at(base), end: at(base + 30 * DAY) } });
      const licence = option(s.otherBrand.id, { territories: ['EU'] });
      const [ra, rb] = await Promise.all([
        send(processes[trial % 2].url, CreateExclusivePhysicalDocument, exclusive, s.agency.token),
        send(processes[(trial + 1) % 2].url, CreateExclusivePhysicalDocument, licence, s.agency.token),
      ]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      outcomes.push({ trial, winners: [ra, rb].filter((o) => o.ok).length, codes: (ra.ok ? rb : ra).codes });
    }
    expect(outcomes).toEqual(outcomes.map(({ trial }) => ({ trial, winners: 1, codes: ['EXCLUSIVITY_CONFLICT'] })));
  }, 60_000);
});
