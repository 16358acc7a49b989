import type { EntityManager } from '@mikro-orm/postgresql';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Config } from '../config';
import { createRequestContext, type Memo } from '../core/context';
import { onDeadline } from '../core/deadline';
import type { Viewer } from '../core/viewer';
import type { Logger } from '../logger';
import { AuthenticationError, type TokenVerifier } from './auth';
import { originAllowed } from './cors';
import type { formatError } from './errors';
import { checkCost } from './limits';

/** Close codes of a refused connection (graphql-ws's own: 4401 Unauthorized, 4403 Forbidden). */
const UNAUTHORIZED = 4401;
const TOKEN_EXPIRED = 'the token has expired';
/** The largest message a client may send: a subscribe message is one operation, as an HTTP body is. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface SubscriptionServer {
  /** Takes over an HTTP upgrade request for /graphql (graphql-ws); refuses it when its Origin may not call the API. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket (1001 Going away), ending their subscriptions. */
  close(): Promise<void>;
}

export interface SubscriptionDeps {
  schema: GraphQLSchema;
  config: Config;
  em: EntityManager;
  logger: Logger;
  shared: Memo;
  tokens: TokenVerifier;
  format: ReturnType<typeof formatError>;
  /** The HTTP endpoint's depth, alias and directive limits. */
  validationRules: readonly ValidationRule[];
}

const refusal = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/** Closes a signed-in socket with 4401 when its token expires; the timer goes with the socket. */
function closeOnExpiry(socket: WebSocket, expiresAt: number): void {
  if (socket.readyState !== WebSocket.OPEN) return;
  const cancel = onDeadline(expiresAt, () => socket.close(UNAUTHORIZED, `Unauthorized: ${TOKEN_EXPIRED}`));
  socket.once('close', cancel);
}

/**
 * GraphQL subscriptions over the graphql-ws protocol on the HTTP server's own port and path. A client signs in once,
 * on connect (`connectionParams.authorization: "Bearer <token>"`); a missing or bad token closes the socket with 4401,
 * and so does the token's expiry later, since the socket would otherwise outlive the identity that opened it.
 * Every operation gets a request context of its own and the limits of the HTTP endpoint; queries and mutations stay
 * on HTTP, where idempotency keys and caching apply.
 */
export function createSubscriptionServer(deps: SubscriptionDeps): SubscriptionServer {
  const { schema, config, em, logger, shared, tokens, format } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const viewers = new WeakMap<object, Viewer>();
  const rules = [...specifiedRules, ...deps.validationRules];

  const server = useServer(
    {
      schema,
      async onConnect(ctx) {
        const authorization = ctx.connectionParams?.authorization;
        try {
          const grant = typeof authorization === 'string' ? await tokens.grant(authorization) : null;
          if (!grant) throw new AuthenticationError('send connectionParams.authorization: "Bearer <token>"');
          // A grant remembered by the verifier may reach its end between two requests: a socket would close at once.
          if (grant.expiresAt <= Date.now()) throw new AuthenticationError(TOKEN_EXPIRED);
          viewers.set(ctx, grant.viewer);
          closeOnExpiry(ctx.extra.socket, grant.expiresAt);
          return true;
        } catch (err) {
          if (!(err instanceof AuthenticationError)) throw err;
          ctx.extra.socket.close(UNAUTHORIZED, `Unauthorized: ${err.message}`);
          return false;
        }
      },
      onSubscribe(ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: config.maxTokens });
        } catch (err) {
          return [refusal(err instanceof Error ? err.message : String(err), 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((e) => refusal(e.message, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [refusal('name the operation to run (operationName) from the document', 'OPERATION_RESOLUTION_FAILURE')];
        if (operation.operation !== 'subscription') {
          return [refusal(`a ${operation.operation} is served over HTTP POST /graphql; this socket serves subscriptions`, 'BAD_REQUEST')];
        }
        const variables = payload.variables ?? {};
        try {
          checkCost(schema, config.maxQueryCost, document, operation, variables);
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        const viewer = viewers.get(ctx) ?? null;
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: variables,
          contextValue: createRequestContext(em, viewer, logger, config, shared),
        };
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return undefined;
        return { ...result, errors: result.errors.map((e) => format(e.toJSON(), e)) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((e) => format(e.toJSON(), e));
      },
    },
    wss,
  );

  return {
    handleUpgrade(req, socket, head) {
      if (!originAllowed(req.headers.origin, config.corsOrigins)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close: () => server.dispose() as Promise<void>,
  };
}
