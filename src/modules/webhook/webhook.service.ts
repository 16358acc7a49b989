import { isUuid } from '../../common/ids';
import { afterCreatedAt, createdAtCursor, pageSize, toConnection, type Connection } from '../../common/pagination';
import { fail, ok, userError, UserErrorCode, type Result, type UserError } from '../../common/user-error';
import { checkText } from '../../common/validate';
import { Action, can, mayEver, scopeFilter, scopeOf, type Facts } from '../../core/access-policy';
import { viewerOf, type RequestContext } from '../../core/context';
import { DOMAIN_EVENT_TYPES } from '../../core/events';
import { inTransaction } from '../../core/transaction';
import { Role, type Viewer } from '../../core/viewer';
import { Agency } from '../agency/agency.entity';
import { Brand } from '../brand/brand.entity';
import { webhookUrlRefusal } from './webhook-url';
import { newWebhookSecret } from './webhook-signing';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from './webhook.entity';
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookDeliveryListArgs } from './webhook.types';

/** The facts of an endpoint as the access policy reads them: whose it is. */
export const endpointFacts = (e: { agency: { id: string } | null; brand: { id: string } | null }): Facts =>
  e.agency ? { agencyId: e.agency.id } : { brandId: e.brand!.id };

/** The viewer an endpoint receives as: its owner, so that it is sent exactly what its owner may see. */
export function endpointViewer(e: { id: string; agencyId: string | null; brandId: string | null }): Viewer {
  const subject = `webhook-endpoint:${e.id}`;
  return e.agencyId ? { role: Role.AGENCY, subject, agencyId: e.agencyId } : { role: Role.BRAND, subject, brandId: e.brandId! };
}

const KNOWN_TYPES = new Set<string>(DOMAIN_EVENT_TYPES);

function checkEvents(events: string[], field: string[]): UserError | null {
  if (!events.length) return userError(UserErrorCode.INVALID_INPUT, 'name at least one event type', field);
  const unknown = events.findIndex((t) => !KNOWN_TYPES.has(t));
  if (unknown >= 0) {
    return userError(UserErrorCode.INVALID_INPUT, `"${events[unknown].slice(0, 50)}" is not an event type; one of ${DOMAIN_EVENT_TYPES.join(', ')}`, [...field, String(unknown)]);
  }
  return null;
}

function checkUrl(ctx: RequestContext, url: string, field: string[]): UserError | null {
  const refusal = webhookUrlRefusal(url.trim(), { allowHttpLoopback: ctx.config.webhookAllowHttpLoopback, allowPrivateNetworks: ctx.config.webhookAllowPrivateNetworks });
  return refusal ? userError(UserErrorCode.WEBHOOK_URL_NOT_ALLOWED, refusal, field) : null;
}

const endpointNotFound = (field: string[]) => fail(userError(UserErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, 'no such webhook endpoint of yours', field));

/** The endpoint if the viewer manages it; otherwise nothing, as if it did not exist. */
async function loadManaged(ctx: RequestContext, id: string): Promise<WebhookEndpoint | null> {
  const endpoint = isUuid(id) ? await ctx.em.findOne(WebhookEndpoint, id) : null;
  return endpoint && can(viewerOf(ctx), Action.MANAGE_WEBHOOKS, endpointFacts(endpoint)) ? endpoint : null;
}

/** Registers an endpoint of the viewer's agency or brand and gives its signing secret, once. */
export async function createWebhookEndpoint(ctx: RequestContext, input: CreateWebhookEndpointInput): Promise<Result<{ endpoint: WebhookEndpoint; secret: string }>> {
  const viewer = viewerOf(ctx);
  if ((viewer.role !== Role.AGENCY && viewer.role !== Role.BRAND) || !mayEver(viewer, Action.MANAGE_WEBHOOKS)) {
    return fail(userError(UserErrorCode.FORBIDDEN, 'a webhook endpoint belongs to an agency or a brand: register it with its token'));
  }
  const description = input.description ?? '';
  const error =
    checkUrl(ctx, input.url, ['input', 'url']) ??
    checkEvents(input.events, ['input', 'events']) ??
    (description ? checkText(description, ['input', 'description'], 200) : null);
  if (error) return fail(error);
  const secret = newWebhookSecret();
  const endpoint = ctx.em.create(WebhookEndpoint, {
    agency: viewer.role === Role.AGENCY ? ctx.em.getReference(Agency, viewer.agencyId) : null,
    brand: viewer.role === Role.BRAND ? ctx.em.getReference(Brand, viewer.brandId) : null,
    url: input.url.trim(),
    description: description.trim(),
    events: [...new Set(input.events)],
    secret,
  });
  await ctx.em.flush();
  return ok({ endpoint, secret });
}

