import { BusyRangesDocument, CreateLockoutDocument, CreatePhysicalBookingDocument, ModelFreeSlotsDocument, type CreatePhysicalBookingInput } from './generated/graphql';
import { at, seedAgency, seedBrand, seedModel, type Party } from './support/factories';
import { priceAgency } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let agency: Party;
let brand: Party;
let rival: Party;
beforeAll(async () => {
  app = await startTestApp();
  agency = await seedAgency(app);
  [brand, rival] = await Promise.all([seedBrand(app), seedBrand(app, 'Rival Maison')]);
  await priceAgency(app, agency);
});
afterAll(() => app.close());

const iso = (s: string) => new Date(s).toISOString();

async function confirm(modelId: string, start: string, end: string, extra: Partial<CreatePhysicalBookingInput> = {}) {
  const input = { modelId, brandId: rival.id, title: 'Confidential show', start, end, location: { name: 'Atelier', timeZone: 'Europe/Paris' }, status: 'CONFIRMED' as const, ...extra };
  const res = await app.gql(CreatePhysicalBookingDocument, { input }, agency.token);
  expect(res.createPhysicalBooking.userErrors).toEqual([]);
}

describe('busyRanges for many models at once', () => {
  it('reads a month of busy time for 50 models in one request under the cost limit, merged, with nothing about whose', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await seedModel(app, agency, { name: `Busy ${i}` })).id);
    // Model 0: two touching bookings (one with travel) and a lockout touching the second; model 1: one booking.
    await confirm(ids[0], at(10), at(12), { travelBeforeMinutes: 30 });
    await confirm(ids[0], at(12), at(14));
    const lockout = await app.gql(CreateLockoutDocument, { input: { modelId: ids[0], kind: 'ILLNESS', reason: 'Flu', start: at(14), end: at(20) } }, agency.token);
    expect(lockout.createLockout.userErrors).toEqual([]);
    await confirm(ids[1], at(100), at(108));
    const res = await app.request(BusyRangesDocument, { modelIds: ids, from: at(0), to: at(31 * 24) }, brand.token);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const byId = new Map(res.data!.busyRanges.map((r) => [r.modelId, r.busy]));
    expect(byId.size).toBe(50);
    expect(byId.get(ids[0])).toEqual([{ start: iso(at(9.5)), end: iso(at(20)) }]);
    expect(byId.get(ids[1])).toEqual([{ start: iso(at(100)), end: iso(at(108)) }]);
    expect(byId.get(ids[2])).toEqual([]);
    expect(JSON.stringify(res)).not.toMatch(/Rival|Confidential|Flu|Atelier/);
  });

  it('leaves out models the viewer may not read, and refuses past 100 models or a window past 92 days', async () => {
    const mine = await seedModel(app, agency);
    const other = await seedAgency(app);
    const res = await app.gql(BusyRangesDocument, { modelIds: [mine.id, 'not-an-id'], from: at(0), to: at(24) }, other.token);
    expect(res.busyRanges).toEqual([]);
    const tooMany = await app.request(BusyRangesDocument, { modelIds: Array.from({ length: 101 }, () => mine.id), from: at(0), to: at(24) }, brand.token);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await app.request(BusyRangesDocument, { modelIds: [mine.id], from: at(0), to: at(93 * 24) }, brand.token);
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const reversed = await app.request(BusyRangesDocument, { modelIds: [mine.id], from: at(24), to: at(0) }, brand.token);
    expect(reversed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('Model.freeSlots', () => {
  it('returns the gaps a job fits in, around confirmed work with its travel and lockouts, with its own travel', async () => {
    const model = await seedModel(app, agency, { timeZone: 'UTC' });
    await confirm(model.id, at(10), at(12), { travelAfterMinutes: 60 });
    const lockout = await app.gql(CreateLockoutDocument, { input: { modelId: model.id, kind: 'HOLIDAY', reason: 'Away', start: at(16), end: at(18) } }, model.token);
    expect(lockout.createLockout.userErrors).toEqual([]);
    const res = await app.gql(ModelFreeSlotsDocument, { id: model.id, from: at(8), to: at(20), minDuration: 60, travelBeforeMinutes: 30 }, brand.token);
    expect(res.model!.busyRanges).toEqual([
      { start: iso(at(10)), end: iso(at(13)) },
      { start: iso(at(16)), end: iso(at(18)) },
    ]);
    expect(res.model!.freeSlots!.map((s) => [s.start, s.end])).toEqual([
      [iso(at(8)), iso(at(10))],
      [iso(at(13.5)), iso(at(16))],
      [iso(at(18.5)), iso(at(20))],
    ]);
  });

  it('keeps to local working hours right across the spring-forward night, with local wall times', async () => {
    const model = await seedModel(app, agency, { timeZone: 'Europe/Paris' });
    // 2030-03-31 is the last Sunday of March: Paris goes from UTC+1 to UTC+2 at 02:00 local.
    const res = await app.gql(
      ModelFreeSlotsDocument,
      { id: model.id, from: '2030-03-30T00:00:00Z', to: '2030-04-01T00:00:00Z', minDuration: 120, workingHours: { start: '09:00', end: '17:00' } },
      brand.token,
    );
    expect(res.model!.freeSlots!.map((s) => [s.start, s.localStart.dateTime, s.localStart.offset, s.localEnd.dateTime])).toEqual([
      ['2030-03-30T08:00:00.000Z', '2030-03-30T09:00:00', '+01:00', '2030-03-30T17:00:00'],
      ['2030-03-31T07:00:00.000Z', '2030-03-31T09:00:00', '+02:00', '2030-03-31T17:00:00'],
    ]);
    const tokyo = await app.gql(
      ModelFreeSlotsDocument,
      { id: model.id, from: '2030-03-30T00:00:00Z', to: '2030-03-31T00:00:00Z', minDuration: 60, timeZone: 'Asia/Tokyo', workingHours: { start: '09:00', end: '10:00' } },
      brand.token,
    );
    expect(tokyo.model!.freeSlots!.map((s) => s.start)).toEqual(['2030-03-30T00:00:00.000Z']);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a zone that is not IANA', { timeZone: '+02:00' }],
    ['working hours that are not wall times', { workingHours: { start: '9am', end: '17:00' } }],
    ['a zero duration', { minDuration: 0 }],
    ['a window past 92 days', { to: at(100 * 24) }],
    ['too much travel', { travelAfterMinutes: 5000 }],
  ])('refuses %s', async (_name, patch) => {
    const model = await seedModel(app, agency);
    const res = await app.request(ModelFreeSlotsDocument, { id: model.id, from: at(0), to: at(24), minDuration: 60, ...patch } as never, brand.token);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is null for a viewer who may not read her calendar', async () => {
    const model = await seedModel(app, agency);
    const mother = await seedAgency(app);
    const res = await app.request(ModelFreeSlotsDocument, { id: model.id, from: at(0), to: at(24), minDuration: 60 }, mother.token);
    expect(res.data?.model ?? null).toBeNull();
  });
});
