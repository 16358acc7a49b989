import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { BREAK, getVariableValues, GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../config';
import type { RequestContext } from '../core/context';

/**
 * Lists that are paged cost what one page of them costs. A list asked for without `first` (left out, or a
 * variable not sent) still returns the resolvers' default page of 20, so it costs that much too.
 */
const PAGED_ARGUMENTS = ['first'];
const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : 20;
  return 1 + first * Math.max(childComplexity, 1);
};

const CALENDAR_ARGUMENTS = ['from', 'to', 'fromDate', 'toDate'];

/** A calendar costs by the days its window spans, since every entry and day grows with it. */
const calendarEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name !== 'calendar') return undefined;
  // By instants or by local days (the last one included); a window the resolver will refuse costs a month.
  const from = Date.parse(String(args.from ?? args.fromDate));
  const to = Date.parse(String(args.to ?? args.toDate)) + (args.to == null && args.toDate != null ? 86_400_000 : 0);
  const days = Number.isFinite(from) && Number.isFinite(to) && to > from ? Math.ceil((to - from) / 86_400_000) : 31;
  return 10 + Math.min(days, 366) * Math.max(childComplexity, 1);
};

/**
 * Busy time and free slots are one statement for all the models of a request (a DataLoader batches them), and each
 * model's answer is a short list of merged ranges: a model costs what its ranges' fields cost, whatever the window.
 * `Query.busyRanges` is priced by the models it names (at most 100), so 50 models over a month cost about 200.
 */
const PLANNING_ARGUMENTS = ['modelIds'];
const planningEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name === 'busyRanges' && Array.isArray(args.modelIds)) return 10 + Math.min(args.modelIds.length, 101) * Math.max(childComplexity, 1);
  if (field.name === 'busyRanges' || field.name === 'freeSlots') return 1 + Math.max(childComplexity, 1);
  return undefined;
};

/**
 * A list's totalCount is one count query over the whole filtered list, not one item: it costs like a page of ten,
 * so that aliasing it many times is bounded like aliasing lists is.
 */
export const TOTAL_COUNT_COST = 10;
const totalCountEstimator: ComplexityEstimator = ({ field }) => (field.name === 'totalCount' ? TOTAL_COUNT_COST : undefined);

