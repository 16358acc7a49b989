import { promises as dns, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { deliveryAddressRefusal, type WebhookUrlPolicy } from './webhook-url';

/** Every address a host name resolves to. */
export type WebhookLookup = (hostname: string) => Promise<LookupAddress[]>;

/** The system resolver (getaddrinfo, as any connection would use), every address. */
export const systemLookup: WebhookLookup = (hostname) => dns.lookup(hostname, { all: true });

/** What one attempt came to. */
export interface Outcome {
  httpStatus: number | null;
  durationMs: number;
  error: string | null;
}

export interface PostOptions {
  timeoutMs: number;
  policy: WebhookUrlPolicy;
  lookup: WebhookLookup;
  /** Certificates trusted instead of the system's (a receiver with a certificate of its own, in tests). */
  ca?: string;
}

/**
 * POSTs `body` to `target` and says what came of it, within `timeoutMs` from the name's resolution to the answer's
 * status. The host name is resolved once, every address is checked (deliveryAddressRefusal), and the connection is
 * made to those addresses and no others: no second resolution, which a rebinding name could answer differently. TLS
 * and the Host header still name the host. A refused address is a failed attempt that sent nothing.
 */
export async function postWebhook(target: string, headers: Record<string, string>, body: string, o: PostOptions): Promise<Outcome> {
  const started = Date.now();
  const signal = AbortSignal.timeout(o.timeoutMs);
  const failed = (error: string): Outcome => ({ httpStatus: null, durationMs: Date.now() - started, error: error.slice(0, 200) });
  try {
    const url = new URL(target);
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const family = isIP(host);
    const addresses = family ? [{ address: host, family }] : await beforeAbort(o.lookup(host), signal);
    const refusal = deliveryAddressRefusal(url.hostname, addresses.map((a) => a.address), o.policy);
    if (refusal) return failed(refusal);
    const status = await post(url, host, addresses, headers, body, signal, o.ca);
    const ok = status >= 200 && status < 300;
    return { httpStatus: status, durationMs: Date.now() - started, error: ok ? null : `HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}` };
  } catch (err) {
    if (signal.aborted) return failed(`no answer within ${o.timeoutMs} ms`);
    const e = err as NodeJS.ErrnoException;
    return failed(String(e.code ?? e.message));
  }
}

/** `work`, or the signal's reason when it fires first (a resolver that does not answer). */
function beforeAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function post(url: URL, host: string, addresses: LookupAddress[], headers: Record<string, string>, body: string, signal: AbortSignal, ca?: string): Promise<number> {
  // What the socket resolves `host` to: the addresses just checked, all of them when it tries several in turn.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...headers, host: url.host, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        // A connection of its own, closed after the answer: a pooled one would go where an earlier resolution pointed.
        agent: false,
        signal,
        ...(ca ? { ca } : {}),
      },
      (res: IncomingMessage) => {
        // The status is the answer and the body is not read. No redirect is followed: it is an answer, not a place to
        // send the event (and its signature) to.
        res.destroy();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
