import { badArgument, badArgumentOf } from '../../common/bad-argument';
import { isUuid } from '../../common/ids';
import { createdAtCursor, createdAtPosition, pageSize, toConnection, type Connection } from '../../common/pagination';
import { userError, UserErrorCode, type UserError } from '../../common/user-error';
import { checkRange, checkText, collect } from '../../common/validate';
import { Action, scopeOf, scopeSql } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { Role } from '../../core/viewer';
import { blocksPhysicalWorkSql, liveOptionSql, overlapsSql, rangeSql, twinHasRoomSql } from '../booking/booking-predicates';
import { BookingType } from '../booking/booking-status';
import { checkDigitalSpans, checkTravel, checkUsageCodes, MAX_PHYSICAL_MS } from '../booking/booking.service';
import { claimConflictSql, claimJson, claimRowsSql, claimsOf } from '../booking/exclusivity-claims';
import { brandLoader } from '../brand/brand.loaders';
import { lockoutInForceOverlapsSql } from '../lockout/lockout.entity';
import { attributeFilterSql, MAX_ATTRIBUTE_FILTERS } from '../model/model-attributes';
import { MODEL_COLUMNS, modelOfRow, type ModelRow } from '../model/model-rows';
import { consentCoversSql, consentSqlParams } from '../twin/consent';
import type { AvailabilitySearchInput, AvailableModel, AvailableModelsArgs } from './search.types';

/*
 * Who is free for a job: ONE statement over the models the viewer may plan with (READ_CALENDAR), built from the
 * fragments the booking writes use (booking-predicates.ts, lockout.entity.ts, consent.ts, exclusivity-claims.ts), so
 * that what the search offers, booking accepts. Every "is anything in the way" test is a range overlap per model,
 * answered by the GiST indexes on (model_id, range); nothing loops over models in JavaScript.
 */

const MINUTE = 60_000;

/** A checked search, with the brand it is for (null: a physical search by an agency or admin, for no brand). */
export interface Search {
  input: AvailabilitySearchInput;
  brandId: string | null;
  blocked: { start: Date; end: Date };
}

function refuse(errors: UserError[]): never {
  throw badArgumentOf(errors[0]);
}

/** The shape of the search, refused as a bad argument (a query has no payload) naming the first problem. */
function checkSearch(ctx: RequestContext, input: AvailabilitySearchInput): Search {
  const field = ['input'];
  const rangeError = checkRange(input.start, input.end, [...field, 'end']);
  const errors = collect(rangeError, checkTravel(input.travelBeforeMinutes, [...field, 'travelBeforeMinutes']), checkTravel(input.travelAfterMinutes, [...field, 'travelAfterMinutes']));
  if (input.type === BookingType.PHYSICAL) {
    if (!rangeError && input.end.getTime() - input.start.getTime() > MAX_PHYSICAL_MS) {
      errors.push(userError(UserErrorCode.INVALID_RANGE, 'a physical job may span at most 31 days', [...field, 'end']));
    }
    if (input.digital) errors.push(userError(UserErrorCode.INVALID_INPUT, 'digital terms go with a DIGITAL search', [...field, 'digital']));
  } else {
    const d = input.digital;
    if (!d) errors.push(userError(UserErrorCode.INVALID_INPUT, 'a DIGITAL search names the usage to license', [...field, 'digital']));
    else {
      const usageError = checkRange(d.usageStart, d.usageEnd, [...field, 'digital', 'usageEnd']);
      errors.push(...collect(usageError, checkText(d.category, [...field, 'digital', 'category'], 50)));
      errors.push(...checkUsageCodes(d, [...field, 'digital']));
      errors.push(...checkDigitalSpans(rangeError ? null : input, usageError ? null : { start: d.usageStart, end: d.usageEnd }, field));
    }
  }
  if ((input.attributes?.length ?? 0) > MAX_ATTRIBUTE_FILTERS) {
    errors.push(userError(UserErrorCode.INVALID_INPUT, `at most ${MAX_ATTRIBUTE_FILTERS} attribute filters`, [...field, 'attributes']));
  }
  if (input.baseCity != null) errors.push(...collect(checkText(input.baseCity, [...field, 'baseCity'], 100)));
  if (errors.length) refuse(errors);

  const viewer = viewerOf(ctx);
  if (viewer.role === Role.BRAND && input.brandId && input.brandId.toLowerCase() !== viewer.brandId) {
    throw badArgument('a brand searches for itself only', 'input');
  }
  const brandId = viewer.role === Role.BRAND ? viewer.brandId! : input.brandId?.toLowerCase() ?? null;
  if (input.type === BookingType.DIGITAL && !brandId) throw badArgument('a DIGITAL search names the brand (brandId)', 'input');
  const physical = input.type === BookingType.PHYSICAL;
  const blocked = {
    start: new Date(input.start.getTime() - (physical ? (input.travelBeforeMinutes ?? 0) * MINUTE : 0)),
    end: new Date(input.end.getTime() + (physical ? (input.travelAfterMinutes ?? 0) * MINUTE : 0)),
  };
  return { input, brandId, blocked };
}

