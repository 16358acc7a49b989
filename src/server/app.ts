import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Config } from '../config';
import { inRequestScope, type Logger } from '../logger';
import { AuthenticationError, IdentityUnavailableError, TokenVerifier } from './auth';
import { createRequestContext, Memo, type RequestContext } from '../core/context';
import { applyCors } from './cors';
import { formatError, HttpError, httpErrorAnswer, RETRY_AFTER_SECONDS, errorStatusPlugin } from './errors';
import { serveExplorer, type ExplorerToken } from './explorer';
import { idempotencyKeyOf, idempotencyPlugin, startIdempotencyCleanup } from './idempotency';
import { queryLimits } from './limits';
import { ApiMetrics, newObservation, type Observation } from './metrics';
import { compiledGateway } from './compiled-queries';
import { queryCaches } from './query-caches';
import { knownOperationTypes } from './operation-types';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';
import { createSchema, MODULE_ROUTES } from './schema';
import { startEventBroker } from './event-broker';
import { createSubscriptionServer } from './subscriptions';
import { provideEventStream } from '../core/event-stream';

const MAX_BODY_BYTES = 1024 * 1024;

export interface App {
  server: Server;
  apollo: ApolloServer<RequestContext>;
  /** The port it listens on, once listening. */
  port(): number;
  listen(port: number, host?: string): Promise<void>;
  /** Bearer tokens the explorer offers to ask with (the demo data's, on a developer's embedded engine). */
  offerExplorerTokens(tokens: readonly ExplorerToken[]): void;
  /** Stops taking connections, waits for the requests in flight (up to `graceMs`, SHUTDOWN_GRACE_SECONDS by default), then stops. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The path and query string of a request target. Any target a client sends must be answered, so this never
 * throws: `new URL()` refuses some origin-form targets ("//", "//x:y"), which are only paths here.
 */
function splitTarget(target: string): { pathname: string; search: string } | null {
  if (!target.startsWith('/')) {
    // Absolute-form (through a proxy) names the path inside a URL; asterisk-form and the rest name none.
    if (!/^https?:\/\//i.test(target) || !URL.canParse(target)) return null;
    const url = new URL(target);
    return { pathname: url.pathname, search: url.search };
  }
  const query = target.indexOf('?');
  return query < 0 ? { pathname: target, search: '' } : { pathname: target.slice(0, query), search: target.slice(query) };
}

/**
 * Past the limit the rest of a body is still read, and dropped, up to this much: the 413 then goes out on a connection
 * whose input is drained, so closing it is a clean close the client sees. Closing a socket with unread input resets it,
 * and a reset can destroy the 413 before the client reads it. A larger body is not waited for.
 */
const MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;

function bodyTooLarge(): HttpError {
  return new HttpError(413, 'BAD_REQUEST', 'request body too large');
}

function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_DRAINED_BYTES) return Promise.reject(bodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAINED_BYTES) {
        req.removeAllListeners('data');
        reject(bodyTooLarge());
      } else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(bodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export interface AppOptions {
  /**
   * The PostgreSQL server to LISTEN on for events committed by other API processes; unset on the embedded engine,
   * which serves one process (and one connection), so that events there come from this process alone.
   */
  listenUrl?: string;
}

/**
 * Builds the HTTP server: GraphQL at /graphql (subscriptions over WebSocket on the same path), liveness at /health,
 * readiness (database reachable) at /ready, Prometheus metrics at /metrics. Every answer carries the request's id in
 * X-Request-Id, as do its log lines.
 */
export async function createApp(config: Config, em: EntityManager, logger: Logger, options: AppOptions = {}): Promise<App> {
  const schema = await createSchema();
  const metrics = new ApiMetrics(em, config, logger);
  metrics.instrumentMutations(schema);
  const limits = queryLimits(schema, config);
  const format = formatError(logger);
  const caches = queryCaches(config.documentCacheBytes);
  const apollo = new ApolloServer<RequestContext>({
    // Queries sent again and again run compiled; the rest on graphql-js (compiled-queries.ts).
    ...(config.compiledQueryCacheBytes > 0 ? { gateway: compiledGateway(schema, config.compiledQueryCacheBytes, config.compileQueriesAfterUses) } : { schema }),
    documentStore: caches.documentStore,
    persistedQueries: caches.persistedQueries,
    // No HTTP caching of GraphQL answers here; the cache-control plugin would still run on every field.
    plugins: [
      // First: a limit refusing the operation in a later plugin must not keep the metrics from learning its name.
      metrics.plugin(),
      ...limits.plugins,
      idempotencyPlugin(em, config, logger, format),
      errorStatusPlugin(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      // Its landing page loads from a CDN; the explorer (explorer.ts) is served from this process's own packages.
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: [knownOperationTypes, ...limits.validationRules],
    parseOptions: { maxTokens: config.maxTokens },
    formatError: format,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    introspection: config.graphqlIntrospection,
    // The process entry owns shutdown: it stops taking requests, then closes the database.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const tokens = new TokenVerifier(config);
  let explorerTokens: readonly ExplorerToken[] = [];
  // What modules keep for the process (caches) lives here, one per app.
  const shared = new Memo();
  const cleanup = startIdempotencyCleanup(em, config, logger);
  const events = startEventBroker(options.listenUrl, logger);
  provideEventStream(shared, events);
  const subscriptions = createSubscriptionServer({ schema, config, em, logger, shared, tokens, format, validationRules: limits.validationRules });

  /** Counts a GraphQL request in the metrics once, when its status is known, and logs it at debug level. */
  function observe(log: Logger) {
    const observation = newObservation();
    const started = process.hrtime.bigint();
    let recorded = false;
    const record = (status: number) => {
      if (recorded) return;
      recorded = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const outcome = metrics.record(observation, status, seconds);
      log.debug({ operation: observation.name, type: observation.type, outcome, status, ms: Math.round(seconds * 1000) }, 'graphql request');
    };
    return { observation, record };
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, search: string, log: Logger): Promise<void> {
    const { observation, record } = observe(log);
    try {
      await answerGraphql(req, res, search, log, observation, record);
    } catch (err) {
      // Refused before Apollo (a body that is not JSON or too large, a malformed key) or a fault; the caller answers it.
      record(err instanceof HttpError ? err.status : 500);
      throw err;
    }
  }

  async function answerGraphql(
    req: IncomingMessage,
    res: ServerResponse,
    search: string,
    log: Logger,
    observation: Observation,
    record: (status: number) => void,
  ): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    // A malformed key is refused before anything runs, whatever the operation.
    idempotencyKeyOf(headers);
    const raw = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new HttpError(400, 'BAD_REQUEST', 'request body is not valid JSON');
      }
    }
    const httpRequest: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search, body };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: httpRequest,
      context: async () => {
        try {
          const viewer = await tokens.viewer(headers.get('authorization'));
          const ctx = createRequestContext(em, viewer, log, config, shared);
          metrics.attach(ctx, observation);
          return ctx;
        } catch (err) {
          if (err instanceof AuthenticationError) {
            throw new GraphQLError(err.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
          }
          if (err instanceof IdentityUnavailableError) {
            logger.warn({ err: err.cause }, 'identity provider key set unreachable');
            const headers = new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]);
            throw new GraphQLError(err.message, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers } } });
          }
          throw err;
        }
      },
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    // Before the answer goes out, so that a scrape its client sends next already counts it.
    record(res.statusCode);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  const server = createServer((req, res) => {
    const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (applyCors(req, res, config.corsOrigins)) return;
    const log = logger.child({ requestId });
    const target = splitTarget(req.url ?? '/');
    const handle = async () => {
      if (!target) throw new HttpError(400, 'BAD_REQUEST', 'the request target is not a path');
      if (serveExplorer(req, res, target.pathname, () => explorerTokens, config.graphqlIntrospection)) return;
      if (target.pathname === '/graphql') return graphql(req, res, target.search, log);
      if (target.pathname === '/metrics' && config.metricsEnabled && req.method === 'GET') return metrics.serve(req, res, config.metricsToken);
      const route = MODULE_ROUTES.find((r) => r.matches(target.pathname));
      if (route) return route.handle(req, res, target.pathname, em);
      if (target.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      if (target.pathname === '/ready') {
        await em.getConnection().execute('select 1');
        return sendJson(res, 200, { status: 'ready' });
      }
      throw new HttpError(404, 'NOT_FOUND', 'no such path; GraphQL is served on /graphql');
    };
    // Everything the request runs logs with its id, the shared error mapper and plugins included.
    inRequestScope(log, () =>
      handle().catch((err: unknown) => {
        const answer = httpErrorAnswer(format, err, target?.pathname === '/ready' ? 503 : 500);
        // After a refused body the connection is closed, never reused: what the client sent may not all have been read.
        if (answer.status === 413) res.setHeader('connection', 'close');
        if (answer.status === 503) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        if (!res.headersSent) sendJson(res, answer.status, answer.body);
        else res.end();
      }),
    );
  });
  server.keepAliveTimeout = 65_000;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (splitTarget(req.url ?? '/')?.pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    subscriptions.handleUpgrade(req, socket, head);
  });

  return {
    server,
    apollo,
    port: () => (server.address() as AddressInfo).port,
    listen: (port, host) => new Promise((resolve) => server.listen(port, host, resolve)),
    offerExplorerTokens(tokens) {
      explorerTokens = tokens;
    },
    async close(graceMs = config.shutdownGraceSeconds * 1000) {
      // Subscriptions first (each socket told 1001, going away), then the LISTEN connection.
      await subscriptions.close();
      await events.close();
      // Then stop listening (new connections are refused), close the idle keep-alive ones, and let the requests in flight
      // finish: each connection is closed as soon as its last answer is out. Past the grace, whatever runs is cut.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      try {
        await closed;
      } finally {
        clearInterval(idle);
        clearTimeout(cut);
      }
      await cleanup.stop();
      await apollo.stop();
    },
  };
}
