import { Action, ACCESS, can, inScope, mayEver, Relation, RELATIONS_OF_ROLE, relationTo, scopeFilter, scopeOf, type Facts } from './access-policy';
import { Role, type Viewer } from './viewer';

const AGENCY = '00000000-0000-4000-8000-00000000000a';
const MOTHER = '00000000-0000-4000-8000-00000000000b';
const OTHER_AGENCY = '00000000-0000-4000-8000-00000000000c';
const MODEL = '00000000-0000-4000-8000-0000000000d1';
const OTHER_MODEL = '00000000-0000-4000-8000-0000000000d2';
const BRAND = '00000000-0000-4000-8000-0000000000e1';
const OTHER_BRAND = '00000000-0000-4000-8000-0000000000e2';

/** One viewer of each standing towards the model below, her booking for BRAND, and the agencies and brands. */
const VIEWERS: Record<string, Viewer> = {
  admin: { role: Role.ADMIN, subject: 'a' },
  agency: { role: Role.AGENCY, subject: 'b', agencyId: AGENCY },
  mother: { role: Role.AGENCY, subject: 'c', agencyId: MOTHER },
  otherAgency: { role: Role.AGENCY, subject: 'd', agencyId: OTHER_AGENCY },
  model: { role: Role.MODEL, subject: 'e', modelId: MODEL },
  otherModel: { role: Role.MODEL, subject: 'f', modelId: OTHER_MODEL },
  brand: { role: Role.BRAND, subject: 'g', brandId: BRAND },
  otherBrand: { role: Role.BRAND, subject: 'h', brandId: OTHER_BRAND },
};
type Who = keyof typeof VIEWERS;

const model: Facts = { modelId: MODEL, agencyId: AGENCY, motherAgencyId: MOTHER };
const booking: Facts = { modelId: MODEL, agencyId: AGENCY, brandId: BRAND };
const agency: Facts = { agencyId: AGENCY };
const brand: Facts = { brandId: BRAND };
const modelPayout: Facts = { agencyId: AGENCY, modelId: MODEL };
const motherPayout: Facts = { agencyId: AGENCY, motherAgencyId: MOTHER };
const platformPayout: Facts = { agencyId: AGENCY };

const ALL: Who[] = ['admin', 'agency', 'mother', 'otherAgency', 'model', 'otherModel', 'brand', 'otherBrand'];

/**
 * The whole policy, viewer by viewer: for each action on each kind of object, who may. Written from DESIGN.md's
 * "Visibility", not from the table in access-policy.ts, so that a change to either shows here.
 */
