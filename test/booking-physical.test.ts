import { CreatePhysicalBookingDocument, type CreatePhysicalBookingInput } from './generated/graphql';
import { at, confirmedPhysical as physical, seedModel, type Scenario } from './support/factories';
import { seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function book(s: Scenario, input: CreatePhysicalBookingInput, token = s.agency.token) {
  return (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
}

describe('confirmed physical bookings of one model', () => {
  it('refuses an overlapping one with PHYSICAL_CLASH naming the range in the way', async () => {
    const s = await seedPricedScenario(app);
    const first = await book(s, physical(s, 9, 17));
    expect(first.userErrors).toEqual([]);
    const second = await book(s, physical(s, 16, 18));
    expect(second.booking).toBeNull();
    expect(second.userErrors).toEqual([
      expect.objectContaining({ code: 'PHYSICAL_CLASH', field: ['input', 'start'], conflict: { start: at(9), end: at(17), bookingId: first.booking!.id } }),
    ]);
  });

  it('accepts adjacent bookings: one ends at 12:00, the next starts at 12:00', async () => {
    const s = await seedPricedScenario(app);
    expect((await book(s, physical(s, 9, 12))).userErrors).toEqual([]);
    expect((await book(s, physical(s, 12, 15))).userErrors).toEqual([]);
    expect((await book(s, physical(s, 6, 9))).userErrors).toEqual([]);
  });

  it('counts travel buffers in the blocked range', async () => {
    const s = await seedPricedScenario(app);
    const first = await book(s, physical(s, 9, 12, { travelAfterMinutes: 90 }));
    expect(first.booking).toMatchObject({ blockedStart: at(9), blockedEnd: at(13.5) });
    const clash = await book(s, physical(s, 13, 15));
    expect(clash.userErrors[0]).toMatchObject({ code: 'PHYSICAL_CLASH', conflict: { start: at(9), end: at(13.5) } });
    const withBefore = await book(s, physical(s, 14, 16, { travelBeforeMinutes: 31 }));
    expect(withBefore.userErrors[0]?.code).toBe('PHYSICAL_CLASH');
    expect((await book(s, physical(s, 14, 16, { travelBeforeMinutes: 30 }))).userErrors).toEqual([]);
  });

  it('lets two different models work at the same time', async () => {
    const s = await seedPricedScenario(app);
    const other = await seedModel(app, s.agency);
    expect((await book(s, physical(s, 9, 17))).userErrors).toEqual([]);
    expect((await book(s, { ...physical(s, 9, 17), modelId: other.id })).userErrors).toEqual([]);
  });

  it('does not let an option be placed over a confirmed booking', async () => {
    const s = await seedPricedScenario(app);
    await book(s, physical(s, 9, 17, { brandId: s.otherBrand.id }));
    const option = await book(s, physical(s, 10, 11, { status: 'OPTION' }), s.brand.token);
    expect(option.userErrors[0]?.code).toBe('PHYSICAL_CLASH');
    // The brand may not see another brand's booking, so the conflict names only its range.
    expect(option.userErrors[0]?.conflict).toEqual({ start: at(9), end: at(17), bookingId: null });
  });

  it('keeps the guarantee in the database: a direct overlapping insert is refused with 23P01', async () => {
    const s = await seedPricedScenario(app);
    const first = await book(s, physical(s, 9, 17));
    const conn = app.orm.em.getConnection();
    await expect(
      conn.execute(
        `insert into booking (id, type, model_id, agency_id, brand_id, status, title, start_at, end_at, blocked_start, blocked_end,
           created_at, updated_at, location_name, location_time_zone, travel_before_minutes, travel_after_minutes)
         select gen_random_uuid(), 'PHYSICAL', model_id, agency_id, brand_id, 'CONFIRMED', 'direct', ?, ?, ?, ?, now(), now(), 'x', 'UTC', 0, 0
         from booking where id = ?`,
        [at(10), at(11), at(10), at(11), first.booking!.id],
      ),
    ).rejects.toMatchObject({ code: '23P01' });
  });

  it('keeps travel known in the database: a physical row without travel minutes is refused by the check', async () => {
    const s = await seedPricedScenario(app);
    const first = await book(s, physical(s, 9, 17));
    await expect(
      app.orm.em.getConnection().execute(`update booking set travel_before_minutes = null where id = ?`, [first.booking!.id]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'booking_physical_fields' });
  });
});
