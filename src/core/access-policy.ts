import { Role, type Viewer } from './viewer';

/*
 * Who may see or do what: every rule in one table, over pure facts. A service asks `can(viewer, action, facts)`
 * (or `scopeOf` for a list) and spells no rule of its own. The table is tested whole in access-policy.test.ts.
 */

/** How the viewer stands to the thing asked about, worked out from the facts of that thing (relationTo). */
export enum Relation {
  /** An admin: the platform. */
  ADMIN = 'ADMIN',
  /** The agency that represents the model (of the model, her twin, a booking of hers, a card), or the agency itself. */
  OWN_AGENCY = 'OWN_AGENCY',
  /** The agency that discovered the model and takes a share of her agency's commission. */
  MOTHER_AGENCY = 'MOTHER_AGENCY',
  /** Any other agency. */
  OTHER_AGENCY = 'OTHER_AGENCY',
  /** The model herself. */
  THE_MODEL = 'THE_MODEL',
  OTHER_MODEL = 'OTHER_MODEL',
  /** The brand of the booking, or the brand itself. */
  OWN_BRAND = 'OWN_BRAND',
  /** A brand that did not place the booking; to a model, every brand (a possible client). */
  OTHER_BRAND = 'OTHER_BRAND',
}

/** The facts of a thing that the rules look at: whose it is. */
export interface Facts {
  /** The representing agency (of a model, her twin, her booking or card), or the agency asked about. */
  agencyId?: string | null;
  /** The model's mother agency, where the rule cares. */
  motherAgencyId?: string | null;
  /** The model it concerns. */
  modelId?: string | null;
  /** The brand of a booking, or the brand asked about. */
  brandId?: string | null;
}

const { ADMIN, OWN_AGENCY, MOTHER_AGENCY, OTHER_AGENCY, THE_MODEL, OTHER_MODEL, OWN_BRAND, OTHER_BRAND } = Relation;

/** Every relation each role can stand in. */
export const RELATIONS_OF_ROLE: Readonly<Record<Exclude<Role, Role.SYSTEM>, readonly Relation[]>> = {
  [Role.ADMIN]: [ADMIN],
  [Role.AGENCY]: [OWN_AGENCY, MOTHER_AGENCY, OTHER_AGENCY],
  [Role.MODEL]: [THE_MODEL, OTHER_MODEL],
  [Role.BRAND]: [OWN_BRAND, OTHER_BRAND],
};

/** How the viewer stands to a thing with these facts. */
export function relationTo(viewer: Viewer, facts: Facts): Relation {
  switch (viewer.role) {
    case Role.ADMIN:
      return ADMIN;
    case Role.AGENCY:
      if (facts.agencyId === viewer.agencyId) return OWN_AGENCY;
      return facts.motherAgencyId === viewer.agencyId ? MOTHER_AGENCY : OTHER_AGENCY;
    case Role.MODEL:
      return facts.modelId === viewer.modelId ? THE_MODEL : OTHER_MODEL;
    case Role.BRAND:
      return facts.brandId === viewer.brandId ? OWN_BRAND : OTHER_BRAND;
  }
}

