import { GraphQLError } from 'graphql';
import type { UserError } from './user-error';

/**
 * A refused argument of a query. Queries have no payload to carry userErrors, so a bad argument is a GraphQL
 * error with the code clients already handle (BAD_USER_INPUT) and the argument's name; the rest of the answer
 * still comes back (HTTP 200), as for any field error.
 */
export function badArgument(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

/** The same, for what a validator of src/common/validate.ts found; its field path starts with the argument's name. */
export function badArgumentOf(error: UserError): GraphQLError {
  return badArgument(error.message, error.field?.[0] ?? '');
}

/**
 * A subscription refused when it starts: the thing named by the argument does not exist or the viewer may not see
 * it (one answer for both, so that a refusal tells nothing of what exists).
 */
export function refusedSubscription(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', argumentName } });
}
