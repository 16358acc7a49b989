import { ArrayType, Check, Entity, Enum, OneToOne, PrimaryKey, Property, OptionalProps, type Ref, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../common/ids';
import { Model } from '../model/model.entity';
import { MAX_BPS } from '../../common/money';

export enum TwinStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  RETIRED = 'RETIRED',
}
registerEnumType(TwinStatus, {
  name: 'TwinStatus',
  description: 'Whether a digital twin may take work.',
  valuesConfig: {
    ACTIVE: { description: 'Takes new digital bookings within its consent scope.' },
    PAUSED: { description: 'Paused by the model or agency; takes no new bookings until resumed.' },
    RETIRED: { description: 'Withdrawn for good; takes no new bookings.' },
  },
});

@ObjectType({ description: 'How the net of every digital job is split, in basis points summing to 10,000.' })
export class OwnershipSplit {
  @Field(() => Int, { description: "The model's share in basis points (1/100 of a percent)." })
  modelBps!: number;

  @Field(() => Int, { description: "The agency's share in basis points." })
  agencyBps!: number;

  @Field(() => Int, { description: "The platform's share in basis points." })
  platformBps!: number;
}

@ObjectType({ description: 'What the model and her agency consented her twin to be used for.' })
export class ConsentScope {
  @Field(() => [String], { description: 'Media the twin may appear in (ECOMMERCE, SOCIAL, PRINT, OOH, TV, WEB…).' })
  allowedMedia!: string[];

  @Field(() => [String], { description: 'Territories covered: ISO 3166-1 alpha-2 codes, EU or WORLDWIDE.' })
  allowedTerritories!: string[];

  @Field(() => [String], { description: 'Product categories the twin may advertise.' })
  allowedCategories!: string[];

  @Field(() => [String], { description: 'Categories never allowed, whatever else says.' })
  excludedCategories!: string[];

  @Field(() => [ID], { description: 'Brands the twin may never work for.' })
  excludedBrandIds!: string[];

  @Field(() => Date, { nullable: true, description: 'When consent ends; production and usage must end by then. Null: no end.' })
  consentEndsAt!: Date | null;

  @Field(() => Boolean, { description: 'Whether her agency may approve what the twin produces in her place; otherwise only she does.' })
  approvalDelegatedToAgency!: boolean;
}

@ObjectType({ description: "A model's consented AI likeness, owned by the model and her agency." })
@Entity()
@Check({
  name: 'digital_twin_split_sums_to_whole',
  expression: `model_share_bps >= 0 and agency_share_bps >= 0 and platform_share_bps >= 0 and model_share_bps + agency_share_bps + platform_share_bps = ${MAX_BPS}`,
})
@Check({ name: 'digital_twin_max_concurrent_jobs_positive', expression: 'max_concurrent_jobs is null or max_concurrent_jobs > 0' })
export class DigitalTwin {
  [OptionalProps]?: 'ownershipSplit' | 'consentScope';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @OneToOne(() => Model, { ref: true, owner: true, unique: 'digital_twin_model_id_unique', deleteRule: 'restrict' })
  model!: Ref<Model>;

  @Field(() => TwinStatus, { description: 'Whether the twin takes work now.' })
  @Enum({ items: () => TwinStatus, nativeEnumName: 'twin_status' })
  status: Opt<TwinStatus> = TwinStatus.ACTIVE;

  @Property({ type: 'integer' })
  modelShareBps!: number;

  @Property({ type: 'integer' })
  agencyShareBps!: number;

  @Property({ type: 'integer' })
  platformShareBps!: number;

  @Field(() => Int, { nullable: true, description: 'Most digital jobs it may run at once; null means no cap.' })
  @Property({ type: 'integer', nullable: true })
  maxConcurrentJobs: number | null = null;

  @Property({ type: ArrayType, columnType: 'text[]' })
  allowedMedia: Opt<string[]> = [];

  @Property({ type: ArrayType, columnType: 'text[]' })
  allowedTerritories: Opt<string[]> = [];

  @Property({ type: ArrayType, columnType: 'text[]' })
  allowedCategories: Opt<string[]> = [];

  @Property({ type: ArrayType, columnType: 'text[]' })
  excludedCategories: Opt<string[]> = [];

  @Property({ type: ArrayType, columnType: 'text[]' })
  excludedBrandIds: Opt<string[]> = [];

  @Property({ type: 'datetime', nullable: true })
  consentEndsAt: Date | null = null;

  @Property({ type: 'boolean' })
  approvalDelegatedToAgency: Opt<boolean> = false;

  /** The number of the consent version in force, whose terms the columns above hold for the booking checks to read. */
  @Field(() => Int, { description: 'The number of the consent version in force (see consentHistory).' })
  @Property({ type: 'integer' })
  consentVersion: Opt<number> = 1;

  @Field(() => Date, { description: 'When the twin was created.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { description: 'When the twin was last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  get ownershipSplit(): OwnershipSplit {
    return { modelBps: this.modelShareBps, agencyBps: this.agencyShareBps, platformBps: this.platformShareBps };
  }

  get consentScope(): ConsentScope {
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
