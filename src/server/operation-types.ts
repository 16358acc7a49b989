import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses, over HTTP, an operation whose type the schema has no root for, and a subscription, which is served over
 * WebSocket (graphql-ws, subscriptions.ts). graphql-js 16 lets both through validation and fails them in execution
 * with an error that has no code, which would be told as a fault.
 */
export function knownOperationTypes(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription') {
        context.reportError(new GraphQLError('A subscription is served over WebSocket (the graphql-ws protocol) on the same /graphql path, not over HTTP.', { nodes: node }));
      } else if (!schema.getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This API does not serve ${node.operation} operations.`, { nodes: node }));
      }
      return false;
    },
  };
}
