import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError, type FormattedExecutionResult } from 'graphql';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config';
import type { RequestContext } from '../core/context';
import { actorId, type Viewer } from '../core/viewer';
import { requestLogger, type Logger } from '../logger';
import { FAULT_CODES, HttpError, type formatError } from './errors';
import { claimKey, completeKey, deleteExpiredKeys, releaseKey, type KeyOf } from './idempotency-store';
import { startPeriodic, type PeriodicJob } from '../core/periodic';

/** The request header that carries a mutation's idempotency key. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on an answer replayed from the store, so that a client can tell a retry's answer from a first run's. */
export const REPLAYED_HEADER = 'idempotent-replayed';

// Visible ASCII only: a key travels in an HTTP header and is compared byte for byte.
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/** The key a request carries, checked; undefined when it carries none. A malformed key is refused with 400. */
export function idempotencyKeyOf(headers: { get(name: string): string | undefined }): string | undefined {
  const key = headers.get(IDEMPOTENCY_HEADER);
  if (key === undefined) return undefined;
  if (!KEY_FORMAT.test(key)) {
    throw new HttpError(400, 'BAD_REQUEST', 'Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces)');
  }
  return key;
}

/** Whose keys these are: the role and the id the token acts for (an admin's subject), so viewers never share a key. */
export function keyOwner(viewer: Viewer): string {
  return `${viewer.role}:${actorId(viewer) ?? viewer.subject}`;
}

/** JSON with every object's keys sorted, so that the same variables hash the same however a client ordered them. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests the same: the operation text, the operation name and the variables. */
export function requestHash(query: string, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
  return createHash('sha256')
    .update(canonicalJson([query, operationName ?? null, variables ?? {}]))
    .digest('hex');
}

const keyReused = () =>
  new GraphQLError('This Idempotency-Key was already used for a different request; use a new key for a new request.', {
    extensions: { code: 'IDEMPOTENCY_KEY_REUSED', http: { status: 422 } },
  });

const keyInUse = () =>
  new GraphQLError('A request with this Idempotency-Key is still running; send it again in a moment to get its answer.', {
    extensions: { code: 'IDEMPOTENCY_KEY_IN_USE', http: { status: 409, headers: new HeaderMap([['retry-after', '1']]) } },
  });

const keyNeedsViewer = () =>
  new GraphQLError('An Idempotency-Key is kept per viewer: send it with a bearer token.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

/**
 * True when the answer is not the mutation's result, so it is not stored and a retry runs again: a refusal before
 * any resolver ran (variables that do not coerce: 4xx), or a fault (FAULT_CODES) from which nothing of the mutation
 * came back (a transaction that threw, timed out or lost its database wrote nothing). An answer with any root field,
 * userErrors included, is the first result.
 */
function notAResult(status: number, result: FormattedExecutionResult): boolean {
  if (status >= 400) return true;
  const faulted = result.errors?.some((e) => FAULT_CODES.has(String(e.extensions?.code))) ?? false;
  const answered = !!result.data && Object.values(result.data).some((v) => v !== null);
  return faulted && !answered;
}

/**
 * The answer to a refusal, told through the one error mapper. A plugin's responseForOperation may not throw (Apollo
 * would answer 500), so the refusal is answered as a response with its status.
 */
function refusal(format: ReturnType<typeof formatError>, error: GraphQLError): GraphQLResponse {
  const { http, ...extensions } = error.extensions as { http?: { status: number; headers?: HeaderMap } };
  const formatted = format({ ...error.toJSON(), extensions }, error);
  return { http: { status: http?.status, headers: http?.headers ?? new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [formatted] } } };
}

/** Polls with a growing pause, never holding a database connection between polls (the embedded engine has one). */
const pauseMs = (attempt: number) => Math.min(25 * 2 ** attempt, 500);

/**
 * Apollo plugin for mutations sent with an Idempotency-Key: the first request with a key claims it and runs, its
 * answer is stored; the same request again (same viewer, key, operation text, name and variables) gets that answer
 * back and runs nothing, even when it arrives while the first is still running, on another process; another request
 * under the same key is refused. A key on a query is ignored: queries change nothing, so repeating them is safe.
 */
export function idempotencyPlugin(
  em: EntityManager,
  config: Config,
  logger: Logger,
  format: ReturnType<typeof formatError>,
): ApolloServerPlugin<RequestContext> {
  const times = { retentionHours: config.idempotencyKeyHours, claimSeconds: config.idempotencyClaimSeconds };
  return {
    async requestDidStart({ request, contextValue }) {
      // The HTTP handler has checked the key's form already.
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return undefined;
      let held: { id: KeyOf; token: string } | null = null;
      return {
        // Runs once the operation passed every check (parse, validation, limits): a refused request claims nothing.
        async responseForOperation({ operation, source, request: req }): Promise<GraphQLResponse | null> {
          if (operation.operation !== 'mutation') return null;
          if (!contextValue.viewer) return refusal(format, keyNeedsViewer());
          const id = { viewer: keyOwner(contextValue.viewer), key };
          const hash = requestHash(source, req.operationName, req.variables);
          const deadline = Date.now() + config.idempotencyWaitSeconds * 1000;
          for (let attempt = 0; ; attempt += 1) {
            const outcome = await claimKey(em, id, hash, times);
            if (outcome.kind === 'claimed') {
              held = { id, token: outcome.token };
              return null;
            }
            if (outcome.kind === 'reused') return refusal(format, keyReused());
            if (outcome.kind === 'stored') {
              return {
                http: { status: outcome.response.status, headers: new HeaderMap([[REPLAYED_HEADER, 'true']]) },
                body: { kind: 'single', singleResult: JSON.parse(outcome.response.body) as FormattedExecutionResult },
              };
            }
            if (Date.now() >= deadline) return refusal(format, keyInUse());
            await sleep(Math.min(pauseMs(attempt), Math.max(deadline - Date.now(), 0)));
          }
        },
        async willSendResponse({ response }) {
          if (!held) return;
          const { id, token } = held;
          held = null;
          const status = response.http.status ?? 200;
          try {
            if (response.body.kind !== 'single' || notAResult(status, response.body.singleResult)) {
              await releaseKey(em, id, token);
              return;
            }
            const { errors, data, extensions } = response.body.singleResult;
            // Kept in the order Apollo writes the fields, so the replay is the same bytes.
            const body = JSON.stringify({ errors, data, extensions });
            if (!(await completeKey(em, id, token, { status, body }))) {
              requestLogger(logger).warn({ viewer: id.viewer }, 'an idempotency claim was taken over before its request finished; its answer is not stored');
            }
          } catch (err) {
            // The mutation's own answer still goes out; a retry waits for the claim to time out and runs again.
            requestLogger(logger).error({ err, viewer: id.viewer }, 'could not store the answer of an idempotent request');
          }
        },
      };
    },
  };
}

/**
 * Deletes expired idempotency keys every `config.idempotencyCleanupSeconds` (0: never) in this process. Safe in every
 * API process at once: batches skip the rows another cleanup holds.
 */
export function startIdempotencyCleanup(em: EntityManager, config: Config, log: Logger): PeriodicJob {
  return startPeriodic('idempotency key cleanup', config.idempotencyCleanupSeconds, async () => {
    const deleted = await deleteExpiredKeys(em, config.idempotencyKeyHours);
    return deleted ? { deleted } : null;
  }, log);
}
