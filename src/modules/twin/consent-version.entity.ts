import { ArrayType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../common/ids';
import { Role } from '../../core/viewer';
import { ConsentScope, DigitalTwin } from './twin.entity';

export enum ConsentVersionStatus {
  PROPOSED = 'PROPOSED',
  IN_FORCE = 'IN_FORCE',
  SUPERSEDED = 'SUPERSEDED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ConsentVersionStatus, {
  name: 'ConsentVersionStatus',
  description: "Where a version of a twin's consent stands.",
  valuesConfig: {
    PROPOSED: { description: 'A widening her agency proposed; in force only once the model accepts it.' },
    IN_FORCE: { description: 'The consent bookings are checked against now; exactly one version of a twin is.' },
    SUPERSEDED: { description: 'Was in force until a later version took its place.' },
    DECLINED: { description: 'A proposal the model declined.' },
    WITHDRAWN: { description: 'A proposal her agency took back, or one a later version made moot.' },
  },
});

/**
 * One version of a twin's consent, kept for good: a change of consent is a new row, never an edit of the terms of
 * an old one, so that every booking can be traced to the consent it was accepted under.
 */
@ObjectType({ description: "One version of a twin's consent: its terms, who proposed it, who accepted it, and when." })
@Entity({ tableName: 'twin_consent_version' })
@Unique({ name: 'twin_consent_version_number_unique', properties: ['twin', 'version'] })
// At most one version in force per twin, whatever races: declared here so the schema diff leaves it alone.
@Index({
  name: 'twin_consent_version_one_in_force',
  expression: `create unique index "twin_consent_version_one_in_force" on "twin_consent_version" ("twin_id") where "status" = 'IN_FORCE'`,
})
export class ConsentVersion {
  [OptionalProps]?: 'scope';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => DigitalTwin, { ref: true, deleteRule: 'cascade' })
  twin!: Ref<DigitalTwin>;

  @Field(() => Int, { description: 'Its number among the versions of the twin, from 1, in the order they were made.' })
  @Property({ type: 'integer' })
  version!: number;

  @Field(() => ConsentVersionStatus, { description: 'Proposed, in force, superseded, declined or withdrawn.' })
  @Enum({ items: () => ConsentVersionStatus, nativeEnumName: 'consent_version_status' })
  status!: ConsentVersionStatus;

  @Property({ type: ArrayType, columnType: 'text[]' })
  allowedMedia!: string[];

  @Property({ type: ArrayType, columnType: 'text[]' })
  allowedTerritories!: string[];

  @Property({ type: ArrayType, columnType: 'text[]' })
  allowedCategories!: string[];

  @Property({ type: ArrayType, columnType: 'text[]' })
  excludedCategories!: string[];

  @Property({ type: ArrayType, columnType: 'text[]' })
  excludedBrandIds!: string[];

  @Property({ type: 'datetime', nullable: true })
  consentEndsAt: Date | null = null;

  @Property({ type: 'boolean' })
  approvalDelegatedToAgency: Opt<boolean> = false;

  @Field(() => Role, { description: 'Role of who made it: the model or her agency (an admin, or SYSTEM for consent that predates versions).' })
  @Enum({ items: () => Role })
  proposedByRole!: Role;

  @Field(() => ID, { nullable: true, description: 'The agency or model that made it; null for an admin or the system.' })
  @Property({ type: 'uuid', nullable: true })
  proposedById: string | null = null;

  @Field(() => Date, { description: 'When it was made.' })
  @Property({ type: 'datetime' })
  proposedAt: Opt<Date> = new Date();

  @Field(() => Role, { nullable: true, description: 'Role of who accepted it (it took effect then), or declined or withdrew it; null while proposed.' })
  @Enum({ items: () => Role, nullable: true })
  decidedByRole: Role | null = null;

  @Field(() => ID, { nullable: true, description: 'The model or agency that decided it; null while proposed, or for an admin or the system.' })
  @Property({ type: 'uuid', nullable: true })
  decidedById: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted (took effect), declined or withdrawn; null while proposed.' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was declined or withdrawn, as given.' })
  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;

  get scope(): ConsentScope {
    return {
      allowedMedia: this.allowedMedia,
      allowedTerritories: this.allowedTerritories,
      allowedCategories: this.allowedCategories,
      excludedCategories: this.excludedCategories,
      excludedBrandIds: this.excludedBrandIds,
      consentEndsAt: this.consentEndsAt,
      approvalDelegatedToAgency: this.approvalDelegatedToAgency,
    };
  }
}