/** Changes an endpoint of the viewer's: enabled, events, URL, description. */
export async function updateWebhookEndpoint(ctx: RequestContext, input: UpdateWebhookEndpointInput): Promise<Result<WebhookEndpoint>> {
  const error =
    (input.url != null ? checkUrl(ctx, input.url, ['input', 'url']) : null) ??
    (input.events != null ? checkEvents(input.events, ['input', 'events']) : null) ??
    (input.description ? checkText(input.description, ['input', 'description'], 200) : null);
  if (error) return fail(error);
  const endpoint = await loadManaged(ctx, input.id);
  if (!endpoint) return endpointNotFound(['input', 'id']);
  if (input.enabled != null) endpoint.enabled = input.enabled;
  if (input.events != null) endpoint.events = [...new Set(input.events)];
  if (input.url != null) endpoint.url = input.url.trim();
  if (input.description != null) endpoint.description = input.description.trim();
  endpoint.updatedAt = new Date();
  await ctx.em.flush();
  return ok(endpoint);
}

/** Deletes an endpoint of the viewer's with its deliveries: nothing more is sent to it. */
export async function deleteWebhookEndpoint(ctx: RequestContext, id: string): Promise<Result<string>> {
  const endpoint = await loadManaged(ctx, id);
  if (!endpoint) return endpointNotFound(['id']);
  await ctx.em.nativeDelete(WebhookEndpoint, { id: endpoint.id });
  return ok(endpoint.id);
}

/** Gives an endpoint of the viewer's a new signing secret, shown once; the old one signs nothing from now on. */
export async function rotateWebhookSecret(ctx: RequestContext, id: string): Promise<Result<{ endpoint: WebhookEndpoint; secret: string }>> {
  const endpoint = await loadManaged(ctx, id);
  if (!endpoint) return endpointNotFound(['id']);
  const secret = newWebhookSecret();
  Object.assign(endpoint, { secret, updatedAt: new Date() });
  await ctx.em.flush();
  return ok({ endpoint, secret });
}

/** The endpoints the viewer manages, oldest first: an agency's or a brand's own; an admin's, all. */
export async function listWebhookEndpoints(ctx: RequestContext, args: { first?: number | null; after?: string | null }): Promise<Connection<WebhookEndpoint>> {
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const scope = scopeFilter(scopeOf(viewerOf(ctx), Action.MANAGE_WEBHOOKS), { agencyId: 'agency', brandId: 'brand' });
  const rows = await ctx.em.find(WebhookEndpoint, { $and: [scope, afterCreatedAt(args.after)] }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
  return toConnection(rows, size, createdAtCursor, !!args.after);
}

/** An endpoint's delivery log, oldest queued first, optionally of one status: to whoever manages the endpoint. */
export async function endpointDeliveries(ctx: RequestContext, endpoint: WebhookEndpoint, args: WebhookDeliveryListArgs): Promise<Connection<WebhookDelivery> | null> {
  if (!can(viewerOf(ctx), Action.MANAGE_WEBHOOKS, endpointFacts(endpoint))) return null;
  const size = pageSize(args.first, ctx.config.maxPageSize);
  const rows = await ctx.em.find(
    WebhookDelivery,
    { $and: [{ endpoint: endpoint.id }, args.status ? { status: args.status } : {}, afterCreatedAt(args.after)] },
    { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 },
  );
  return toConnection(rows, size, createdAtCursor, !!args.after);
}

/**
 * Sends a delivery again, whatever its status: PENDING and due now, with a fresh round of attempts, the same event id
 * (a receiver that dedups by it sees the same event). Its earlier attempts stay in the log.
 */
export async function replayWebhookDelivery(ctx: RequestContext, id: string): Promise<Result<WebhookDelivery>> {
  const notFound = () => fail(userError(UserErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, 'no such delivery of your webhook endpoints', ['id']));
  if (!isUuid(id)) return notFound();
  return inTransaction(ctx, async (em) => {
    const delivery = await em.findOne(WebhookDelivery, id, { populate: ['endpoint'] });
    if (!delivery || !can(viewerOf(ctx), Action.MANAGE_WEBHOOKS, endpointFacts(delivery.endpoint.getEntity()))) return notFound();
    Object.assign(delivery, {
      status: WebhookDeliveryStatus.PENDING,
      attemptCount: 0,
      nextAttemptAt: new Date(),
      leaseUntil: null,
      claimToken: null,
      deliveredAt: null,
    });
    await em.flush();
    return ok(delivery);
  });
}