/** Everything the rules decide. The facts each action is asked with are named beside it. */
export enum Action {
  // An agency (facts: agencyId) or a brand (facts: brandId) as such.
  READ_AGENCY = 'READ_AGENCY',
  LIST_AGENCY = 'LIST_AGENCY',
  MANAGE_AGENCY = 'MANAGE_AGENCY',
  READ_BRAND = 'READ_BRAND',
  LIST_BRAND = 'LIST_BRAND',
  MANAGE_BRAND = 'MANAGE_BRAND',
  CREATE_AGENCY_OR_BRAND = 'CREATE_AGENCY_OR_BRAND',
  // A model (facts: modelId, agencyId, motherAgencyId).
  READ_MODEL = 'READ_MODEL',
  MANAGE_MODEL = 'MANAGE_MODEL',
  READ_CALENDAR = 'READ_CALENDAR',
  READ_EARNINGS = 'READ_EARNINGS',
  BOOK_MODEL = 'BOOK_MODEL',
  BOOK_MODEL_CONFIRMED = 'BOOK_MODEL_CONFIRMED',
  // Her lockouts (facts: the model's).
  MANAGE_LOCKOUT = 'MANAGE_LOCKOUT',
  READ_LOCKOUT = 'READ_LOCKOUT',
  OVERRIDE_LOCKOUT = 'OVERRIDE_LOCKOUT',
  // Her twin (facts: the model's).
  READ_TWIN = 'READ_TWIN',
  READ_TWIN_SPLIT = 'READ_TWIN_SPLIT',
  READ_TWIN_EXCLUDED_BRANDS = 'READ_TWIN_EXCLUDED_BRANDS',
  PAUSE_TWIN = 'PAUSE_TWIN',
  MANAGE_TWIN = 'MANAGE_TWIN',
  // Her consent (facts: the model's).
  NARROW_CONSENT = 'NARROW_CONSENT',
  PROPOSE_CONSENT = 'PROPOSE_CONSENT',
  ACCEPT_CONSENT = 'ACCEPT_CONSENT',
  READ_CONSENT_HISTORY = 'READ_CONSENT_HISTORY',
  // A booking (facts: modelId, agencyId, brandId).
  READ_BOOKING = 'READ_BOOKING',
  CHANGE_BOOKING = 'CHANGE_BOOKING',
  CONFIRM_DIGITAL_BOOKING = 'CONFIRM_DIGITAL_BOOKING',
  COMPLETE_BOOKING = 'COMPLETE_BOOKING',
  CHALLENGE_OPTION = 'CHALLENGE_OPTION',
  RESCHEDULE_OPTION = 'RESCHEDULE_OPTION',
  RESCHEDULE_CONFIRMED = 'RESCHEDULE_CONFIRMED',
  POSTPONE_BOOKING = 'POSTPONE_BOOKING',
  READ_QUOTE_LINES = 'READ_QUOTE_LINES',
  READ_QUOTE_SPLIT = 'READ_QUOTE_SPLIT',
  READ_QUOTE_MODEL_AMOUNT = 'READ_QUOTE_MODEL_AMOUNT',
  // Her calendar feeds (facts: the model's): secret URLs that carry her calendar in full.
  MANAGE_MODEL_FEED = 'MANAGE_MODEL_FEED',
  READ_CONSENT_FLAG = 'READ_CONSENT_FLAG',
  // What her twin produced for a booking (facts: the booking's).
  READ_DELIVERIES = 'READ_DELIVERIES',
  SUBMIT_DELIVERY = 'SUBMIT_DELIVERY',
  APPROVE_DELIVERY = 'APPROVE_DELIVERY',
  APPROVE_DELIVERY_DELEGATED = 'APPROVE_DELIVERY_DELEGATED',
  // A licence of her likeness: a digital booking whose usage runs (facts: the booking's).
  READ_LICENCE = 'READ_LICENCE',
  READ_LICENCE_EARNINGS = 'READ_LICENCE_EARNINGS',
  // A payout line (facts: agencyId of its booking; modelId or motherAgencyId when it is owed to them).
  READ_PAYOUT = 'READ_PAYOUT',
  ADVANCE_PAYOUT = 'ADVANCE_PAYOUT',
  // A webhook endpoint (facts: agencyId or brandId of the agency or brand that owns it).
  MANAGE_WEBHOOKS = 'MANAGE_WEBHOOKS',
  // A campaign (facts: brandId of its brand).
  READ_CAMPAIGN = 'READ_CAMPAIGN',
  MANAGE_CAMPAIGN = 'MANAGE_CAMPAIGN',
}

