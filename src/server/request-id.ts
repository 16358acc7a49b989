import { randomUUID } from 'node:crypto';

/** The header a request id comes in and goes back out in. */
export const REQUEST_ID_HEADER = 'x-request-id';

// What a proxy or a client typically sends (a uuid, a trace id, "req-42"): short, visible, no spaces or quotes, so
// that it is safe in a log line and a response header.
const SANE = /^[A-Za-z0-9][A-Za-z0-9._:/+=-]{0,127}$/;

/** The request's id: the incoming X-Request-Id when it is sane, a new uuid otherwise. */
export function requestIdOf(header: string | string[] | undefined): string {
  const sent = Array.isArray(header) ? undefined : header?.trim();
  return sent && SANE.test(sent) ? sent : randomUUID();
}
