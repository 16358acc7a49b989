import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { runPrepared, type PreparedStatement } from '../db/prepared';

/** A key of one viewer's: keys of different viewers never meet. */
export interface KeyOf {
  viewer: string;
  key: string;
}

/** The answer stored under a key: the HTTP status and the body as sent. */
export interface StoredResponse {
  status: number;
  body: string;
}

/** What a request holding a key may do: run (it holds the claim), or answer from what another run stored. */
export type ClaimOutcome =
  | { kind: 'claimed'; token: string }
  | { kind: 'stored'; response: StoredResponse }
  | { kind: 'reused' }
  | { kind: 'running' };

export interface ClaimTimes {
  /** Hours a key is kept: an older one starts a new life. */
  retentionHours: number;
  /** Seconds after which an unfinished claim counts as left by a process that died. */
  claimSeconds: number;
}

interface KeyRow {
  claimed: string | null;
  request_hash: string | null;
  claim_token: string | null;
  status_code: number | null;
  response_body: string | null;
  completed: boolean | null;
  stale: boolean | null;
  expired: boolean | null;
}

// One round trip whatever the key's state: the insert claims a key nobody holds (the primary key lets exactly one of
// any number of racing requests, on any number of processes, insert it); otherwise the row in the way is read. The
// read sees the statement's snapshot, so a row whose insert committed just after it began reads as absent: the caller
// then simply asks again.
const CLAIM: PreparedStatement = {
  name: 'idempotency_claim',
  text: `with claim as (
      insert into idempotency_key (viewer, key, request_hash, claim_token) values ($1, $2, $3, $4)
      on conflict (viewer, key) do nothing
      returning claim_token)
    select c.claim_token as claimed, k.request_hash, k.claim_token, k.status_code, k.response_body,
      k.completed_at is not null as completed,
      k.claimed_at < now() - make_interval(secs => $5::int) as stale,
      k.created_at < now() - make_interval(hours => $6::int) as expired
    from (select 1) as one
    left join claim c on true
    left join idempotency_key k on c.claim_token is null and k.viewer = $1 and k.key = $2`,
};

// Takes over a key whose claim was left unfinished past the timeout, or which outlived its retention. Conditional on
// the claim token read, so of several requests taking over the same key exactly one gets it.
const TAKE_OVER: PreparedStatement = {
  name: 'idempotency_take_over',
  text: `update idempotency_key set request_hash = $3, claim_token = $4, claimed_at = now(),
      created_at = case when created_at < now() - make_interval(hours => $6::int) then now() else created_at end,
      completed_at = null, status_code = null, response_body = null
    where viewer = $1 and key = $2 and claim_token = $5
      and (created_at < now() - make_interval(hours => $6::int) or (completed_at is null and claimed_at < now() - make_interval(secs => $7::int)))
    returning claim_token`,
};

const COMPLETE: PreparedStatement = {
  name: 'idempotency_complete',
  text: `update idempotency_key set status_code = $4, response_body = $5, completed_at = now()
    where viewer = $1 and key = $2 and claim_token = $3 and completed_at is null
    returning 1 as done`,
};

const RELEASE: PreparedStatement = {
  name: 'idempotency_release',
  text: `delete from idempotency_key where viewer = $1 and key = $2 and claim_token = $3 and completed_at is null`,
};

// In batches, skipping rows another process's cleanup holds: each process may run it at any time.
const CLEANUP: PreparedStatement = {
  name: 'idempotency_cleanup',
  text: `with doomed as (
      select viewer, key from idempotency_key where created_at < $1 order by created_at limit $2 for update skip locked)
    delete from idempotency_key k using doomed d where k.viewer = d.viewer and k.key = d.key
    returning 1 as gone`,
};

/** Rows the cleanup deletes per statement: few enough that no statement holds many locks for long. */
export const CLEANUP_BATCH_SIZE = 1000;

/**
 * Claims `key` for a request with this hash, or says what stands in its way: the stored answer of the same request,
 * another request under the same key (reused), or the same request still running elsewhere.
 */
export async function claimKey(em: EntityManager, id: KeyOf, requestHash: string, times: ClaimTimes): Promise<ClaimOutcome> {
  const token = randomUUID();
  const [row] = await runPrepared<KeyRow>(em, CLAIM, [id.viewer, id.key, requestHash, token, times.claimSeconds, times.retentionHours]);
  if (row.claimed) return { kind: 'claimed', token };
  // Deleted by the cleanup, or inserted after this statement's snapshot: asking again settles it.
  if (!row.claim_token) return { kind: 'running' };
  // An expired key starts a new life whatever it was used for; a dead claim is taken over only by the same request.
  if (row.expired || (row.request_hash === requestHash && !row.completed && row.stale)) {
    const taken = await runPrepared(em, TAKE_OVER, [id.viewer, id.key, requestHash, token, row.claim_token, times.retentionHours, times.claimSeconds]);
    return taken.length ? { kind: 'claimed', token } : { kind: 'running' };
  }
  if (row.request_hash !== requestHash) return { kind: 'reused' };
  if (row.completed) return { kind: 'stored', response: { status: row.status_code!, body: row.response_body! } };
  return { kind: 'running' };
}

/** Stores the answer of the run holding the claim `token`; false when the claim was taken over meanwhile. */
export async function completeKey(em: EntityManager, id: KeyOf, token: string, response: StoredResponse): Promise<boolean> {
  const done = await runPrepared(em, COMPLETE, [id.viewer, id.key, token, response.status, response.body]);
  return done.length > 0;
}

/** Gives up the claim `token` without an answer, so that the next request with the key runs. */
export async function releaseKey(em: EntityManager, id: KeyOf, token: string): Promise<void> {
  await runPrepared(em, RELEASE, [id.viewer, id.key, token]);
}

/** Deletes every key created more than `retentionHours` before `now`; returns how many. */
export async function deleteExpiredKeys(em: EntityManager, retentionHours: number, now = new Date(), batchSize = CLEANUP_BATCH_SIZE): Promise<number> {
  const before = new Date(now.getTime() - retentionHours * 3600_000);
  let deleted = 0;
  for (;;) {
    const gone = await runPrepared(em, CLEANUP, [before, batchSize]);
    deleted += gone.length;
    if (gone.length < batchSize) return deleted;
  }
}
