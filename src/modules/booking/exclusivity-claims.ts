import type { EntityManager } from '@mikro-orm/postgresql';
import { userError, UserErrorCode, type UserError } from '../../common/user-error';
import { checkRange, checkText, collect } from '../../common/validate';
import { isViolation, SqlState } from '../../db/db-errors';
import { EU_MEMBER_STATES } from '../twin/consent';
import { claimRowsOf, ClaimKind, isKnownTerritory, WORLDWIDE, type ClaimRow } from '../twin/exclusivity';
import { sqlList } from './booking-predicates';
import { BookingStatus } from './booking-status';
import type { ExclusivityInput } from './booking.types';
import { EXCLUSIVE_CLAIM_CONSTRAINT, USAGE_CLAIM_CONSTRAINT } from './exclusivity-claim.entity';

/*
 * Exclusivity, as the database enforces it. A booking writes claim rows (twin/exclusivity.ts says which) in the same
 * transaction or statement as the booking itself, and two exclusion constraints on them refuse any pair of two brands
 * that exclusivityConflict refuses. Nothing is read first and decided in code: an insert that would conflict with a
 * claim committed before it fails (SQLSTATE 23P01), and one that meets a conflicting claim not yet committed waits
 * for that transaction and then fails or passes as it ends. So two racing bookings of competing brands, in any API
 * process, cannot both be written; the one that waited answers EXCLUSIVITY_CONFLICT. A non-exclusive booking of
 * another brand is refused the same way, by its USAGE rows, so it needs no lock: no model row is taken, and the
 * one-statement write of a physical booking stays one statement. Where two writers insert several rows each in
 * opposite orders, PostgreSQL may end one of them with a deadlock; rows are sorted to make that rare, and the
 * transaction helpers run it again, when it meets the winner's rows as a conflict.
 *
 * A claim binds while its booking is an OPTION, CONFIRMED or COMPLETED (a professional expects an option to hold its
 * place, as it does its rank): any other status releases it (see releaseClaimsSql, run by the one status function).
 * An option past its expiry keeps its claims until the option sweep writes EXPIRED (OPTION_SWEEP_SECONDS).
 */

/** The statuses in which a booking's claims bind. */
export const CLAIMING_STATUSES: readonly BookingStatus[] = [BookingStatus.OPTION, BookingStatus.CONFIRMED, BookingStatus.COMPLETED];

/** Deletes the claims of booking `?`: it no longer holds. */
export const RELEASE_CLAIMS_SQL = 'delete from exclusivity_claim where booking_id = ?';

const MAX_EXCLUSIVITY_MS = 3653 * 24 * 3600_000;
const upper = (values: readonly string[]) => [...new Set(values.map((v) => v.trim().toUpperCase()).filter(Boolean))];

function checkTerritories(territories: string[], field: string[]): UserError[] {
  if (!territories.length) return [userError(UserErrorCode.INVALID_INPUT, 'at least one territory', field)];
  if (territories.length > 60) return [userError(UserErrorCode.INVALID_INPUT, 'at most 60 territories', field)];
  return territories.flatMap((t, i) =>
    isKnownTerritory(t) ? [] : [userError(UserErrorCode.INVALID_INPUT, `${JSON.stringify(t)} is not an ISO 3166-1 alpha-2 code, EU or WORLDWIDE`, [...field, String(i)])],
  );
}

/** Every problem with the shape of an exclusivity and the category beside it, before anything is looked up. */
export function checkExclusivityInput(
  e: ExclusivityInput | null | undefined,
  bookingCategory: string | null | undefined,
  prefix: string[],
): UserError[] {
  if (!e) return [];
  const field = [...prefix, 'exclusivity'];
  const rangeError = checkRange(e.start, e.end, [...field, 'end']);
  const errors = collect(checkText(e.category, [...field, 'category'], 50), rangeError);
  errors.push(...checkTerritories(e.territories, [...field, 'territories']));
  if (!rangeError && e.end.getTime() - e.start.getTime() > MAX_EXCLUSIVITY_MS) {
    errors.push(userError(UserErrorCode.INVALID_RANGE, 'an exclusivity may run at most 10 years', [...field, 'end']));
  }
  // One booking, one category: an exclusivity in another one would be a separate deal the booking does not price.
  if (bookingCategory != null && e.category.trim().toUpperCase() !== bookingCategory.trim().toUpperCase()) {
    errors.push(userError(UserErrorCode.INVALID_INPUT, "an exclusivity is in the booking's own category", [...field, 'category']));
  }
  return errors;
}

