import { Memo, type RequestContext } from './context';
import type { DomainEvent } from './events';

/** Events committed by any API process, as this process hears of them (each once). */
export interface EventStream {
  /** Calls `listener` with every event heard from now on, until the returned function is called. */
  listen(listener: (event: DomainEvent) => void): () => void;
}

const STREAM = Symbol('eventStream');

/** Hands the process's event stream to the modules, through the process memo every request context carries. */
export function provideEventStream(shared: Memo, stream: EventStream): void {
  shared.get(STREAM, () => stream);
}

function eventStreamOf(ctx: RequestContext): EventStream {
  return ctx.shared.get<EventStream>(STREAM, () => {
    throw new Error('this process serves no event stream');
  });
}

/** Events a subscriber may fall behind by before the oldest are dropped: a client that reads nothing cannot grow memory. */
const MAX_QUEUED_EVENTS = 1000;

/**
 * A subscription's context is made once, when it starts, but every event must be read as the database has it then:
 * each gets a unit of work and loaders of its own. Events are read one after the other, so renewing in place is safe.
 */
function renewForEvent(ctx: RequestContext): void {
  ctx.em = ctx.em.fork();
  ctx.memo = new Memo();
}

/**
 * What a subscriber receives: the events that `concerns` (their ids and type only, never their payload to the client),
 * each read again by `view` with the subscriber's own viewer, which gives what that viewer may see of it now (nothing,
 * for an event it may not see). Stops listening as soon as the client leaves (`return`).
 */
export function watchEvents<T>(
  ctx: RequestContext,
  concerns: (event: DomainEvent) => boolean,
  view: (ctx: RequestContext, event: DomainEvent) => Promise<readonly T[]>,
): AsyncIterableIterator<T> {
  const queued: DomainEvent[] = [];
  const ready: T[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const stopListening = eventStreamOf(ctx).listen((event) => {
    if (done || !concerns(event)) return;
    if (queued.length >= MAX_QUEUED_EVENTS) {
      queued.shift();
      ctx.log.warn({ eventId: event.id }, 'a subscriber fell behind; its oldest unread event was dropped');
    }
    queued.push(event);
    wake?.();
  });
  const finish = (): IteratorResult<T> => {
    done = true;
    stopListening();
    wake?.();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      while (!done) {
        if (ready.length) return { done: false, value: ready.shift()! };
        const event = queued.shift();
        if (!event) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        renewForEvent(ctx);
        try {
          ready.push(...(await view(ctx, event)));
        } catch (err) {
          // The database briefly away, say: this event is lost to this subscriber, the subscription goes on.
          ctx.log.error({ err, eventId: event.id }, 'a subscription could not read an event');
        }
      }
      return { done: true, value: undefined };
    },
    async return() {
      return finish();
    },
    async throw(err?: unknown) {
      finish();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
