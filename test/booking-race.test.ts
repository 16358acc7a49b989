import { print } from 'graphql';
import { CreateDigitalBookingDocument, CreatePhysicalBookingDocument } from './generated/graphql';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { describeOnServer, ONE_CONNECTION } from './support/engine';
import { at, seedTwin } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface Outcome {
  status: number;
  ok: boolean;
  codes: string[];
}

/** Sends every input at once, spread round-robin over `targets` (API endpoints on one database). */
async function fire(targets: string[], doc: Parameters<typeof print>[0], inputs: object[], token: string): Promise<Outcome[]> {
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

/** The races, each sent to the API endpoints `targets()` gives once they are up. */
function races(targets: () => string[]): void {
  it('50 overlapping confirmed physical bookings: exactly one succeeds, 49 get PHYSICAL_CLASH, no 5xx', async () => {
    const s = await seedPricedScenario(app);
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
    const outcomes = await fire(targets(), CreatePhysicalBookingDocument, inputs, s.agency.token);
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
    const s = await seedPricedScenario(app);
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
    const outcomes = await fire(targets(), CreateDigitalBookingDocument, inputs, s.agency.token);
    expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(50);
  });
}

describe('concurrent bookings of one model', () => {
  describe('through one in-process API', () => {
    races(() => [app.url]);
  });

  describeOnServer('across two API processes on one database', ONE_CONNECTION, () => {
    let processes: ApiProcess[] = [];
    beforeAll(async () => {
      processes = await Promise.all([startApiProcess(app.db.url), startApiProcess(app.db.url)]);
    }, 180_000);
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop()));
    });

    races(() => processes.map((p) => p.url));
  });
});
