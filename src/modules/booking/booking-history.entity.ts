import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../common/ids';
import { Role } from '../../core/viewer';
import { BookingStatus } from './booking-status';
import { Booking } from './booking.entity';

/** What a history line records: a change of status, or a move to another time. */
export enum BookingChangeKind {
  STATUS = 'STATUS',
  RESCHEDULE = 'RESCHEDULE',
  POSTPONEMENT = 'POSTPONEMENT',
}
registerEnumType(BookingChangeKind, {
  name: 'BookingChangeKind',
  description: 'What a history line records.',
  valuesConfig: {
    STATUS: { description: 'A change of status (the booking placed, confirmed, released…).' },
    RESCHEDULE: { description: 'The booking moved to another time; its status stays.' },
    POSTPONEMENT: { description: 'A confirmed job postponed for weather; the brand pays the postponement fee of its deal memo.' },
  },
});

@ObjectType({ description: 'One change of a booking: who, when, from what to what, and why.' })
@Entity()
@Index({ properties: ['booking', 'at'] })
// A move says where from and where to; a change of status says neither.
@Check({
  name: 'booking_change_move_times',
  expression:
    "(kind = 'STATUS' and from_start is null and from_end is null and to_start is null and to_end is null) " +
    "or (kind <> 'STATUS' and from_start is not null and from_end is not null and to_start is not null and to_end is not null)",
})
export class BookingChange {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Booking, { ref: true, deleteRule: 'cascade' })
  booking!: Ref<Booking>;

  @Field(() => BookingChangeKind, { description: 'A change of status, a reschedule or a postponement.' })
  // The database fills it in for the lines the booking write inserts by hand: they are changes of status.
  @Enum({ items: () => BookingChangeKind, default: BookingChangeKind.STATUS })
  kind: Opt<BookingChangeKind> = BookingChangeKind.STATUS;

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

  @Field(() => Date, { nullable: true, description: 'For a reschedule or a postponement: the start before the move; null otherwise.' })
  @Property({ type: 'datetime', nullable: true })
  fromStart: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'For a reschedule or a postponement: the end before the move; null otherwise.' })
  @Property({ type: 'datetime', nullable: true })
  fromEnd: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'For a reschedule or a postponement: the start after the move; null otherwise.' })
  @Property({ type: 'datetime', nullable: true })
  toStart: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'For a reschedule or a postponement: the end after the move; null otherwise.' })
  @Property({ type: 'datetime', nullable: true })
  toEnd: Date | null = null;

  @Field(() => Date, { description: 'When.' })
  @Property({ type: 'datetime' })
  at: Opt<Date> = new Date();
}
