import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A plain HTTP endpoint a module serves beside GraphQL (a calendar feed, say); server/ composes them. */
export interface HttpRoute {
  /** True for the paths it answers. */
  matches(pathname: string): boolean;
  /** Answers the request; the entity manager is the root one (fork it for a unit of work). */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, em: EntityManager): Promise<void>;
}
