/**
 * How every table would be placed on a Citus cluster sharded by model: the one classification list.
 * test/citus-classification.test.ts reads the migrated catalog and fails for a table missing here, for a table
 * here that no longer exists, and for a primary key, unique or exclusion constraint (or unique index) of a
 * distributed table that lacks its distribution column and is not a known exception below. A table you add
 * goes in one of the two lists; a key you add to a distributed table includes `model_id`.
 *
 * Citus can only enforce a uniqueness (and an exclusion) inside one shard, so it requires the distribution
 * column in every such key. The rules that matter most already qualify: `booking_no_physical_clash`,
 * `exclusivity_claim_exclusive` and `exclusivity_claim_usage` all start with `model_id WITH =`.
 */

/** A table split into shards by a column; every distributed table is colocated with `model`, unless it says otherwise. */
export interface DistributedTable {
  table: string;
  /** The distribution column: the model's id, `model_id` everywhere but in `model` itself (`id`). */
  column: string;
  /**
   * The table its shards are colocated with: null for the table that leads the group (`model`), 'none' for a
   * table that never joins the model's data.
   */
  colocateWith: string | null;
  /** Why this table is sharded by something other than the model's id, when it is. */
  otherColumnBecause?: string;
  /**
   * Set while the table lacks its distribution column: what must change before it can be distributed. The test
   * fails once the column exists, so that this note is removed with the reason it gave.
   */
  columnMissingBecause?: string;
}

/** A small table copied whole to every node, so that any shard joins it locally. */
export interface ReferenceTable {
  table: string;
  because: string;
}

/** A key of a distributed table that lacks the distribution column today, and what must change before sharding. */
export interface KeyException {
  table: string;
  /** The constraint's or unique index's name in the catalog. */
  key: string;
  because: string;
}

const BOOKING_CHILD =
  'keyed by booking_id only; before sharding it gains model_id (copied from its booking), its foreign key to booking becomes (booking_id, model_id) and it is distributed colocated with booking';

export const REFERENCE: readonly ReferenceTable[] = [
  { table: 'agency', because: 'few rows, read with every model and booking' },
  { table: 'brand', because: 'few rows, read with every booking' },
  {
    table: 'calendar_feed',
    because:
      'few rows, found by its token hash without knowing the model (and an agency or brand feed has none); Citus allows no foreign key from a reference table to a distributed one, so calendar_feed_model_id_foreign must be dropped (the service checks the model) before sharding',
  },
  { table: 'campaign', because: 'a brand’s plan and budget: few rows, read with bookings of many models (its totals fan out, the campaign row is local everywhere)' },
  { table: 'webhook_endpoint', because: 'an agency’s or a brand’s few endpoints, read when any model’s event is fanned out to them' },
  { table: 'mikro_orm_migrations', because: 'the migrator’s own bookkeeping, read and written on the coordinator' },
];

