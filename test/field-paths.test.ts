import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  buildSchema,
  type DocumentNode,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  valueFromASTUntyped,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AcceptConsentProposalDocument,
  ApproveDeliveryDocument,
  DeclineConsentProposalDocument,
  NarrowConsentDocument,
  ProposeConsentDocument,
  RejectDeliveryDocument,
  SubmitDeliveryDocument,
  WithdrawConsentProposalDocument,
  ApprovePayoutsDocument,
  CancelBookingDocument,
  CompleteBookingDocument,
  ConfirmBookingDocument,
  ChallengeOptionDocument,
  CreateAgencyDocument,
  CreateCalendarFeedDocument,
  CreateBrandDocument,
  CreateCampaignDocument,
  CreateDigitalBookingDocument,
  CreateDigitalTwinDocument,
  CreateLockoutDocument,
  CreateModelDocument,
  CreatePhysicalBookingDocument,
  MarkPayoutsPaidDocument,
  PostponeBookingDocument,
  RemoveLockoutDocument,
  RescheduleBookingDocument,
  RevokeCalendarFeedDocument,
  ScheduleCampaignDocument,
  SetModelAttributesDocument,
  SetRateCardDocument,
  UpdateDigitalTwinDocument,
  CreateWebhookEndpointDocument,
  DeleteWebhookEndpointDocument,
  ReplayWebhookDeliveryDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookEndpointDocument,
} from './generated/graphql';
import { completedBooking } from './support/books';
import { at, confirmedPhysical, OPEN_CONSENT, seedTwin, type Scenario } from './support/factories';
import { DEFAULT_CARD, past, seedPricedScenario } from './support/money';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let s: Scenario;
let twinId: string;
let futureBooking: string;
let payoutIds: string[];
let campaignId: string;
beforeAll(async () => {
  app = await startTestApp();
  s = await seedPricedScenario(app);
  twinId = await seedTwin(app, s.agency, s.model.id);
  const created = await app.gql(CreatePhysicalBookingDocument, { input: confirmedPhysical(s, 9, 17) }, s.agency.token);
  expect(created.createPhysicalBooking.userErrors).toEqual([]);
  futureBooking = created.createPhysicalBooking.booking!.id;
  const done = await completedBooking(app, s, past(9), past(17));
  payoutIds = (await app.orm.em.getConnection().execute<{ id: string }[]>('select id from payout where booking_id = ? order by party', [done])).map((r) => r.id);
  const campaign = await app.gql(CreateCampaignDocument, { input: { name: 'Launch', budget: { amount: 100_000, currency: 'EUR' }, start: at(0), end: at(24 * 30) } }, s.brand.token);
  campaignId = campaign.createCampaign.campaign!.id;
});
afterAll(() => app.close());

const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
const mutations = schema.getMutationType()!.getFields();

/** The values a request sent for its mutation's arguments: literals as written, variables as given. */
function sentArguments(doc: DocumentNode, variables: Record<string, unknown>): { name: string; args: Record<string, unknown> } {
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const field = operation.selectionSet.selections.find((f) => f.kind === Kind.FIELD)!;
  if (field.kind !== Kind.FIELD) throw new Error('no mutation field');
  const args = Object.fromEntries((field.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));
  return { name: field.name.value, args };
}

/**
 * Where a path stops resolving, or null when it resolves: its first step must be an argument of the mutation that the
 * request sent, every later step a field of that input type (or an index into a list) that the request sent too.
 * `missing`: the last step names a field the schema leaves optional that this request needed and left out, which
 * must still be a field of the input the request sent.
 */
function unresolved(mutation: string, sent: Record<string, unknown>, path: string[], missing = false): string | null {
  const [argName, ...rest] = path;
  const arg = mutations[mutation].args.find((a) => a.name === argName);
  if (!arg) return `${mutation} has no argument ${argName}`;
  let type: GraphQLInputType = arg.type;
  let value: unknown = sent[argName];
  if (value === undefined || value === null) return `the request sent no ${argName}`;
  for (const [i, step] of rest.entries()) {
    const at = [argName, ...rest.slice(0, i + 1)].join('.');
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (!/^\d+$/.test(step) || !Array.isArray(value) || Number(step) >= value.length) return `${at} is no index the request sent`;
      type = nullable.ofType;
      value = value[Number(step)];
    } else if (isInputObjectType(nullable)) {
      const field = nullable.getFields()[step];
      if (!field) return `${getNamedType(nullable).name} has no field ${step}`;
      value = (value as Record<string, unknown>)[step];
      if (value === undefined || value === null) return missing && i === rest.length - 1 ? null : `the request sent no ${at}`;
      type = field.type;
    } else {
      return `${at} goes past a ${String(nullable)}`;
    }
  }
  return null;
}

