import { Entity, Index, JsonType, ManyToOne, PrimaryKey, Property, type Ref, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../common/ids';
import { Agency } from '../agency/agency.entity';
import type { ModelAttributeValues } from './model-attributes';

@ObjectType({ description: 'A fashion model: the person who is booked in person, and whose digital twin may be booked.', simpleResolvers: true })
@Entity()
@Index({ properties: ['agency', 'createdAt', 'id'] })
// Attribute filters are containments (see model-attributes.ts); declared here so the schema diff keeps the index.
@Index({ name: 'model_attributes_idx', expression: 'create index "model_attributes_idx" on "model" using gin ("attributes" jsonb_path_ops)' })
export class Model {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict' })
  agency!: Ref<Agency>;

  /** The agency that discovered her and takes a share of the agency commission. */
  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict' })
  motherAgency?: Ref<Agency> | null;

  @Field(() => String, { description: 'Name the model works under.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'Home time zone, an IANA name such as Europe/Paris.' })
  @Property({ type: 'text' })
  timeZone!: string;

  @Field(() => String, { description: 'City the model is based in.' })
  @Property({ type: 'text' })
  baseCity!: string;

  /**
   * Bumped by every lockout placed on her: a write to this row, so that physical writes holding it FOR SHARE wait for
   * the lockout and see it (see lockout.service.ts), and remembered terms of her (read with the row's xmin) go stale.
   */
  @Property({ type: 'integer', default: 0 })
  scheduleVersion: Opt<number> = 0;

  /** What her agency publishes about her, in the vocabulary of model-attributes.ts. */
  @Property({ type: JsonType, defaultRaw: `'{}'` })
  attributes: Opt<ModelAttributeValues> = {};

  @Field(() => Date, { description: 'When the model was created.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
