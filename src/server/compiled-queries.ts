import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getVariableValues, GraphQLError, Kind, visit, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { registerGauge } from '../core/metrics';

/*
 * Queries a client sends again and again run compiled (graphql-jit): the document is turned once into a function that
 * resolves exactly its fields, instead of graphql-js walking the document for every object of the answer. A month's
 * calendar resolves some thousands of fields, and graphql-js pays for each a resolve-info object, a path and an
 * arguments object. Apollo still parses, validates, costs and answers every request; only execution changes.
 *
 * What is not compiled runs on graphql-js, as before: mutations (run one after the other, by the reference executor,
 * with their instrumentation), a document used fewer than COMPILE_QUERIES_AFTER_USES times (3 by default) (compiling costs about ten times
 * one execution: a client sending a document once must not make the server compile it), anything compiled past the
 * compile budget of the moment, and anything graphql-jit declines. Variables are coerced by graphql-js first, so that
 * a bad variable is refused in the same words and with the same HTTP 400 whichever executor runs.
 *
 * One difference to keep in mind: a field with no resolver of its own (a type with `simpleResolvers`) is read as a
 * plain property by a compiled query, which does not wait for a promise there the way graphql-js does. A property
 * holding a promise (a connection's totalCount) keeps a resolver.
 */

/** At most this much of each second is spent compiling; past it, queries run on graphql-js until the next second. */
const COMPILE_BUDGET_MS_PER_SECOND = 100;

/** Documents whose uses are counted, before they are compiled: keys of 64 characters, a few hundred kB in all. */
const COUNTED_DOCUMENTS = 5_000;

/**
 * Heap a compiled query holds, measured on graphql-jit 0.8: about 0.5–0.65 kB per field selection (a month's calendar,
 * 18 fields, 11.5 kB; fourteen aliased selections of 13 fields, 95 kB), weighed here with room to spare.
 */
export function compiledWeight(document: DocumentNode): number {
  let fields = 0;
  visit(document, {
    [Kind.FIELD]() {
      fields += 1;
    },
  });
  return 4096 + 1024 * fields;
}

/**
 * A compiled query's error as graphql-js would have made it: graphql-jit makes its own kind, which leaves `extensions`
 * undefined when the resolver's error had none (everything downstream, Apollo and the error mapper, expects an object)
 * and an error of its own making without an original.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  // graphql-js gives every field error an original one: the resolver's, or an Error of its message (a null where the
  // schema promises a value); the error mapper reads it.
  const original = error.originalError ?? new Error(error.message);
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: original, extensions: error.extensions ?? undefined });
  if (error.locations) Object.assign(rebuilt, { locations: error.locations });
  return rebuilt;
}

const withGraphQLErrors = (result: ExecutionResult): ExecutionResult => (result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result);

interface ExecutionRequest {
  document: DocumentNode;
  operationName: string | null;
  /** Undefined when the document has no operation of that name (or several and no name): graphql-js says so. */
  operation: { operation: string; variableDefinitions?: readonly unknown[] } | undefined;
  variables: Record<string, unknown>;
  context: unknown;
  key: string;
}

/** The executor: compiled queries kept least recently used first out, bounded by `maxBytes` of estimated heap. */
export function compiledExecutor(schema: GraphQLSchema, maxBytes: number, compileAfterUses: number) {
  const compiled = new LRUCache<string, { query: CompiledQuery; weight: number }>({
    maxSize: maxBytes,
    maxEntrySize: maxBytes,
    sizeCalculation: (entry) => entry.weight,
  });
  // Uses counted before compiling; `declined` once graphql-jit would not compile it, so that it is not tried again.
  const uses = new LRUCache<string, { n: number; declined: boolean }>({ max: COUNTED_DOCUMENTS });
  let budgetSecond = 0;
  let spentMs = 0;

  const interpret = (r: ExecutionRequest) =>
    execute({ schema, document: r.document, operationName: r.operationName, variableValues: r.variables, contextValue: r.context });

  const mayCompile = (now: number): boolean => {
    const second = Math.floor(now / 1000);
    if (second !== budgetSecond) {
      budgetSecond = second;
      spentMs = 0;
    }
    return spentMs < COMPILE_BUDGET_MS_PER_SECOND;
  };

  /** The compiled query, or null when graphql-jit declines the document (or fails on it): graphql-js runs it then. */
  const compile = (r: ExecutionRequest): CompiledQuery | null => {
    const started = performance.now();
    try {
      const result = compileQuery(schema, r.document, r.operationName ?? undefined);
      if (!isCompiledQuery(result)) return null;
      compiled.set(r.key, { query: result, weight: compiledWeight(r.document) });
      return result;
    } catch {
      return null;
    } finally {
      spentMs += performance.now() - started;
    }
  };

  return {
    async run(r: ExecutionRequest) {
      if (r.operation?.operation !== 'query') return interpret(r);
      let query = compiled.get(r.key)?.query ?? null;
      if (!query) {
        const counted = uses.get(r.key) ?? { n: 0, declined: false };
        counted.n += 1;
        uses.set(r.key, counted);
        if (counted.declined || counted.n < compileAfterUses || !mayCompile(Date.now())) return interpret(r);
        query = compile(r);
        if (!query) {
          counted.declined = true;
          return interpret(r);
        }
        uses.delete(r.key);
      }
      const coerced = getVariableValues(schema, (r.operation.variableDefinitions ?? []) as never, r.variables);
      if (coerced.errors) return { errors: coerced.errors };
      const result = query.query(undefined, r.context, r.variables);
      return result instanceof Promise ? result.then(withGraphQLErrors) : withGraphQLErrors(result);
    },
    /** How many compiled queries are kept, and their estimated weight in bytes. */
    stats: () => ({ queries: compiled.size, bytes: compiled.calculatedSize }),
  };
}

/**
 * The schema handed to Apollo as a fixed "gateway": Apollo's one way of running its pipeline with another executor.
 * The schema never changes after start.
 */
export function compiledGateway(schema: GraphQLSchema, maxBytes: number, compileAfterUses: number): GatewayInterface {
  const executor = compiledExecutor(schema, maxBytes, compileAfterUses);
  registerGauge({ name: 'twinbook_compiled_queries', help: 'Queries kept compiled in this process.', collect: () => executor.stats().queries });
  registerGauge({
    name: 'twinbook_compiled_query_bytes',
    help: 'Estimated heap the compiled queries of this process hold, bounded by COMPILED_QUERY_CACHE_MB.',
    collect: () => executor.stats().bytes,
  });
  const run: GatewayExecutor = async (rc) =>
    executor.run({
      document: rc.document,
      // The name the client asked for: the context's own is the resolved operation's, null when none was found.
      operationName: rc.request.operationName ?? null,
      operation: rc.operation,
      variables: rc.request.variables ?? {},
      context: rc.context,
      key: `${rc.queryHash}\n${rc.request.operationName ?? ''}`,
    }) as ReturnType<GatewayExecutor>;
  return {
    async load() {
      return { executor: run };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}
