import { Migration } from '@mikro-orm/migrations';

export class Migration20261130050000_lockouts_and_challenges extends Migration {

  override async up(): Promise<void> {
    // Written by every lockout placed: physical writes hold the model row FOR SHARE, so this write orders them.
    this.addSql(`alter table "model" add column "schedule_version" int not null default 0;`);

    this.addSql(`create table "lockout" ("id" uuid not null, "model_id" uuid not null, "kind" text check ("kind" in ('HOLIDAY', 'ILLNESS', 'TRAVEL', 'OTHER_COMMITMENT')) not null, "reason" text not null, "start_at" timestamptz not null, "end_at" timestamptz not null, "override_reason" text null, "created_at" timestamptz not null, "created_by_role" text check ("created_by_role" in ('ADMIN', 'AGENCY', 'BRAND', 'MODEL', 'SYSTEM')) not null, "created_by_id" uuid null, "removed_at" timestamptz null, "removed_by_role" text check ("removed_by_role" in ('ADMIN', 'AGENCY', 'BRAND', 'MODEL', 'SYSTEM')) null, "removed_by_id" uuid null, "removal_reason" text null, constraint "lockout_pkey" primary key ("id"), constraint lockout_removal_whole check ((removed_at is null and removed_by_role is null) or (removed_at is not null and removed_by_role is not null)), constraint lockout_range_valid check (end_at > start_at));`);
    this.addSql(`create index "lockout_model_id_created_at_id_index" on "lockout" ("model_id", "created_at", "id");`);
    this.addSql(`create index "lockout_model_window_idx" on "lockout" using gist ("model_id", tstzrange("start_at", "end_at", '[)'));`);
    this.addSql(`alter table "lockout" add constraint "lockout_model_id_foreign" foreign key ("model_id") references "model" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "option_challenge" ("id" uuid not null, "booking_id" uuid not null, "on_behalf_of_id" uuid not null, "deadline" timestamptz not null, "expiry_before" timestamptz null, "created_at" timestamptz not null, "actor_role" text check ("actor_role" in ('ADMIN', 'AGENCY', 'BRAND', 'MODEL', 'SYSTEM')) not null, "actor_id" uuid null, constraint "option_challenge_pkey" primary key ("id"));`);
    this.addSql(`create index "option_challenge_on_behalf_of_id_created_at_index" on "option_challenge" ("on_behalf_of_id", "created_at");`);
    this.addSql(`create index "option_challenge_booking_id_created_at_index" on "option_challenge" ("booking_id", "created_at");`);
    this.addSql(`alter table "option_challenge" add constraint "option_challenge_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "option_challenge" add constraint "option_challenge_on_behalf_of_id_foreign" foreign key ("on_behalf_of_id") references "booking" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "option_challenge" cascade;`);
    this.addSql(`drop table if exists "lockout" cascade;`);
    this.addSql(`alter table "model" drop column "schedule_version";`);
  }

}