/** THE table: for each action, the relations that allow it. Anything not listed is refused. */
export const ACCESS: Readonly<Record<Action, readonly Relation[]>> = {
  // Agency and brand names are no secret to a signed-in viewer; the lists are the platform's and each tenant's own.
  [Action.READ_AGENCY]: [ADMIN, OWN_AGENCY, OTHER_AGENCY, OTHER_MODEL, OWN_BRAND, OTHER_BRAND],
  [Action.LIST_AGENCY]: [ADMIN, OWN_AGENCY],
  [Action.MANAGE_AGENCY]: [ADMIN, OWN_AGENCY],
  [Action.READ_BRAND]: [ADMIN, OTHER_AGENCY, OTHER_MODEL, OWN_BRAND, OTHER_BRAND],
  [Action.LIST_BRAND]: [ADMIN, OTHER_AGENCY, OWN_BRAND],
  [Action.MANAGE_BRAND]: [ADMIN, OWN_BRAND],
  [Action.CREATE_AGENCY_OR_BRAND]: [ADMIN],
  // A model: her agency manages her; her mother agency sees that she exists and nothing else of her; any brand may
  // find and book her and read her calendar, where other brands' work shows as busy blocks.
  [Action.READ_MODEL]: [ADMIN, OWN_AGENCY, MOTHER_AGENCY, THE_MODEL, OTHER_BRAND],
  [Action.MANAGE_MODEL]: [ADMIN, OWN_AGENCY],
  [Action.READ_CALENDAR]: [ADMIN, OWN_AGENCY, THE_MODEL, OTHER_BRAND],
  [Action.READ_EARNINGS]: [ADMIN, OWN_AGENCY, THE_MODEL],
  [Action.BOOK_MODEL]: [ADMIN, OWN_AGENCY, OTHER_BRAND],
  [Action.BOOK_MODEL_CONFIRMED]: [ADMIN, OWN_AGENCY],
  // Her lockouts (holiday, illness…): she and her agency place and lift them and read why; anyone else who reads her
  // calendar sees only that she is busy. Booking through one, or placing one over confirmed work, is her agency's
  // call alone: she may not undo her agency's bookings by locking them out, a brand may not book her through it.
  [Action.MANAGE_LOCKOUT]: [ADMIN, OWN_AGENCY, THE_MODEL],
  [Action.READ_LOCKOUT]: [ADMIN, OWN_AGENCY, THE_MODEL],
  [Action.OVERRIDE_LOCKOUT]: [ADMIN, OWN_AGENCY],
  // Her twin: brands see what it may be used for, not how she and her agency share its pay, nor which other brands
  // it never works for. She may pause and resume it; the rest is her agency's.
  [Action.READ_TWIN]: [ADMIN, OWN_AGENCY, THE_MODEL, OTHER_BRAND],
  [Action.READ_TWIN_SPLIT]: [ADMIN, OWN_AGENCY, THE_MODEL],
  [Action.READ_TWIN_EXCLUDED_BRANDS]: [ADMIN, OWN_AGENCY, THE_MODEL],
  [Action.PAUSE_TWIN]: [ADMIN, OWN_AGENCY, THE_MODEL],
  [Action.MANAGE_TWIN]: [ADMIN, OWN_AGENCY],
  // Her consent is hers: she or her agency may take something away at once; only her agency proposes more, and only
  // she accepts it (an admin cannot sign for her either). Its history and pending proposals stay on her side.
  [Action.NARROW_CONSENT]: [ADMIN, OWN_AGENCY, THE_MODEL],
  [Action.PROPOSE_CONSENT]: [ADMIN, OWN_AGENCY],
  [Action.ACCEPT_CONSENT]: [THE_MODEL],
  [Action.READ_CONSENT_HISTORY]: [ADMIN, OWN_AGENCY, THE_MODEL],
  // A booking in full (client, title, terms) is its brand's, the model's side's and the admin's; anyone else who
  // reads her calendar sees it as a busy block. Her bookings are changed by her agency, not by her.
  [Action.READ_BOOKING]: [ADMIN, OWN_AGENCY, THE_MODEL, OWN_BRAND],
  [Action.CHANGE_BOOKING]: [ADMIN, OWN_AGENCY, OWN_BRAND],
  [Action.CONFIRM_DIGITAL_BOOKING]: [ADMIN, OWN_AGENCY],
  [Action.COMPLETE_BOOKING]: [ADMIN, OWN_AGENCY],
  // Pressing the 1st option's holder to decide is the agency's move on behalf of a lower option.
  [Action.CHALLENGE_OPTION]: [ADMIN, OWN_AGENCY],
  // An option is the brand's hold, which it may move as it places it; a confirmed job is a deal the agency made, so
  // only the agency moves it, or postpones it for weather at the price the deal memo sets.
  [Action.RESCHEDULE_OPTION]: [ADMIN, OWN_AGENCY, OWN_BRAND],
  [Action.RESCHEDULE_CONFIRMED]: [ADMIN, OWN_AGENCY],
  [Action.POSTPONE_BOOKING]: [ADMIN, OWN_AGENCY],
  // Its money: the brand sees what it pays (lines and total), not how the agency, the model, a mother agency and
  // the platform split it; the model sees her own part.
  [Action.READ_QUOTE_LINES]: [ADMIN, OWN_AGENCY, OWN_BRAND],
  [Action.READ_QUOTE_SPLIT]: [ADMIN, OWN_AGENCY],
  [Action.READ_QUOTE_MODEL_AMOUNT]: [ADMIN, OWN_AGENCY, THE_MODEL],
  // A feed of her calendar shows what she sees: she and her agency make and revoke them.
  [Action.MANAGE_MODEL_FEED]: [ADMIN, OWN_AGENCY, THE_MODEL],
  // That a job fell outside her consent is for her side to settle, not something to tell the brand.
  [Action.READ_CONSENT_FLAG]: [ADMIN, OWN_AGENCY, THE_MODEL],
  // What her twin produced: the agency submits it (it runs the production), she approves or rejects it, or her
  // agency does where her consent delegates it; the brand of the booking sees what it is getting.
  [Action.READ_DELIVERIES]: [ADMIN, OWN_AGENCY, THE_MODEL, OWN_BRAND],
  [Action.SUBMIT_DELIVERY]: [ADMIN, OWN_AGENCY],
  [Action.APPROVE_DELIVERY]: [THE_MODEL],
  [Action.APPROVE_DELIVERY_DELEGATED]: [OWN_AGENCY, THE_MODEL],
  // Where her likeness is licensed: her side sees every licence and what it earned her; a brand its own licences.
  [Action.READ_LICENCE]: [ADMIN, OWN_AGENCY, THE_MODEL, OWN_BRAND],
  [Action.READ_LICENCE_EARNINGS]: [ADMIN, OWN_AGENCY, THE_MODEL],
  // A payout line: the booking's agency and the admin see them all, each party its own.
  [Action.READ_PAYOUT]: [ADMIN, OWN_AGENCY, MOTHER_AGENCY, THE_MODEL],
  [Action.ADVANCE_PAYOUT]: [ADMIN, OWN_AGENCY],
  // Webhook endpoints carry what their owner may see and a signing secret: each agency and brand manages its own.
  [Action.MANAGE_WEBHOOKS]: [ADMIN, OWN_AGENCY, OWN_BRAND],
  // A campaign is the brand's plan and budget: no agency nor model sees it, not even through her bookings in it (each
  // booking shows them as a booking, with no campaign); the brand plans and schedules its own.
  [Action.READ_CAMPAIGN]: [ADMIN, OWN_BRAND],
  [Action.MANAGE_CAMPAIGN]: [ADMIN, OWN_BRAND],
};

