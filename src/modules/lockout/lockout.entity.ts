import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../common/ids';
import { Role } from '../../core/viewer';
import { Model } from '../model/model.entity';

/** Why the model blocked the time; told to her side only. */
export enum LockoutKind {
  HOLIDAY = 'HOLIDAY',
  ILLNESS = 'ILLNESS',
  TRAVEL = 'TRAVEL',
  OTHER_COMMITMENT = 'OTHER_COMMITMENT',
}
registerEnumType(LockoutKind, {
  name: 'LockoutKind',
  description: 'What keeps the model from physical work.',
  valuesConfig: {
    HOLIDAY: { description: 'Time off.' },
    ILLNESS: { description: 'A sick day or longer.' },
    TRAVEL: { description: 'Travelling, not for a booking here.' },
    OTHER_COMMITMENT: { description: 'Work or a commitment outside twinbook.' },
  },
});

/** Name of the index on (model, range) that "a lockout in force overlaps" questions use. */
export const LOCKOUT_WINDOW_INDEX = 'lockout_model_window_idx';

/**
 * The lockout row `alias` is in force (not removed) and its range overlaps the SQL range `range`. Written once, here,
 * for the one-statement booking write, its re-read of facts, confirmations and the calendar.
 */
export const lockoutInForceOverlapsSql = (alias: string, range: string): string =>
  `${alias}.removed_at is null and tstzrange(${alias}.start_at, ${alias}.end_at, '[)') && ${range}`;

@ObjectType({ description: "Time the model blocked for physical work (holiday, illness…), as her side sees it. Brands see it on her calendar only as busy." })
@Entity({ tableName: 'lockout' })
// Asked as a range overlap per model, like bookings (see lockoutInForceOverlapsSql).
@Index({
  name: LOCKOUT_WINDOW_INDEX,
  expression: `create index "${LOCKOUT_WINDOW_INDEX}" on "lockout" using gist ("model_id", tstzrange("start_at", "end_at", '[)'))`,
})
@Index({ properties: ['model', 'createdAt', 'id'] })
@Check({ name: 'lockout_range_valid', expression: 'end_at > start_at' })
@Check({
  name: 'lockout_removal_whole',
  expression: '(removed_at is null and removed_by_role is null) or (removed_at is not null and removed_by_role is not null)',
})
export class Lockout {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Model, { ref: true, deleteRule: 'restrict' })
  model!: Ref<Model>;

  @Field(() => LockoutKind, { description: 'What keeps her.' })
  @Enum({ items: () => LockoutKind })
  kind!: LockoutKind;

  @Field(() => String, { description: "Why, in her or her agency's words; never shown to brands." })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => Date, { description: 'Start (inclusive), an instant.' })
  @Property({ type: 'datetime', fieldName: 'start_at' })
  start!: Date;

  @Field(() => Date, { description: 'End (exclusive), an instant.' })
  @Property({ type: 'datetime', fieldName: 'end_at' })
  end!: Date;

  @Field(() => String, { nullable: true, description: 'Set when her agency placed it over confirmed physical work anyway: why.' })
  @Property({ type: 'text', nullable: true })
  overrideReason: string | null = null;

  @Field(() => Date, { description: 'When it was placed.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Role, { description: 'Role of who placed it.' })
  @Enum({ items: () => Role })
  createdByRole!: Role;

  @Field(() => ID, { nullable: true, description: 'The agency or model that placed it; null for an admin.' })
  @Property({ type: 'uuid', nullable: true })
  createdById: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was lifted; null while in force. A lifted lockout is kept for the record.' })
  @Property({ type: 'datetime', nullable: true })
  removedAt: Date | null = null;

  @Field(() => Role, { nullable: true, description: 'Role of who lifted it.' })
  @Enum({ items: () => Role, nullable: true })
  removedByRole: Role | null = null;

  @Field(() => ID, { nullable: true, description: 'The agency or model that lifted it; null for an admin.' })
  @Property({ type: 'uuid', nullable: true })
  removedById: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was lifted, as given.' })
  @Property({ type: 'text', nullable: true })
  removalReason: string | null = null;
}
