import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { BREAK, getVariableValues, GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../config';
import type { RequestContext } from '../core/context';

/**
 * Lists that are paged cost what one page of them costs. A list asked for without `first` (left out, or a
 * variable not sent) still returns the resolvers' default page of 20, so it costs that much too.
 */
const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : 20;
  return 1 + first * Math.max(childComplexity, 1);
};

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

/**
 * The estimated cost of one operation of a document with its variables (scaled by `first`, a calendar by its days),
 * and whether it read arguments to say so. Throws QUERY_TOO_COSTLY when it is too large to cost at all.
 */
function estimateCost(
  schema: GraphQLSchema,
  maxCost: number,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): { cost: number; readArguments: boolean } {
  let readArguments = false;
  const byArguments = (estimator: ComplexityEstimator): ComplexityEstimator => (options) => {
    const cost = estimator(options);
    if (cost !== undefined) readArguments = true;
    return cost;
  };
  try {
    const cost = getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [byArguments(calendarEstimator), byArguments(planningEstimator), byArguments(pagedEstimator), totalCountEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    return { cost, readArguments };
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

/** Apollo plugin that refuses a query whose estimated cost (scaled by `first`) exceeds the limit, with HTTP 400. */
function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<RequestContext> {
  // An operation with no paged list, no calendar and no field left in or out by a variable costs the same whatever
  // its variables: its cost is kept with its parsed document (which Apollo caches per query text), so that it is
  // estimated once, not on every request.
  const fixedCosts = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // No operation by that name (or several and no name): execution refuses it with OPERATION_RESOLUTION_FAILURE.
          if (!operation) return;
          const operationName = request.operationName ?? '';
          const known = fixedCosts.get(document)?.get(operationName);
          if (known !== undefined) {
            if (known > maxCost) throw tooCostly(known, maxCost);
            return;
          }
          // Variables that do not coerce cannot be costed; execution refuses them as BAD_USER_INPUT (HTTP 400)
          // before any resolver runs, whereas the estimator would throw them as an unexpected error (HTTP 500).
          if (getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) return;
          const { cost, readArguments } = estimateCost(schema, maxCost, document, request.operationName ?? undefined, request.variables ?? {});
          if (!readArguments && !includesByVariable(document)) {
            const costs = fixedCosts.get(document) ?? new Map<string, number>();
            costs.set(operationName, cost);
            fixedCosts.set(document, costs);
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
