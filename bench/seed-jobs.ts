import type { Pool } from 'pg';

/**
 * Seeds `count` jobs of one model with SQL: physical jobs (one hour, in a studio in Paris) and twin jobs (`digitalHours`
 * long) in turn, one every `stepMinutes` from `first`; every `optionEvery`-th an option, the rest confirmed.
 */
export async function seedJobs(
  pool: Pool,
  job: { modelId: string; agencyId: string; brandId: string; first: Date; stepMinutes: number; count: number; digitalHours: number; optionEvery?: number },
): Promise<void> {
  await pool.query(
    `insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end,
       created_at, updated_at, location_name, location_time_zone, travel_before_minutes, travel_after_minutes,
       deliverables, category, usage_media, usage_territories, usage_start, usage_end)
     select gen_random_uuid(), t, $1, $2, $3, case when $7 > 0 and g % $7 = 0 then 'OPTION' else 'CONFIRMED' end, 'Bench job ' || g, s, e, s, e, now(), now(),
       case when t = 'PHYSICAL' then 'Studio' end, case when t = 'PHYSICAL' then 'Europe/Paris' end,
       case when t = 'PHYSICAL' then 0 end, case when t = 'PHYSICAL' then 0 end,
       case when t = 'DIGITAL' then '[{"kind":"IMAGE","quantity":10}]'::jsonb end, case when t = 'DIGITAL' then 'APPAREL' end,
       case when t = 'DIGITAL' then '{ECOMMERCE}'::text[] end, case when t = 'DIGITAL' then '{FR}'::text[] end,
       case when t = 'DIGITAL' then e end, case when t = 'DIGITAL' then e + interval '90 days' end
     from (select g, t, s, s + case when t = 'PHYSICAL' then interval '1 hour' else $8 * interval '1 hour' end as e
           from (select g, case when g % 2 = 0 then 'PHYSICAL' else 'DIGITAL' end as t, $4::timestamptz + g * $5 * interval '1 minute' as s
                 from generate_series(0, $6 - 1) g) y) x`,
    [job.modelId, job.agencyId, job.brandId, job.first, job.stepMinutes, job.count, job.optionEvery ?? 0, job.digitalHours],
  );
}
