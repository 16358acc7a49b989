import { Migration } from '@mikro-orm/migrations';

export class Migration20261130050041_calendar_feed extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "calendar_feed" ("id" uuid not null, "scope" text check ("scope" in ('MODEL', 'AGENCY', 'BRAND')) not null, "model_id" uuid null, "agency_id" uuid null, "brand_id" uuid null, "label" text not null, "token_hash" text not null, "created_by_role" text check ("created_by_role" in ('ADMIN', 'AGENCY', 'BRAND', 'MODEL', 'SYSTEM')) not null, "created_by_id" uuid null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "calendar_feed_pkey" primary key ("id"), constraint calendar_feed_owner check ((scope = 'MODEL' and model_id is not null and agency_id is null and brand_id is null) or (scope = 'AGENCY' and agency_id is not null and model_id is null and brand_id is null) or (scope = 'BRAND' and brand_id is not null and model_id is null and agency_id is null)));`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "calendar_feed_brand_id_index" on "calendar_feed" ("brand_id");`);
    this.addSql(`create index "calendar_feed_agency_id_index" on "calendar_feed" ("agency_id");`);
    this.addSql(`create index "calendar_feed_model_id_index" on "calendar_feed" ("model_id");`);

    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_model_id_foreign" foreign key ("model_id") references "model" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "calendar_feed" add constraint "calendar_feed_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calendar_feed" cascade;`);
  }

}
