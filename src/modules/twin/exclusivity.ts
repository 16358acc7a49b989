import { EU_MEMBER_STATES } from './consent';

/*
 * Exclusivity: a booking may grant its brand a category of the model's work in some territories over a period. While
 * it holds, no other brand may book her for that category where and when it overlaps. `exclusivityConflict` is the
 * rule; `claimRowsOf` writes it as rows that the database's exclusion constraints compare with `=` on the territory
 * and `&&` on the period (see exclusivity-claim.entity.ts), and the table tests prove the two agree.
 */

export const WORLDWIDE = 'WORLDWIDE';
export const EU = 'EU';

/** Every ISO 3166-1 alpha-2 country code: what WORLDWIDE stands for. */
export const ISO_COUNTRIES: readonly string[] = Object.freeze(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
    'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
    'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
    'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

const COUNTRY_SET: ReadonlySet<string> = new Set(ISO_COUNTRIES);
const EU_SET: ReadonlySet<string> = new Set(EU_MEMBER_STATES);

/** A territory code an exclusivity may name: an ISO 3166-1 alpha-2 country, EU or WORLDWIDE. */
export const isKnownTerritory = (code: string): boolean => {
  const c = code.trim().toUpperCase();
  return c === EU || c === WORLDWIDE || COUNTRY_SET.has(c);
};

/** The countries a territory list stands for: EU is its 27 member states, WORLDWIDE every country. */
export function countriesOf(territories: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of territories) {
    const t = raw.trim().toUpperCase();
    if (t === WORLDWIDE) ISO_COUNTRIES.forEach((c) => out.add(c));
    else if (t === EU) EU_MEMBER_STATES.forEach((c) => out.add(c));
    else if (t) out.add(t);
  }
  return out;
}

/** A use of the model by a brand for a category, where and when; `exclusive` when it bars other brands. */
export interface CategoryUse {
  brandId: string;
  category: string;
  territories: readonly string[];
  /** [start, end): periods that only touch do not overlap. */
  start: Date;
  end: Date;
  exclusive: boolean;
}

/** What two uses collide on: the category, one territory they share and the period they share; never a brand. */
export interface ExclusivityOverlap {
  category: string;
  territory: string;
  start: Date;
  end: Date;
}

const norm = (s: string) => s.trim().toUpperCase();

/**
 * The overlap that makes `a` and `b` incompatible, or null when they may coexist: they do when they are the same brand
 * (a brand renews or widens its own), neither is exclusive, the categories differ, no country is in both territory
 * lists, or the periods do not overlap (`[)`: one ending as the other starts is no overlap).
 */
export function exclusivityConflict(a: CategoryUse, b: CategoryUse): ExclusivityOverlap | null {
  if (a.brandId === b.brandId || (!a.exclusive && !b.exclusive)) return null;
  if (norm(a.category) !== norm(b.category)) return null;
  const start = Math.max(a.start.getTime(), b.start.getTime());
  const end = Math.min(a.end.getTime(), b.end.getTime());
  if (!(start < end)) return null;
  const theirs = countriesOf(b.territories);
  const shared = [...countriesOf(a.territories)].filter((c) => theirs.has(c)).sort();
  if (!shared.length) return null;
  return { category: norm(a.category), territory: shared[0], start: new Date(start), end: new Date(end) };
}

/** How a claim row takes part in the exclusion constraints (see exclusivity-claim.entity.ts). */
export enum ClaimKind {
  /** One country of an exclusivity: bars every other brand's EXCLUSIVE and USAGE row on that country. */
  EXCLUSIVE = 'EXCLUSIVE',
  /** EU or WORLDWIDE when an exclusivity covers part of it: bars another brand's USAGE row naming that region as a whole. */
  COVER = 'COVER',
  /** A territory as a booking names it (a country, EU or WORLDWIDE): barred by another brand's EXCLUSIVE or COVER row. */
  USAGE = 'USAGE',
}

/** One row of the exclusivity_claim table, before it is tied to a booking. */
export interface ClaimRow {
  territory: string;
  kind: ClaimKind;
  start: Date;
  end: Date;
}

/**
 * The rows that make the database refuse what exclusivityConflict refuses, with `=` on the territory:
 * - an exclusive use writes one EXCLUSIVE row per country it stands for, and a COVER row for EU (when one of its
 *   countries is a member state) and for WORLDWIDE, so that a use naming that whole region meets it;
 * - a non-exclusive use writes one USAGE row per territory as named, so that another brand's exclusivity meets it: a
 *   country meets an EXCLUSIVE row, EU or WORLDWIDE a COVER row.
 * EXCLUSIVE rows meet each other (different brands); EXCLUSIVE and COVER rows never share a territory; USAGE rows
 * never bar each other. Sorted, so that racing writers take the index entries in one order.
 */
export function claimRowsOf(use: Pick<CategoryUse, 'territories' | 'start' | 'end' | 'exclusive'>): ClaimRow[] {
  const rows: ClaimRow[] = [];
  const { start, end } = use;
  const named = [...new Set(use.territories.map(norm).filter(Boolean))];
  // An exclusive use needs no USAGE rows: whatever another brand's use would meet them, it meets its EXCLUSIVE or
  // COVER rows too.
  if (!use.exclusive) for (const territory of named) rows.push({ territory, kind: ClaimKind.USAGE, start, end });
  else {
    const countries = countriesOf(named);
    for (const territory of countries) rows.push({ territory, kind: ClaimKind.EXCLUSIVE, start, end });
    if ([...countries].some((c) => EU_SET.has(c))) rows.push({ territory: EU, kind: ClaimKind.COVER, start, end });
    if (countries.size) rows.push({ territory: WORLDWIDE, kind: ClaimKind.COVER, start, end });
  }
  return rows.sort((x, y) => (x.territory === y.territory ? x.kind.localeCompare(y.kind) : x.territory.localeCompare(y.territory)));
}

/** True when the exclusion constraints would refuse rows `x` and `y` of two different brands in one category. */
export function rowsCollide(x: ClaimRow, y: ClaimRow): boolean {
  if (x.territory !== y.territory || !(x.start < y.end && y.start < x.end)) return false;
  return (x.kind === ClaimKind.EXCLUSIVE && y.kind === ClaimKind.EXCLUSIVE) || x.kind !== y.kind;
}