/** The search as SQL with its values, in the order of the placeholders. */
export function availableModelsSql(
  s: Search,
  scope: { sql: string; params: string[] },
  page: { after: { at: Date; id: string } | null; limit: number },
  now: Date,
): { sql: string; params: unknown[] } {
  const { input } = s;
  const d = input.digital;
  const usage = d
    ? consentSqlParams({
        brandId: s.brandId!,
        category: d.category,
        media: d.media,
        territories: d.territories,
        usageStart: d.usageStart,
        usageEnd: d.usageEnd,
        productionEnd: input.end,
      })
    : null;
  // Claimed as the booking would claim: its use runs over the production window and the licence both.
  const claims = d
    ? claimsOf(d.category, { territories: d.territories, start: new Date(Math.min(input.start.getTime(), d.usageStart.getTime())), end: new Date(Math.max(input.end.getTime(), d.usageEnd.getTime())) }, null)
    : null;
  const params: unknown[] = [
    s.brandId,
    s.blocked.start,
    s.blocked.end,
    now,
    usage?.category ?? null,
    JSON.stringify(usage?.media ?? []),
    JSON.stringify(usage?.territories ?? []),
    usage?.latestEnd ?? null,
    claims ? claimJson(claims.rows) : null,
  ];
  const where: string[] = [scope.sql];
  params.push(...scope.params);
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (input.agencyId != null) add(isUuid(input.agencyId) ? 'm.agency_id = ?' : 'false', ...(isUuid(input.agencyId) ? [input.agencyId] : []));
  if (input.baseCity != null) add('lower(m.base_city) = lower(?)', input.baseCity.trim());
  (input.attributes ?? []).forEach((f, i) => {
    const filter = attributeFilterSql(f, 'm.attributes', ['input', 'attributes', String(i)]);
    if ('error' in filter) refuse([filter.error]);
    add(filter.sql, ...filter.params);
  });
  let liveOptions = '0';
  if (input.type === BookingType.PHYSICAL) {
    where.push(`not exists (select 1 from booking c where c.model_id = m.id and ${blocksPhysicalWorkSql('c')} and ${overlapsSql('c', 'p.blocked')})`);
    where.push(`not exists (select 1 from lockout l where l.model_id = m.id and ${lockoutInForceOverlapsSql('l', 'p.blocked')})`);
    liveOptions = `(select count(*) from booking o where o.model_id = m.id and ${liveOptionSql('o', 'p.now')} and ${overlapsSql('o', 'p.blocked')})::int`;
  } else {
    where.push(consentCoversSql('t', 'p'));
    where.push(twinHasRoomSql('t', 'm.id', 'p.blocked', 'null'));
    where.push(`not exists (select 1 from ${claimRowsSql('p.claims', 'r')} join exclusivity_claim x on ${claimConflictSql('x', 'r', { modelId: 'm.id', category: 'p.category', brandId: 'p.brand_id::uuid' })})`);
  }
  if (page.after) add('(m.created_at, m.id) > (?, ?)', page.after.at, page.after.id);
  params.push(page.limit);
  const sql = `select ${MODEL_COLUMNS}, ${liveOptions} as live_options
    from (select ?::text as brand_id, ${rangeSql('?::timestamptz', '?::timestamptz')} as blocked, ?::timestamptz as now, ?::text as category,
                 array(select jsonb_array_elements_text(?::jsonb)) as media, array(select jsonb_array_elements_text(?::jsonb)) as territories, ?::timestamptz as latest_end, ?::jsonb as claims) p
    join model m on true
    ${input.type === BookingType.DIGITAL ? 'join digital_twin t on t.model_id = m.id' : ''}
    where ${where.join('\n      and ')}
    order by m.created_at, m.id
    limit ?`;
  return { sql, params };
}

/**
 * The models the viewer may plan with who can take the job now, oldest first: for PHYSICAL with no confirmed physical
 * work (travel included) nor lockout in the way, with the live options already on the window; for DIGITAL with an
 * active twin whose consent covers the usage, room under its cap and no other brand's claim in the way.
 */
export async function availableModels(ctx: RequestContext, args: AvailableModelsArgs): Promise<Connection<AvailableModel>> {
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const search = checkSearch(ctx, args.input);
  if (search.brandId && viewerOf(ctx).role !== Role.BRAND && !(isUuid(search.brandId) && (await brandLoader(ctx).load(search.brandId)))) {
    throw badArgument('no such brand', 'input');
  }
  const scope = scopeSql(scopeOf(viewerOf(ctx), Action.READ_CALENDAR), { agencyId: 'm.agency_id', modelId: 'm.id' });
  const { sql, params } = availableModelsSql(search, scope, { after: createdAtPosition(args.after), limit: size + 1 }, new Date());
  const rows = await ctx.em.getConnection('read').execute<(ModelRow & { live_options: number })[]>(sql, params);
  const parseDate = (text: string) => ctx.em.getPlatform().parseDate(text);
  const travelMinutes = search.input.type === BookingType.PHYSICAL ? (search.input.travelBeforeMinutes ?? 0) + (search.input.travelAfterMinutes ?? 0) : 0;
  const job = { type: search.input.type, start: search.input.start, end: search.input.end, travelMinutes, digital: search.input.digital ?? null };
  const agencies = new Map();
  const results = rows.map((row) => ({ model: modelOfRow(row, parseDate, agencies), liveOptions: row.live_options, job, brandId: search.brandId }));
  return toConnection(results, size, (r) => createdAtCursor(r.model), !!args.after);
}