export const DISTRIBUTED: readonly DistributedTable[] = [
  { table: 'model', column: 'id', colocateWith: null, otherColumnBecause: 'its primary key is the model id every other table is sharded by' },
  { table: 'booking', column: 'model_id', colocateWith: 'model' },
  { table: 'digital_twin', column: 'model_id', colocateWith: 'model' },
  { table: 'exclusivity_claim', column: 'model_id', colocateWith: 'model' },
  { table: 'lockout', column: 'model_id', colocateWith: 'model' },
  { table: 'rate_card', column: 'model_id', colocateWith: 'model' },
  { table: 'booking_change', column: 'model_id', colocateWith: 'model', columnMissingBecause: BOOKING_CHILD },
  { table: 'booking_quote', column: 'model_id', colocateWith: 'model', columnMissingBecause: BOOKING_CHILD },
  { table: 'option_challenge', column: 'model_id', colocateWith: 'model', columnMissingBecause: BOOKING_CHILD },
  { table: 'payout', column: 'model_id', colocateWith: 'model', columnMissingBecause: BOOKING_CHILD },
  { table: 'twin_delivery', column: 'model_id', colocateWith: 'model', columnMissingBecause: BOOKING_CHILD },
  {
    table: 'twin_consent_version',
    column: 'model_id',
    colocateWith: 'model',
    columnMissingBecause: 'keyed by twin_id only; before sharding it gains model_id (copied from its twin) and its keys and foreign key include it',
  },
  {
    table: 'idempotency_key',
    column: 'viewer',
    colocateWith: 'none',
    otherColumnBecause: 'a key belongs to the viewer who sent it, is never joined with a model’s data, and its primary key (viewer, key) starts with it',
  },
  {
    table: 'domain_event',
    column: 'model_id',
    colocateWith: 'model',
    // Written in the transaction of the change it records, so on the shard of the booking, lockout or payout it is about.
  },
  {
    table: 'webhook_delivery',
    column: 'endpoint_id',
    colocateWith: 'none',
    otherColumnBecause: 'a delivery is claimed, sent and listed by its endpoint, never joined with a model’s data; its unique (endpoint_id, event_id) starts with it',
  },
  {
    table: 'webhook_attempt',
    column: 'endpoint_id',
    colocateWith: 'webhook_delivery',
    otherColumnBecause: 'an attempt is read with its delivery, so it lives on the delivery’s shard',
    columnMissingBecause: 'keyed by delivery_id only; before sharding it gains endpoint_id (copied from its delivery) and its foreign key becomes (delivery_id, endpoint_id)',
  },
];

const UUID_KEY =
  'a uuid primary key on id alone; before sharding it becomes (id, model_id) (ids stay globally unique: they are random uuids), and every foreign key to it carries model_id';

export const KEY_EXCEPTIONS: readonly KeyException[] = [
  { table: 'booking', key: 'booking_pkey', because: UUID_KEY },
  { table: 'digital_twin', key: 'digital_twin_pkey', because: UUID_KEY },
  { table: 'lockout', key: 'lockout_pkey', because: UUID_KEY },
  { table: 'rate_card', key: 'rate_card_pkey', because: UUID_KEY },
  { table: 'domain_event', key: 'domain_event_pkey', because: UUID_KEY },
  {
    table: 'domain_event',
    key: 'domain_event_seq_unique',
    because:
      'one order for all events; before sharding it becomes (model_id, seq): subscribers catch up per shard, and webhooks keep their order per booking, which lives on one shard',
  },
  {
    table: 'webhook_delivery',
    key: 'webhook_delivery_pkey',
    because: 'a uuid primary key on id alone; before sharding it becomes (id, endpoint_id), and the attempts’ foreign key carries endpoint_id',
  },
  {
    table: 'exclusivity_claim',
    key: 'exclusivity_claim_pkey',
    because: '(booking_id, kind, territory): before sharding it becomes (model_id, booking_id, kind, territory)',
  },
  {
    table: 'rate_card',
    key: 'rate_card_agency_default_unique',
    because:
      'an agency’s default card has no model (model_id is null, which a distribution column cannot be); before sharding default cards move to a reference table of their own',
  },
];

/** The statements that place every table, to run on the Citus coordinator after the migrations: reference tables, then `model`, then what is colocated with it. */
export function citusStatements(): string[] {
  const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
  // A colocation group's leader is distributed before the tables that name it.
  const ordered = [...DISTRIBUTED].sort((a, b) => Number(a.colocateWith !== null) - Number(b.colocateWith !== null));
  return [
    ...REFERENCE.map((t) => `select create_reference_table(${quote(t.table)});`),
    ...ordered.map((t) =>
      t.colocateWith === null
        ? `select create_distributed_table(${quote(t.table)}, ${quote(t.column)});`
        : `select create_distributed_table(${quote(t.table)}, ${quote(t.column)}, colocate_with => ${quote(t.colocateWith)});`,
    ),
  ];
}
