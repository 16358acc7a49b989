import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Check, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../common/ids';
import { Role } from '../../core/viewer';
import { Booking } from '../booking/booking.entity';

export enum DeliveryStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where a delivery of twin work stands: it counts as delivered, and is paid, only once approved.',
  valuesConfig: {
    SUBMITTED: { description: 'Submitted by the agency; waits for the model (or her agency, where her consent delegates it).' },
    APPROVED: { description: 'Approved: counts as delivered, and is paid at completion.' },
    REJECTED: { description: 'Rejected, with the reason; never paid. A corrected delivery is submitted anew.' },
  },
});

/** What the twin produced for a digital booking, submitted as one batch and approved or rejected as one. */
@ObjectType({ description: 'A batch of work the twin produced for a digital booking, and what the model (or her agency) made of it.' })
@Entity({ tableName: 'twin_delivery' })
@Index({ name: 'twin_delivery_booking_idx', properties: ['booking', 'submittedAt'] })
@Check({ name: 'twin_delivery_quantity_positive', expression: 'quantity > 0' })
@Check({ name: 'twin_delivery_rejection_has_reason', expression: "status <> 'REJECTED' or rejection_reason is not null" })
export class Delivery {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Booking, { ref: true, deleteRule: 'restrict' })
  booking!: Ref<Booking>;

  @Field(() => String, { description: 'Kind of deliverable: IMAGE, VIDEO…' })
  @Property({ type: 'text' })
  kind!: string;

  @Field(() => Int, { description: 'How many items of that kind.' })
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => String, { description: 'Where the produced assets are: a reference in the agency\'s asset store (a URL, a folder id).' })
  @Property({ type: 'text' })
  assetReference!: string;

  @Field(() => DeliveryStatus, { description: 'Submitted, approved or rejected.' })
  @Enum({ items: () => DeliveryStatus, nativeEnumName: 'delivery_status' })
  status: Opt<DeliveryStatus> = DeliveryStatus.SUBMITTED;

  @Field(() => Role, { description: 'Role of who submitted it.' })
  @Enum({ items: () => Role })
  submittedByRole!: Role;

  @Property({ type: 'uuid', nullable: true })
  submittedById: string | null = null;

  @Field(() => Date, { description: 'When it was submitted.' })
  @Property({ type: 'datetime' })
  submittedAt: Opt<Date> = new Date();

  @Field(() => Role, { nullable: true, description: 'Role of who approved or rejected it: the model, or her agency where her consent delegates it.' })
  @Enum({ items: () => Role, nullable: true })
  decidedByRole: Role | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidedById: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was approved or rejected.' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;
}
