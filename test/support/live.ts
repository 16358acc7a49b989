import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** The WebSocket URL of a GraphQL endpoint's HTTP URL (same host, port and path). */
export const wsUrlOf = (httpUrl: string): string => httpUrl.replace(/^http/, 'ws');

/** How a socket closed, when the server closed it. */
export interface Closed {
  code: number;
  reason: string;
}

/** A graphql-ws connection that signs in with `token` (none: no connectionParams at all). */
export function connect(httpUrl: string, token: string | null): { client: Client; closed: Promise<Closed>; connected: Promise<void> } {
  let onClosed: (c: Closed) => void = () => undefined;
  let onConnected: () => void = () => undefined;
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: wsUrlOf(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: token === null ? undefined : { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const e = event as { code: number; reason: string | Buffer };
        onClosed({ code: e.code, reason: String(e.reason) });
      },
    },
    // A refused connection must surface as its close code, not as an unhandled rejection.
    onNonLazyError: () => undefined,
  });
  return { client, closed, connected };
}

export interface Received<R> {
  data?: R | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface Subscription<R> {
  /** Every message received so far, in order. */
  received: Received<R>[];
  /** Waits until a message matching `test` has arrived (or fails after `ms`), and returns it. */
  waitFor(test: (r: Received<R>) => boolean, ms?: number): Promise<Received<R>>;
  /** Resolves when the server completes the subscription. */
  completed: Promise<void>;
  stop(): void;
}

/**
 * Subscribes to a typed operation on a connection and collects what arrives. graphql-ws acknowledges a connection,
 * not a subscription: `subscribe` waits for the connection and then a moment for the server to start listening, so
 * that a change made right after it is heard.
 */
export async function subscribe<R, V>(conn: ReturnType<typeof connect>, doc: TypedDocumentNode<R, V>, variables: V, settleMs = 400): Promise<Subscription<R>> {
  await conn.connected;
  const received: Received<R>[] = [];
  const waiters = new Set<() => void>();
  let onComplete: () => void = () => undefined;
  const completed = new Promise<void>((resolve) => (onComplete = resolve));
  const stop = conn.client.subscribe<R>(
    { query: print(doc), variables: variables as Record<string, unknown> },
    {
      next: (value) => {
        received.push(value as Received<R>);
        for (const w of waiters) w();
      },
      error: (err) => {
        received.push({ errors: Array.isArray(err) ? err : [{ message: String(err) }] });
        for (const w of waiters) w();
        onComplete();
      },
      complete: () => onComplete(),
    },
  );
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return {
    received,
    completed,
    stop,
    waitFor(test, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(test);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message within ${ms} ms; received ${JSON.stringify(received)}`));
        }, ms);
        if (!check()) waiters.add(check);
      });
    },
  };
}
