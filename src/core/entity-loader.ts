import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

type EntityClass<T> = new (...args: never[]) => T;

/**
 * A per-request loader of entities by id, so that a list of N items costs one query per relation, not N; and what it
 * already holds can be read at once (`peek`), so that a field over hundreds of rows (a calendar's brands) resolves
 * without a promise per row.
 */
export class EntityLoader<T extends { id: string }> extends DataLoader<string, T | null> {
  private readonly held: Map<string, T>;

  constructor(em: EntityManager, entity: EntityClass<T>) {
    const held = new Map<string, T>();
    super(async (ids) => {
      // The identity map answers what this request already loaded (a calendar joins its brands); only the rest goes to SQL.
      const uow = em.getUnitOfWork();
      const map = new Map<string, T>();
      for (const id of ids) {
        const known = uow.getById<{ id: string }>(entity.name, id) as T | undefined;
        // The map also holds bare references (a booking's brand before it is loaded): only loaded entities answer.
        if (known && wrap(known as object).isInitialized()) map.set(id, known);
      }
      const missing = ids.filter((id) => !map.has(id));
      if (missing.length) {
        const found = await em.find(entity as EntityClass<{ id: string }>, { id: { $in: missing } });
        for (const e of found) map.set(e.id, e as T);
      }
      for (const [id, e] of map) if (!held.has(id)) held.set(id, e);
      return ids.map((id) => map.get(id) ?? null);
    });
    this.held = held;
  }

  /** The entity this loader already holds (loaded or primed), or undefined: never a query, never a promise. */
  peek(id: string): T | undefined {
    return this.held.get(id);
  }

  // Like DataLoader's own cache: a value primed or loaded first stays.
  override prime(id: string, value: T | null | PromiseLike<T | null> | Error): this {
    if (value && !(value instanceof Error) && !('then' in value) && !this.held.has(id)) this.held.set(id, value);
    return super.prime(id, value);
  }

  override clear(id: string): this {
    this.held.delete(id);
    return super.clear(id);
  }

  override clearAll(): this {
    this.held.clear();
    return super.clearAll();
  }
}

/** A per-request loader of entities by id (see EntityLoader). */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>): EntityLoader<T> {
  return new EntityLoader(em, entity);
}

/** A per-request loader of the rows that belong to each of many parents, in one query. */
export function byParentLoader<T>(load: (parentIds: string[]) => Promise<T[]>, parentOf: (row: T) => string): DataLoader<string, T[]> {
  return new DataLoader(async (parentIds) => {
    const rows = await load([...parentIds]);
    const byParent = new Map<string, T[]>();
    for (const row of rows) {
      const list = byParent.get(parentOf(row));
      if (list) list.push(row);
      else byParent.set(parentOf(row), [row]);
    }
    return parentIds.map((id) => byParent.get(id) ?? []);
  });
}
