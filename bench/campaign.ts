import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { signToken } from '../src/core/tokens';
import { Role } from '../src/core/viewer';
import { strictPoster } from './post';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Lines per campaign: half shoot days, half twin jobs, over LINE_MODELS models. */
const LINES = 20;
const LINE_MODELS = 10;

const SCHEDULE = `mutation($input: ScheduleCampaignInput!) { scheduleCampaign(input: $input) {
  booked dryRun userErrors { code message } lines { accepted quote { brandTotal { amount currency } } } budget { committed { amount } } } }`;
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } userErrors { code } } }`;
const CREATE_PHYSICAL = `mutation($input: CreatePhysicalBookingInput!) { createPhysicalBooking(input: $input) { booking { id } userErrors { code } } }`;
const CREATE_DIGITAL = `mutation($input: CreateDigitalBookingInput!) { createDigitalBooking(input: $input) { booking { id } userErrors { code } } }`;

export interface CampaignBenchSetup {
  pool: Pool;
  agencyId: string;
  graphqlUrl: string;
  secret: string;
  seconds: number;
  /** An instant far from every slot other parts of the bench use. */
  from: number;
}

const p = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor((q / 100) * sorted.length))];

/**
 * A brand planner's campaign of LINES lines (a shoot day and a twin job for each of LINE_MODELS models) booked in one
 * scheduleCampaign call, run after run on fresh days; the same lines as a dry run; and, for scale, the same lines
 * booked one mutation at a time. One client: a planner waits for each answer.
 */
export async function benchCampaign(setup: CampaignBenchSetup, rows: string[][]): Promise<void> {
  const { pool, agencyId, graphqlUrl } = setup;
  const brandId = randomUUID();
  await pool.query(`insert into brand (id, name, created_at) values ($1, 'Campaign brand', now())`, [brandId]);
  const modelIds = Array.from({ length: LINE_MODELS }, () => randomUUID());
  for (const id of modelIds) {
    await pool.query(`insert into model (id, agency_id, name, time_zone, base_city, created_at) values ($1, $2, 'Campaign model', 'Europe/Paris', 'Paris', now())`, [id, agencyId]);
    await pool.query(
      `insert into digital_twin (id, model_id, status, model_share_bps, agency_share_bps, platform_share_bps, allowed_media, allowed_territories,
         allowed_categories, excluded_categories, excluded_brand_ids, created_at, updated_at)
       values ($1, $2, 'ACTIVE', 6000, 3000, 1000, '{ECOMMERCE}', '{WORLDWIDE}', '{APPAREL}', '{}', '{}', now(), now())`,
      [randomUUID(), id],
    );
  }
  const token = await signToken(setup.secret, { role: Role.BRAND, brandId });
  const post = strictPoster(graphqlUrl, token);
  const created = await post(CREATE_CAMPAIGN, {
    input: { name: 'Bench campaign', budget: { amount: 1_000_000_000_000, currency: 'EUR' }, start: new Date(setup.from).toISOString(), end: new Date(setup.from + 3650 * DAY).toISOString() },
  });
  const campaignId = /"id":"([0-9a-f-]{36})"/.exec(created)![1];

  // Run `run` takes day `run` for every model: a shoot day 09:00–17:00 and a twin job over the day.
  const lines = (run: number) =>
    modelIds.flatMap((modelId) => {
      const day = setup.from + run * DAY;
      return [
        {
          physical: {
            modelId,
            title: 'Shoot day',
            start: new Date(day + 9 * HOUR).toISOString(),
            end: new Date(day + 17 * HOUR).toISOString(),
            location: { name: 'Studio', timeZone: 'Europe/Paris' },
          },
        },
        {
          digital: {
            modelId,
            title: 'E-commerce drop',
            category: 'APPAREL',
            start: new Date(day).toISOString(),
            end: new Date(day + DAY).toISOString(),
            deliverables: [{ kind: 'IMAGE', quantity: 10 }],
            usage: { media: ['ECOMMERCE'], territories: ['FR'], start: new Date(day + DAY).toISOString(), end: new Date(day + 90 * DAY).toISOString() },
          },
        },
      ];
    });
  let run = 0;
  const timed = async (work: () => Promise<void>) => {
    const latencies: number[] = [];
    const until = Date.now() + setup.seconds * 1000;
    while (Date.now() < until) {
      const t = performance.now();
      await work();
      latencies.push(performance.now() - t);
    }
    return latencies.sort((a, b) => a - b);
  };
  const booked = await timed(async () => {
    const body = await post(SCHEDULE, { input: { campaignId, lines: lines(run++) } });
    if (!body.includes('"booked":true')) throw new Error(`campaign not booked: ${body.slice(0, 300)}`);
  });
  // Dry runs of fresh days: every line passes and is priced, and nothing stays.
  const dry = await timed(async () => {
    const body = await post(SCHEDULE, { input: { campaignId, lines: lines(run++), dryRun: true } });
    if (!body.includes('"dryRun":true') || body.includes('"accepted":false')) throw new Error(`dry run refused a line: ${body.slice(0, 300)}`);
  });
  const single = await timed(async () => {
    for (const line of lines(run++)) {
      if (line.physical) await post(CREATE_PHYSICAL, { input: { ...line.physical, brandId } });
      else await post(CREATE_DIGITAL, { input: { ...line.digital, brandId } });
    }
  });
  const row = (what: string, l: number[], unit: string) => [what, `p50 ${p(l, 50).toFixed(1)} ms`, `p95 ${p(l, 95).toFixed(1)} ms, ${l.length} ${unit}`];
  rows.push(row(`scheduleCampaign, ${LINES} lines (${LINE_MODELS} shoot-day options, ${LINE_MODELS} twin jobs) booked in one call, 1 client`, booked, 'campaigns'));
  rows.push(row('same lines as a dry run (checked and priced, nothing kept), 1 client', dry, 'dry runs'));
  const series = row(`the same ${LINES} lines as ${LINES} single createPhysicalBooking / createDigitalBooking calls in a row, 1 client`, single, 'series');
  series[2] += `; one campaign call takes ${((p(booked, 50) / p(single, 50)) * 100).toFixed(0)} % of their p50`;
  rows.push(series);
}