/** True when the viewer may take the action on a thing with these facts. */
export function can(viewer: Viewer, action: Action, facts: Facts): boolean {
  return ACCESS[action].includes(relationTo(viewer, facts));
}

/**
 * True when the viewer's role may take the action on something at all (on its own things, say): for refusing a
 * request before anything is looked up.
 */
export function mayEver(viewer: Viewer, action: Action): boolean {
  return RELATIONS_OF_ROLE[viewer.role].some((r) => ACCESS[action].includes(r));
}

/** The facts of a model as the rules read them. */
export const modelFacts = (m: { id: string; agency: { id: string }; motherAgency?: { id: string } | null }): Facts => ({
  modelId: m.id,
  agencyId: m.agency.id,
  motherAgencyId: m.motherAgency?.id ?? null,
});

/** The facts of a booking as the rules read them. */
export const bookingFacts = (b: { model: { id: string }; agency: { id: string }; brand: { id: string } }): Facts => ({
  modelId: b.model.id,
  agencyId: b.agency.id,
  brandId: b.brand.id,
});

/**
 * Which rows of a list (of one kind of thing) the viewer may see for an action: `all`, or the rows matching ANY of
 * the ids given (none given: no row). Derived from the table, so that a list never shows what `can` refuses, nor
 * hides what it allows.
 */
