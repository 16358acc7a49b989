import { print } from 'graphql';
import { CreateDigitalBookingDocument, CreatePhysicalBookingDocument } from './generated/graphql';
import { at, seedScenario, seedTwin } from './support/factories';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let processes: ApiProcess[] = [];
/** Where the concurrent requests go: two API processes on one database, or the one in-process API on the embedded engine. */
let targets: string[];

beforeAll(async () => {
  app = await startTestApp();
  if (app.db.embedded) {
    // The embedded engine serves one connection, so only one API process can use it.
    targets = [app.url];
    return;
  }
  processes = await Promise.all([startApiProcess(app.db.url), startApiProcess(app.db.url)]);
  targets = processes.map((p) => p.url);
}, 180_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await app.close();
});

interface Outcome {
  status: number;
  ok: boolean;
  codes: string[];
}

async function fire(doc: Parameters<typeof print>[0], inputs: object[], token: string): Promise<Outcome[]> {
  return Promise.all(
    inputs.map(async (input, i) => {
      const res = await fetch(targets[i % targets.length], {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: print(doc), variables: { input } }),
      });
      const body = (await res.json()) as { data?: Record<string, { booking: unknown; userErrors: { code: string }[] }> };
      const payload = body.data ? Object.values(body.data)[0] : undefined;
      return { status: res.status, ok: !!payload?.booking, codes: payload?.userErrors.map((e) => e.code) ?? ['NO_DATA'] };
    }),
  );
}

describe('concurrent bookings of one model', () => {
  it('50 overlapping confirmed physical bookings: exactly one succeeds, 49 get PHYSICAL_CLASH, no 5xx', async () => {
    const s = await seedScenario(app);
    const inputs = Array.from({ length: 50 }, (_, i) => ({
      modelId: s.model.id,
      brandId: i % 2 ? s.brand.id : s.otherBrand.id,
      title: `Race ${i}`,
      // Every range overlaps every other: all contain [10:00, 11:00).
      start: at(10 - (i % 5) * 0.25),
      end: at(11 + (i % 7) * 0.25),
      location: { name: 'Studio', timeZone: 'Europe/Paris' },
      status: 'CONFIRMED',
    }));
    const outcomes = await fire(CreatePhysicalBookingDocument, inputs, s.agency.token);
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused).toHaveLength(49);
    expect(refused.every((o) => o.codes.length === 1 && o.codes[0] === 'PHYSICAL_CLASH')).toBe(true);
    const [{ n }] = await app.orm.em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from booking where model_id = ? and status = 'CONFIRMED'`, [s.model.id]);
    expect(Number(n)).toBe(1);
  });

  it('50 overlapping digital bookings: all 50 succeed', async () => {
    const s = await seedScenario(app);
    await seedTwin(app, s.agency, s.model.id);
    const inputs = Array.from({ length: 50 }, (_, i) => ({
      modelId: s.model.id,
      brandId: i % 2 ? s.brand.id : s.otherBrand.id,
      title: `Twin race ${i}`,
      start: at(10),
      end: at(34),
      deliverables: [{ kind: 'IMAGE', quantity: 10 }],
      category: 'APPAREL',
      usage: { media: ['ECOMMERCE'], territories: ['FR'], start: at(34), end: at(24 * 90) },
      status: 'CONFIRMED',
    }));
    const outcomes = await fire(CreateDigitalBookingDocument, inputs, s.agency.token);
    expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(50);
  });
});
