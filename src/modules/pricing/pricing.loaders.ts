import DataLoader from 'dataloader';
import { perRequest } from '../../core/context';
import type { Booking } from '../booking/booking.entity';
import { BookingQuote } from './booking-quote.entity';
import { RateCard, rateCardInForceSql } from './rate-card.entity';
import type { Charges, Quote } from './pricing.types';
import { chargesOf, quoteOf } from './quote.service';

/** This request's loader of bookings' deal memos by booking id, a page's in one query; null before confirmation. */
export const bookingQuoteLoader = perRequest(
  'bookingQuote',
  (ctx) =>
    new DataLoader<string, BookingQuote | null>(async (bookingIds) => {
      const frozen = await ctx.em.find(BookingQuote, { booking: { $in: [...bookingIds] } });
      const map = new Map(frozen.map((q) => [q.booking.id, q]));
      return bookingIds.map((id) => map.get(id) ?? null);
    }),
);

/** This request's loader of bookings' quotes: the frozen ones of a page in one query; live ones priced one by one. */
export const quoteLoader = perRequest(
  'quote',
  (ctx) =>
    new DataLoader<Booking, Quote | null, string>(
      async (bookings) => Promise.all(bookings.map(async (b) => quoteOf(ctx.em, b, await bookingQuoteLoader(ctx).load(b.id)))),
      { cacheKeyFn: (b) => b.id },
    ),
);

/** This request's loader of what brands were finally charged, from the same deal memos as the quotes. */
export const chargesLoader = perRequest(
  'charges',
  (ctx) => new DataLoader<string, Charges | null>(async (bookingIds) => Promise.all(bookingIds.map(async (id) => chargesOf(await bookingQuoteLoader(ctx).load(id))))),
);

/** This request's loader of the card in force for each model (her own, else her agency's default): a page's in one query. */
export const cardInForceLoader = perRequest(
  'cardInForce',
  (ctx) =>
    new DataLoader<string, RateCard | null>(async (modelIds) => {
      const rows = await ctx.em.execute<(Record<string, unknown> & { for_model_id: string })[]>(
        `select m.id as for_model_id, r.* from model m cross join lateral (${rateCardInForceSql('m.id', 'm.agency_id')}) r where m.id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
        [JSON.stringify(modelIds)],
      );
      const cards = new Map(rows.map(({ for_model_id: modelId, ...columns }) => [modelId, ctx.em.map(RateCard, columns)]));
      return modelIds.map((id) => cards.get(id) ?? null);
    }),
);
