import { Migration } from '@mikro-orm/migrations';

export class Migration20261130040316_booking_quote_charges extends Migration {

  override async up(): Promise<void> {
    // What the brand was finally charged is stored with the deal memo, not derived again later: it must stay what
    // was charged whatever the pricing code becomes. Bookings charged before this have none.
    this.addSql(`alter table "booking_quote" add column "charged_lines" jsonb null, add column "charged_total" bigint null, add column "charged_at" timestamptz null;`);
    this.addSql(`alter table "booking_quote" add constraint booking_quote_charge_whole check((charged_lines is null and charged_total is null and charged_at is null) or (charged_lines is not null and charged_total >= 0 and charged_at is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "booking_quote" drop constraint booking_quote_charge_whole;`);
    this.addSql(`alter table "booking_quote" drop column "charged_lines", drop column "charged_total", drop column "charged_at";`);
  }

}
