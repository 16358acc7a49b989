import { Client } from 'pg';
import { citusStatements, DISTRIBUTED, KEY_EXCEPTIONS, REFERENCE } from '../src/db/citus';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// The migrated catalog against the one classification list (src/db/citus.ts): the README's promise that the
// schema can be sharded by model_id, kept checkable as tables are added.

interface Key {
  table: string;
  key: string;
  /** p, u, x for constraints; i for a unique index that backs no constraint. */
  kind: string;
  columns: string[];
}

let db: TestDatabase;
let client: Client;
let tables: string[];
let columns: Map<string, Set<string>>;
let keys: Key[];

beforeAll(async () => {
  db = await createTestDatabase();
  client = new Client({ connectionString: db.url });
  await client.connect();
  tables = (
    await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
    )
  ).rows.map((r) => r.name);
  columns = new Map();
  const cols = await client.query<{ table: string; column: string }>(
    `select c.relname as table, a.attname as column from pg_attribute a
       join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
  );
  for (const r of cols.rows) {
    if (!columns.has(r.table)) columns.set(r.table, new Set());
    columns.get(r.table)!.add(r.column);
  }
  // Every uniqueness the database enforces: primary keys, unique and exclusion constraints, and unique indexes
  // made without a constraint (partial or over expressions). A column inside an expression does not count:
  // Citus needs the distribution column itself in the key.
  keys = (
    await client.query<{ table: string; key: string; kind: string; columns: string[] }>(
      `select c.relname as table, i.relname as key,
              coalesce((select k.contype::text from pg_constraint k where k.conindid = i.oid and k.conrelid = c.oid), 'i') as kind,
              array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality as col(attnum, position)
                      join pg_attribute a on a.attrelid = c.oid and a.attnum = col.attnum order by col.position) as columns
         from pg_index x
         join pg_class i on i.oid = x.indexrelid
         join pg_class c on c.oid = x.indrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public'
          and (x.indisunique or exists (select 1 from pg_constraint k where k.conindid = i.oid and k.contype = 'x'))
        order by 1, 2`,
    )
  ).rows;
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('the Citus classification (src/db/citus.ts)', () => {
  it('classifies every table once, as distributed or as reference', () => {
    const classified = [...DISTRIBUTED.map((t) => t.table), ...REFERENCE.map((t) => t.table)];
    const twice = classified.filter((t, i) => classified.indexOf(t) !== i);
    expect({ classifiedTwice: twice }).toEqual({ classifiedTwice: [] });
    const unclassified = tables.filter((t) => !classified.includes(t));
    // A new table: add it to DISTRIBUTED (by model_id) or REFERENCE in src/db/citus.ts.
    expect({ unclassified }).toEqual({ unclassified: [] });
    const gone = classified.filter((t) => !tables.includes(t));
    expect({ classifiedButNotInTheSchema: gone }).toEqual({ classifiedButNotInTheSchema: [] });
  });

  it('sees the keys it checks (the catalog query is not blind)', () => {
    expect(keys.find((k) => k.key === 'booking_no_physical_clash')).toMatchObject({ kind: 'x', columns: ['model_id'] });
    expect(keys.find((k) => k.key === 'payout_once_per_booking_party_charge')).toMatchObject({ kind: 'i', columns: ['booking_id', 'party'] });
    expect(keys.find((k) => k.key === 'model_pkey')).toMatchObject({ kind: 'p', columns: ['id'] });
  });

  it('distributes by the model id, or says why not', () => {
    const wrong = DISTRIBUTED.filter((t) => (t.table === 'model' ? t.column !== 'id' : t.column !== 'model_id') && !t.otherColumnBecause).map((t) => t.table);
    expect({ distributedByAnotherColumnWithoutReason: wrong }).toEqual({ distributedByAnotherColumnWithoutReason: [] });
  });

  it('has the distribution column in every distributed table, except those that say what must change', () => {
    const missing = DISTRIBUTED.filter((t) => !columns.get(t.table)?.has(t.column) && !t.columnMissingBecause).map((t) => `${t.table}.${t.column}`);
    expect({ distributionColumnMissing: missing }).toEqual({ distributionColumnMissing: [] });
    // Once the column exists, the note that excused its absence goes.
    const stale = DISTRIBUTED.filter((t) => columns.get(t.table)?.has(t.column) && t.columnMissingBecause).map((t) => t.table);
    expect({ columnMissingNoteButColumnExists: stale }).toEqual({ columnMissingNoteButColumnExists: [] });
  });

  it('has the distribution column in every primary key, unique and exclusion constraint of a distributed table, except the known exceptions', () => {
    const lacking: string[] = [];
    for (const t of DISTRIBUTED) {
      // A table still without its column is excused as a whole, by its note.
      if (t.columnMissingBecause) continue;
      for (const k of keys.filter((k) => k.table === t.table)) {
        if (!k.columns.includes(t.column)) lacking.push(`${k.table}.${k.key}`);
      }
    }
    const excepted = KEY_EXCEPTIONS.map((e) => `${e.table}.${e.key}`);
    expect({ keysWithoutDistributionColumn: lacking.filter((k) => !excepted.includes(k)) }).toEqual({ keysWithoutDistributionColumn: [] });
    // An exception that no longer applies (the key was fixed or dropped) goes too.
    expect({ staleExceptions: excepted.filter((k) => !lacking.includes(k)) }).toEqual({ staleExceptions: [] });
  });

  it('explains every exception', () => {
    const unexplained = [
      ...REFERENCE.filter((t) => t.because.trim().length < 10).map((t) => t.table),
      ...KEY_EXCEPTIONS.filter((e) => e.because.trim().length < 10).map((e) => e.key),
      ...DISTRIBUTED.filter((t) => (t.columnMissingBecause ?? t.otherColumnBecause ?? 'x'.repeat(10)).trim().length < 10).map((t) => t.table),
    ];
    expect(unexplained).toEqual([]);
  });

  it('emits a statement per table, reference tables first and each colocation group after its leader', () => {
    const statements = citusStatements();
    expect(statements).toHaveLength(tables.length);
    expect(statements[0]).toMatch(/^select create_reference_table\('/);
    expect(statements).toContain("select create_distributed_table('booking', 'model_id', colocate_with => 'model');");
    const leader = statements.indexOf("select create_distributed_table('model', 'id');");
    const lastReference = statements.map((s) => s.startsWith('select create_reference_table')).lastIndexOf(true);
    expect(leader).toBeGreaterThan(lastReference);
    for (const s of statements.filter((s) => s.includes("colocate_with => 'model'"))) expect(statements.indexOf(s)).toBeGreaterThan(leader);
  });
});
