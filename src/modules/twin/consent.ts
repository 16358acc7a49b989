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
