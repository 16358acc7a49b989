import { Agency } from '../modules/agency/agency.entity';
import { BookingChange } from '../modules/booking/booking-history.entity';
import { Booking, DigitalBooking, PhysicalBooking } from '../modules/booking/booking.entity';
import { ExclusivityClaim } from '../modules/booking/exclusivity-claim.entity';
import { Brand } from '../modules/brand/brand.entity';
import { Campaign } from '../modules/campaign/campaign.entity';
import { OptionChallenge } from '../modules/booking/option-challenge.entity';
import { Lockout } from '../modules/lockout/lockout.entity';
import { Model } from '../modules/model/model.entity';
import { Payout } from '../modules/payout/payout.entity';
import { BookingQuote } from '../modules/pricing/booking-quote.entity';
import { RateCard } from '../modules/pricing/rate-card.entity';
import { ConsentVersion } from '../modules/twin/consent-version.entity';
import { DigitalTwin } from '../modules/twin/twin.entity';
import { CalendarFeed } from '../modules/feed/calendar-feed.entity';

import { Delivery } from '../modules/delivery/delivery.entity';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../modules/webhook/webhook.entity';

/** Every entity, listed so that discovery needs no folder scan and works the same from source and from build. */
export const ENTITIES = [
  Agency,
  Brand,
  Model,
  DigitalTwin,
  Booking,
  PhysicalBooking,
  DigitalBooking,
  BookingChange,
  RateCard,
  BookingQuote,
  Payout,
  CalendarFeed,
  Lockout,
  OptionChallenge,
  ConsentVersion,
  Delivery,
  ExclusivityClaim,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  Campaign,
];
