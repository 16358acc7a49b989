import { decodeJwt, SignJWT } from 'jose';
import { print } from 'graphql';
import { signToken } from '../src/core/tokens';
import { Role } from '../src/core/viewer';
import {
  BookingByIdDocument,
  BookingsDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  CreateAgencyDocument,
  CreateBrandDocument,
  CreateDigitalBookingDocument,
  CreatePhysicalBookingDocument,
  ModelByIdDocument,
  ModelCalendarDocument,
  ModelsDocument,
  type CreateDigitalBookingInput,
  type CreatePhysicalBookingInput,
} from './generated/graphql';
import { at, confirmedPhysical as physical, seedAgency, seedBrand, seedModel, seedTwin, type Scenario } from './support/factories';
import { priceAgency, seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_JWT_SECRET } from './support/test-secret';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 10)}`;

function digital(s: Scenario, start: number, end: number, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'Twin e-commerce',
    start: at(start),
    end: at(end),
    deliverables: [{ kind: 'IMAGE', quantity: 10 }],
    category: 'APPAREL',
    usage: { media: ['ECOMMERCE'], territories: ['WORLDWIDE'], start: at(start), end: at(24 * 365) },
    status: 'CONFIRMED',
    ...extra,
  };
}

async function book(input: CreatePhysicalBookingInput, token: string): Promise<string> {
  const res = (await app.gql(CreatePhysicalBookingDocument, { input }, token)).createPhysicalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

async function bookTwin(input: CreateDigitalBookingInput, token: string): Promise<string> {
  const res = (await app.gql(CreateDigitalBookingDocument, { input }, token)).createDigitalBooking;
  expect(res.userErrors).toEqual([]);
  return res.booking!.id;
}

/** Two brands with bookings of one model: `mine` for s.brand, `theirs` for s.otherBrand, each with a name and title of its own. */
async function twoBrandsBooked() {
  const brandName = unique('Maison Ours');
  const otherName = unique('Rival House');
  const agency = await seedAgency(app);
  const brand = await seedBrand(app, brandName);
  const otherBrand = await seedBrand(app, otherName);
  const model = await seedModel(app, agency);
  await priceAgency(app, agency);
  const s: Scenario = { agency, brand, otherBrand, model };
  await seedTwin(app, agency, model.id);
  const mineTitle = unique('Our lookbook');
  const theirTitle = unique('Secret launch');
  const theirTwinTitle = unique('Secret twin drop');
  const mine = await book(physical(s, 9, 12, { title: mineTitle }), agency.token);
  const theirs = await book(physical(s, 13, 17, { brandId: otherBrand.id, title: theirTitle }), agency.token);
  const theirOption = await book(physical(s, 18, 20, { status: 'OPTION', brandId: otherBrand.id, title: theirTitle }), otherBrand.token);
  const theirTwin = await bookTwin(digital(s, 8, 20, { brandId: otherBrand.id, title: theirTwinTitle }), agency.token);
  return { s, brandName, otherName, mineTitle, theirTitle, theirTwinTitle, mine, theirs, theirOption, theirTwin };
}

const window = { from: at(0), to: at(24) };

describe('a brand on a model calendar', () => {
  it('sees its own bookings in full and other brands’ only as busy blocks', async () => {
    const w = await twoBrandsBooked();
    const res = await app.gql(ModelCalendarDocument, { id: w.s.model.id, ...window, timeZone: 'UTC' }, w.s.brand.token);
    const entries = res.model!.calendar!.entries;

    const ownBooking = { id: w.mine, title: w.mineTitle, brand: { id: w.s.brand.id, name: w.brandName } };
    expect(entries.map((e) => ({ bookingId: e.bookingId, busy: e.busy, type: e.type, status: e.status, booking: e.booking }))).toEqual([
      { bookingId: null, busy: true, type: 'DIGITAL', status: 'CONFIRMED', booking: null },
      { bookingId: w.mine, busy: false, type: 'PHYSICAL', status: 'CONFIRMED', booking: ownBooking },
      { bookingId: null, busy: true, type: 'PHYSICAL', status: 'CONFIRMED', booking: null },
      { bookingId: null, busy: true, type: 'PHYSICAL', status: 'OPTION', booking: null },
    ]);
    // The busy blocks still say when: a planner needs to know the model is taken.
    expect(entries.map((e) => [e.start, e.end])).toEqual([
      [at(8), at(20)],
      [at(9), at(12)],
      [at(13), at(17)],
      [at(18), at(20)],
    ]);
  });

  it('gets a response body that names neither the other brand, nor its titles, nor its booking ids', async () => {
    const w = await twoBrandsBooked();
    const body = JSON.stringify({ query: print(ModelCalendarDocument), variables: { id: w.s.model.id, ...window, timeZone: 'Europe/Paris' } });
    const res = await app.raw(body, w.s.brand.token);

    expect(res.status).toBe(200);
    // The body does carry the brand's own booking, so the search below looks at a real calendar.
    expect(res.body).toContain(w.mine);
    expect(res.body).toContain(w.mineTitle);
    expect(res.body).toContain(w.brandName);
    for (const secret of [w.otherName, w.s.otherBrand.id, w.theirTitle, w.theirTwinTitle, w.theirs, w.theirOption, w.theirTwin]) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('gets null for booking(id) of another brand and lists only its own bookings', async () => {
    const w = await twoBrandsBooked();
    for (const id of [w.theirs, w.theirOption, w.theirTwin]) {
      const other = await app.request(BookingByIdDocument, { id }, w.s.brand.token);
      expect(other.errors).toBeUndefined();
      expect(other.data).toEqual({ booking: null });
    }
    const own = await app.gql(BookingByIdDocument, { id: w.mine }, w.s.brand.token);
    expect(own.booking).toMatchObject({ id: w.mine, title: w.mineTitle, brand: { id: w.s.brand.id } });

    const list = await app.gql(BookingsDocument, { first: 100 }, w.s.brand.token);
    expect(list.bookings.edges.map((e) => e.node.id)).toEqual([w.mine]);
    const otherList = await app.gql(BookingsDocument, { first: 100 }, w.s.otherBrand.token);
    expect(otherList.bookings.edges.map((e) => e.node.id).sort()).toEqual([w.theirs, w.theirOption, w.theirTwin].sort());
  });

  it('cannot confirm or cancel another brand’s booking: BOOKING_NOT_FOUND, and the booking stays as it was', async () => {
    const w = await twoBrandsBooked();
    const confirm = (await app.gql(ConfirmBookingDocument, { id: w.theirOption }, w.s.brand.token)).confirmBooking;
    expect(confirm).toEqual({ booking: null, userErrors: [expect.objectContaining({ code: 'BOOKING_NOT_FOUND', field: ['id'] })] });
    const cancel = (await app.gql(CancelBookingDocument, { id: w.theirs, reason: 'mine now' }, w.s.brand.token)).cancelBooking;
    expect(cancel).toEqual({ booking: null, userErrors: [expect.objectContaining({ code: 'BOOKING_NOT_FOUND', field: ['id'] })] });
    const after = await app.gql(BookingsDocument, { first: 100 }, w.s.otherBrand.token);
    expect(Object.fromEntries(after.bookings.edges.map((e) => [e.node.id, e.node.status]))).toEqual({
      [w.theirs]: 'CONFIRMED',
      [w.theirOption]: 'OPTION',
      [w.theirTwin]: 'CONFIRMED',
    });
  });

  it('gets PHYSICAL_CLASH without the booking id when the clash is another brand’s, with it when its own', async () => {
    const w = await twoBrandsBooked();
    const overTheirs = (await app.gql(CreatePhysicalBookingDocument, { input: physical(w.s, 14, 15, { status: 'OPTION' }) }, w.s.brand.token))
      .createPhysicalBooking;
    expect(overTheirs.booking).toBeNull();
    expect(overTheirs.userErrors).toEqual([
      expect.objectContaining({ code: 'PHYSICAL_CLASH', field: ['input', 'start'], conflict: { start: at(13), end: at(17), bookingId: null } }),
    ]);
    expect(JSON.stringify(overTheirs)).not.toContain(w.theirs);

    const overMine = (await app.gql(CreatePhysicalBookingDocument, { input: physical(w.s, 10, 11, { status: 'OPTION' }) }, w.s.brand.token))
      .createPhysicalBooking;
    expect(overMine.userErrors).toEqual([
      expect.objectContaining({ code: 'PHYSICAL_CLASH', conflict: { start: at(9), end: at(12), bookingId: w.mine } }),
    ]);
  });

  it('gets the twin without its ownership split, which its agency sees', async () => {
    const s = await seedPricedScenario(app);
    const twinId = await seedTwin(app, s.agency, s.model.id);
    const asBrand = await app.gql(ModelByIdDocument, { id: s.model.id }, s.brand.token);
    expect(asBrand.model?.twin).toEqual({ id: twinId, status: 'ACTIVE', ownershipSplit: null });
    const asAgency = await app.gql(ModelByIdDocument, { id: s.model.id }, s.agency.token);
    expect(asAgency.model?.twin).toEqual({ id: twinId, status: 'ACTIVE', ownershipSplit: { modelBps: 6000 } });
    const asModel = await app.gql(ModelByIdDocument, { id: s.model.id }, s.model.token);
    expect(asModel.model?.twin?.ownershipSplit).toEqual({ modelBps: 6000 });
  });
});

describe('a model', () => {
  it('cannot see another model, even of her own agency', async () => {
    const w = await twoBrandsBooked();
    const sister = await seedModel(app, w.s.agency);
    const res = await app.request(ModelByIdDocument, { id: sister.id }, w.s.model.token);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ model: null });
    const cal = await app.request(ModelCalendarDocument, { id: sister.id, ...window }, w.s.model.token);
    expect(cal.errors).toBeUndefined();
    expect(cal.data).toEqual({ model: null });
    const list = await app.gql(ModelsDocument, { first: 100 }, w.s.model.token);
    expect(list.models.edges.map((e) => e.node.id)).toEqual([w.s.model.id]);
  });

  it('sees every booking on her own calendar in full, whichever brand booked it', async () => {
    const w = await twoBrandsBooked();
    const res = await app.gql(ModelCalendarDocument, { id: w.s.model.id, ...window }, w.s.model.token);
    const entries = res.model!.calendar!.entries;
    expect(res.model!.calendar!.timeZone).toBe('Europe/Paris');
    const brand = { id: w.s.brand.id, name: w.brandName };
    const otherBrand = { id: w.s.otherBrand.id, name: w.otherName };
    expect(entries.map((e) => ({ bookingId: e.bookingId, busy: e.busy, booking: e.booking }))).toEqual([
      { bookingId: w.theirTwin, busy: false, booking: { id: w.theirTwin, title: w.theirTwinTitle, brand: otherBrand } },
      { bookingId: w.mine, busy: false, booking: { id: w.mine, title: w.mineTitle, brand } },
      { bookingId: w.theirs, busy: false, booking: { id: w.theirs, title: w.theirTitle, brand: otherBrand } },
      { bookingId: w.theirOption, busy: false, booking: { id: w.theirOption, title: w.theirTitle, brand: otherBrand } },
    ]);
  });
});

describe('an agency', () => {
  it('cannot see, read the calendar of, or book another agency’s model', async () => {
    const w = await twoBrandsBooked();
    const stranger = await seedAgency(app);

    const model = await app.request(ModelByIdDocument, { id: w.s.model.id }, stranger.token);
    expect(model.errors).toBeUndefined();
    expect(model.data).toEqual({ model: null });
    const cal = await app.request(ModelCalendarDocument, { id: w.s.model.id, ...window }, stranger.token);
    expect(cal.errors).toBeUndefined();
    expect(cal.data).toEqual({ model: null });
    const booking = await app.request(BookingByIdDocument, { id: w.mine }, stranger.token);
    expect(booking.data).toEqual({ booking: null });
    const list = await app.gql(ModelsDocument, { first: 100 }, stranger.token);
    expect(list.models.edges).toEqual([]);

    const physicalTry = (await app.gql(CreatePhysicalBookingDocument, { input: physical(w.s, 30, 32) }, stranger.token)).createPhysicalBooking;
    expect(physicalTry.booking).toBeNull();
    expect(physicalTry.userErrors).toEqual([expect.objectContaining({ code: 'MODEL_NOT_FOUND', field: ['input', 'modelId'] })]);
    const digitalTry = (await app.gql(CreateDigitalBookingDocument, { input: digital(w.s, 30, 32) }, stranger.token)).createDigitalBooking;
    expect(digitalTry.booking).toBeNull();
    expect(digitalTry.userErrors).toEqual([expect.objectContaining({ code: 'MODEL_NOT_FOUND', field: ['input', 'modelId'] })]);
    // Nothing was written behind the refusals.
    const all = await app.gql(BookingsDocument, { first: 100 }, w.s.agency.token);
    expect(all.bookings.edges).toHaveLength(4);
  });

  it('cannot call an admin-only mutation: createAgency and createBrand answer FORBIDDEN', async () => {
    const agency = await seedAgency(app);
    const created = (await app.gql(CreateAgencyDocument, { input: { name: 'Shadow agency' } }, agency.token)).createAgency;
    expect(created).toEqual({ agency: null, userErrors: [expect.objectContaining({ code: 'FORBIDDEN', field: null })] });
    const brand = (await app.gql(CreateBrandDocument, { input: { name: 'Shadow brand' } }, agency.token)).createBrand;
    expect(brand).toEqual({ brand: null, userErrors: [expect.objectContaining({ code: 'FORBIDDEN' })] });
  });
});

describe('an anonymous request', () => {
  const nobody = '00000000-0000-4000-8000-000000000000';
  it.each([
    ['models', () => app.request(ModelsDocument, { first: 5 }, null), null],
    ['model', () => app.request(ModelByIdDocument, { id: nobody }, null), { model: null }],
    ['bookings', () => app.request(BookingsDocument, { first: 5 }, null), null],
    ['booking', () => app.request(BookingByIdDocument, { id: nobody }, null), { booking: null }],
    ['createAgency', () => app.request(CreateAgencyDocument, { input: { name: 'Anon' } }, null), null],
  ])('to %s gets UNAUTHENTICATED', async (_name, send, data) => {
    const res = await send();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toEqual(data);
  });

  it('to a model calendar gets UNAUTHENTICATED and no bookings', async () => {
    const w = await twoBrandsBooked();
    const res = await app.request(ModelCalendarDocument, { id: w.s.model.id, ...window }, null);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(res.data).toEqual({ model: null });
  });
});

describe('a bad bearer token', () => {
  async function expect401(token: string) {
    const res = await app.request(ModelsDocument, { first: 5 }, token);
    expect(res.status).toBe(401);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
  }

  it('signed with another secret gets HTTP 401 UNAUTHENTICATED', async () => {
    await expect401(await signToken('another-secret-that-is-long-enough-9876543210', { role: Role.ADMIN }));
  });

  it('whose payload was changed after signing gets HTTP 401 UNAUTHENTICATED', async () => {
    const agency = await seedAgency(app);
    const [header, , signature] = agency.token.split('.');
    const claims = { ...decodeJwt(agency.token), role: 'ADMIN' };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    await expect401(forged);
    // The same token untouched works, so the refusal above is about the change.
    expect((await app.request(ModelsDocument, { first: 5 }, agency.token)).status).toBe(200);
  });

  it('that has expired gets HTTP 401 UNAUTHENTICATED', async () => {
    const agency = await seedAgency(app);
    // Same claims, issuer and audience as a good token: only the expiry differs.
    const { iss, aud, sub, role, agencyId } = decodeJwt(agency.token);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ role, agencyId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(iss!)
      .setAudience(aud!)
      .setSubject(sub!)
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    await expect401(expired);
  });

  it('that is not a JWT, or not a Bearer header, gets HTTP 401 UNAUTHENTICATED', async () => {
    await expect401('not-a-jwt');
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
