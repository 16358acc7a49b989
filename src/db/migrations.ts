import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126233224_initial } from '../../migrations/Migration20261126233224_initial';
import { Migration20261127000608_money } from '../../migrations/Migration20261127000608_money';
import { Migration20261127011834_physical_travel_not_null } from '../../migrations/Migration20261127011834_physical_travel_not_null';
import { Migration20261127020000_booking_window_gist } from '../../migrations/Migration20261127020000_booking_window_gist';
import { Migration20261127021614_drop_booking_type_index } from '../../migrations/Migration20261127021614_drop_booking_type_index';
import { Migration20261130040316_booking_quote_charges } from '../../migrations/Migration20261130040316_booking_quote_charges';
import { Migration20261130044339_consent_versions_deliveries } from '../../migrations/Migration20261130044339_consent_versions_deliveries';
import { Migration20261130044640_exclusivity } from '../../migrations/Migration20261130044640_exclusivity';
import { Migration20261130050000_booking_placement } from '../../migrations/Migration20261130050000_booking_placement';
import { Migration20261130050000_lockouts_and_challenges } from '../../migrations/Migration20261130050000_lockouts_and_challenges';
import { Migration20261130050041_calendar_feed } from '../../migrations/Migration20261130050041_calendar_feed';
import { Migration20261130051000_booking_change_moves } from '../../migrations/Migration20261130051000_booking_change_moves';
import { Migration20261130052000_payout_postponement } from '../../migrations/Migration20261130052000_payout_postponement';
import { Migration20261201090000_idempotency_key } from '../../migrations/Migration20261201090000_idempotency_key';
import { Migration20261202000000_domain_event } from '../../migrations/Migration20261202000000_domain_event';
import { Migration20261202010000_webhooks } from '../../migrations/Migration20261202010000_webhooks';
import { Migration20261204000000_model_attributes } from '../../migrations/Migration20261204000000_model_attributes';
import { Migration20261205000000_campaign } from '../../migrations/Migration20261205000000_campaign';

/** Every migration in order. Listed by hand so that the built server and the tests run the same set. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261126233224_initial', class: Migration20261126233224_initial },
  { name: 'Migration20261127000608_money', class: Migration20261127000608_money },
  { name: 'Migration20261127011834_physical_travel_not_null', class: Migration20261127011834_physical_travel_not_null },
  { name: 'Migration20261127020000_booking_window_gist', class: Migration20261127020000_booking_window_gist },
  { name: 'Migration20261127021614_drop_booking_type_index', class: Migration20261127021614_drop_booking_type_index },
  { name: 'Migration20261130040316_booking_quote_charges', class: Migration20261130040316_booking_quote_charges },
  { name: 'Migration20261130044339_consent_versions_deliveries', class: Migration20261130044339_consent_versions_deliveries },
  { name: 'Migration20261130044640_exclusivity', class: Migration20261130044640_exclusivity },
  { name: 'Migration20261130050000_booking_placement', class: Migration20261130050000_booking_placement },
  { name: 'Migration20261130050000_lockouts_and_challenges', class: Migration20261130050000_lockouts_and_challenges },
  { name: 'Migration20261130050041_calendar_feed', class: Migration20261130050041_calendar_feed },
  { name: 'Migration20261130051000_booking_change_moves', class: Migration20261130051000_booking_change_moves },
  { name: 'Migration20261130052000_payout_postponement', class: Migration20261130052000_payout_postponement },
  { name: 'Migration20261201090000_idempotency_key', class: Migration20261201090000_idempotency_key },
  { name: 'Migration20261202000000_domain_event', class: Migration20261202000000_domain_event },
  { name: 'Migration20261202010000_webhooks', class: Migration20261202010000_webhooks },
  { name: 'Migration20261204000000_model_attributes', class: Migration20261204000000_model_attributes },
  { name: 'Migration20261205000000_campaign', class: Migration20261205000000_campaign },
];
