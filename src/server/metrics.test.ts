import { newObservation, OperationNames, outcomeOf, type Observation } from './metrics';

const seen = (o: Partial<Observation>): Observation => ({ ...newObservation(), type: 'query', name: 'Q', ...o });

describe('outcomeOf', () => {
  it.each<[string, Partial<Observation>, number, string]>([
    ['an answer without errors', {}, 200, 'ok'],
    ['a mutation answering userErrors', { type: 'mutation', userErrorCodes: ['PHYSICAL_CLASH'] }, 200, 'user_error'],
    ['a validation failure', { errorCodes: ['GRAPHQL_VALIDATION_FAILED'] }, 400, 'refused'],
    ['a limit', { errorCodes: ['QUERY_TOO_COSTLY'] }, 400, 'refused'],
    ['a body refused before GraphQL', { type: null, name: undefined }, 413, 'refused'],
    ['a role refusal on one field', { errorCodes: ['FORBIDDEN'] }, 200, 'refused'],
    ['a missing token', { errorCodes: ['UNAUTHENTICATED'] }, 401, 'refused'],
    ['a fault on one field', { errorCodes: ['INTERNAL_SERVER_ERROR'] }, 200, 'error'],
    ['a fault with userErrors beside it', { userErrorCodes: ['NOT_FOUND'], errorCodes: ['INTERNAL_SERVER_ERROR'] }, 200, 'error'],
    ['an HTTP 500', {}, 500, 'error'],
  ])('%s is %s', (_what, observation, status, outcome) => {
    expect(outcomeOf(seen(observation), status)).toBe(outcome);
  });
});

describe('OperationNames', () => {
  it('labels the first names seen by themselves and later ones as other', () => {
    const names = new OperationNames(2);
    expect(['A', 'B', 'A', 'C', 'B', 'D'].map((n) => names.label(n))).toEqual(['A', 'B', 'A', 'other', 'B', 'other']);
  });

  it.each<[string, string | null | undefined, string]>([
    ['an unnamed operation', null, 'anonymous'],
    ['a document never parsed', undefined, 'unknown'],
    ['a name over 100 characters', 'x'.repeat(101), 'other'],
    ['a name of 100 characters', 'x'.repeat(100), 'x'.repeat(100)],
  ])('labels %s', (_what, name, label) => {
    expect(new OperationNames(10).label(name)).toBe(label);
  });
});
