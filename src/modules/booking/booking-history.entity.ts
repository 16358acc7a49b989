import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../common/ids';
import { Role } from '../../core/viewer';
import { BookingStatus } from './booking-status';
import { Booking } from './booking.entity';

@ObjectType({ description: 'One change of a booking: who, when, from what to what, and why.' })
@Entity()
@Index({ properties: ['booking', 'at'] })
export class BookingChange {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Booking, { ref: true, deleteRule: 'cascade' })
  booking!: Ref<Booking>;

  @Field(() => BookingStatus, { nullable: true, description: 'Status before; null when the booking was created.' })
  @Enum({ items: () => BookingStatus, nullable: true })
  fromStatus: BookingStatus | null = null;

  @Field(() => BookingStatus, { description: 'Status after.' })
  @Enum({ items: () => BookingStatus })
  toStatus!: BookingStatus;

  @Field(() => Role, { description: 'Role of who made the change; SYSTEM for automatic changes.' })
  @Enum({ items: () => Role })
  actorRole!: Role;

  @Field(() => ID, { nullable: true, description: 'The agency, brand or model acting; null for an admin or the system.' })
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why, as given.' })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => Date, { description: 'When.' })
  @Property({ type: 'datetime' })
  at: Opt<Date> = new Date();
}
