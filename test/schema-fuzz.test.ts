import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { encodeCursor } from '../src/common/pagination';
import { createSchema } from '../src/server/schema';
import { seedScenario, type Scenario } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A deterministic walk over every argument of every Query and Mutation field (and the fields of Model that take
 * arguments): each leaf of each argument, one at a time, gets each edge value of its type while the rest stays
 * plausible. Whatever the value, the answer must be a client error or data, never a fault.
 */

let app: TestApp;
let s: Scenario;
let brandToken: string;
beforeAll(async () => {
  app = await startTestApp();
  s = await seedScenario(app);
  brandToken = s.brand.token;
});
afterAll(() => app.close());

type Path = (string | number)[];

const YEAR_0 = '0000-01-01T00:00:00Z';

/** Edge values by named input type; a name not listed gets the generic ones. */
function edgeValues(typeName: string, argName: string): unknown[] {
  const text = ['', ' ', 'x'.repeat(20_000), 'a\u0000b', '\ud800', 'WEB\udc00'];
  switch (typeName) {
    case 'String':
      return argName === 'after'
        ? [
            ...text,
            'not a cursor',
            encodeCursor({ key: '0000-01-01T00:00:00.000Z', id: s.model.id }),
            encodeCursor({ key: '9999-12-31T23:59:59.999Z', id: s.model.id }),
            encodeCursor({ key: '2030-01-01T00:00:00.000Z', id: 'abc' }),
          ]
        : text;
    case 'ID':
      return ['', 'abc', '00000000-0000-0000-0000-000000000000', 'a\u0000b', '\ud800', 'x'.repeat(5_000)];
    case 'DateTime':
      return [YEAR_0, '1899-12-31T23:59:59Z', '9999-12-31T23:59:59Z', '99999-01-01T00:00:00Z', '+099999-01-01T00:00:00Z', 'not-a-date'];
    case 'Int':
      return [-1, 0, 2_147_483_647, -2_147_483_648, 2 ** 53];
    case 'SafeInt':
      return [-1, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53];
    case 'Boolean':
      return [true, 'true'];
    default:
      return ['BOGUS', 0, {}];
  }
}

/** A plausible value for a named type, by the argument's name, so that one bad leaf reaches its own check. */
function plausible(typeName: string, name: string): unknown {
  if (typeName === 'ID') return name.toLowerCase().includes('brand') ? s.brand.id : name.toLowerCase().includes('agency') ? s.agency.id : s.model.id;
  if (typeName === 'DateTime') return /end|to$/i.test(name) ? '2030-06-04T17:00:00Z' : '2030-06-03T09:00:00Z';
  if (typeName === 'Int' || typeName === 'SafeInt') return name === 'first' ? 5 : 1;
  if (typeName === 'Boolean') return true;
  if (typeName === 'String') {
    if (name === 'timeZone') return 'Europe/Paris';
    if (name === 'currency') return 'EUR';
    if (name === 'after') return null;
    return 'IMAGE';
  }
  return undefined;
}

/**
 * The value of a type with only its required parts, or undefined for an optional one left out. Optional ids are
 * given (the seeded ones), since without them an admin's request stops at "which agency?" before any rule.
 */
function baseValue(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (!isNonNullType(type)) return getNamedType(type).name === 'ID' && !isListType(type) ? filled(type, name, depth) : undefined;
  return filled(type.ofType, name, depth);
}

/** The value of a type, optional or not, with its required parts filled. */
function filled(type: GraphQLInputType, name: string, depth = 0): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [filled(inner.ofType, name, depth + 1)];
  if (isEnumType(inner)) return inner.getValues()[0].value as unknown;
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    if (depth > 4) return value;
    for (const field of Object.values(inner.getFields())) {
      const v = baseValue(field.type, field.name, depth + 1);
      if (v !== undefined) value[field.name] = v;
    }
    return value;
  }
  return plausible(inner.name, name);
}

/** Every leaf under a type (lists entered at index 0), with its named type name. */
function leaves(type: GraphQLInputType, path: Path, name: string, depth = 0): { path: Path; typeName: string; name: string; list: boolean }[] {
  const inner = getNullableType(type);
  if (isListType(inner)) return [{ path, typeName: '[list]', name, list: true }, ...leaves(inner.ofType, [...path, 0], name, depth + 1)];
  if (isInputObjectType(inner)) {
    if (depth > 4) return [];
    return Object.values(inner.getFields()).flatMap((f) => leaves(f.type, [...path, f.name], f.name, depth + 1));
  }
  return [{ path, typeName: getNamedType(inner).name, name, list: false }];
}

/** Sets `value` at `path` in the arguments, filling any optional object or list on the way. */
function withValue(args: readonly GraphQLArgument[], base: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const root = structuredClone(base);
  let container: Record<string | number, unknown> = root;
  let type: GraphQLInputType = args.find((a) => a.name === path[0])!.type;
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = path[i];
    if (container[key] === undefined || container[key] === null) container[key] = filled(type, String(key));
    container = container[key] as Record<string | number, unknown>;
    const inner = getNullableType(type);
    const next = path[i + 1];
    type = isListType(inner) ? inner.ofType : isInputObjectType(inner) ? inner.getFields()[next as string].type : inner;
  }
  container[path.at(-1)!] = value;
  return root;
}

