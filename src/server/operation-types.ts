import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses an operation whose type the schema has no root for (a subscription, here). graphql-js 16 lets it
 * through validation and fails it in execution with an error that has no code, which would be told as a fault.
 */
export function knownOperationTypes(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (!schema.getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This API does not serve ${node.operation} operations.`, { nodes: node }));
      }
      return false;
    },
  };
}
