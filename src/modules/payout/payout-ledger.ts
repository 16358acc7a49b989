import type { EntityManager } from '@mikro-orm/postgresql';
import type { Booking } from '../booking/booking.entity';
import type { BookingChange } from '../booking/booking-history.entity';
import type { Model } from '../model/model.entity';
import type { Distribution } from '../pricing/splits';
import { Payout, PayoutParty, PayoutReason } from './payout.entity';

/**
 * Writes one payout line per party with something owed, so that the lines sum to the brand's charge. The unique index
 * on (booking, party, postponement) makes a second write fail, whatever process tries it: once for the booking's end,
 * once per postponement (a POSTPONEMENT line names its history line, `postponement`).
 */
export function writePayouts(
  em: EntityManager,
  booking: Booking,
  model: Model,
  d: Distribution,
  currency: string,
  reason: PayoutReason,
  postponement: BookingChange | null = null,
): Payout[] {
  const lines: [PayoutParty, string | null, number][] = [
    [PayoutParty.MODEL, model.id, d.model],
    [PayoutParty.AGENCY, booking.agency.id, d.agency],
    [PayoutParty.MOTHER_AGENCY, model.motherAgency?.id ?? null, d.motherAgency],
    [PayoutParty.PLATFORM, null, d.platform],
  ];
  return lines
    .filter(([, , amount]) => amount > 0)
    .map(([party, partyId, amount]) =>
      em.create(Payout, { booking, bookingType: booking.type, party, partyId, reason, amount, currency, postponement }),
    );
}
