import { buildSchema, execute, GraphQLError, parse, type DocumentNode, type ExecutionResult } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { compiledExecutor, compiledWeight } from './compiled-queries';

// The real compiler, counted.
jest.mock('graphql-jit', () => {
  const actual = jest.requireActual<typeof import('graphql-jit')>('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});
const compileAttempts = () => (compileQuery as unknown as jest.Mock).mock.calls.length;

// A schema of the shapes the API has: an interface resolved by type, a list, arguments, a nullable field that throws,
// a non-null one that throws (its parent nulled), a custom error, and a mutation.
const schema = buildSchema(`
  interface Job { id: ID! title: String! }
  type Shoot implements Job { id: ID! title: String! place: String! }
  type Twin implements Job { id: ID! title: String! images: Int! }
  type Day { date: String! jobs: [Job!]! }
  type Query {
    days(from: Int!, count: Int = 3): [Day!]!
    broken: String
    brokenStrict: Day
    refused: String
  }
  type Mutation { touch(n: Int!): Int! }
`);
(schema.getType('Job') as unknown as { resolveType: (j: { kind: string }) => string }).resolveType = (j) => j.kind;
const day = schema.getType('Day') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
day.getFields().date.resolve = (d: { n: number }) => `2030-06-${String(d.n).padStart(2, '0')}`;
const query = schema.getQueryType()!.getFields();
query.days.resolve = (_: unknown, args: { from: number; count: number }) =>
  Array.from({ length: args.count }, (_x, i) => ({
    n: args.from + i,
    jobs: [
      { kind: 'Shoot', id: `s${i}`, title: 'Lookbook', place: 'Studio' },
      { kind: 'Twin', id: `t${i}`, title: 'E-commerce', images: 10 },
    ],
  }));
query.broken.resolve = () => {
  throw new Error('broken');
};
query.brokenStrict.resolve = () => ({ n: 1, jobs: [{ kind: 'Shoot', id: 'x', title: null, place: 'Studio' }] });
query.refused.resolve = () => {
  throw new GraphQLError('no', { extensions: { code: 'BAD_USER_INPUT' } });
};
let touched = 0;
schema.getMutationType()!.getFields().touch.resolve = (_: unknown, args: { n: number }) => (touched += args.n);

const DAYS = `query Days($from: Int!, $count: Int) { days(from: $from, count: $count) { date jobs { __typename id title ... on Shoot { place } ... on Twin { images } } } }`;

const request = (document: DocumentNode, variables: Record<string, unknown> = {}, key = 'k') => ({
  document,
  operationName: null,
  operation: document.definitions[0] as never,
  variables,
  context: {},
  key,
});

// The answer as it is sent, and its errors as the error mapper reads them (class, extensions, original error).
const plain = (r: ExecutionResult | Promise<ExecutionResult>) =>
  Promise.resolve(r).then((x) => ({
    json: JSON.parse(JSON.stringify(x)) as unknown,
    errors: x.errors?.map((e) => ({ graphql: e instanceof GraphQLError, extensions: e.extensions, original: e.originalError?.message ?? null, locations: e.locations })),
  }));
const reference = (document: DocumentNode, variables: Record<string, unknown> = {}) => plain(execute({ schema, document, variableValues: variables }));

describe('compiled queries', () => {
  it.each([
    ['a list of interfaces with fragments', DAYS, { from: 3, count: 2 }],
    ['a default argument', DAYS, { from: 1 }],
    ['a nullable field that throws', '{ broken days(from: 1, count: 1) { date } }', {}],
    ['a non-null field that throws, its parent nulled', '{ brokenStrict { date jobs { title } } }', {}],
    ['an error with a code', '{ refused }', {}],
    ['a variable of the wrong type', DAYS, { from: 'three' }],
    ['a missing variable', DAYS, {}],
    ['a field left out by @skip on a variable', 'query($s: Boolean!) { days(from: 1, count: 1) @skip(if: $s) { date } broken }', { s: true }],
  ])('answers %s as graphql-js does, compiled and not', async (_name, text, variables) => {
    const document = parse(text);
    const executor = compiledExecutor(schema, 1 << 20, 2);
    const expected = await reference(document, variables);
    // The first use runs on graphql-js, the second compiles, the third runs compiled.
    for (let use = 1; use <= 3; use += 1) expect(await plain(executor.run(request(document, variables)))).toEqual(expected);
  });

  it('leaves a document without the operation asked for to graphql-js, which says so', async () => {
    const executor = compiledExecutor(schema, 1 << 20, 1);
    const document = parse('query A { broken } query B { broken }');
    const unresolved = { ...request(document), operationName: 'C', operation: undefined };
    const expected = await plain(execute({ schema, document, operationName: 'C' }));
    for (let use = 1; use <= 2; use += 1) expect(await plain(executor.run(unresolved))).toEqual(expected);
    expect(executor.stats().queries).toBe(0);
  });

  it('keeps the error a resolver threw, with its code, and the query compiled', async () => {
    const executor = compiledExecutor(schema, 1 << 20, 1);
    const result = await executor.run(request(parse('{ refused }')));
    expect(result.errors?.[0]).toBeInstanceOf(GraphQLError);
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(executor.stats().queries).toBe(1);
  });

  it('compiles a query at its nth use, never a mutation', async () => {
    const executor = compiledExecutor(schema, 1 << 20, 3);
    const document = parse(DAYS);
    const kept: number[] = [];
    for (let use = 1; use <= 4; use += 1) {
      await executor.run(request(document, { from: 1 }));
      kept.push(executor.stats().queries);
    }
    expect(kept).toEqual([0, 0, 1, 1]);
    const mutation = parse('mutation { touch(n: 2) }');
    const before = touched;
    for (let use = 1; use <= 4; use += 1) expect((await plain(executor.run(request(mutation, {}, 'm')))).json).toEqual({ data: { touch: before + 2 * use } });
    expect(executor.stats().queries).toBe(1);
  });

  it('tries a document graphql-jit declines once, then leaves it to graphql-js', async () => {
    // A variable of a type no schema has: graphql-jit declines to compile it; graphql-js answers it each time.
    const document = parse('query($x: Nope) { broken }');
    const executor = compiledExecutor(schema, 1 << 20, 1);
    const before = compileAttempts();
    const expected = await reference(document);
    for (let use = 1; use <= 3; use += 1) expect(await plain(executor.run(request(document)))).toEqual(expected);
    expect(compileAttempts() - before).toBe(1);
    expect(executor.stats().queries).toBe(0);
  });

  it('keeps compiled queries within their bytes, the least recently used dropped first', async () => {
    const weight = compiledWeight(parse(DAYS));
    const executor = compiledExecutor(schema, 3 * weight, 1);
    for (let i = 0; i < 10; i += 1) {
      const document = parse(`${DAYS} # ${i}`);
      expect(await plain(executor.run(request(document, { from: i }, `k${i}`)))).toEqual(await reference(document, { from: i }));
    }
    expect(executor.stats()).toEqual({ queries: 3, bytes: 3 * weight });
  });

  it('weighs a compiled query by its fields, not by its comments', () => {
    expect(compiledWeight(parse(`{ broken } # ${'c'.repeat(100_000)}`))).toBe(compiledWeight(parse('{ broken }')));
    expect(compiledWeight(parse(DAYS))).toBeGreaterThan(compiledWeight(parse('{ broken }')));
  });
});
