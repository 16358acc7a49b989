import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../common/ids';
import { Agency } from '../agency/agency.entity';
import { Brand } from '../brand/brand.entity';

@ObjectType({ description: "A URL an agency or a brand registered to be sent signed webhooks of the events it chose, among those it may see. The signing secret is shown only when it is made (createWebhookEndpoint, rotateWebhookSecret)." })
@Entity()
@Index({ properties: ['agency'] })
@Index({ properties: ['brand'] })
@Check({ name: 'webhook_endpoint_one_owner', expression: '(agency_id is null) <> (brand_id is null)' })
export class WebhookEndpoint {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'cascade' })
  agency: Ref<Agency> | null = null;

  @ManyToOne(() => Brand, { ref: true, nullable: true, deleteRule: 'cascade' })
  brand: Ref<Brand> | null = null;

  @Field(() => String, { description: 'Where events are POSTed.' })
  @Property({ type: 'text' })
  url!: string;

  @Field(() => String, { description: 'What the owner calls it.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => [String], { description: 'The event types sent to it, e.g. booking.confirmed.' })
  @Property({ type: 'text[]' })
  events!: string[];

  @Field(() => Boolean, { description: 'False: nothing is sent to it (events that happen meanwhile are not queued for it).' })
  @Property({ type: 'boolean' })
  enabled: Opt<boolean> = true;

  /** The HMAC key, kept as is: signing needs the key itself, so it cannot be hashed. */
  @Property({ type: 'text' })
  secret!: string;

  @Field(() => Date, { description: 'When it was registered; only events that happen from then on are sent to it.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { description: 'When it was last changed (a new secret included).' })
  @Property({ type: 'datetime' })
  updatedAt: Opt<Date> = new Date();
}

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not yet accepted: waiting for its first attempt or for a retry.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every attempt failed; it is not tried again unless replayed.' },
  },
});

@ObjectType({ description: 'One event to be sent to one endpoint, with its attempts: the outbox row and the delivery log in one.' })
@Entity()
@Unique({ name: 'webhook_delivery_once', properties: ['endpoint', 'eventId'] })
// The worker's claim: due pending deliveries, oldest due first.
@Index({ name: 'webhook_delivery_due_index', properties: ['status', 'nextAttemptAt'] })
// Order per booking per endpoint: "is an earlier event of this booking still pending here?".
@Index({ name: 'webhook_delivery_booking_index', properties: ['endpoint', 'bookingId', 'eventSeq'] })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Stable identifier of the delivery (not of the event).' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => WebhookEndpoint, { ref: true, deleteRule: 'cascade' })
  endpoint!: Ref<WebhookEndpoint>;

  @Field(() => ID, { description: 'The event sent: the `id` of the body and the Twinbook-Event-Id header, the same on every attempt and replay.' })
  @Property({ type: 'uuid' })
  eventId!: string;

  @Field(() => String, { description: 'The event type, e.g. booking.confirmed.' })
  @Property({ type: 'text' })
  eventType!: string;

  /** The event's global order, for order per booking. */
  @Property({ type: 'bigint' })
  eventSeq!: string;

  @Property({ type: 'uuid', nullable: true })
  bookingId: string | null = null;

  @Field(() => WebhookDeliveryStatus, { description: 'PENDING, DELIVERED or FAILED.' })
  @Enum({ items: () => WebhookDeliveryStatus })
  status: Opt<WebhookDeliveryStatus> = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Property({ type: 'integer' })
  attemptCount: Opt<number> = 0;

  @Field(() => Date, { nullable: true, description: 'When it is next tried; null once delivered or failed.' })
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null = new Date();

  /** Held by a worker until then; a worker that died lets it go when it passes. */
  @Property({ type: 'datetime', nullable: true })
  leaseUntil: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  claimToken: string | null = null;

  @Field(() => Date, { description: 'When it was queued.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it.' })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;
}

@ObjectType({ description: 'One attempt at a webhook delivery, as the log keeps it.' })
@Entity()
@Index({ properties: ['delivery', 'attemptedAt'] })
export class WebhookAttempt {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => WebhookDelivery, { ref: true, deleteRule: 'cascade' })
  delivery!: Ref<WebhookDelivery>;

  @Field(() => Date, { description: 'When the request was sent.' })
  @Property({ type: 'datetime' })
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'The HTTP status the endpoint answered; null when it gave none (timeout, refused connection).' })
  @Property({ type: 'integer', nullable: true })
  httpStatus: number | null = null;

  @Field(() => Int, { description: 'How long the request took, in milliseconds.' })
  @Property({ type: 'integer' })
  durationMs!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed, in a line; null when it succeeded.' })
  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt was scheduled after this one; null when none was (delivered, or failed for good).' })
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null = null;
}
