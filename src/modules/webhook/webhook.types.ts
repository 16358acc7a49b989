import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from './webhook.entity';

@InputType({ description: 'A new webhook endpoint of the viewer (an agency or a brand).' })
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'Where to POST events: https (plain http only to this machine, outside production), no credentials, no private address.' })
  url!: string;

  @Field(() => [String], { description: 'The event types to send, e.g. ["booking.created", "booking.confirmed"]; see the README for the list.' })
  events!: string[];

  @Field(() => String, { nullable: true, description: 'What the owner calls it (up to 200 characters).' })
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook endpoint; what is left out stays as it is.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: 'The endpoint.' })
  id!: string;

  @Field(() => Boolean, { nullable: true, description: 'False stops sending to it (and queues nothing for it meanwhile); true resumes.' })
  enabled?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'The event types to send from now on.' })
  events?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A new URL, checked as at creation.' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'A new description.' })
  description?: string | null;
}

@ObjectType({ description: 'Result of createWebhookEndpoint and rotateWebhookSecret: the endpoint and its signing secret, shown this once.' })
export class WebhookSecretPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: 'The endpoint; null when nothing changed.' })
  endpoint!: WebhookEndpoint | null;

  @Field(() => String, { nullable: true, description: 'The signing secret (whsec_…): verify Twinbook-Signature with it. Not shown again.' })
  secret!: string | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of updateWebhookEndpoint.' })
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true, description: 'The endpoint as it now stands; null when nothing changed.' })
  endpoint!: WebhookEndpoint | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of deleteWebhookEndpoint.' })
export class DeleteWebhookEndpointPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the endpoint deleted, with its deliveries; null when nothing was.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of replayWebhookDelivery.' })
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The delivery, PENDING again; null when nothing changed.' })
  delivery!: WebhookDelivery | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

export const WebhookEndpointConnection = ConnectionType(WebhookEndpoint, 'WebhookEndpoint');
export type WebhookEndpointConnection = InstanceType<typeof WebhookEndpointConnection>;

export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');
export type WebhookDeliveryConnection = InstanceType<typeof WebhookDeliveryConnection>;

@ArgsType()
export class WebhookDeliveryListArgs extends PageArgs {
  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this status.' })
  status?: WebhookDeliveryStatus | null;
}
