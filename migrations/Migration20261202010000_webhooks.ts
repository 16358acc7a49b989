import { Migration } from '@mikro-orm/migrations';

export class Migration20261202010000_webhooks extends Migration {

  override async up(): Promise<void> {
    // Endpoints of agencies and brands, and the outbox of deliveries with their attempts (src/modules/webhook).
    this.addSql(`create table "webhook_endpoint" ("id" uuid not null, "agency_id" uuid null, "brand_id" uuid null, "url" text not null, "description" text not null, "events" text[] not null, "enabled" boolean not null default true, "secret" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "webhook_endpoint_pkey" primary key ("id"), constraint webhook_endpoint_one_owner check ((agency_id is null) <> (brand_id is null)));`);
    this.addSql(`create index "webhook_endpoint_brand_id_index" on "webhook_endpoint" ("brand_id");`);
    this.addSql(`create index "webhook_endpoint_agency_id_index" on "webhook_endpoint" ("agency_id");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "endpoint_id" uuid not null, "event_id" uuid not null, "event_type" text not null, "event_seq" bigint not null, "booking_id" uuid null, "status" text check ("status" in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', "attempt_count" int not null default 0, "next_attempt_at" timestamptz null, "lease_until" timestamptz null, "claim_token" uuid null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_booking_index" on "webhook_delivery" ("endpoint_id", "booking_id", "event_seq");`);
    this.addSql(`create index "webhook_delivery_due_index" on "webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_once" unique ("endpoint_id", "event_id");`);

    this.addSql(`create table "webhook_attempt" ("id" uuid not null, "delivery_id" uuid not null, "attempted_at" timestamptz not null, "http_status" int null, "duration_ms" int not null, "error" text null, "next_attempt_at" timestamptz null, constraint "webhook_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_attempt_delivery_id_attempted_at_index" on "webhook_attempt" ("delivery_id", "attempted_at");`);

    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_delivery_id_foreign" foreign key ("delivery_id") references "webhook_delivery" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);

    this.addSql(`alter table "webhook_attempt" drop constraint "webhook_attempt_delivery_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "webhook_attempt" cascade;`);
  }

}
