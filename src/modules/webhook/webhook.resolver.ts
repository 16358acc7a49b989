import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/pagination';
import { payload } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { attemptsByDeliveryLoader } from './webhook.loaders';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  endpointDeliveries,
  listWebhookEndpoints,
  replayWebhookDelivery,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from './webhook.service';
import {
  CreateWebhookEndpointInput,
  DeleteWebhookEndpointPayload,
  UpdateWebhookEndpointInput,
  WebhookDeliveryConnection,
  WebhookDeliveryListArgs,
  WebhookDeliveryPayload,
  WebhookEndpointConnection,
  WebhookEndpointPayload,
  WebhookSecretPayload,
} from './webhook.types';

const secretPayload = (result: Awaited<ReturnType<typeof rotateWebhookSecret>>): WebhookSecretPayload =>
  result.ok ? { ...result.value, userErrors: [] } : { endpoint: null, secret: null, userErrors: result.errors };

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Authorized()
  @Query(() => WebhookEndpointConnection, { description: "The webhook endpoints the viewer manages, oldest first: an agency's or a brand's own; an admin's, all." })
  webhookEndpoints(@Ctx() ctx: RequestContext, @Args(() => PageArgs) args: PageArgs): Promise<WebhookEndpointConnection> {
    return listWebhookEndpoints(ctx, args);
  }

  @Authorized()
  @Mutation(() => WebhookSecretPayload, {
    description: 'Registers a URL to be sent signed webhooks of the chosen event types, among the events the viewer (an agency or a brand) may see. Returns the signing secret, once.',
  })
  async createWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput): Promise<WebhookSecretPayload> {
    return secretPayload(await createWebhookEndpoint(ctx, input));
  }

  @Authorized()
  @Mutation(() => WebhookEndpointPayload, { description: 'Enables or disables an endpoint, or changes its event types, URL or description.' })
  async updateWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput): Promise<WebhookEndpointPayload> {
    return payload('endpoint', await updateWebhookEndpoint(ctx, input));
  }

  @Authorized()
  @Mutation(() => DeleteWebhookEndpointPayload, { description: 'Deletes an endpoint and its delivery log; nothing more is sent to it.' })
  async deleteWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<DeleteWebhookEndpointPayload> {
    return payload('deletedId', await deleteWebhookEndpoint(ctx, id));
  }

  @Authorized()
  @Mutation(() => WebhookSecretPayload, { description: 'Gives an endpoint a new signing secret, returned once; requests are signed with it from now on, retries included.' })
  async rotateWebhookSecret(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<WebhookSecretPayload> {
    return secretPayload(await rotateWebhookSecret(ctx, id));
  }

  @Authorized()
  @Mutation(() => WebhookDeliveryPayload, { description: 'Sends a delivery again (PENDING, due now, a fresh round of attempts), with the same event id.' })
  async replayWebhookDelivery(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<WebhookDeliveryPayload> {
    return payload('delivery', await replayWebhookDelivery(ctx, id));
  }

  @FieldResolver(() => WebhookDeliveryConnection, { nullable: true, description: "The endpoint's delivery log, oldest queued first; null to anyone who does not manage it." })
  deliveries(@Ctx() ctx: RequestContext, @Root() endpoint: WebhookEndpoint, @Args(() => WebhookDeliveryListArgs) args: WebhookDeliveryListArgs): Promise<WebhookDeliveryConnection | null> {
    return endpointDeliveries(ctx, endpoint, args);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttempt], { description: 'Every attempt so far, oldest first, replays included: when, the HTTP status, how long, why it failed, when the next was due.' })
  attempts(@Ctx() ctx: RequestContext, @Root() delivery: WebhookDelivery): Promise<WebhookAttempt[]> {
    return attemptsByDeliveryLoader(ctx).load(delivery.id);
  }
}