export type Scope = { all: true } | { all: false; agencyId?: string; motherAgencyId?: string; modelId?: string; brandId?: string };

export function scopeOf(viewer: Viewer, action: Action): Scope {
  const allowed = ACCESS[action];
  switch (viewer.role) {
    case Role.ADMIN:
      return allowed.includes(ADMIN) ? { all: true } : { all: false };
    case Role.AGENCY:
      if (allowed.includes(OTHER_AGENCY)) return { all: true };
      return {
        all: false,
        ...(allowed.includes(OWN_AGENCY) ? { agencyId: viewer.agencyId } : {}),
        ...(allowed.includes(MOTHER_AGENCY) ? { motherAgencyId: viewer.agencyId } : {}),
      };
    case Role.MODEL:
      if (allowed.includes(OTHER_MODEL)) return { all: true };
      return allowed.includes(THE_MODEL) ? { all: false, modelId: viewer.modelId } : { all: false };
    case Role.BRAND:
      if (allowed.includes(OTHER_BRAND)) return { all: true };
      return allowed.includes(OWN_BRAND) ? { all: false, brandId: viewer.brandId } : { all: false };
  }
}

/** True when a thing with these facts falls in the scope. */
export function inScope(scope: Scope, facts: Facts): boolean {
  if (scope.all) return true;
  return (
    (!!scope.agencyId && facts.agencyId === scope.agencyId) ||
    (!!scope.motherAgencyId && facts.motherAgencyId === scope.motherAgencyId) ||
    (!!scope.modelId && facts.modelId === scope.modelId) ||
    (!!scope.brandId && facts.brandId === scope.brandId)
  );
}

type ScopeKey = 'agencyId' | 'motherAgencyId' | 'modelId' | 'brandId';

/**
 * Where a list keeps one id of the scope: a property holding it, or, for a thing that names its party in two columns
 * (a payout line is owed to a model or a mother agency through `party` and `partyId`), the filter matching the id.
 */
export type ScopeColumn = string | ((id: string) => Record<string, unknown>);

/**
 * The scope as an ORM filter over an entity whose properties hold those ids (`columns` names them; a key left out
 * never matches): `{}` for all, else an `$or` of the ids given, and a filter matching nothing when none is.
 */
export function scopeFilter(scope: Scope, columns: Partial<Record<ScopeKey, ScopeColumn>>): Record<string, unknown> {
  if (scope.all) return {};
  const any = (Object.keys(columns) as ScopeKey[])
    .filter((k) => scope[k])
    .map((k) => {
      const column = columns[k]!;
      return typeof column === 'string' ? { [column]: scope[k] } : column(scope[k]!);
    });
  return any.length ? { $or: any } : { id: null };
}

/**
 * The scope as a SQL condition, for hand-written statements: the same rows as scopeFilter, over columns named in
 * `columns` (a key left out never matches); the ids are bound as parameters, in the order of `params`.
 */
export function scopeSql(scope: Scope, columns: Partial<Record<ScopeKey, string>>): { sql: string; params: string[] } {
  if (scope.all) return { sql: 'true', params: [] };
  const keys = (Object.keys(columns) as ScopeKey[]).filter((k) => scope[k]);
  if (!keys.length) return { sql: 'false', params: [] };
  return { sql: `(${keys.map((k) => `${columns[k]} = ?`).join(' or ')})`, params: keys.map((k) => scope[k]!) };
}
