import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createLoaders, type Loaders } from './loaders';
import type { Viewer } from './viewer';

/** What every resolver and service method gets first: who asks, and a unit of work of its own. */
export interface RequestContext {
  viewer: Viewer | null;
  em: EntityManager;
  loaders: Loaders;
  log: Logger;
  config: Config;
}

/** A context with its own forked entity manager and loaders, so requests share no identity map. */
export function createRequestContext(root: EntityManager, viewer: Viewer | null, log: Logger, config: Config): RequestContext {
  const em = root.fork();
  return { viewer, em, loaders: createLoaders(em), log, config };
}
