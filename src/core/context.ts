import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Viewer } from './viewer';

/**
 * Values kept under a key of their owner's: a module keeps its loaders in a request's memo and its caches in the
 * process's, so that the context knows no module and a module's state stays the module's.
 */
export class Memo {
  private readonly values = new Map<symbol, unknown>();

  /** The value under `key`, made by `create` the first time it is asked for. */
  get<T>(key: symbol, create: () => T): T {
    if (!this.values.has(key)) this.values.set(key, create());
    return this.values.get(key) as T;
  }
}

/** What every resolver and service method gets first: who asks, and a unit of work of its own. */
export interface RequestContext {
  viewer: Viewer | null;
  em: EntityManager;
  log: Logger;
  /** The process configuration, limits included. */
  config: Config;
  /** This request's memo: DataLoaders and whatever is worked out once per request. */
  memo: Memo;
  /** The process's memo, shared by its requests: caches whose every use the database re-checks. */
  shared: Memo;
}

/**
 * Declares something a module keeps once per request (its DataLoaders, say): the returned function gives this
 * request's instance, made on first use.
 */
export function perRequest<T>(name: string, create: (ctx: RequestContext) => T): (ctx: RequestContext) => T {
  const key = Symbol(name);
  return (ctx) => ctx.memo.get(key, () => create(ctx));
}

/** Declares something a module keeps once per process (a cache, say), reached through any request's context. */
export function perProcess<T>(name: string, create: () => T): (ctx: RequestContext) => T {
  const key = Symbol(name);
  return (ctx) => ctx.shared.get(key, create);
}

/** A context with its own forked entity manager and memo, so that requests share no identity map and no loader. */
export function createRequestContext(root: EntityManager, viewer: Viewer | null, log: Logger, config: Config, shared: Memo): RequestContext {
  return { viewer, em: root.fork(), log, config, memo: new Memo(), shared };
}

/** The viewer, known to be signed in: resolvers marked @Authorized never run without one. */
export function viewerOf(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw new Error('viewerOf called on an anonymous request');
  return ctx.viewer;
}
