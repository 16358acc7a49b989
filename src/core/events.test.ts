import { eventVisibleTo, type DomainEvent } from './events';
import { Role, type Viewer } from './viewer';

const AGENCY = '00000000-0000-4000-8000-00000000000a';
const MOTHER = '00000000-0000-4000-8000-00000000000b';
const MODEL = '00000000-0000-4000-8000-0000000000d1';
const BRAND = '00000000-0000-4000-8000-0000000000e1';

const VIEWERS: Record<string, Viewer> = {
  admin: { role: Role.ADMIN, subject: 'a' },
  agency: { role: Role.AGENCY, subject: 'b', agencyId: AGENCY },
  mother: { role: Role.AGENCY, subject: 'c', agencyId: MOTHER },
  otherAgency: { role: Role.AGENCY, subject: 'd', agencyId: '00000000-0000-4000-8000-00000000000c' },
  model: { role: Role.MODEL, subject: 'e', modelId: MODEL },
  otherModel: { role: Role.MODEL, subject: 'f', modelId: '00000000-0000-4000-8000-0000000000d2' },
  brand: { role: Role.BRAND, subject: 'g', brandId: BRAND },
  otherBrand: { role: Role.BRAND, subject: 'h', brandId: '00000000-0000-4000-8000-0000000000e2' },
};

type Seen = Pick<DomainEvent, 'type' | 'modelId' | 'agencyId' | 'brandId' | 'payload'>;
const booking: Seen = { type: 'booking.confirmed', modelId: MODEL, agencyId: AGENCY, brandId: BRAND, payload: {} };
const agencyLine: Seen = { type: 'payout.approved', modelId: null, agencyId: AGENCY, brandId: null, payload: { party: 'AGENCY' } };
const modelLine: Seen = { type: 'payout.paid', modelId: MODEL, agencyId: AGENCY, brandId: null, payload: { party: 'MODEL' } };
const motherLine: Seen = { type: 'payout.paid', modelId: null, agencyId: AGENCY, brandId: null, payload: { party: 'MOTHER_AGENCY', motherAgencyId: MOTHER } };
const consent: Seen = { type: 'consent.changed', modelId: MODEL, agencyId: AGENCY, brandId: null, payload: {} };
const lockout: Seen = { type: 'lockout.created', modelId: MODEL, agencyId: AGENCY, brandId: null, payload: {} };

// Who hears of each kind of event: whoever may read the thing it is about, and no one else.
const TABLE: [string, Seen, string[]][] = [
  ['a booking change', booking, ['admin', 'agency', 'model', 'brand']],
  ['the agency’s payout line', agencyLine, ['admin', 'agency']],
  ['the model’s payout line', modelLine, ['admin', 'agency', 'model']],
  ['the mother agency’s payout line', motherLine, ['admin', 'agency', 'mother']],
  ['a consent change', consent, ['admin', 'agency', 'model']],
  ['a lockout', lockout, ['admin', 'agency', 'model']],
];

describe('eventVisibleTo', () => {
  it.each(TABLE)('%s is told to exactly its readers', (_what, event, who) => {
    const told = Object.entries(VIEWERS).filter(([, viewer]) => eventVisibleTo(viewer, event)).map(([name]) => name);
    expect(told).toEqual(who);
  });

  it('tells no one of a kind it has no rule for', () => {
    expect(eventVisibleTo(VIEWERS.admin, { ...booking, type: 'unknown.thing' as DomainEvent['type'] })).toBe(false);
  });
});