/** Checks a physical booking's optional category and territories. */
export function checkProductScope(category: string | null | undefined, territories: string[] | null | undefined, prefix: string[]): UserError[] {
  const errors = category != null ? collect(checkText(category, [...prefix, 'category'], 50)) : [];
  if (territories != null) {
    if (category == null) errors.push(userError(UserErrorCode.INVALID_INPUT, 'territories go with a category', [...prefix, 'territories']));
    errors.push(...checkTerritories(territories, [...prefix, 'territories']));
  }
  return errors;
}

/** What a booking claims: its category, the rows, and the terms stored on the booking. */
export interface BookingClaims {
  category: string;
  rows: ClaimRow[];
  exclusivity: { category: string; territories: string[]; start: Date; end: Date } | null;
}

/** The claims of a new booking: its own use (where and when its work is used), and its exclusivity if it grants one. Null: it claims nothing. */
export function claimsOf(
  category: string | null | undefined,
  use: { territories: string[]; start: Date; end: Date } | null,
  exclusivity: ExclusivityInput | null | undefined,
): BookingClaims | null {
  const cat = (category ?? exclusivity?.category)?.trim().toUpperCase();
  if (!cat) return null;
  const granted = exclusivity ? { category: cat, territories: upper(exclusivity.territories), start: exclusivity.start, end: exclusivity.end } : null;
  const rows = [
    ...(use ? claimRowsOf({ territories: use.territories.length ? use.territories : [WORLDWIDE], start: use.start, end: use.end, exclusive: false }) : []),
    ...(granted ? claimRowsOf({ ...granted, exclusive: true }) : []),
  ];
  return { category: cat, rows, exclusivity: granted };
}

/** The claim rows as one JSON parameter (CLAIM_ROWS turns it back into rows): one value, whatever the driver does with arrays. */
export const claimJson = (rows: ClaimRow[]): string =>
  JSON.stringify(rows.map((r) => ({ kind: r.kind, territory: r.territory, start_at: r.start.toISOString(), end_at: r.end.toISOString() })));

/** The rows of the JSON parameter `param` (see claimJson), aliased `alias`. */
export const claimRowsSql = (param: string, alias: string): string =>
  `jsonb_to_recordset(${param}::jsonb) as ${alias}(kind text, territory text, start_at timestamptz, end_at timestamptz)`;

/**
 * Inserts the claims of the booking `bookingId` (SQL: a column or a placeholder) for model `modelId`, brand `brandId`
 * and category `category`, from the JSON parameter `rows` (see claimJson). `from` names what the select reads the
 * booking from (a CTE, or nothing).
 */
export const insertClaimsSql = (p: { from: string; bookingId: string; modelId: string; brandId: string; category: string; rows: string }): string =>
  `insert into exclusivity_claim (booking_id, kind, territory, model_id, brand_id, category, start_at, end_at)
  select ${p.bookingId}, c.kind, c.territory, ${p.modelId}, ${p.brandId}, ${p.category}, c.start_at, c.end_at
  from ${p.from}${claimRowsSql(p.rows, 'c')}`;

const INSERT_CLAIMS = insertClaimsSql({ from: '', bookingId: '?', modelId: '?', brandId: '?', category: '?', rows: '?' });

/** Writes a booking's claims in the caller's transaction; a conflict raises the exclusion violation (isExclusivityViolation). */
export async function writeClaims(em: EntityManager, b: { bookingId: string; modelId: string; brandId: string }, claims: BookingClaims): Promise<void> {
  if (!claims.rows.length) return;
  await em.execute(INSERT_CLAIMS, [b.bookingId, b.modelId, b.brandId, claims.category, claimJson(claims.rows)]);
}

