import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { Logger } from 'pino';

/** The process logger: JSON lines on stdout, level from LOG_LEVEL. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'twinbook' }, redact: ['req.headers.authorization'] });
}

// The logger of the request being served, so that code shared by every request (the error mapper, Apollo plugins)
// logs with that request's id without being handed its context.
const requestScope = new AsyncLocalStorage<Logger>();

/** Runs `fn` (and everything it awaits) as part of the request whose logger is `log`. */
export function inRequestScope<T>(log: Logger, fn: () => T): T {
  return requestScope.run(log, fn);
}

/** The logger of the request being served (it carries its request id), or `fallback` outside any request. */
export function requestLogger(fallback: Logger): Logger {
  return requestScope.getStore() ?? fallback;
}

export type { Logger };