/** A small selection of a type: its scalars, and one level of objects under it. */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named) || depth > 2) return '{ __typename }';
  if (!isObjectType(named)) return '';
  const parts = Object.values(named.getFields())
    .filter((f) => !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => {
      const inner = getNamedType(f.type);
      if (isLeafType(inner)) return f.name;
      return depth < 2 ? `${f.name} ${selection(f.type, depth + 1)}` : null;
    })
    .filter((p): p is string => !!p);
  return `{ __typename ${parts.join(' ')} }`;
}

interface Target {
  label: string;
  field: GraphQLField<unknown, unknown>;
  /** Builds the document for this field's arguments given as variables. */
  document(): string;
  /** Variables every request of this target carries besides the field's own. */
  extra(): Record<string, unknown>;
}

function variableDefinitions(args: readonly GraphQLArgument[]): string {
  return args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
}

const argumentList = (args: readonly GraphQLArgument[]) => (args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '');

async function targets(): Promise<Target[]> {
  const schema = await createSchema();
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  const list: Target[] = [];
  for (const [operation, type] of roots) {
    for (const field of Object.values(type!.getFields())) {
      const defs = variableDefinitions(field.args);
      list.push({
        label: `${operation} ${field.name}`,
        field,
        document: () => `${operation}${defs ? `(${defs})` : ''} { ${field.name}${argumentList(field.args)} ${selection(field.type)} }`,
        extra: () => ({}),
      });
    }
  }
  // Fields below the root take arguments too (a model's calendar, earnings and bookings).
  const model = schema.getType('Model');
  if (isObjectType(model)) {
    for (const field of Object.values(model.getFields()).filter((f) => f.args.length)) {
      const defs = variableDefinitions(field.args);
      list.push({
        label: `Model.${field.name}`,
        field,
        document: () => `query($modelId__: ID!, ${defs}) { model(id: $modelId__) { ${field.name}${argumentList(field.args)} ${selection(field.type)} } }`,
        extra: () => ({ modelId__: s.model.id }),
      });
    }
  }
  return list;
}

interface Case {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  token: string;
}

async function cases(): Promise<Case[]> {
  const all: Case[] = [];
  let turn = 0;
  for (const target of await targets()) {
    const { field } = target;
    const base: Record<string, unknown> = {};
    for (const a of field.args) {
      const v = baseValue(a.type, a.name);
      if (v !== undefined) base[a.name] = v;
    }
    const query = target.document();
    const add = (what: string, args: Record<string, unknown>) => {
      // The admin passes every ownership check, so each value reaches the rules behind them; a brand meets every
      // other value, which keeps both roles in the walk without doubling it.
      turn += 1;
      const variables = { ...target.extra(), ...args };
      all.push({ label: `${target.label} ${what} (admin)`, query, variables, token: app.adminToken });
      if (turn % 2) all.push({ label: `${target.label} ${what} (brand)`, query, variables, token: brandToken });
    };
    add('with plausible arguments', base);
    for (const arg of field.args) {
      for (const leaf of leaves(arg.type, [arg.name], arg.name)) {
        const values = leaf.list ? [[]] : edgeValues(leaf.typeName, leaf.name);
        for (const value of values) add(`${leaf.path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`, withValue(field.args, base, leaf.path, value));
      }
    }
  }
  return all;
}

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('every argument of the schema, with edge values', () => {
  it('is answered without a fault: no 5xx, no INTERNAL_SERVER_ERROR, no internals, and the server keeps serving', async () => {
    const all = await cases();
    expect(all.length).toBeGreaterThan(200);
    // Bounded so that the walk stays about a minute long as the schema grows.
    expect(all.length).toBeLessThan(4000);
    const faults: { label: string; status: number; codes: (string | undefined)[]; body?: string }[] = [];
    const run = async (c: Case) => {
      const res = await app.raw(JSON.stringify({ query: c.query, variables: c.variables }), c.token);
      let parsed: Answer | null = null;
      try {
        parsed = JSON.parse(res.body) as Answer;
      } catch {
        // an answer that is not JSON is a fault of its own, reported below
      }
      const codes = parsed?.errors?.map((e) => e.extensions?.code) ?? [];
      const leaks = /stacktrace|node_modules|\.ts:\d|SQLSTATE|insert into|select .* from/i.test(res.body);
      if (res.status >= 500 || !parsed || codes.includes('INTERNAL_SERVER_ERROR') || codes.includes(undefined) || leaks) {
        faults.push({ label: c.label, status: res.status, codes, body: res.body.slice(0, 300) });
      }
    };
    // A few at a time: enough to be quick, few enough for a shared machine.
    for (let i = 0; i < all.length; i += 4) await Promise.all(all.slice(i, i + 4).map(run));
    expect(faults).toEqual([]);
    const after = await app.raw(JSON.stringify({ query: '{ viewer { role } }' }), app.adminToken);
    expect(after).toEqual({ status: 200, body: '{"data":{"viewer":{"role":"ADMIN"}}}\n' });
    // Some thousands of requests: about a minute on a quiet machine, more on a busy one.
  }, 300_000);
});
