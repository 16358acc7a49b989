/** Lifecycle state of a model's digital twin; only an ACTIVE twin can be booked. */
export type TwinStatus = 'ACTIVE' | 'PAUSED' | 'RETIRED';

/** What the model and agency consented to. An empty allowed list means nothing is allowed for that dimension, except territories where 'WORLDWIDE' in allowedTerritories allows every territory. Codes are upper-case: media like 'ECOMMERCE','SOCIAL','PRINT','OOH','TV','WEB'; territories ISO 3166-1 alpha-2 ('FR','US') or 'WORLDWIDE' or 'EU' (EU = the 27 EU member states); categories free upper-case words like 'APPAREL','BEAUTY','LINGERIE','FOOTWEAR'. */
export interface ConsentScope {
  allowedMedia: string[];
  allowedTerritories: string[];
  allowedCategories: string[];
  excludedCategories: string[];
  excludedBrandIds: string[];
  consentEndsAt: Date | null;
  /** Whether her agency may approve what the twin produces in her place; absent means it may not. */
  approvalDelegatedToAgency?: boolean;
}

/** The terms under which a brand wants to use a twin: who, for what, where and until when. */
export interface DigitalUsageRequest {
  brandId: string;
  category: string;
  media: string[];
  territories: string[];
  usageStart: Date;
  usageEnd: Date;
  productionEnd: Date;
}

/** Machine-readable reason a requested term falls outside the twin's consent. */
export type ConsentViolationCode =
  | 'TWIN_NOT_ACTIVE'
  | 'MEDIUM_NOT_COVERED'
  | 'TERRITORY_NOT_COVERED'
  | 'CATEGORY_NOT_COVERED'
  | 'CATEGORY_EXCLUDED'
  | 'BRAND_EXCLUDED'
  | 'CONSENT_EXPIRED';

/** One uncovered term of a request, pointing at the input field that carries it. */
export interface ConsentViolation {
  code: ConsentViolationCode;
  /** The input field name: 'media' | 'territories' | 'category' | 'brandId' | 'usageEnd' | 'productionEnd' | 'modelId'. */
  field: string;
  /** The uncovered value, e.g. 'TV' or 'US', or the consent end date as ISO. */
  term: string;
  /** Human sentence naming the term. */
  message: string;
}

const WORLDWIDE = 'WORLDWIDE';
const EU = 'EU';

