import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000608_money extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "booking_quote" ("booking_id" uuid not null, "currency" text not null, "lines" jsonb not null, "brand_total" bigint not null, "model_amount" bigint not null, "agency_amount" bigint not null, "mother_agency_amount" bigint not null, "platform_amount" bigint not null, "terms" jsonb not null, "frozen_at" timestamptz not null, constraint "booking_quote_pkey" primary key ("booking_id"), constraint booking_quote_parts_non_negative check (model_amount >= 0 and agency_amount >= 0 and mother_agency_amount >= 0 and platform_amount >= 0), constraint booking_quote_balances check (brand_total = model_amount + agency_amount + mother_agency_amount + platform_amount));`);

    this.addSql(`create table "payout" ("id" uuid not null, "booking_id" uuid not null, "booking_type" text check ("booking_type" in ('PHYSICAL', 'DIGITAL')) not null, "party" text check ("party" in ('MODEL', 'AGENCY', 'MOTHER_AGENCY', 'PLATFORM')) not null, "party_id" uuid null, "reason" text check ("reason" in ('FEE', 'CANCELLATION')) not null, "amount" bigint not null, "currency" text not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'PAID')) not null default 'PENDING', "external_reference" text null, "created_at" timestamptz not null, "approved_at" timestamptz null, "paid_at" timestamptz null, constraint "payout_pkey" primary key ("id"), constraint payout_paid_has_reference check (status <> 'PAID' or external_reference is not null), constraint payout_amount_non_negative check (amount >= 0));`);
    this.addSql(`create index "payout_party_idx" on "payout" ("party_id", "created_at");`);
    this.addSql(`alter table "payout" add constraint "payout_once_per_booking_party" unique ("booking_id", "party");`);

    this.addSql(`create table "rate_card" ("id" uuid not null, "agency_id" uuid not null, "model_id" uuid null, "currency" text not null, "hourly_rate" bigint not null, "half_day_rate" bigint not null, "day_rate" bigint not null, "overtime_after8h_bps" int not null default 15000, "overtime_after12h_bps" int not null default 20000, "travel_hourly_rate" bigint not null default 0, "model_commission_bps" int not null default 2000, "service_fee_bps" int not null default 2000, "mother_agency_share_bps" int not null default 1000, "platform_fee_bps" int not null default 500, "cancellation_bands" jsonb not null, "weather_postponement_bps" int not null default 5000, "deliverable_prices" jsonb not null, "usage_monthly_fees" jsonb not null, "territory_factor_bps" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "rate_card_pkey" primary key ("id"), constraint rate_card_overtime_multipliers check (overtime_after8h_bps >= 10000 and overtime_after8h_bps <= 100000 and overtime_after12h_bps >= 10000 and overtime_after12h_bps <= 100000), constraint rate_card_bps_in_range check (model_commission_bps >= 0 and model_commission_bps <= 10000 and service_fee_bps >= 0 and service_fee_bps <= 10000 and mother_agency_share_bps >= 0 and mother_agency_share_bps <= 10000 and platform_fee_bps >= 0 and platform_fee_bps <= 10000 and weather_postponement_bps >= 0 and weather_postponement_bps <= 10000), constraint rate_card_amounts_non_negative check (hourly_rate >= 0 and half_day_rate >= 0 and day_rate >= 0 and travel_hourly_rate >= 0), constraint rate_card_currency_code check (currency ~ '^[A-Z]{3}\$'));`);
    this.addSql(`create unique index "rate_card_agency_default_unique" on "rate_card" ("agency_id") where "model_id" is null;`);
    this.addSql(`alter table "rate_card" add constraint "rate_card_model_unique" unique ("model_id");`);

    this.addSql(`alter table "booking_quote" add constraint "booking_quote_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "payout" add constraint "payout_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "rate_card" add constraint "rate_card_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "rate_card" add constraint "rate_card_model_id_foreign" foreign key ("model_id") references "model" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "booking" add column "completed_at" timestamptz null, add column "actual_end" timestamptz null, add column "delivered" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "booking_quote" cascade;`);

    this.addSql(`drop table if exists "payout" cascade;`);

    this.addSql(`drop table if exists "rate_card" cascade;`);

    this.addSql(`alter table "booking" drop column "completed_at", drop column "actual_end", drop column "delivered";`);
  }

}
