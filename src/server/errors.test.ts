import { DriverException } from '@mikro-orm/core';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { errorStatusPlugin, formatError, httpErrorAnswer, QUERY_TIMEOUT, SERVICE_UNAVAILABLE } from './errors';

/** What node-postgres reports for a statement PostgreSQL cancelled at its statement_timeout, as the ORM wraps it. */
const cancelled = () =>
  new DriverException(Object.assign(new Error('select pg_sleep(2) - canceling statement due to statement timeout'), { code: '57014', severity: 'ERROR' }));

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

/** A resolver's error, as Apollo hands it to the mapper. */
const fromResolver = (err: Error) => new GraphQLError(err.message, { originalError: err, path: ['models'] });

describe('a statement cancelled by the timeout (SQLSTATE 57014)', () => {
  it('is answered QUERY_TIMEOUT without internals, and logged at warn', () => {
    const { logger, lines } = capture();
    const error = fromResolver(cancelled());
    const answer = formatError(logger)(error.toJSON(), error);
    expect(answer).toEqual({ message: expect.stringMatching(/took longer than the database allows/), path: ['models'], extensions: { code: QUERY_TIMEOUT } });
    expect(JSON.stringify(answer)).not.toMatch(/pg_sleep|57014/);
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'statement cancelled: query timeout' })]);
  });

  it('outside GraphQL (a calendar feed, /ready) is answered HTTP 504', () => {
    const { logger } = capture();
    const answer = httpErrorAnswer(formatError(logger), cancelled());
    expect(answer.status).toBe(504);
    expect(answer.body.errors[0].extensions?.code).toBe(QUERY_TIMEOUT);
  });

  it('is not told as an outage (503) nor as an internal error', () => {
    const { logger } = capture();
    const other = Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
    const answer = formatError(logger)(fromResolver(other).toJSON(), fromResolver(other));
    expect(answer.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('errorStatusPlugin', () => {
  async function statusOf(codes: string[]) {
    const response = {
      http: { status: undefined as number | undefined, headers: new HeaderMap() },
      body: { kind: 'single' as const, singleResult: { errors: codes.map((code) => ({ message: 'x', extensions: { code } })) } },
    };
    const listener = await errorStatusPlugin().requestDidStart!({} as never);
    await listener!.willSendResponse!({ response } as never);
    return { status: response.http.status, retryAfter: response.http.headers.get('retry-after') ?? null };
  }

  it.each([
    ['a query timeout: 504, no Retry-After (the same request would time out again)', [QUERY_TIMEOUT], { status: 504, retryAfter: null }],
    ['the database unreachable: 503 with Retry-After', [SERVICE_UNAVAILABLE], { status: 503, retryAfter: '5' }],
    ['both: the outage wins', [QUERY_TIMEOUT, SERVICE_UNAVAILABLE], { status: 503, retryAfter: '5' }],
    ['neither: left as it is', ['BAD_USER_INPUT'], { status: undefined, retryAfter: null }],
  ])('%s', async (_name, codes, expected) => {
    expect(await statusOf(codes)).toEqual(expected);
  });
});