/** The 27 EU member states as ISO 3166-1 alpha-2 codes, which an 'EU' consent covers. */
export const EU_MEMBER_STATES: readonly string[] = Object.freeze([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);

const EU_SET: ReadonlySet<string> = new Set(EU_MEMBER_STATES);

// Scopes and requests come from different clients, so 'tv ' and 'TV' must mean the same term.
function norm(code: string): string {
  return code.trim().toUpperCase();
}

function normSet(codes: readonly string[]): Set<string> {
  return new Set(codes.map(norm));
}

// A repeated term in the request is still one term the model did not consent to.
function uniqueNormalized(codes: readonly string[]): string[] {
  return [...new Set(codes.map(norm))];
}

function territoryCovered(territory: string, allowed: ReadonlySet<string>): boolean {
  // Requesting WORLDWIDE or EU falls through to an exact match: no list of countries adds up to either.
  if (allowed.has(WORLDWIDE)) return true;
  if (allowed.has(territory)) return true;
  return EU_SET.has(territory) && allowed.has(EU);
}

// An invalid Date would throw from toISOString; the violation must still be reportable.
function isoOrInvalid(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString();
}

// Written as "not within" so that an invalid date on either side counts as expired instead of silently passing.
function endsAfter(date: Date, consentEndsAt: Date): boolean {
  return !(date.getTime() <= consentEndsAt.getTime());
}

/** Every term of the request that the twin's status and consent scope do not cover; empty means the booking is allowed. */
export function consentViolations(
  status: TwinStatus,
  scope: ConsentScope,
  req: DigitalUsageRequest,
): ConsentViolation[] {
  // A paused or retired twin cannot be booked at all, so listing scope gaps would only mislead.
  if (status !== 'ACTIVE') {
    return [
      {
        code: 'TWIN_NOT_ACTIVE',
        field: 'modelId',
        term: status,
        message: `The digital twin is ${status} and cannot be booked.`,
      },
    ];
  }

  const violations: ConsentViolation[] = [];

  // Brand ids are compared case-insensitively too: for an exclusion list, over-matching is the safe failure.
  const brandId = norm(req.brandId);
  if (normSet(scope.excludedBrandIds).has(brandId)) {
    violations.push({
      code: 'BRAND_EXCLUDED',
      field: 'brandId',
      term: req.brandId,
      message: `Brand ${req.brandId} is excluded by the model's consent.`,
    });
  }

  const category = norm(req.category);
  // An exclusion is an explicit refusal, so it is reported even when the category is also listed as allowed.
  if (normSet(scope.excludedCategories).has(category)) {
    violations.push({
      code: 'CATEGORY_EXCLUDED',
      field: 'category',
      term: category,
      message: `Category ${category} is excluded by the model's consent.`,
    });
  } else if (!normSet(scope.allowedCategories).has(category)) {
    violations.push({
      code: 'CATEGORY_NOT_COVERED',
      field: 'category',
      term: category,
      message: `Category ${category} is not covered by the model's consent.`,
    });
  }

  const allowedMedia = normSet(scope.allowedMedia);
  for (const medium of uniqueNormalized(req.media)) {
    if (!allowedMedia.has(medium)) {
      violations.push({
        code: 'MEDIUM_NOT_COVERED',
        field: 'media',
        term: medium,
        message: `Medium ${medium} is not covered by the model's consent.`,
      });
    }
  }

  const allowedTerritories = normSet(scope.allowedTerritories);
  for (const territory of uniqueNormalized(req.territories)) {
    if (!territoryCovered(territory, allowedTerritories)) {
      violations.push({
        code: 'TERRITORY_NOT_COVERED',
        field: 'territories',
        term: territory,
        message: `Territory ${territory} is not covered by the model's consent.`,
      });
    }
  }

  if (scope.consentEndsAt !== null) {
    const endsAt = scope.consentEndsAt;
    const usageFails = endsAfter(req.usageEnd, endsAt);
    const productionFails = endsAfter(req.productionEnd, endsAt);
    if (usageFails || productionFails) {
      // One expiry is one problem; name the later failing date because moving it is what fixes the booking.
      const productionIsLater =
        productionFails && (!usageFails || req.productionEnd.getTime() > req.usageEnd.getTime());
      const field = productionIsLater ? 'productionEnd' : 'usageEnd';
      const term = isoOrInvalid(endsAt);
      violations.push({
        code: 'CONSENT_EXPIRED',
        field,
        term,
        message: `The model's consent ends at ${term}, before the requested ${field === 'usageEnd' ? 'usage end' : 'production end'}.`,
      });
    }
  }

  return violations;
}

/** Which term of a consent a change touches. */
export type ConsentTerm =
  | 'allowedMedia'
  | 'allowedTerritories'
  | 'allowedCategories'
  | 'excludedBrandIds'
  | 'consentEndsAt'
  | 'approvalDelegatedToAgency';

/** One way a new consent gives more (a widening) or less (a narrowing) than the one before. */
export interface ConsentTermChange {
  term: ConsentTerm;
  /** The value gained or lost: a medium, territory, category or brand id, the end as ISO ('none' for no end), or 'true'/'false'. */
  value: string;
}

/** What a change of consent does: NARROWING when it only takes away, WIDENING when it gives anything more. */
export type ConsentChangeKind = 'UNCHANGED' | 'NARROWING' | 'WIDENING';

// The categories a booking may really use: an excluded category is refused even when it is also listed as allowed.
function usableCategories(scope: ConsentScope): Set<string> {
  const excluded = normSet(scope.excludedCategories);
  return new Set([...normSet(scope.allowedCategories)].filter((c) => !excluded.has(c)));
}

// A territory named in a consent is granted by another consent when every booking it lets through, the other lets
// through too: WORLDWIDE only by WORLDWIDE, EU by EU or WORLDWIDE, a country as a booking would be.
function territoryGrantedBy(territory: string, granted: ReadonlySet<string>): boolean {
  if (territory === WORLDWIDE) return granted.has(WORLDWIDE);
  if (territory === EU) return granted.has(EU) || granted.has(WORLDWIDE);
  return territoryCovered(territory, granted);
}

/** What `to` grants that `from` does not: every term by which `to` is wider. Empty when `to` is at most as wide. */
export function consentGains(from: ConsentScope, to: ConsentScope): ConsentTermChange[] {
  const gains: ConsentTermChange[] = [];
  const fromMedia = normSet(from.allowedMedia);
  for (const medium of normSet(to.allowedMedia)) if (!fromMedia.has(medium)) gains.push({ term: 'allowedMedia', value: medium });
  const fromTerritories = normSet(from.allowedTerritories);
  for (const territory of normSet(to.allowedTerritories)) {
    if (!territoryGrantedBy(territory, fromTerritories)) gains.push({ term: 'allowedTerritories', value: territory });
  }
  const fromCategories = usableCategories(from);
  for (const category of usableCategories(to)) if (!fromCategories.has(category)) gains.push({ term: 'allowedCategories', value: category });
  // Every brand is allowed unless excluded, so lifting an exclusion is what widens.
  const toExcluded = normSet(to.excludedBrandIds);
  for (const brand of normSet(from.excludedBrandIds)) if (!toExcluded.has(brand)) gains.push({ term: 'excludedBrandIds', value: brand.toLowerCase() });
  if (from.consentEndsAt !== null && (to.consentEndsAt === null || to.consentEndsAt.getTime() > from.consentEndsAt.getTime())) {
    gains.push({ term: 'consentEndsAt', value: to.consentEndsAt === null ? 'none' : isoOrInvalid(to.consentEndsAt) });
  }
  // Letting her agency approve in her place gives it a power she held alone.
  if (!from.approvalDelegatedToAgency && to.approvalDelegatedToAgency) gains.push({ term: 'approvalDelegatedToAgency', value: 'true' });
  return gains;
}

/** The change from one consent to the next: what it widens, what it narrows, and so which kind it is. */
export function consentChange(from: ConsentScope, to: ConsentScope): { kind: ConsentChangeKind; widened: ConsentTermChange[]; narrowed: ConsentTermChange[] } {
  const widened = consentGains(from, to);
  // What the new consent takes away is exactly what the old one would gain over it.
  const narrowed = consentGains(to, from);
  const kind: ConsentChangeKind = widened.length ? 'WIDENING' : narrowed.length ? 'NARROWING' : 'UNCHANGED';
  return { kind, widened, narrowed };
}

/** A sentence naming one gained or lost term, for messages and history reasons. */
export function describeTermChange(change: ConsentTermChange): string {
  switch (change.term) {
    case 'allowedMedia':
      return `medium ${change.value}`;
    case 'allowedTerritories':
      return `territory ${change.value}`;
    case 'allowedCategories':
      return `category ${change.value}`;
    case 'excludedBrandIds':
      return `a brand it excluded`;
    case 'consentEndsAt':
      return change.value === 'none' ? 'no end date' : `an end on ${change.value}`;
    case 'approvalDelegatedToAgency':
      return 'approval of deliveries by her agency';
  }
}

/** A usage request as the SQL form of consentViolations reads it: terms in the normal form the scope is stored in. */
export interface ConsentSqlParams {
  brandId: string;
  category: string;
  media: string[];
  territories: string[];
  /** The later of the usage end and the production end: what the consent must last until. */
  latestEnd: Date;
}

/** The request's terms normalised as consentViolations compares them (brand ids are stored lower-case). */
export function consentSqlParams(req: DigitalUsageRequest): ConsentSqlParams {
  return {
    brandId: req.brandId.trim().toLowerCase(),
    category: norm(req.category),
    media: uniqueNormalized(req.media),
    territories: uniqueNormalized(req.territories),
    latestEnd: new Date(Math.max(req.usageEnd.getTime(), req.productionEnd.getTime())),
  };
}

/**
 * consentViolations as SQL: the twin row `twin` (status and scope columns, stored in the normal form scopeOfInput
 * writes) covers the request whose terms (see ConsentSqlParams) are the columns `brand_id`, `category`, `media`,
 * `territories` and `latest_end` of the row `p`. True exactly when consentViolations finds nothing (a table test
 * runs both over the same cases).
 */
export const consentCoversSql = (twin: string, p: string): string =>
  `(${twin}.status = 'ACTIVE'
    and not (${p}.brand_id = any(${twin}.excluded_brand_ids))
    and not (${p}.category = any(${twin}.excluded_categories))
    and ${p}.category = any(${twin}.allowed_categories)
    and ${p}.media <@ ${twin}.allowed_media
    and ('${WORLDWIDE}' = any(${twin}.allowed_territories) or ${p}.territories <@ (${twin}.allowed_territories
      || case when '${EU}' = any(${twin}.allowed_territories) then array[${EU_MEMBER_STATES.map((c) => `'${c}'`).join(', ')}]::text[] else '{}'::text[] end))
    and (${twin}.consent_ends_at is null or ${p}.latest_end <= ${twin}.consent_ends_at))`;
