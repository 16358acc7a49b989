import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { ClaimKind } from '../twin/exclusivity';
import { rangeSql } from './booking-predicates';
import { Booking } from './booking.entity';

/** Exclusion constraint: two brands' exclusivities never share a country, a category and a moment of one model. */
export const EXCLUSIVE_CLAIM_CONSTRAINT = 'exclusivity_claim_exclusive';
/** Exclusion constraint: no brand uses a model where and when another brand holds her exclusively. */
export const USAGE_CLAIM_CONSTRAINT = 'exclusivity_claim_usage';

const KEY = `"model_id" with =, "category" with =, "territory" with =, ${rangeSql('"start_at"', '"end_at"')} with &&, "brand_id" with <>`;

/**
 * One territory of a booking's use of a model for a category, or of the exclusivity it grants (see claimRowsOf in
 * twin/exclusivity.ts for the kinds). The rows exist while the booking holds (OPTION, CONFIRMED, COMPLETED): the
 * booking's transition to any other status deletes them. The two exclusion constraints are the guarantee that two
 * brands never both hold what one exclusivity forbids, whatever runs at once and in however many API processes;
 * the model comes first in both, as Citus wants of a table sharded by model.
 */
@Entity({ tableName: 'exclusivity_claim' })
@Index({
  name: EXCLUSIVE_CLAIM_CONSTRAINT,
  expression: `alter table "exclusivity_claim" add constraint "${EXCLUSIVE_CLAIM_CONSTRAINT}" exclude using gist (${KEY}) where ("kind" = '${ClaimKind.EXCLUSIVE}')`,
})
@Index({
  name: USAGE_CLAIM_CONSTRAINT,
  // Rows of different kinds meet: USAGE against EXCLUSIVE or COVER. EXCLUSIVE and COVER rows never share a territory.
  expression: `alter table "exclusivity_claim" add constraint "${USAGE_CLAIM_CONSTRAINT}" exclude using gist (${KEY}, "kind" with <>)`,
})
@Check({ name: 'exclusivity_claim_period_valid', expression: 'end_at > start_at' })
export class ExclusivityClaim {
  @ManyToOne(() => Booking, { ref: true, primary: true, deleteRule: 'cascade' })
  booking!: Ref<Booking>;

  @Enum({ items: () => ClaimKind, primary: true })
  kind!: ClaimKind;

  @PrimaryKey({ type: 'text' })
  territory!: string;

  /** The booking's model and brand, copied so that the constraints compare them without a join. */
  @Property({ type: 'uuid' })
  modelId!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'text' })
  category!: string;

  @Property({ type: 'datetime' })
  startAt!: Date;

  @Property({ type: 'datetime' })
  endAt!: Date;
}
