import { isConnectionFailure, isQueryCanceled } from './db-errors';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isConnectionFailure', () => {
  it.each([
    ['connection refused', coded('ECONNREFUSED'), true],
    ['connection reset', coded('ECONNRESET'), true],
    ['admin shutdown 57P01', coded('57P01', 'terminating connection due to administrator command'), true],
    ['crash shutdown 57P02', coded('57P02'), true],
    ['cannot connect now 57P03', coded('57P03', 'the database system is starting up'), true],
    ['connection exception 08006', coded('08006'), true],
    ['connection does not exist 08003', coded('08003'), true],
    ['pool acquire timeout', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }), true],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly'), true],
    ['wrapped by the ORM', Object.assign(new Error('select 1 - connect ECONNREFUSED'), { previous: coded('ECONNREFUSED') }), true],
    ['wrapped as a cause', new Error('failed', { cause: coded('57P01') }), true],
    ['a unique violation', coded('23505'), false],
    ['an exclusion violation', coded('23P01'), false],
    ['a serialization failure', coded('40001'), false],
    ['a syntax error', coded('42601'), false],
    ['a plain error', new Error('boom'), false],
    ['not an error', 'ECONNREFUSED', false],
    ['nothing', undefined, false],
  ])('%s', (_name, err, expected) => {
    expect(isConnectionFailure(err)).toBe(expected);
  });
});

describe('isQueryCanceled', () => {
  it.each([
    ['statement timeout 57014', coded('57014', 'canceling statement due to statement timeout'), true],
    ['wrapped by the ORM', Object.assign(new Error('select pg_sleep(2) - canceling statement'), { previous: coded('57014') }), true],
    ['wrapped as a cause', new Error('failed', { cause: coded('57014') }), true],
    ['a lock timeout 55P03', coded('55P03', 'canceling statement due to lock timeout'), false],
    ['an admin shutdown 57P01', coded('57P01'), false],
    ['a plain error', new Error('canceling statement due to statement timeout'), false],
    ['nothing', undefined, false],
  ])('%s', (_name, err, expected) => {
    expect(isQueryCanceled(err)).toBe(expected);
  });

  it('is not a connection failure: the database is there, the request asked too much', () => {
    expect(isConnectionFailure(coded('57014', 'canceling statement due to statement timeout'))).toBe(false);
  });
});