/** True for the database's refusal of a claim that another brand's claim forbids. */
export const isExclusivityViolation = (err: unknown): boolean =>
  isViolation(err, SqlState.EXCLUSION_VIOLATION, EXCLUSIVE_CLAIM_CONSTRAINT) || isViolation(err, SqlState.EXCLUSION_VIOLATION, USAGE_CLAIM_CONSTRAINT);

/**
 * The stored claim `claim` of another brand forbids the claim row `row` (see claimRowsSql) of the brand `brandId` for
 * model `modelId` and category `category` (SQL values): the pairs the two exclusion constraints refuse, asked as a
 * query. The search for free twins asks it before a booking would meet the constraints.
 */
export const claimConflictSql = (claim: string, row: string, p: { modelId: string; category: string; brandId: string }): string =>
  `${claim}.model_id = ${p.modelId} and ${claim}.category = ${p.category} and ${claim}.territory = ${row}.territory and ${claim}.brand_id <> ${p.brandId}
    and tstzrange(${claim}.start_at, ${claim}.end_at, '[)') && tstzrange(${row}.start_at, ${row}.end_at, '[)')
    and ((${claim}.kind = '${ClaimKind.EXCLUSIVE}' and ${row}.kind = '${ClaimKind.EXCLUSIVE}') or ${claim}.kind <> ${row}.kind)`;

// The first claim of another brand that one of the rows meets, as the constraints compare them; brand left out. A use
// of EU or WORLDWIDE meets an exclusivity by its COVER row: the country held within that region is named instead.
const FIRST_CONFLICT = `
  select coalesce(held.territory, c.territory) as territory, greatest(c.start_at, r.start_at) as start_at, least(c.end_at, r.end_at) as end_at, r.kind as own_kind, c.kind as their_kind
  from ${claimRowsSql('?', 'r')}
  join exclusivity_claim c on ${claimConflictSql('c', 'r', { modelId: '?', category: '?', brandId: '?' })}
  left join lateral (
    select e.territory from exclusivity_claim e
    where c.kind = '${ClaimKind.COVER}' and e.booking_id = c.booking_id and e.kind = '${ClaimKind.EXCLUSIVE}'
      and (c.territory = '${WORLDWIDE}' or e.territory in (${sqlList(EU_MEMBER_STATES)}))
    order by e.territory limit 1) held on true
  order by greatest(c.start_at, r.start_at), c.territory
  limit 1`;

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The EXCLUSIVITY_CONFLICT a refused booking answers with: the category, a territory and the period in the way, and
 * never the brand that holds it. `usageField` is where the booking names its own territories.
 */
export async function exclusivityConflictError(
  em: EntityManager,
  b: { modelId: string; brandId: string },
  claims: BookingClaims,
  fields: { usage: string[]; exclusivity: string[] },
): Promise<UserError> {
  const [row] = await em.execute<{ territory: string; start_at: Date; end_at: Date; own_kind: ClaimKind; their_kind: ClaimKind }[]>(FIRST_CONFLICT, [
    claimJson(claims.rows),
    b.modelId,
    claims.category,
    b.brandId,
  ]);
  // Released since the write failed: the refusal stands (the write ran against it), described without its terms.
  if (!row) return userError(UserErrorCode.EXCLUSIVITY_CONFLICT, `another brand holds the model exclusively for ${claims.category} then`, fields.exclusivity);
  const where = `${claims.category} in ${row.territory} from ${iso(row.start_at)} to ${iso(row.end_at)}`;
  if (row.their_kind === ClaimKind.USAGE) {
    return userError(UserErrorCode.EXCLUSIVITY_CONFLICT, `another brand already books the model for ${where}; no exclusivity can be granted over it`, fields.exclusivity);
  }
  const field = row.own_kind === ClaimKind.USAGE ? fields.usage : fields.exclusivity;
  return userError(UserErrorCode.EXCLUSIVITY_CONFLICT, `another brand holds the model exclusively for ${where}`, field);
}
