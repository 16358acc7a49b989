import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../common/ids';
import { Role } from '../../core/viewer';
import { Agency } from '../agency/agency.entity';
import { Brand } from '../brand/brand.entity';
import { Model } from '../model/model.entity';

export enum FeedScope {
  MODEL = 'MODEL',
  AGENCY = 'AGENCY',
  BRAND = 'BRAND',
}
registerEnumType(FeedScope, {
  name: 'FeedScope',
  description: 'Whose calendar a feed carries.',
  valuesConfig: {
    MODEL: { description: "One model's calendar, as she sees it." },
    AGENCY: { description: "Every booking of an agency's models, as the agency sees them." },
    BRAND: { description: "A brand's own bookings." },
  },
});

@ObjectType({ description: 'A secret iCalendar feed URL a calendar app subscribes to. The token is shown once, at creation; only its hash is kept.' })
@Entity()
@Index({ properties: ['model'] })
@Index({ properties: ['agency'] })
@Index({ properties: ['brand'] })
@Check({
  name: 'calendar_feed_owner',
  expression:
    "(scope = 'MODEL' and model_id is not null and agency_id is null and brand_id is null) or " +
    "(scope = 'AGENCY' and agency_id is not null and model_id is null and brand_id is null) or " +
    "(scope = 'BRAND' and brand_id is not null and model_id is null and agency_id is null)",
})
export class CalendarFeed {
  @Field(() => ID, { description: 'Stable identifier (not the secret).' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => FeedScope, { description: 'Whose calendar it carries.' })
  @Enum({ items: () => FeedScope })
  scope!: FeedScope;

  @ManyToOne(() => Model, { ref: true, nullable: true, deleteRule: 'cascade' })
  model: Ref<Model> | null = null;

  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'cascade' })
  agency: Ref<Agency> | null = null;

  @ManyToOne(() => Brand, { ref: true, nullable: true, deleteRule: 'cascade' })
  brand: Ref<Brand> | null = null;

  @Field(() => String, { description: 'A name to tell feeds apart, e.g. "iPhone".' })
  @Property({ type: 'text' })
  label!: string;

  /** SHA-256 of the token, hex: a leaked table grants no feed. */
  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Field(() => Role, { description: 'Role of who created it.' })
  @Enum({ items: () => Role })
  createdByRole!: Role;

  @Property({ type: 'uuid', nullable: true })
  createdById: string | null = null;

  @Field(() => Date, { description: 'When it was created.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was revoked; a revoked feed answers 404.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
