import { perRequest } from '../../core/context';
import { byParentLoader } from '../../core/entity-loader';
import { Payout } from './payout.entity';

/** This request's loader of each booking's payout lines. */
export const payoutsByBookingLoader = perRequest('payoutsByBooking', (ctx) =>
  byParentLoader(
    (bookingIds) => ctx.em.find(Payout, { booking: { $in: bookingIds } }, { orderBy: { party: 'asc' } }),
    (p) => p.booking.id,
  ),
);
