import { Migration } from '@mikro-orm/migrations';

export class Migration20261126233224_initial extends Migration {

  override async up(): Promise<void> {
    // The exclusion constraint on bookings mixes equality on model_id with range overlap: that needs btree_gist.
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`create type "twin_status" as enum ('ACTIVE', 'PAUSED', 'RETIRED');`);
    this.addSql(`create table "agency" ("id" uuid not null, "name" text not null, "created_at" timestamptz not null, constraint "agency_pkey" primary key ("id"));`);

    this.addSql(`create table "brand" ("id" uuid not null, "name" text not null, "created_at" timestamptz not null, constraint "brand_pkey" primary key ("id"));`);

    this.addSql(`create table "model" ("id" uuid not null, "agency_id" uuid not null, "mother_agency_id" uuid null, "name" text not null, "time_zone" text not null, "base_city" text not null, "created_at" timestamptz not null, constraint "model_pkey" primary key ("id"));`);
    this.addSql(`create index "model_agency_id_created_at_id_index" on "model" ("agency_id", "created_at", "id");`);

    this.addSql(`create table "digital_twin" ("id" uuid not null, "model_id" uuid not null, "status" "twin_status" not null default 'ACTIVE', "model_share_bps" int not null, "agency_share_bps" int not null, "platform_share_bps" int not null, "max_concurrent_jobs" int null, "allowed_media" text[] not null, "allowed_territories" text[] not null, "allowed_categories" text[] not null, "excluded_categories" text[] not null, "excluded_brand_ids" text[] not null, "consent_ends_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "digital_twin_pkey" primary key ("id"), constraint digital_twin_max_concurrent_jobs_positive check (max_concurrent_jobs is null or max_concurrent_jobs > 0), constraint digital_twin_split_sums_to_whole check (model_share_bps >= 0 and agency_share_bps >= 0 and platform_share_bps >= 0 and model_share_bps + agency_share_bps + platform_share_bps = 10000));`);
    this.addSql(`alter table "digital_twin" add constraint "digital_twin_model_id_unique" unique ("model_id");`);

    this.addSql(`create table "booking" ("id" uuid not null, "type" text check ("type" in ('PHYSICAL', 'DIGITAL')) not null, "model_id" uuid not null, "agency_id" uuid not null, "brand_id" uuid not null, "status" text check ("status" in ('OPTION', 'CONFIRMED', 'COMPLETED', 'RELEASED', 'EXPIRED', 'DECLINED', 'CANCELLED')) not null default 'OPTION', "title" text not null, "start_at" timestamptz not null, "end_at" timestamptz not null, "blocked_start" timestamptz not null, "blocked_end" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "location_name" text null, "location_time_zone" text null, "travel_before_minutes" int null default 0, "travel_after_minutes" int null default 0, "option_expires_at" timestamptz null, "deliverables" jsonb null, "category" text null, "usage_media" text[] null, "usage_territories" text[] null, "usage_start" timestamptz null, "usage_end" timestamptz null, constraint "booking_pkey" primary key ("id"), constraint booking_digital_fields check (type <> 'DIGITAL' or (deliverables is not null and category is not null and usage_media is not null and usage_territories is not null and usage_end > usage_start and blocked_start = start_at and blocked_end = end_at)), constraint booking_physical_fields check (type <> 'PHYSICAL' or (location_name is not null and location_time_zone is not null and travel_before_minutes >= 0 and travel_before_minutes <= 1440 and travel_after_minutes >= 0 and travel_after_minutes <= 1440 and blocked_start = start_at - make_interval(mins => travel_before_minutes) and blocked_end = end_at + make_interval(mins => travel_after_minutes))), constraint booking_blocked_covers_range check (blocked_start <= start_at and blocked_end >= end_at), constraint booking_range_valid check (end_at > start_at));`);
    this.addSql(`create index "booking_type_index" on "booking" ("type");`);
    this.addSql(`create index "booking_agency_idx" on "booking" ("agency_id", "start_at");`);
    this.addSql(`create index "booking_brand_idx" on "booking" ("brand_id", "start_at");`);
    this.addSql(`create index "booking_model_window_idx" on "booking" ("model_id", "blocked_start", "blocked_end");`);
    this.addSql(`alter table "booking" add constraint "booking_no_physical_clash" exclude using gist ("model_id" with =, tstzrange("blocked_start", "blocked_end", '[)') with &&) where ("type" = 'PHYSICAL' and "status" in ('CONFIRMED', 'COMPLETED'));`);

    this.addSql(`create table "booking_change" ("id" uuid not null, "booking_id" uuid not null, "from_status" text check ("from_status" in ('OPTION', 'CONFIRMED', 'COMPLETED', 'RELEASED', 'EXPIRED', 'DECLINED', 'CANCELLED')) null, "to_status" text check ("to_status" in ('OPTION', 'CONFIRMED', 'COMPLETED', 'RELEASED', 'EXPIRED', 'DECLINED', 'CANCELLED')) not null, "actor_role" text check ("actor_role" in ('ADMIN', 'AGENCY', 'BRAND', 'MODEL', 'SYSTEM')) not null, "actor_id" uuid null, "reason" text null, "at" timestamptz not null, constraint "booking_change_pkey" primary key ("id"));`);
    this.addSql(`create index "booking_change_booking_id_at_index" on "booking_change" ("booking_id", "at");`);

    this.addSql(`alter table "model" add constraint "model_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "model" add constraint "model_mother_agency_id_foreign" foreign key ("mother_agency_id") references "agency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "digital_twin" add constraint "digital_twin_model_id_foreign" foreign key ("model_id") references "model" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "booking" add constraint "booking_model_id_foreign" foreign key ("model_id") references "model" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "booking" add constraint "booking_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "booking" add constraint "booking_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "booking_change" add constraint "booking_change_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "model" drop constraint "model_agency_id_foreign";`);

    this.addSql(`alter table "model" drop constraint "model_mother_agency_id_foreign";`);

    this.addSql(`alter table "booking" drop constraint "booking_agency_id_foreign";`);

    this.addSql(`alter table "booking" drop constraint "booking_brand_id_foreign";`);

    this.addSql(`alter table "digital_twin" drop constraint "digital_twin_model_id_foreign";`);

    this.addSql(`alter table "booking" drop constraint "booking_model_id_foreign";`);

    this.addSql(`alter table "booking_change" drop constraint "booking_change_booking_id_foreign";`);

    this.addSql(`drop table if exists "agency" cascade;`);

    this.addSql(`drop table if exists "brand" cascade;`);

    this.addSql(`drop table if exists "model" cascade;`);

    this.addSql(`drop table if exists "digital_twin" cascade;`);

    this.addSql(`drop table if exists "booking" cascade;`);

    this.addSql(`drop table if exists "booking_change" cascade;`);

    this.addSql(`drop type "twin_status";`);
  }

}
