import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { ModelTermsCache } from '../modules/booking/physical-booking.sql';
import { createLoaders, type Loaders } from './loaders';
import type { Viewer } from './viewer';

/** What every resolver and service method gets first: who asks, and a unit of work of its own. */
export interface RequestContext {
  viewer: Viewer | null;
  em: EntityManager;
  loaders: Loaders;
  log: Logger;
  config: Config;
  /** Shared by the app's requests: the terms of recently booked models, re-checked by every write. */
  modelTerms: ModelTermsCache;
}

/** What the app's requests share: caches whose every use the database re-checks. */
export interface SharedState {
  modelTerms: ModelTermsCache;
}

export const createSharedState = (): SharedState => ({ modelTerms: new ModelTermsCache() });

/** A context with its own forked entity manager and loaders, so requests share no identity map. */
export function createRequestContext(root: EntityManager, viewer: Viewer | null, log: Logger, config: Config, shared: SharedState): RequestContext {
  const em = root.fork();
  return { viewer, em, loaders: createLoaders(em), log, config, modelTerms: shared.modelTerms };
}
