import { Migration } from '@mikro-orm/migrations';

export class Migration20261130044339_consent_versions_deliveries extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "consent_version_status" as enum ('PROPOSED', 'IN_FORCE', 'SUPERSEDED', 'DECLINED', 'WITHDRAWN');`);
    this.addSql(`create type "delivery_status" as enum ('SUBMITTED', 'APPROVED', 'REJECTED');`);
    this.addSql(`create table "twin_consent_version" ("id" uuid not null, "twin_id" uuid not null, "version" int not null, "status" "consent_version_status" not null, "allowed_media" text[] not null, "allowed_territories" text[] not null, "allowed_categories" text[] not null, "excluded_categories" text[] not null, "excluded_brand_ids" text[] not null, "consent_ends_at" timestamptz null, "approval_delegated_to_agency" boolean not null default false, "proposed_by_role" text check ("proposed_by_role" in ('ADMIN', 'AGENCY', 'BRAND', 'MODEL', 'SYSTEM')) not null, "proposed_by_id" uuid null, "proposed_at" timestamptz not null, "decided_by_role" text check ("decided_by_role" in ('ADMIN', 'AGENCY', 'BRAND', 'MODEL', 'SYSTEM')) null, "decided_by_id" uuid null, "decided_at" timestamptz null, "decision_reason" text null, constraint "twin_consent_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "twin_consent_version" add constraint "twin_consent_version_number_unique" unique ("twin_id", "version");`);

    this.addSql(`create table "twin_delivery" ("id" uuid not null, "booking_id" uuid not null, "kind" text not null, "quantity" int not null, "asset_reference" text not null, "status" "delivery_status" not null default 'SUBMITTED', "submitted_by_role" text check ("submitted_by_role" in ('ADMIN', 'AGENCY', 'BRAND', 'MODEL', 'SYSTEM')) not null, "submitted_by_id" uuid null, "submitted_at" timestamptz not null, "decided_by_role" text check ("decided_by_role" in ('ADMIN', 'AGENCY', 'BRAND', 'MODEL', 'SYSTEM')) null, "decided_by_id" uuid null, "decided_at" timestamptz null, "rejection_reason" text null, constraint "twin_delivery_pkey" primary key ("id"), constraint twin_delivery_rejection_has_reason check (status <> 'REJECTED' or rejection_reason is not null), constraint twin_delivery_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "twin_delivery_booking_idx" on "twin_delivery" ("booking_id", "submitted_at");`);

    this.addSql(`alter table "twin_consent_version" add constraint "twin_consent_version_twin_id_foreign" foreign key ("twin_id") references "digital_twin" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "twin_delivery" add constraint "twin_delivery_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "digital_twin" add column "approval_delegated_to_agency" boolean not null default false, add column "consent_version" int not null default 1;`);

    this.addSql(`alter table "booking" add column "consent_version" int null, add column "outside_consent_since" timestamptz null, add column "consent_flag" text null;`);

    // At most one version of a twin's consent is in force: two racing acceptances cannot both take effect.
    this.addSql(`create unique index "twin_consent_version_one_in_force" on "twin_consent_version" ("twin_id") where "status" = 'IN_FORCE';`);
    // The consent each existing twin holds becomes its version 1, made by the system: nothing of it is lost, and its
    // bookings (accepted before versions were kept) record no version.
    this.addSql(`insert into "twin_consent_version" ("id", "twin_id", "version", "status", "allowed_media", "allowed_territories", "allowed_categories", "excluded_categories", "excluded_brand_ids", "consent_ends_at", "approval_delegated_to_agency", "proposed_by_role", "proposed_by_id", "proposed_at", "decided_by_role", "decided_by_id", "decided_at") select gen_random_uuid(), "id", 1, 'IN_FORCE', "allowed_media", "allowed_territories", "allowed_categories", "excluded_categories", "excluded_brand_ids", "consent_ends_at", false, 'SYSTEM', null, "created_at", 'SYSTEM', null, "created_at" from "digital_twin";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "twin_consent_version" cascade;`);

    this.addSql(`drop table if exists "twin_delivery" cascade;`);

    this.addSql(`alter table "booking" drop column "consent_version", drop column "outside_consent_since", drop column "consent_flag";`);

    this.addSql(`alter table "digital_twin" drop column "approval_delegated_to_agency", drop column "consent_version";`);

    this.addSql(`drop type "consent_version_status";`);
    this.addSql(`drop type "delivery_status";`);
  }

}