const EXPECTED: [Action, string, Facts, Who[]][] = [
  [Action.READ_AGENCY, 'an agency', agency, ['admin', 'agency', 'mother', 'otherAgency', 'model', 'otherModel', 'brand', 'otherBrand']],
  [Action.LIST_AGENCY, 'an agency', agency, ['admin', 'agency']],
  [Action.MANAGE_AGENCY, 'an agency', agency, ['admin', 'agency']],
  [Action.READ_BRAND, 'a brand', brand, ALL],
  [Action.LIST_BRAND, 'a brand', brand, ['admin', 'agency', 'mother', 'otherAgency', 'brand']],
  [Action.MANAGE_BRAND, 'a brand', brand, ['admin', 'brand']],
  [Action.CREATE_AGENCY_OR_BRAND, 'the platform', {}, ['admin']],
  [Action.READ_MODEL, 'a model', model, ['admin', 'agency', 'mother', 'model', 'brand', 'otherBrand']],
  [Action.MANAGE_MODEL, 'a model', model, ['admin', 'agency']],
  [Action.READ_CALENDAR, 'a model', model, ['admin', 'agency', 'model', 'brand', 'otherBrand']],
  [Action.READ_EARNINGS, 'a model', model, ['admin', 'agency', 'model']],
  [Action.BOOK_MODEL, 'a model', model, ['admin', 'agency', 'brand', 'otherBrand']],
  [Action.BOOK_MODEL_CONFIRMED, 'a model', model, ['admin', 'agency']],
  [Action.MANAGE_LOCKOUT, 'her lockout', model, ['admin', 'agency', 'model']],
  [Action.READ_LOCKOUT, 'her lockout', model, ['admin', 'agency', 'model']],
  [Action.OVERRIDE_LOCKOUT, 'her lockout', model, ['admin', 'agency']],
  [Action.READ_TWIN, 'her twin', model, ['admin', 'agency', 'model', 'brand', 'otherBrand']],
  [Action.READ_TWIN_SPLIT, 'her twin', model, ['admin', 'agency', 'model']],
  [Action.READ_TWIN_EXCLUDED_BRANDS, 'her twin', model, ['admin', 'agency', 'model']],
  [Action.PAUSE_TWIN, 'her twin', model, ['admin', 'agency', 'model']],
  [Action.MANAGE_TWIN, 'her twin', model, ['admin', 'agency']],
  [Action.MANAGE_MODEL_FEED, 'a model', model, ['admin', 'agency', 'model']],
  [Action.NARROW_CONSENT, 'her twin', model, ['admin', 'agency', 'model']],
  [Action.PROPOSE_CONSENT, 'her twin', model, ['admin', 'agency']],
  [Action.ACCEPT_CONSENT, 'her twin', model, ['model']],
  [Action.READ_CONSENT_HISTORY, 'her twin', model, ['admin', 'agency', 'model']],
  [Action.READ_BOOKING, 'a booking', booking, ['admin', 'agency', 'model', 'brand']],
  [Action.CHANGE_BOOKING, 'a booking', booking, ['admin', 'agency', 'brand']],
  [Action.CONFIRM_DIGITAL_BOOKING, 'a booking', booking, ['admin', 'agency']],
  [Action.COMPLETE_BOOKING, 'a booking', booking, ['admin', 'agency']],
  [Action.CHALLENGE_OPTION, 'a booking', booking, ['admin', 'agency']],
  [Action.RESCHEDULE_OPTION, 'a booking', booking, ['admin', 'agency', 'brand']],
  [Action.RESCHEDULE_CONFIRMED, 'a booking', booking, ['admin', 'agency']],
  [Action.POSTPONE_BOOKING, 'a booking', booking, ['admin', 'agency']],
  [Action.READ_QUOTE_LINES, 'a booking', booking, ['admin', 'agency', 'brand']],
  [Action.READ_QUOTE_SPLIT, 'a booking', booking, ['admin', 'agency']],
  [Action.READ_QUOTE_MODEL_AMOUNT, 'a booking', booking, ['admin', 'agency', 'model']],
  [Action.READ_CONSENT_FLAG, 'a booking', booking, ['admin', 'agency', 'model']],
  [Action.READ_DELIVERIES, 'a booking', booking, ['admin', 'agency', 'model', 'brand']],
  [Action.SUBMIT_DELIVERY, 'a booking', booking, ['admin', 'agency']],
  [Action.APPROVE_DELIVERY, 'a booking', booking, ['model']],
  [Action.APPROVE_DELIVERY_DELEGATED, 'a booking', booking, ['agency', 'model']],
  [Action.READ_LICENCE, 'a booking', booking, ['admin', 'agency', 'model', 'brand']],
  [Action.READ_LICENCE_EARNINGS, 'a booking', booking, ['admin', 'agency', 'model']],
  [Action.READ_PAYOUT, "the model's payout line", modelPayout, ['admin', 'agency', 'model']],
  [Action.READ_PAYOUT, "the mother agency's payout line", motherPayout, ['admin', 'agency', 'mother']],
  [Action.READ_PAYOUT, "the platform's payout line", platformPayout, ['admin', 'agency']],
  [Action.ADVANCE_PAYOUT, 'a payout line', modelPayout, ['admin', 'agency']],
  [Action.MANAGE_WEBHOOKS, 'an agency', agency, ['admin', 'agency']],
  [Action.MANAGE_WEBHOOKS, 'a brand', brand, ['admin', 'brand']],
  [Action.READ_CAMPAIGN, 'a campaign', brand, ['admin', 'brand']],
  [Action.MANAGE_CAMPAIGN, 'a campaign', brand, ['admin', 'brand']],
];

describe('the access policy, as one table', () => {
  const rows = EXPECTED.flatMap(([action, kind, facts, allowed]) =>
    ALL.map((who) => [action, kind, who, allowed.includes(who), facts] as const),
  );
  it.each(rows)('%s on %s by %s → %s', (action, _kind, who, allowed, facts) => {
    expect(can(VIEWERS[who], action, facts)).toBe(allowed);
  });

  it('names every action', () => {
    expect(new Set(EXPECTED.map(([a]) => a))).toEqual(new Set(Object.values(Action)));
  });
});