interface Case {
  refusal: string;
  doc: DocumentNode;
  variables: () => Record<string, unknown>;
  token: () => string;
  code: string;
  field: string[];
  /** The refusal is that the request left out a field it needed (optional in the schema for other viewers). */
  missing?: boolean;
}

const physical = () => ({ modelId: s.model.id, title: 'Shoot', start: at(100), end: at(108), location: { name: 'Studio', timeZone: 'Europe/Paris' } });
const digital = () => ({
  modelId: s.model.id,
  title: 'Twin work',
  start: at(200),
  end: at(224),
  deliverables: [{ kind: 'IMAGE', quantity: 2 }],
  category: 'APPAREL',
  usage: { media: ['ECOMMERCE'], territories: ['EU'], start: at(240), end: at(24 * 60) },
});

/** One representative refusal of every mutation, and a few more where a path runs through lists and nested inputs. */
const CASES: Case[] = [
  { refusal: 'createAgency with a blank name', doc: CreateAgencyDocument, variables: () => ({ input: { name: '  ' } }), token: () => app.adminToken, code: 'INVALID_INPUT', field: ['input', 'name'] },
  {
    refusal: 'setModelAttributes with a value outside the vocabulary',
    doc: SetModelAttributesDocument,
    variables: () => ({ modelId: s.model.id, attributes: [{ key: 'height_cm', value: '180' }, { key: 'hair', value: 'PURPLE' }] }),
    token: () => s.agency.token,
    code: 'INVALID_INPUT',
    field: ['attributes', '1', 'value'],
  },
  { refusal: 'createBrand with a blank name', doc: CreateBrandDocument, variables: () => ({ input: { name: '' } }), token: () => app.adminToken, code: 'INVALID_INPUT', field: ['input', 'name'] },
  {
    refusal: 'createModel with an unknown time zone',
    doc: CreateModelDocument,
    variables: () => ({ input: { name: 'Nora', timeZone: 'Mars/Olympus', baseCity: 'Oslo' } }),
    token: () => s.agency.token,
    code: 'INVALID_TIME_ZONE',
    field: ['input', 'timeZone'],
  },
  {
    refusal: 'createDigitalTwin with a split that does not sum to the whole',
    doc: CreateDigitalTwinDocument,
    variables: () => ({ input: { modelId: s.model.id, ownershipSplit: { modelBps: 6000, agencyBps: 3000, platformBps: 500 }, consentScope: OPEN_CONSENT } }),
    token: () => s.agency.token,
    code: 'INVALID_SPLIT',
    field: ['input', 'ownershipSplit'],
  },
  {
    refusal: 'updateDigitalTwin of an unknown twin',
    doc: UpdateDigitalTwinDocument,
    variables: () => ({ input: { twinId: randomUUID(), status: 'PAUSED' } }),
    token: () => s.agency.token,
    code: 'TWIN_NOT_FOUND',
    field: ['input', 'twinId'],
  },
  {
    refusal: 'updateDigitalTwin with a consent scope excluding a brand by a malformed id',
    doc: UpdateDigitalTwinDocument,
    variables: () => ({ input: { twinId, consentScope: { ...OPEN_CONSENT, excludedBrandIds: [s.brand.id, 'nope'] } } }),
    token: () => s.agency.token,
    code: 'INVALID_INPUT',
    field: ['input', 'consentScope', 'excludedBrandIds', '1'],
  },
  {
    refusal: 'setRateCard with a cancellation band over the whole',
    doc: SetRateCardDocument,
    variables: () => ({ input: { ...DEFAULT_CARD, cancellationBands: [{ noticeHours: 24, bps: 10000 }, { noticeHours: 48, bps: 20000 }] } }),
    token: () => s.agency.token,
    code: 'INVALID_INPUT',
    field: ['input', 'cancellationBands', '1', 'bps'],
  },
  {
    refusal: 'createPhysicalBooking over a confirmed booking',
    doc: CreatePhysicalBookingDocument,
    variables: () => ({ input: confirmedPhysical(s, 10, 12) }),
    token: () => s.agency.token,
    code: 'PHYSICAL_CLASH',
    field: ['input', 'start'],
  },
  {
    refusal: 'createPhysicalBooking by an agency that names no brand',
    doc: CreatePhysicalBookingDocument,
    variables: () => ({ input: physical() }),
    token: () => s.agency.token,
    code: 'INVALID_INPUT',
    field: ['input', 'brandId'],
    missing: true,
  },
  {
    refusal: 'createModel by an admin that names no agency',
    doc: CreateModelDocument,
    variables: () => ({ input: { name: 'Nora', timeZone: 'Europe/Oslo', baseCity: 'Oslo' } }),
    token: () => app.adminToken,
    code: 'INVALID_INPUT',
    field: ['input', 'agencyId'],
    missing: true,
  },
  {
    refusal: 'createPhysicalBooking with too much travel',
    doc: CreatePhysicalBookingDocument,
    variables: () => ({ input: { ...physical(), travelBeforeMinutes: 5000 } }),
    token: () => s.brand.token,
    code: 'INVALID_INPUT',
    field: ['input', 'travelBeforeMinutes'],
  },
  {
    refusal: 'createDigitalBooking for a medium outside consent',
    doc: CreateDigitalBookingDocument,
    variables: () => ({ input: { ...digital(), usage: { ...digital().usage, media: ['TV'] } } }),
    token: () => s.brand.token,
    code: 'CONSENT_NOT_COVERED',
    field: ['input', 'usage', 'media'],
  },
  {
    refusal: 'createDigitalBooking with a blank deliverable kind',
    doc: CreateDigitalBookingDocument,
    variables: () => ({ input: { ...digital(), deliverables: [{ kind: 'IMAGE', quantity: 1 }, { kind: ' ', quantity: 1 }] } }),
    token: () => s.brand.token,
    code: 'INVALID_INPUT',
    field: ['input', 'deliverables', '1', 'kind'],
  },
  {
    refusal: 'createCalendarFeed of a model of another agency',
    doc: CreateCalendarFeedDocument,
    variables: () => ({ input: { modelId: randomUUID() } }),
    token: () => s.agency.token,
    code: 'MODEL_NOT_FOUND',
    field: ['input', 'modelId'],
  },
  {
    refusal: 'createWebhookEndpoint to a plain http URL elsewhere than this machine',
    doc: CreateWebhookEndpointDocument,
    variables: () => ({ input: { url: 'http://hooks.example.com/twinbook', events: ['booking.created'] } }),
    token: () => s.agency.token,
    code: 'WEBHOOK_URL_NOT_ALLOWED',
    field: ['input', 'url'],
  },
  {
    refusal: 'updateWebhookEndpoint of an unknown endpoint',
    doc: UpdateWebhookEndpointDocument,
    variables: () => ({ input: { id: randomUUID(), enabled: false } }),
    token: () => s.agency.token,
    code: 'WEBHOOK_ENDPOINT_NOT_FOUND',
    field: ['input', 'id'],
  },
  { refusal: 'deleteWebhookEndpoint of an unknown endpoint', doc: DeleteWebhookEndpointDocument, variables: () => ({ id: randomUUID() }), token: () => s.brand.token, code: 'WEBHOOK_ENDPOINT_NOT_FOUND', field: ['id'] },
  { refusal: 'rotateWebhookSecret of an unknown endpoint', doc: RotateWebhookSecretDocument, variables: () => ({ id: randomUUID() }), token: () => s.brand.token, code: 'WEBHOOK_ENDPOINT_NOT_FOUND', field: ['id'] },
  { refusal: 'replayWebhookDelivery of an unknown delivery', doc: ReplayWebhookDeliveryDocument, variables: () => ({ id: randomUUID() }), token: () => s.agency.token, code: 'WEBHOOK_DELIVERY_NOT_FOUND', field: ['id'] },
  { refusal: 'revokeCalendarFeed of an unknown feed', doc: RevokeCalendarFeedDocument, variables: () => ({ id: randomUUID() }), token: () => s.agency.token, code: 'NOT_FOUND', field: ['id'] },
  {
    refusal: 'createLockout with a blank reason',
    doc: CreateLockoutDocument,
    variables: () => ({ input: { modelId: s.model.id, start: at(300), end: at(310), kind: 'HOLIDAY', reason: ' ' } }),
    token: () => s.agency.token,
    code: 'INVALID_INPUT',
    field: ['input', 'reason'],
  },
  { refusal: 'removeLockout of an unknown lockout', doc: RemoveLockoutDocument, variables: () => ({ input: { id: randomUUID() } }), token: () => s.agency.token, code: 'NOT_FOUND', field: ['input', 'id'] },
  {
    refusal: 'challengeOption of an unknown option',
    doc: ChallengeOptionDocument,
    variables: () => ({ input: { id: randomUUID(), onBehalfOf: randomUUID(), deadline: at(50) } }),
    token: () => s.agency.token,
    code: 'BOOKING_NOT_FOUND',
    field: ['input', 'id'],
  },
  {
    refusal: 'rescheduleBooking with a negative travel time',
    doc: RescheduleBookingDocument,
    variables: () => ({ input: { id: futureBooking, start: at(400), end: at(404), travelBeforeMinutes: -5 } }),
    token: () => s.agency.token,
    code: 'INVALID_INPUT',
    field: ['input', 'travelBeforeMinutes'],
  },
  {
    refusal: 'postponeBooking with a blank reason',
    doc: PostponeBookingDocument,
    variables: () => ({ input: { id: futureBooking, start: at(400), end: at(404), reason: ' ' } }),
    token: () => s.agency.token,
    code: 'INVALID_INPUT',
    field: ['input', 'reason'],
  },
  { refusal: 'narrowConsent of an unknown twin', doc: NarrowConsentDocument, variables: () => ({ input: { twinId: randomUUID(), consentScope: OPEN_CONSENT } }), token: () => s.agency.token, code: 'TWIN_NOT_FOUND', field: ['input', 'twinId'] },
  { refusal: 'proposeConsent for an unknown twin', doc: ProposeConsentDocument, variables: () => ({ input: { twinId: randomUUID(), consentScope: OPEN_CONSENT } }), token: () => s.agency.token, code: 'TWIN_NOT_FOUND', field: ['input', 'twinId'] },
  { refusal: 'acceptConsentProposal of an unknown proposal', doc: AcceptConsentProposalDocument, variables: () => ({ input: { proposalId: randomUUID() } }), token: () => s.model.token, code: 'CONSENT_PROPOSAL_NOT_FOUND', field: ['input', 'proposalId'] },
  { refusal: 'declineConsentProposal of an unknown proposal', doc: DeclineConsentProposalDocument, variables: () => ({ input: { proposalId: randomUUID() } }), token: () => s.model.token, code: 'CONSENT_PROPOSAL_NOT_FOUND', field: ['input', 'proposalId'] },
  { refusal: 'withdrawConsentProposal of an unknown proposal', doc: WithdrawConsentProposalDocument, variables: () => ({ input: { proposalId: randomUUID() } }), token: () => s.agency.token, code: 'CONSENT_PROPOSAL_NOT_FOUND', field: ['input', 'proposalId'] },
  {
    refusal: 'submitDelivery for an unknown booking',
    doc: SubmitDeliveryDocument,
    variables: () => ({ input: { bookingId: randomUUID(), kind: 'IMAGE', quantity: 1, assetReference: 'dam://shoot/1' } }),
    token: () => s.agency.token,
    code: 'BOOKING_NOT_FOUND',
    field: ['input', 'bookingId'],
  },
  { refusal: 'approveDelivery of an unknown delivery', doc: ApproveDeliveryDocument, variables: () => ({ id: randomUUID() }), token: () => s.model.token, code: 'DELIVERY_NOT_FOUND', field: ['id'] },
  { refusal: 'rejectDelivery of an unknown delivery', doc: RejectDeliveryDocument, variables: () => ({ input: { deliveryId: randomUUID(), reason: 'blurred' } }), token: () => s.model.token, code: 'DELIVERY_NOT_FOUND', field: ['input', 'deliveryId'] },
  { refusal: 'confirmBooking of an unknown booking', doc: ConfirmBookingDocument, variables: () => ({ id: randomUUID() }), token: () => s.agency.token, code: 'BOOKING_NOT_FOUND', field: ['id'] },
  {
    refusal: 'cancelBooking with a blank reason',
    doc: CancelBookingDocument,
    variables: () => ({ id: futureBooking, reason: '  ' }),
    token: () => s.agency.token,
    code: 'INVALID_INPUT',
    field: ['reason'],
  },
  {
    refusal: 'completeBooking before its work has started',
    doc: CompleteBookingDocument,
    variables: () => ({ input: { id: futureBooking } }),
    token: () => s.agency.token,
    code: 'BOOKING_NOT_STARTED',
    field: ['input', 'id'],
  },
  {
    refusal: 'approvePayouts with an unknown line second',
    doc: ApprovePayoutsDocument,
    variables: () => ({ ids: [payoutIds[0], randomUUID()] }),
    token: () => s.agency.token,
    code: 'PAYOUT_NOT_FOUND',
    field: ['ids', '1'],
  },
  {
    refusal: 'createCampaign with a budget in no currency',
    doc: CreateCampaignDocument,
    variables: () => ({ input: { name: 'Launch', budget: { amount: 1000, currency: 'euros' }, start: at(0), end: at(24) } }),
    token: () => s.brand.token,
    code: 'INVALID_INPUT',
    field: ['input', 'budget', 'currency'],
  },
  {
    refusal: 'scheduleCampaign into an unknown campaign',
    doc: ScheduleCampaignDocument,
    variables: () => ({ input: { campaignId: randomUUID(), lines: [{ physical: physical() }] } }),
    token: () => s.brand.token,
    code: 'CAMPAIGN_NOT_FOUND',
    field: ['input', 'campaignId'],
  },
  {
    refusal: 'scheduleCampaign with a second line over a confirmed booking',
    doc: ScheduleCampaignDocument,
    variables: () => ({ input: { campaignId, lines: [{ digital: digital() }, { physical: { ...physical(), start: at(10), end: at(12) } }], dryRun: true } }),
    token: () => s.brand.token,
    code: 'PHYSICAL_CLASH',
    field: ['input', 'lines', '1', 'physical', 'start'],
  },
  {
    refusal: 'markPayoutsPaid of a line not yet approved',
    doc: MarkPayoutsPaidDocument,
    variables: () => ({ input: { ids: payoutIds, externalReference: 'SEPA-1' } }),
    token: () => s.agency.token,
    code: 'TRANSITION_NOT_ALLOWED',
    field: ['input', 'ids', '0'],
  },
];

