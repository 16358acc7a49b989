import { CalendarByDatesDocument, CreatePhysicalBookingDocument, ViewerHomeDocument } from './generated/graphql';
import { confirmedPhysical, seedAgency, seedBrand } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * What a mobile or browser app needs before anything else: "who am I" as objects (her own model, agency or brand),
 * a calendar asked in local days, and CORS for the origins configured.
 */

const APP_ORIGIN = 'https://app.twinbook.test';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ CORS_ORIGINS: `${APP_ORIGIN}, http://localhost:5173` });
});
afterAll(() => app.close());

describe('viewer', () => {
  it("gives a model her own profile and calendar without her id, in local days of her zone", async () => {
    const s = await seedPricedScenario(app, { timeZone: 'Europe/Paris' });
    const booked = (await app.gql(CreatePhysicalBookingDocument, { input: { ...confirmedPhysical(s, 0, 0), start: '2026-03-29T08:00:00.000Z', end: '2026-03-29T12:00:00.000Z' } }, s.agency.token)).createPhysicalBooking;
    expect(booked.userErrors).toEqual([]);
    const me = (await app.gql(ViewerHomeDocument, { fromDate: '2026-03-28', toDate: '2026-03-29' }, s.model.token)).viewer!;
    expect(me).toMatchObject({ role: 'MODEL', actsFor: s.model.id, model: { id: s.model.id }, agency: null, brand: null });
    // Her zone's days, the 23-hour day of the spring change included, and the booking on it.
    expect(me.model!.calendar).toMatchObject({
      timeZone: 'Europe/Paris',
      from: '2026-03-27T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
      days: [
        { date: '2026-03-28', hours: 24 },
        { date: '2026-03-29', hours: 23 },
      ],
      entries: [{ bookingId: booked.booking!.id, start: '2026-03-29T08:00:00.000Z' }],
    });
  });

  it('gives an agency and a brand their own objects, and an admin none', async () => {
    const agency = await seedAgency(app);
    const brand = await seedBrand(app);
    const asAgency = (await app.gql(ViewerHomeDocument, {}, agency.token)).viewer!;
    expect(asAgency).toMatchObject({ role: 'AGENCY', agency: { id: agency.id }, model: null, brand: null });
    const asBrand = (await app.gql(ViewerHomeDocument, {}, brand.token)).viewer!;
    expect(asBrand).toMatchObject({ role: 'BRAND', brand: { id: brand.id }, model: null, agency: null });
    const asAdmin = (await app.gql(ViewerHomeDocument, {})).viewer!;
    expect(asAdmin).toMatchObject({ role: 'ADMIN', actsFor: null, model: null, agency: null, brand: null });
    expect((await app.gql(ViewerHomeDocument, {}, null)).viewer).toBeNull();
  });
});

describe('Model.calendar by local days', () => {
  it.each([
    ['only fromDate', { fromDate: '2026-03-01' }, 'toDate'],
    ['both instants and dates', { fromDate: '2026-03-01', toDate: '2026-03-02', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }, 'fromDate'],
    ['neither', {}, 'from'],
    ['a day that does not exist', { fromDate: '2026-02-30', toDate: '2026-03-02' }, 'toDate'],
    ['the last day before the first', { fromDate: '2026-03-02', toDate: '2026-03-01' }, 'toDate'],
    ['more than 366 days', { fromDate: '2026-01-01', toDate: '2027-01-02' }, 'toDate'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_name, window, argumentName) => {
    const s = await seedPricedScenario(app);
    const res = await app.request(CalendarByDatesDocument, { id: s.model.id, ...window }, s.agency.token);
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName])).toEqual([['BAD_USER_INPUT', argumentName]]);
  });

  it('reads days in the zone asked for, not the model’s', async () => {
    const s = await seedPricedScenario(app, { timeZone: 'Europe/Paris' });
    const cal = (await app.gql(CalendarByDatesDocument, { id: s.model.id, fromDate: '2026-11-01', toDate: '2026-11-01', timeZone: 'America/New_York' }, s.agency.token)).model!.calendar!;
    expect(cal).toMatchObject({ timeZone: 'America/New_York', from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T05:00:00.000Z', days: [{ date: '2026-11-01', hours: 25 }] });
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(app.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

  it('answers a preflight from a configured origin with what a browser needs', async () => {
    const res = await preflight(APP_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('lets a configured origin read a GraphQL answer', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(await res.json()).toEqual({ data: { viewer: { role: 'ADMIN' } } });
  });

  it('gives an origin not configured no CORS headers, on the preflight and on the request', async () => {
    const pre = await preflight('https://evil.test');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
    const res = await fetch(app.url, { method: 'POST', headers: { origin: 'https://evil.test', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { role } }' }) });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
