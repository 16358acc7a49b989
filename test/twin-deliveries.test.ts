import {
  AcceptConsentProposalDocument,
  ApproveDeliveryDocument,
  BookingChargesDocument,
  BookingDeliveriesDocument,
  BrandStatementDocument,
  CompleteBookingDocument,
  CreateDigitalBookingDocument,
  ProposeConsentDocument,
  RejectDeliveryDocument,
  SubmitDeliveryDocument,
  type BookingDeliveriesQuery,
  type CreateDigitalBookingInput,
  type SubmitDeliveryInput,
} from './generated/graphql';
import { Role } from '../src/core/viewer';
import { OPEN_CONSENT, seedAgency, seedTwin, type Party, type Scenario } from './support/factories';
import { inHours, past, seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Ten images and a video ordered, e-commerce in France for two months; produced in the past, so it can be completed. */
function digital(s: Scenario, extra: Partial<CreateDigitalBookingInput> = {}): CreateDigitalBookingInput {
  return {
    modelId: s.model.id,
    brandId: s.brand.id,
    title: 'Twin catalogue',
    start: past(10),
    end: past(34),
    category: 'APPAREL',
    deliverables: [
      { kind: 'IMAGE', quantity: 10 },
      { kind: 'VIDEO', quantity: 1 },
    ],
    usage: { media: ['ECOMMERCE'], territories: ['FR'], start: '2030-06-05T00:00:00.000Z', end: '2030-08-05T00:00:00.000Z' },
    status: 'CONFIRMED',
    ...extra,
  };
}

async function twinJob(extra: Partial<CreateDigitalBookingInput> = {}): Promise<Scenario & { twinId: string; id: string }> {
  const s = await seedPricedScenario(app);
  const twinId = await seedTwin(app, s.agency, s.model.id);
  const res = (await app.gql(CreateDigitalBookingDocument, { input: digital(s, extra) }, s.agency.token)).createDigitalBooking;
  expect(res.userErrors).toEqual([]);
  return { ...s, twinId, id: res.booking!.id };
}

const submit = async (input: Omit<SubmitDeliveryInput, 'assetReference'> & { assetReference?: string }, token: string) =>
  (await app.gql(SubmitDeliveryDocument, { input: { assetReference: 'dam://catalogue/batch-1', ...input } }, token)).submitDelivery;
const approve = async (id: string, token: string) => (await app.gql(ApproveDeliveryDocument, { id }, token)).approveDelivery;
const reject = async (deliveryId: string, reason: string, token: string) => (await app.gql(RejectDeliveryDocument, { input: { deliveryId, reason } }, token)).rejectDelivery;
const complete = async (id: string, token: string) => (await app.gql(CompleteBookingDocument, { input: { id } }, token)).completeBooking;
type DigitalView = Extract<NonNullable<BookingDeliveriesQuery['booking']>, { deliveries: unknown }>;
const deliveriesOf = async (id: string, token: string) => (await app.gql(BookingDeliveriesDocument, { id }, token)).booking as DigitalView;
const codes = (res: { userErrors: { code: string }[] }) => res.userErrors.map((e) => e.code);

async function submitted(s: { agency: Party }, bookingId: string, kind: string, quantity: number): Promise<string> {
  const res = await submit({ bookingId, kind, quantity }, s.agency.token);
  expect(res.userErrors).toEqual([]);
  return res.delivery!.id;
}

describe('deliveries are submitted by the agency and approved or rejected by the model', () => {
  it('pays at completion for the approved items only, and the brand is charged exactly that', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const s = await twinJob();
    const images = await submitted(s, s.id, 'image', 6);
    const moreImages = await submitted(s, s.id, 'IMAGE', 3);
    const video = await submitted(s, s.id, 'VIDEO', 1);

    const approved = await approve(images, s.model.token);
    expect(approved.userErrors).toEqual([]);
    expect(approved.delivery).toMatchObject({ status: 'APPROVED', decidedByRole: 'MODEL', kind: 'IMAGE', quantity: 6 });
    expect((await approve(moreImages, s.model.token)).delivery?.status).toBe('APPROVED');
    const rejected = await reject(video, 'The hands are wrong in the second half.', s.model.token);
    expect(rejected.delivery).toMatchObject({ status: 'REJECTED', decidedByRole: 'MODEL', rejectionReason: 'The hands are wrong in the second half.' });

    // The brand sees what it gets, and why a delivery was turned down.
    const seen = await deliveriesOf(s.id, s.brand.token);
    expect(seen.deliveries!.map((d) => [d.kind, d.quantity, d.status, d.rejectionReason, d.assetReference])).toEqual([
      ['IMAGE', 6, 'APPROVED', null, 'dam://catalogue/batch-1'],
      ['IMAGE', 3, 'APPROVED', null, 'dam://catalogue/batch-1'],
      ['VIDEO', 1, 'REJECTED', 'The hands are wrong in the second half.', 'dam://catalogue/batch-1'],
    ]);

    const done = await complete(s.id, s.agency.token);
    expect(done.userErrors).toEqual([]);
    expect((await deliveriesOf(s.id, s.agency.token)).delivered).toEqual([{ kind: 'IMAGE', quantity: 9 }]);
    // PRICED_CARD: 9 images × 50.00 + ECOMMERCE 2 months × 100.00 = 650.00; no video, which was rejected.
    const money = (await app.gql(BookingChargesDocument, { id: s.id }, s.agency.token)).booking!;
    expect(money.charges?.total).toEqual({ amount: 65000, currency: 'EUR' });
    expect(money.charges?.lines.map((l) => l.description)).toEqual(['IMAGE × 9', 'ECOMMERCE usage, 2 months, FR']);
    expect(money.payouts.reduce((sum, p) => sum + p.amount.amount, 0)).toBe(65000);
    const statement = (await app.gql(BrandStatementDocument, { from, to: inHours(1) }, s.brand.token)).brandStatement!;
    expect(statement.charges).toEqual([{ bookingId: s.id, bookingType: 'DIGITAL', title: 'Twin catalogue', amount: { amount: 65000, currency: 'EUR' } }]);
  });

  it('refuses to complete with nothing approved, or with a delivered list given at completion', async () => {
    const s = await twinJob();
    const video = await submitted(s, s.id, 'VIDEO', 1);
    expect(await complete(s.id, s.agency.token)).toEqual({ booking: null, userErrors: [expect.objectContaining({ code: 'DELIVERY_NOT_APPROVED', field: ['input', 'id'] })] });
    expect((await reject(video, 'Off-brief.', s.model.token)).userErrors).toEqual([]);
    expect(codes(await complete(s.id, s.agency.token))).toEqual(['DELIVERY_NOT_APPROVED']);
    const declared = (await app.gql(CompleteBookingDocument, { input: { id: s.id, delivered: [{ kind: 'IMAGE', quantity: 10 }] } }, s.agency.token)).completeBooking;
    expect(declared.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'delivered'] })]);
    expect((await deliveriesOf(s.id, s.agency.token)).status).toBe('CONFIRMED');
  });
});

