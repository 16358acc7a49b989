import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers a browser app may send cross-origin. */
const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, x-request-id, apollo-require-preflight, x-apollo-operation-name';
/** How long a browser may keep a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * True when a request from this Origin may be served to a browser: no Origin (not a browser page), or one the
 * configured origins (`CORS_ORIGINS`; `*` allows any) name.
 */
export function originAllowed(origin: string | undefined, allowedOrigins: readonly string[]): boolean {
  return !origin || allowedOrigins.includes('*') || allowedOrigins.includes(origin);
}

/**
 * CORS for the configured origins (`CORS_ORIGINS`; `*` allows any): sets the response headers for an allowed
 * origin and answers a preflight (OPTIONS with Access-Control-Request-Method) itself. Returns true when the request
 * was a preflight and has been answered. A request from an origin not allowed gets no CORS headers, so the browser
 * withholds the answer from the page; the request itself is served as any other (CORS is not authentication).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  const allowed = !!origin && originAllowed(origin, allowedOrigins);
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', allowedOrigins.includes('*') ? '*' : origin);
    // The answer depends on the Origin header: caches must not serve one origin's answer to another.
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', 'retry-after, idempotent-replayed, x-request-id');
  }
  const preflight = req.method === 'OPTIONS' && !!req.headers['access-control-request-method'];
  if (!preflight) return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE));
  }
  res.statusCode = 204;
  res.end();
  return true;
}
