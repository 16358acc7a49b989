import DataLoader from 'dataloader';
import { perRequest } from '../../core/context';
import type { Booking } from '../booking/booking.entity';
import { BookingQuote } from './booking-quote.entity';
import type { Quote } from './pricing.types';
import { quoteOf } from './quote.service';

/** This request's loader of bookings' quotes: the frozen ones of a page in one query; live ones priced one by one. */
export const quoteLoader = perRequest(
  'quote',
  (ctx) =>
    new DataLoader<Booking, Quote | null, string>(
      async (bookings) => {
        const frozen = await ctx.em.find(BookingQuote, { booking: { $in: bookings.map((b) => b.id) } });
        const map = new Map(frozen.map((q) => [q.booking.id, q]));
        return Promise.all(bookings.map((b) => quoteOf(ctx.em, b, map.get(b.id) ?? null)));
      },
      { cacheKeyFn: (b) => b.id },
    ),
);
