import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Agency } from '../modules/agency/agency.entity';
import { BookingChange } from '../modules/booking/booking-history.entity';
import { optionRanks } from '../modules/booking/option-ranking';
import { Brand } from '../modules/brand/brand.entity';
import { Model } from '../modules/model/model.entity';
import { DigitalTwin } from '../modules/twin/twin.entity';

type EntityClass<T> = new (...args: never[]) => T;

function byId<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    // The identity map answers what this request already loaded; only the rest goes to SQL.
    const found = await em.find(entity as EntityClass<{ id: string }>, { id: { $in: [...ids] } });
    const map = new Map(found.map((e) => [e.id, e as T]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Per-request batch loaders, so that a list of N items costs one query per relation, not N. */
export function createLoaders(em: EntityManager) {
  return {
    agency: byId(em, Agency),
    brand: byId(em, Brand),
    model: byId(em, Model),
    twinByModel: new DataLoader<string, DigitalTwin | null>(async (modelIds) => {
      const twins = await em.find(DigitalTwin, { model: { $in: [...modelIds] } });
      const map = new Map(twins.map((t) => [t.model.id, t]));
      return modelIds.map((id) => map.get(id) ?? null);
    }),
    optionRank: new DataLoader<string, number | null>(async (bookingIds) => {
      const ranks = await optionRanks(em, bookingIds);
      return bookingIds.map((id) => ranks.get(id) ?? null);
    }),
    historyByBooking: new DataLoader<string, BookingChange[]>(async (bookingIds) => {
      const changes = await em.find(BookingChange, { booking: { $in: [...bookingIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
      return bookingIds.map((id) => changes.filter((c) => c.booking.id === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