describe('who may submit and decide', () => {
  it('lets only her agency (or an admin) submit, and only her approve unless her consent delegates it', async () => {
    const s = await twinJob();
    const otherAgency = await seedAgency(app);
    expect(codes(await submit({ bookingId: s.id, kind: 'IMAGE', quantity: 1 }, s.model.token))).toEqual(['FORBIDDEN']);
    expect(codes(await submit({ bookingId: s.id, kind: 'IMAGE', quantity: 1 }, s.brand.token))).toEqual(['FORBIDDEN']);
    expect(codes(await submit({ bookingId: s.id, kind: 'IMAGE', quantity: 1 }, s.otherBrand.token))).toEqual(['BOOKING_NOT_FOUND']);
    expect(codes(await submit({ bookingId: s.id, kind: 'IMAGE', quantity: 1 }, otherAgency.token))).toEqual(['BOOKING_NOT_FOUND']);
    const id = await submitted(s, s.id, 'IMAGE', 2);

    expect(codes(await approve(id, s.agency.token))).toEqual(['FORBIDDEN']);
    expect(codes(await approve(id, await app.token({ role: Role.ADMIN })))).toEqual(['FORBIDDEN']);
    expect(codes(await approve(id, s.brand.token))).toEqual(['FORBIDDEN']);
    expect(codes(await approve(id, s.otherBrand.token))).toEqual(['DELIVERY_NOT_FOUND']);
    expect(codes(await approve(id, await app.token({ role: Role.MODEL, modelId: '00000000-0000-4000-8000-000000000001' })))).toEqual(['DELIVERY_NOT_FOUND']);
    expect((await deliveriesOf(s.id, s.agency.token)).deliveries!.map((d) => d.status)).toEqual(['SUBMITTED']);
    expect((await deliveriesOf(s.id, s.otherBrand.token))).toBeNull();

    // Delegating approval widens her consent: her agency proposes it, she accepts it, and then her agency may approve.
    const proposal = (await app.gql(ProposeConsentDocument, { input: { twinId: s.twinId, consentScope: { ...OPEN_CONSENT, approvalDelegatedToAgency: true } } }, s.agency.token)).proposeConsent;
    expect(proposal.consentVersion?.status).toBe('PROPOSED');
    expect(codes(await approve(id, s.agency.token))).toEqual(['FORBIDDEN']);
    expect((await app.gql(AcceptConsentProposalDocument, { input: { proposalId: proposal.consentVersion!.id } }, s.model.token)).acceptConsentProposal.userErrors).toEqual([]);
    const byAgency = await approve(id, s.agency.token);
    expect(byAgency.delivery).toMatchObject({ status: 'APPROVED', decidedByRole: 'AGENCY' });
  });

  it('decides a delivery once; takes deliveries only while the booking is confirmed; refuses a rejection without a reason', async () => {
    const s = await twinJob();
    const id = await submitted(s, s.id, 'IMAGE', 10);
    expect(codes(await reject(id, '   ', s.model.token))).toEqual(['INVALID_INPUT']);
    expect((await approve(id, s.model.token)).userErrors).toEqual([]);
    expect(codes(await approve(id, s.model.token))).toEqual(['DELIVERY_ALREADY_DECIDED']);
    expect(codes(await reject(id, 'Changed my mind.', s.model.token))).toEqual(['DELIVERY_ALREADY_DECIDED']);
    const late = await submitted(s, s.id, 'VIDEO', 1);
    expect((await complete(s.id, s.agency.token)).userErrors).toEqual([]);
    expect(codes(await submit({ bookingId: s.id, kind: 'VIDEO', quantity: 1 }, s.agency.token))).toEqual(['DELIVERY_NOT_OPEN']);
    expect(codes(await approve(late, s.model.token))).toEqual(['DELIVERY_NOT_OPEN']);

    const option = await twinJob({ status: 'OPTION' });
    expect(codes(await submit({ bookingId: option.id, kind: 'IMAGE', quantity: 1 }, option.agency.token))).toEqual(['DELIVERY_NOT_OPEN']);
    expect(codes(await submit({ bookingId: option.id, kind: 'IMAGE', quantity: 0 }, option.agency.token))).toEqual(['INVALID_INPUT']);
  });
});
