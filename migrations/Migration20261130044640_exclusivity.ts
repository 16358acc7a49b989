import { Migration } from '@mikro-orm/migrations';

export class Migration20261130044640_exclusivity extends Migration {

  override async up(): Promise<void> {
    // One row per territory of a booking's use of a model for a category, or of the exclusivity it grants; the two
    // exclusion constraints are what keeps two brands from both holding what an exclusivity forbids.
    this.addSql(`create table "exclusivity_claim" ("booking_id" uuid not null, "kind" text check ("kind" in ('EXCLUSIVE', 'COVER', 'USAGE')) not null, "territory" text not null, "model_id" uuid not null, "brand_id" uuid not null, "category" text not null, "start_at" timestamptz not null, "end_at" timestamptz not null, constraint "exclusivity_claim_pkey" primary key ("booking_id", "kind", "territory"), constraint exclusivity_claim_period_valid check (end_at > start_at));`);
    this.addSql(`alter table "exclusivity_claim" add constraint "exclusivity_claim_usage" exclude using gist ("model_id" with =, "category" with =, "territory" with =, tstzrange("start_at", "end_at", '[)') with &&, "brand_id" with <>, "kind" with <>);`);
    this.addSql(`alter table "exclusivity_claim" add constraint "exclusivity_claim_exclusive" exclude using gist ("model_id" with =, "category" with =, "territory" with =, tstzrange("start_at", "end_at", '[)') with &&, "brand_id" with <>) where ("kind" = 'EXCLUSIVE');`);

    this.addSql(`alter table "exclusivity_claim" add constraint "exclusivity_claim_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "booking" add column "exclusive_category" text null, add column "exclusive_territories" text[] null, add column "exclusive_start" timestamptz null, add column "exclusive_end" timestamptz null, add column "product_category" text null, add column "product_territories" text[] null;`);
    this.addSql(`alter table "booking" add constraint booking_exclusivity_whole check((exclusive_category is null and exclusive_territories is null and exclusive_start is null and exclusive_end is null) or (exclusive_category is not null and exclusive_territories is not null and exclusive_end > exclusive_start));`);

    // Digital bookings already holding use the model for their category where their licence runs: an exclusivity sold
    // from now on must respect them, so they get their USAGE rows as a new booking would.
    this.addSql(`insert into "exclusivity_claim" ("booking_id", "kind", "territory", "model_id", "brand_id", "category", "start_at", "end_at") select distinct b.id, 'USAGE', t.territory, b.model_id, b.brand_id, upper(trim(b.category)), least(b.start_at, b.usage_start), greatest(b.end_at, b.usage_end) from "booking" b cross join lateral unnest(b.usage_territories) as t(territory) where b.type = 'DIGITAL' and b.status in ('OPTION', 'CONFIRMED', 'COMPLETED') and t.territory <> '';`);

    // The exclusivity fee: 10% of the booking's fee per month in one country, until the agency says otherwise.
    this.addSql(`alter table "rate_card" add column "exclusivity_monthly_bps" int not null default 1000;`);
    this.addSql(`alter table "rate_card" add constraint rate_card_exclusivity_bps check(exclusivity_monthly_bps >= 0 and exclusivity_monthly_bps <= 10000);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "exclusivity_claim" cascade;`);

    this.addSql(`alter table "booking" drop constraint booking_exclusivity_whole;`);
    this.addSql(`alter table "booking" drop column "exclusive_category", drop column "exclusive_territories", drop column "exclusive_start", drop column "exclusive_end", drop column "product_category", drop column "product_territories";`);

    this.addSql(`alter table "rate_card" drop constraint rate_card_exclusivity_bps;`);
    this.addSql(`alter table "rate_card" drop column "exclusivity_monthly_bps";`);
  }

}
