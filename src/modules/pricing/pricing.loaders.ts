import DataLoader from 'dataloader';
import { perRequest } from '../../core/context';
import type { Booking } from '../booking/booking.entity';
import { BookingQuote } from './booking-quote.entity';
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