function tooCostly(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}; ask for fewer items (first) or fields.`, {
    extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost, http: { status: 400 } },
  });
}

/** True when the document leaves fields in or out by a variable (`@include` or `@skip` on one): its cost depends on it. */
function includesByVariable(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if ((node.name.value === 'include' || node.name.value === 'skip') && node.arguments?.some((a) => a.value.kind === Kind.VARIABLE)) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The variables a value names, however deep in lists and input objects. */
function variablesIn(value: ValueNode, into: Set<string>): void {
  if (value.kind === Kind.VARIABLE) into.add(value.name.value);
  else if (value.kind === Kind.LIST) value.values.forEach((v) => variablesIn(v, into));
  else if (value.kind === Kind.OBJECT) value.fields.forEach((f) => variablesIn(f.value, into));
}

/**
 * The estimated cost of one operation of a document with its variables (scaled by `first`, a calendar by its days),
 * and the variables it depended on: those given to an argument an estimator read. Throws QUERY_TOO_COSTLY when it is
 * too large to cost at all.
 */
function estimateCost(
  schema: GraphQLSchema,
  maxCost: number,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): { cost: number; dependsOn: Set<string> } {
  const dependsOn = new Set<string>();
  const byArguments =
    (estimator: ComplexityEstimator, reads: readonly string[]): ComplexityEstimator =>
    (options) => {
      const cost = estimator(options);
      if (cost !== undefined) {
        for (const arg of options.node.arguments ?? []) if (reads.includes(arg.name.value)) variablesIn(arg.value, dependsOn);
      }
      return cost;
    };
  try {
    const cost = getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [
        byArguments(calendarEstimator, CALENDAR_ARGUMENTS),
        byArguments(planningEstimator, PLANNING_ARGUMENTS),
        byArguments(pagedEstimator, PAGED_ARGUMENTS),
        totalCountEstimator,
        simpleEstimator({ defaultComplexity: 1 })],
    });
    return { cost, dependsOn };
  } catch (err) {
    // The estimator gives up past its node cap: fragments that multiply each other cost more than any limit.
    if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
      throw new GraphQLError(`Query is too large to cost; its limit is ${maxCost}. Ask for fewer items (first) or fields.`, {
        extensions: { code: 'QUERY_TOO_COSTLY', maxCost, http: { status: 400 } },
      });
    }
    throw err;
  }
}

/**
 * Refuses (throws QUERY_TOO_COSTLY) an operation whose estimated cost exceeds the limit: for operations served outside
 * Apollo (subscriptions). Variables that do not coerce are left for execution to refuse, as the plugin leaves them.
 */
export function checkCost(
  schema: GraphQLSchema,
  maxCost: number,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
  const { cost } = estimateCost(schema, maxCost, document, operation.name?.value, variables);
  if (cost > maxCost) throw tooCostly(cost, maxCost);
}

/** Costs remembered for one operation of a document: keyed by the values of the variables its cost depends on. */
interface KnownCosts {
  dependsOn: string[];
  costs: Map<string, number>;
}

/**
 * Distinct values of its cost's variables remembered per operation (a calendar's windows, say), and the longest such
 * values remembered (a hundred model ids are not): past either, the cost is estimated each time. They bound what a
 * cached document can hold beside itself.
 */
const COSTS_PER_OPERATION = 64;
const LONGEST_COST_KEY = 512;

/** Apollo plugin that refuses a query whose estimated cost (scaled by `first`) exceeds the limit, with HTTP 400. */
function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<RequestContext> {
  // An operation's cost depends on its document and on the values of the few variables an estimator reads (`first`, a
  // calendar's window, the models of busyRanges), not on the others (a search's input): it is kept with its parsed
  // document (which Apollo caches per query text) under those values, so that a client sending the same shape again
  // is not costed again. A document leaving fields in or out by a variable is costed every time.
  const known = new WeakMap<DocumentNode, Map<string, KnownCosts>>();
  const keyOf = (names: string[], variables: Record<string, unknown>) => JSON.stringify(names.map((n) => variables[n] ?? null));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // No operation by that name (or several and no name): execution refuses it with OPERATION_RESOLUTION_FAILURE.
          if (!operation) return;
          const operationName = request.operationName ?? '';
          const variables = request.variables ?? {};
          const remembered = known.get(document)?.get(operationName);
          const rememberedCost = remembered?.costs.get(keyOf(remembered.dependsOn, variables));
          if (rememberedCost !== undefined) {
            if (rememberedCost > maxCost) throw tooCostly(rememberedCost, maxCost);
            return;
          }
          // Variables that do not coerce cannot be costed; execution refuses them as BAD_USER_INPUT (HTTP 400)
          // before any resolver runs, whereas the estimator would throw them as an unexpected error (HTTP 500).
          if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
          const { cost, dependsOn } = estimateCost(schema, maxCost, document, request.operationName ?? undefined, variables);
          if (!includesByVariable(document)) {
            const operations = known.get(document) ?? new Map<string, KnownCosts>();
            const entry = remembered ?? { dependsOn: [...dependsOn].sort(), costs: new Map<string, number>() };
            const key = keyOf(entry.dependsOn, variables);
            if (entry.costs.size < COSTS_PER_OPERATION && key.length <= LONGEST_COST_KEY) entry.costs.set(key, cost);
            operations.set(operationName, entry);
            known.set(document, operations);
          }
          if (cost > maxCost) throw tooCostly(cost, maxCost);
        },
      };
    },
  };
}

/** Depth, alias and directive limits (graphql-armor) and the cost limit; tokens are bounded by the parser. */
export function queryLimits(schema: GraphQLSchema, config: Config) {
  const armor = new ApolloArmor({
    maxDepth: { enabled: true, n: config.maxQueryDepth, ignoreIntrospection: true },
    maxAliases: { enabled: true, n: config.maxAliases },
    maxDirectives: { enabled: true, n: 20 },
    // Token limits belong to the parser (parseOptions.maxTokens): armor's own rejects syntax errors with a 500.
    maxTokens: { enabled: false },
    // Our own cost limit scales by page size, which armor's does not.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return {
    plugins: [...protection.plugins, costLimitPlugin(schema, config.maxQueryCost)],
    validationRules: protection.validationRules,
  };
}

/** Stable codes for the limits, read from the messages the validators give. */
export function limitCode(message: string): string | null {
  if (/depth limit/i.test(message)) return 'QUERY_TOO_DEEP';
  if (/aliases limit/i.test(message)) return 'TOO_MANY_ALIASES';
  if (/directives limit/i.test(message)) return 'TOO_MANY_DIRECTIVES';
  if (/more than \d+ tokens|more that \d+ tokens/i.test(message)) return 'TOO_MANY_TOKENS';
  return null;
}
