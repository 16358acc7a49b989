import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { defaultFieldResolver, getOperationAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../config';
import type { RequestContext } from '../core/context';
import { registeredGauges } from '../core/metrics';
import type { Logger } from '../logger';
import { requestLogger } from '../logger';

/** How a GraphQL request ended, as the metrics count it. */
export type Outcome = 'ok' | 'user_error' | 'error' | 'refused';

/** What one GraphQL request turned out to be, filled in as Apollo and the mutations go. */
export interface Observation {
  /** query, mutation, subscription; null until the document is parsed (it may never be). */
  type: string | null;
  /** The operation's name; null for an anonymous one, undefined until the document is parsed. */
  name: string | null | undefined;
  /** The codes of the mutations' userErrors. */
  userErrorCodes: string[];
  /** The codes of the GraphQL errors answered. */
  errorCodes: string[];
}

export function newObservation(): Observation {
  return { type: null, name: undefined, userErrorCodes: [], errorCodes: [] };
}

/**
 * A fault (HTTP 5xx or INTERNAL_SERVER_ERROR) is an error; any other GraphQL error (a limit, a parse or validation
 * failure, a bad argument, a missing token or role) is a refusal, as is an HTTP 4xx; a mutation answering userErrors is
 * a user error; the rest is ok. A replayed idempotent answer counts as ok (its user errors were counted the first time).
 */
export function outcomeOf(observation: Observation, status: number): Outcome {
  if (status >= 500 || observation.errorCodes.includes('INTERNAL_SERVER_ERROR')) return 'error';
  if (status >= 400 || observation.errorCodes.length > 0) return 'refused';
  if (observation.userErrorCodes.length > 0) return 'user_error';
  return 'ok';
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Operation names as metric labels, bounded: clients choose names, so only the first `max` distinct ones get a
 * series of their own and later ones are counted as `other`; an unnamed operation is `anonymous`, a request whose
 * document was never parsed `unknown`.
 */
export class OperationNames {
  private readonly known = new Set<string>();

  constructor(private readonly max: number) {}

  label(name: string | null | undefined): string {
    if (name === undefined) return 'unknown';
    if (name === null) return 'anonymous';
    if (!NAME.test(name)) return 'other';
    if (this.known.has(name)) return name;
    if (this.known.size >= this.max) return 'other';
    this.known.add(name);
    return name;
  }
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  max: number;
}

function poolOf(em: EntityManager): TarnPool | null {
  const client = em.getConnection('write').getKnex().client as { pool?: TarnPool };
  return client.pool ?? null;
}

function userErrorCodesOf(result: unknown): string[] {
  const errors = (result as { userErrors?: unknown } | null | undefined)?.userErrors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => String((e as { code?: unknown }).code));
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

// On the context itself, under a key of its own: Apollo runs each operation on a shallow copy of the context the
// HTTP handler made, so a map keyed by that object would not find it again; a symbol-keyed property is copied along.
const OBSERVATION = Symbol('metrics observation');
type Observed = RequestContext & { [OBSERVATION]?: Observation };
const observationOf = (ctx: RequestContext): Observation | undefined => (ctx as Observed)[OBSERVATION];

/** The process's Prometheus metrics: GraphQL requests and their latency, user errors, the database pool, Node's own. */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly names: OperationNames;
  private readonly requests: Counter<'type' | 'operation' | 'outcome'>;
  private readonly duration: Histogram<'type' | 'operation'>;
  private readonly userErrors: Counter<'code'>;
  private readonly clashes: Counter;
  private readonly moduleGauges = new Set<string>();

  constructor(
    private readonly em: EntityManager,
    config: Config,
    private readonly logger: Logger,
  ) {
    const registers = [this.registry];
    this.names = new OperationNames(config.metricsMaxOperationNames);
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'twinbook_graphql_requests_total',
      help: 'GraphQL requests answered, by operation type and name and by outcome (ok, user_error, error, refused).',
      labelNames: ['type', 'operation', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'twinbook_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to having its answer, by operation type and name.',
      labelNames: ['type', 'operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.userErrors = new Counter({
      name: 'twinbook_graphql_user_errors_total',
      help: 'userErrors answered by mutations, by code.',
      labelNames: ['code'],
      registers,
    });
    this.clashes = new Counter({
      name: 'twinbook_physical_clash_refusals_total',
      help: 'Refusals answered with PHYSICAL_CLASH (a physical booking or a lockout over confirmed physical work), found by the check or by the exclusion constraint.',
      registers,
    });
    new Gauge({
      name: 'twinbook_db_pool_connections',
      help: 'Database connections of this process: used (lent to a request), free (idle in the pool), pending (requests waiting for one), max (the pool size).',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = poolOf(em);
        if (!pool) return;
        this.set({ state: 'used' }, pool.numUsed());
        this.set({ state: 'free' }, pool.numFree());
        this.set({ state: 'pending' }, pool.numPendingAcquires());
        this.set({ state: 'max' }, pool.max);
      },
    });
  }

  /** Ties a request's context to its observation, so that the plugin and the mutations can fill it in. */
  attach(ctx: RequestContext, observation: Observation): void {
    (ctx as Observed)[OBSERVATION] = observation;
  }

  /** Counts one answered GraphQL request. */
  record(observation: Observation, status: number, seconds: number): Outcome {
    const type = observation.type ?? 'unknown';
    const operation = this.names.label(observation.name);
    const outcome = outcomeOf(observation, status);
    this.requests.inc({ type, operation, outcome });
    this.duration.observe({ type, operation }, seconds);
    for (const code of observation.userErrorCodes) {
      this.userErrors.inc({ code });
      if (code === 'PHYSICAL_CLASH') this.clashes.inc();
    }
    return outcome;
  }

  /** The Apollo plugin that learns each request's operation and the codes of the errors it answers. Goes first. */
  plugin(): ApolloServerPlugin<RequestContext> {
    const learn = (observation: Observation, document: DocumentNode, operationName: string | undefined | null) => {
      const operation = getOperationAST(document, operationName);
      if (!operation) return;
      observation.type = operation.operation;
      observation.name = operation.name?.value ?? null;
    };
    return {
      async requestDidStart({ contextValue }) {
        const observation = observationOf(contextValue);
        if (!observation) return;
        return {
          // A document Apollo has validated before skips validation: didResolveOperation names it then.
          async validationDidStart({ document, request }) {
            learn(observation, document, request.operationName);
          },
          async didResolveOperation({ document, request }) {
            learn(observation, document, request.operationName);
          },
          async willSendResponse({ response }) {
            if (response.body.kind !== 'single') return;
            observation.errorCodes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code ?? ''));
          },
        };
      },
    };
  }

  /** Wraps every mutation's resolver to note the codes of the userErrors it returns, whatever the client selected. */
  instrumentMutations(schema: GraphQLSchema): void {
    const mutation = schema.getMutationType();
    if (!mutation) return;
    for (const field of Object.values(mutation.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, context: RequestContext, info) => {
        const result: unknown = await resolve(source, args, context, info);
        observationOf(context)?.userErrorCodes.push(...userErrorCodesOf(result));
        return result;
      };
    }
  }

  /** The exposition text, with the gauges modules registered (src/core/metrics.ts) read now. */
  async exposition(): Promise<string> {
    for (const gauge of registeredGauges()) {
      if (this.moduleGauges.has(gauge.name)) continue;
      this.moduleGauges.add(gauge.name);
      const { em, logger } = this;
      new Gauge({
        name: gauge.name,
        help: gauge.help,
        registers: [this.registry],
        async collect() {
          try {
            this.set(await gauge.collect(em.fork()));
          } catch (err) {
            this.reset();
            requestLogger(logger).error({ err, metric: gauge.name }, 'a metric could not be collected');
          }
        },
      });
    }
    return this.registry.metrics();
  }

  /** Answers GET /metrics: Prometheus text, to a request bearing `token` when one is configured. */
  async serve(req: IncomingMessage, res: ServerResponse, token: string | undefined): Promise<void> {
    if (token !== undefined) {
      const sent = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(sha256(sent), sha256(token))) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' });
        res.end('metrics need the bearer token set in METRICS_TOKEN\n');
        return;
      }
    }
    const body = await this.exposition();
    res.writeHead(200, { 'content-type': this.registry.contentType });
    res.end(body);
  }
}
