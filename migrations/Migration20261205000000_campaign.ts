import { Migration } from '@mikro-orm/migrations';

export class Migration20261205000000_campaign extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "campaign" ("id" uuid not null, "brand_id" uuid not null, "name" text not null, "budget_amount" bigint not null, "budget_currency" text not null, "start_at" timestamptz not null, "end_at" timestamptz not null, "created_at" timestamptz not null, constraint "campaign_pkey" primary key ("id"), constraint campaign_budget_non_negative check (budget_amount >= 0), constraint campaign_range_valid check (end_at > start_at));`);
    this.addSql(`create index "campaign_brand_idx" on "campaign" ("brand_id", "created_at");`);

    this.addSql(`alter table "campaign" add constraint "campaign_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "booking" add column "campaign_id" uuid null, add column "campaign_quote_amount" bigint null, add column "campaign_quote_currency" text null;`);
    this.addSql(`alter table "booking" add constraint "booking_campaign_id_foreign" foreign key ("campaign_id") references "campaign" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "booking_campaign_idx" on "booking" ("campaign_id", "created_at");`);
    this.addSql(`alter table "booking" add constraint booking_campaign_quote_whole check((campaign_quote_amount is null and campaign_quote_currency is null) or (campaign_id is not null and campaign_quote_amount >= 0 and campaign_quote_currency is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "booking" drop constraint "booking_campaign_id_foreign";`);

    this.addSql(`drop table if exists "campaign" cascade;`);

    this.addSql(`drop index "booking_campaign_idx";`);
    this.addSql(`alter table "booking" drop constraint booking_campaign_quote_whole;`);
    this.addSql(`alter table "booking" drop column "campaign_id", drop column "campaign_quote_amount", drop column "campaign_quote_currency";`);
  }

}