describe('relationTo', () => {
  it.each<[Who, Facts, Relation]>([
    ['admin', booking, Relation.ADMIN],
    ['agency', model, Relation.OWN_AGENCY],
    ['mother', model, Relation.MOTHER_AGENCY],
    ['otherAgency', model, Relation.OTHER_AGENCY],
    // The representing agency wins where it is also named as the mother agency.
    ['agency', { agencyId: AGENCY, motherAgencyId: AGENCY }, Relation.OWN_AGENCY],
    ['mother', booking, Relation.OTHER_AGENCY],
    ['model', booking, Relation.THE_MODEL],
    ['otherModel', booking, Relation.OTHER_MODEL],
    ['brand', booking, Relation.OWN_BRAND],
    ['otherBrand', booking, Relation.OTHER_BRAND],
    ['brand', model, Relation.OTHER_BRAND],
  ])('%s to %j is %s', (who, facts, relation) => {
    expect(relationTo(VIEWERS[who], facts)).toBe(relation);
  });
});

describe('lists agree with can', () => {
  // Of each kind, things of every standing towards every viewer: each viewer's own, another's, one her mother agency placed.
  const THINGS: Record<string, Facts[]> = {
    'the platform': [{}],
    'an agency': [agency, { agencyId: MOTHER }, { agencyId: OTHER_AGENCY }],
    'a brand': [brand, { brandId: OTHER_BRAND }],
    'a campaign': [brand, { brandId: OTHER_BRAND }],
    'a model': [model, { modelId: OTHER_MODEL, agencyId: OTHER_AGENCY, motherAgencyId: MOTHER }, { modelId: OTHER_MODEL, agencyId: OTHER_AGENCY }],
    'a booking': [booking, { modelId: MODEL, agencyId: AGENCY, brandId: OTHER_BRAND }, { modelId: OTHER_MODEL, agencyId: OTHER_AGENCY, brandId: OTHER_BRAND }],
    'a payout line': [modelPayout, motherPayout, platformPayout, { agencyId: OTHER_AGENCY, modelId: OTHER_MODEL }],
  };
  const kindOf = (kind: string) => (kind === 'her twin' || kind === 'her lockout' ? 'a model' : kind.endsWith('payout line') ? 'a payout line' : kind);
  const cases = EXPECTED.flatMap(([action, kind]) => ALL.map((who) => [action, kindOf(kind), who] as const));
  it.each(cases)('%s on %s for %s lists exactly what it allows', (action, kind, who) => {
    const scope = scopeOf(VIEWERS[who], action);
    for (const facts of THINGS[kind]) expect([facts, inScope(scope, facts)]).toEqual([facts, can(VIEWERS[who], action, facts)]);
  });
});

describe('mayEver', () => {
  it('is true exactly when some standing of the role allows the action', () => {
    for (const action of Object.values(Action)) {
      for (const [role, relations] of Object.entries(RELATIONS_OF_ROLE)) {
        const viewer = Object.values(VIEWERS).find((v) => v.role === role)!;
        expect([action, role, mayEver(viewer, action)]).toEqual([action, role, relations.some((r) => ACCESS[action].includes(r))]);
      }
    }
  });
  it('refuses a model any booking and a brand a confirmed one before anything is looked up', () => {
    expect(mayEver(VIEWERS.model, Action.BOOK_MODEL)).toBe(false);
    expect(mayEver(VIEWERS.brand, Action.BOOK_MODEL)).toBe(true);
    expect(mayEver(VIEWERS.brand, Action.BOOK_MODEL_CONFIRMED)).toBe(false);
  });
});

describe('scopeFilter', () => {
  // A payout line names the model or mother agency it is owed to in two columns: those ids map to a filter, not a property.
  const payoutColumns = {
    agencyId: (id: string) => ({ booking: { agency: id } }),
    modelId: (id: string) => ({ party: 'MODEL', partyId: id }),
    motherAgencyId: (id: string) => ({ party: 'MOTHER_AGENCY', partyId: id }),
  };

  it.each<[Who, Record<string, unknown>]>([
    ['admin', {}],
    ['agency', { $or: [{ booking: { agency: AGENCY } }, { party: 'MOTHER_AGENCY', partyId: AGENCY }] }],
    ['mother', { $or: [{ booking: { agency: MOTHER } }, { party: 'MOTHER_AGENCY', partyId: MOTHER }] }],
    ['model', { $or: [{ party: 'MODEL', partyId: MODEL }] }],
    ['brand', { id: null }],
  ])('READ_PAYOUT for %s filters %j', (who, filter) => {
    expect(scopeFilter(scopeOf(VIEWERS[who], Action.READ_PAYOUT), payoutColumns)).toEqual(filter);
  });

  it('maps a property column to the id itself', () => {
    expect(scopeFilter(scopeOf(VIEWERS.brand, Action.READ_BOOKING), { brandId: 'brand' })).toEqual({ $or: [{ brand: BRAND }] });
  });
});
