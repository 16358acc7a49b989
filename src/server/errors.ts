import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger';
import { limitCode } from './limits';

// Codes whose message was written for the client; anything else is unexpected and told without internals.
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COSTLY',
]);

/** Formats every error for the client: known ones as they are (with a clear code), the rest logged and masked. */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    const original = unwrapResolverError(error);
    if (code === 'UNAUTHORIZED') {
      return { message: 'Your role may not do this', path: formatted.path, extensions: { code: 'FORBIDDEN' } };
    }
    if (CLIENT_CODES.has(code)) {
      const limit = code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' ? limitCode(formatted.message) : null;
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: limit ?? code } };
    }
    logger.error({ err: original ?? error, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
