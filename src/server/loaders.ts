import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Agency } from '../modules/agency/agency.entity';
import { BookingChange } from '../modules/booking/booking-history.entity';
import { optionRanks } from '../modules/booking/option-ranking';
import type { Booking } from '../modules/booking/booking.entity';
import { Payout } from '../modules/payout/payout.entity';
import { BookingQuote } from '../modules/pricing/booking-quote.entity';
import type { Quote } from '../modules/pricing/pricing.types';
import { quoteOf } from '../modules/pricing/quote.service';
import { Brand } from '../modules/brand/brand.entity';
import { Model } from '../modules/model/model.entity';
import { DigitalTwin } from '../modules/twin/twin.entity';

type EntityClass<T> = new (...args: never[]) => T;

function byId<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>): DataLoader<string, T | null> {
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
    // Frozen quotes of a page of bookings in one query; live ones are priced one by one.
    quote: new DataLoader<Booking, Quote | null, string>(
      async (bookings) => {
        const frozen = await em.find(BookingQuote, { booking: { $in: bookings.map((b) => b.id) } });
        const map = new Map(frozen.map((q) => [q.booking.id, q]));
        return Promise.all(bookings.map((b) => quoteOf(em, b, map.get(b.id) ?? null)));
      },
      { cacheKeyFn: (b) => b.id },
    ),
    payoutsByBooking: new DataLoader<string, Payout[]>(async (bookingIds) => {
      const lines = await em.find(Payout, { booking: { $in: [...bookingIds] } }, { orderBy: { party: 'asc' } });
      return bookingIds.map((id) => lines.filter((p) => p.booking.id === id));
    }),
    historyByBooking: new DataLoader<string, BookingChange[]>(async (bookingIds) => {
      const changes = await em.find(BookingChange, { booking: { $in: [...bookingIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
      return bookingIds.map((id) => changes.filter((c) => c.booking.id === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
