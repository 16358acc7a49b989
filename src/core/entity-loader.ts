import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

type EntityClass<T> = new (...args: never[]) => T;

/** A per-request loader of entities by id, so that a list of N items costs one query per relation, not N. */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
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
    return ids.map((id) => map.get(id) ?? null);
  });
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