describe('every refusal names an argument the request sent', () => {
  it('covers every mutation of the schema', () => {
    const covered = new Set(CASES.map((c) => sentArguments(c.doc, c.variables()).name));
    expect([...covered].sort()).toEqual(Object.keys(mutations).sort());
  });

  it.each(CASES.map((c) => [c.refusal, c] as const))('%s', async (_refusal, c) => {
    const variables = c.variables();
    const res = await app.request(c.doc as TypedDocumentNode<unknown, Record<string, unknown>>, variables, c.token());
    expect(res.errors).toBeUndefined();
    const { name, args } = sentArguments(c.doc, variables);
    const payload = (res.data as Record<string, { userErrors: { code: string; field: string[] | null }[] }>)[name];
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([[c.code, c.field]]);
    for (const error of payload.userErrors) expect([error.field, unresolved(name, args, error.field ?? [], c.missing)]).toEqual([error.field, null]);
  });
});

describe('the path check itself', () => {
  // The check must be able to say no, or the walk above proves nothing.
  it.each<[string, Record<string, unknown>, string[]]>([
    ['approvePayouts', { ids: ['a'] }, ['input', 'ids']],
    ['approvePayouts', { ids: ['a'] }, ['ids', '1']],
    ['createPhysicalBooking', { input: { modelId: 'x' } }, ['input', 'brandId']],
    ['createPhysicalBooking', { input: { modelId: 'x' } }, ['input', 'nope']],
    ['setRateCard', { input: { cancellationBands: [{ bps: 1 }] } }, ['input', 'cancellationBands', 'x']],
    ['confirmBooking', { id: 'x' }, ['id', 'more']],
    ['cancelBooking', { id: 'x', reason: 'r' }, []],
  ])('%s %j does not resolve %j', (mutation, sent, path) => {
    expect(unresolved(mutation, sent, path)).not.toBeNull();
  });

  it('lets a left-out field through only as the last step, and only when it is a field of the input', () => {
    expect(unresolved('createPhysicalBooking', { input: { modelId: 'x' } }, ['input', 'brandId'], true)).toBeNull();
    expect(unresolved('createPhysicalBooking', { input: { modelId: 'x' } }, ['input', 'nope'], true)).not.toBeNull();
    expect(unresolved('createDigitalBooking', { input: { modelId: 'x' } }, ['input', 'usage', 'media'], true)).not.toBeNull();
  });
});
