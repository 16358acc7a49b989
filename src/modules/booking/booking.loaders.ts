import DataLoader from 'dataloader';
import { perProcess, perRequest } from '../../core/context';
import { byParentLoader } from '../../core/entity-loader';
import { BookingChange } from './booking-history.entity';
import { optionRanks } from './option-ranking';
import { ModelTermsCache } from './physical-booking.repository';

/** This request's loader of each booking's history, oldest change first. */
export const historyByBookingLoader = perRequest('historyByBooking', (ctx) =>
  byParentLoader(
    (bookingIds) => ctx.em.find(BookingChange, { booking: { $in: bookingIds } }, { orderBy: { at: 'asc', id: 'asc' } }),
    (c) => c.booking.id,
  ),
);

/** This request's loader of live options' ranks (null for anything that is not a live option). */
export const optionRankLoader = perRequest(
  'optionRank',
  (ctx) =>
    new DataLoader<string, number | null>(async (bookingIds) => {
      const ranks = await optionRanks(ctx.em, bookingIds);
      return bookingIds.map((id) => ranks.get(id) ?? null);
    }),
);

/** The terms of recently booked models, shared by the process's requests; every write re-checks them. */
export const modelTermsCache = perProcess('modelTerms', () => new ModelTermsCache());
