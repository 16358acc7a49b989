import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isConnectionFailure, isQueryCanceled } from '../db/db-errors';
import { requestLogger, type Logger } from '../logger';
import { limitCode } from './limits';

// Codes whose message was written for the client; anything else is unexpected and told without internals.
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  // The identity provider's key set could not be fetched to verify a token (src/server/auth.ts).
  'SERVICE_UNAVAILABLE',
  'FORBIDDEN',
  'QUERY_TOO_COSTLY',
  // Request-level refusals of an Idempotency-Key (src/server/idempotency.ts): no resolver ran, so no userErrors.
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_USE',
]);

/** The code of an answer given while the database is unreachable, with HTTP 503 and Retry-After. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/** Seconds a client is told to wait before trying again while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;
/**
 * The code of an answer whose statement ran past DB_STATEMENT_TIMEOUT_SECONDS and was cancelled, with HTTP 504 and
 * no Retry-After: the same request would most likely time out again, so clients are not invited to retry it as is.
 */
export const QUERY_TIMEOUT = 'QUERY_TIMEOUT';
/** Codes of answers in which the server, not the request, failed to give a result: nothing of a mutation was kept. */
export const FAULT_CODES: ReadonlySet<string> = new Set(['INTERNAL_SERVER_ERROR', SERVICE_UNAVAILABLE, QUERY_TIMEOUT]);

/** A failure of the HTTP layer, before any GraphQL: its status and client code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'BAD_REQUEST' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

function httpStatusOf(error: unknown): number | undefined {
  const http = error instanceof GraphQLError ? (error.extensions.http as { status?: unknown } | undefined) : undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}

/**
 * The client code of a refusal that Apollo or graphql-js sends without one, or null for a real fault. These
 * would otherwise be told as INTERNAL_SERVER_ERROR although the request, not the server, is at fault.
 */
function uncodedRefusal(error: unknown): string | null {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined || error.path) return null;
  // graphql-js stops coercing variables after 50 bad ones and says so in an error naming none of them.
  if (/^Too many errors processing variables/.test(error.message)) return 'BAD_USER_INPUT';
  if (/^Unsupported persisted query version/.test(error.message)) return 'PERSISTED_QUERY_NOT_SUPPORTED';
  // Apollo refuses a malformed request (a persisted query whose hash does not match its text) with a 4xx status only.
  const status = httpStatusOf(error);
  return status !== undefined && status >= 400 && status < 500 ? 'BAD_REQUEST' : null;
}

/**
 * The one error mapper: every failure, from a resolver, a plugin, Apollo or the HTTP layer, is told to the
 * client through it. Known ones keep their message with a stable code; the rest are logged and masked.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    if (code === 'UNAUTHORIZED') {
      return { message: 'Your role may not do this', path: formatted.path, extensions: { code: 'FORBIDDEN' } };
    }
    const clientCode = CLIENT_CODES.has(code) ? code : uncodedRefusal(error);
    if (clientCode) {
      const limit = clientCode === 'GRAPHQL_VALIDATION_FAILED' || clientCode === 'GRAPHQL_PARSE_FAILED' ? limitCode(formatted.message) : null;
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: limit ?? clientCode } };
    }
    const cause = unwrapResolverError(error) ?? error;
    if (isQueryCanceled(cause)) {
      // The request asked for more than the database may spend on one statement (or an operator stopped it); its
      // transaction is rolled back and the connection goes back to the pool.
      requestLogger(logger).warn({ err: cause, path: formatted.path }, 'statement cancelled: query timeout');
      return {
        message: 'The request took longer than the database allows and was stopped; ask for less (a shorter period, a smaller page) or try again later',
        path: formatted.path,
        extensions: { code: QUERY_TIMEOUT },
      };
    }
    if (isConnectionFailure(cause)) {
      // Not a fault of the request or of the code: the same request succeeds once the database is back.
      requestLogger(logger).warn({ err: cause, path: formatted.path }, 'database unavailable');
      return { message: 'The service is unavailable for a moment; try again shortly', path: formatted.path, extensions: { code: SERVICE_UNAVAILABLE } };
    }
    requestLogger(logger).error({ err: cause, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/**
 * The HTTP answer to a failure outside Apollo (a request target, body or path refused, or a fault), told
 * through the same mapper as every GraphQL error. `faultStatus` is the status of a fault: 500, or 503 for readiness.
 */
export function httpErrorAnswer(
  format: ReturnType<typeof formatError>,
  err: unknown,
  faultStatus = 500,
): { status: number; body: { errors: GraphQLFormattedError[] } } {
  const error =
    err instanceof HttpError
      ? new GraphQLError(err.message, { extensions: { code: err.code } })
      : new GraphQLError('Unexpected error', { originalError: err instanceof Error ? err : new Error(String(err)) });
  const answer = format(error.toJSON(), err instanceof HttpError ? error : err);
  const status = err instanceof HttpError ? err.status : (statusOfCode(answer.extensions?.code) ?? faultStatus);
  return { status, body: { errors: [answer] } };
}

/** The HTTP status of an answer carrying this error code, when the code has one of its own. */
function statusOfCode(code: unknown): number | undefined {
  if (code === SERVICE_UNAVAILABLE) return 503;
  if (code === QUERY_TIMEOUT) return 504;
  return undefined;
}

/**
 * Apollo plugin: an answer with an error the mapper told as SERVICE_UNAVAILABLE (the database unreachable) goes out
 * as HTTP 503 with Retry-After, which load balancers and clients retry, rather than as 200 with an error inside; one
 * told as QUERY_TIMEOUT (a statement cancelled) as HTTP 504 without Retry-After. An outage wins over a timeout.
 */
export function errorStatusPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const codes = new Set(errors?.map((e) => e.extensions?.code));
          const code = codes.has(SERVICE_UNAVAILABLE) ? SERVICE_UNAVAILABLE : codes.has(QUERY_TIMEOUT) ? QUERY_TIMEOUT : undefined;
          if (!code) return;
          response.http.status = statusOfCode(code);
          if (code === SERVICE_UNAVAILABLE) response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
