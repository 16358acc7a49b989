import { Migration } from '@mikro-orm/migrations';

export class Migration20261130052000_payout_postponement extends Migration {

  override async up(): Promise<void> {
    // A postponement for weather is charged on top of the booking's end (its work or its cancellation): each party is
    // owed once for the end and once per postponement, which the key names by its history line. The database still
    // refuses a second payout for the same thing.
    this.addSql(`alter table "payout" add column "postponement_id" uuid null;`);
    this.addSql(`alter table "payout" add constraint "payout_postponement_id_foreign" foreign key ("postponement_id") references "booking_change" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "payout" drop constraint if exists "payout_reason_check";`);
    this.addSql(`alter table "payout" add constraint "payout_reason_check" check("reason" in ('FEE', 'CANCELLATION', 'POSTPONEMENT'));`);
    this.addSql(`alter table "payout" add constraint payout_postponement_named check((reason = 'POSTPONEMENT') = (postponement_id is not null));`);
    this.addSql(`create unique index "payout_once_per_booking_party_charge" on "payout" ("booking_id", "party", coalesce("postponement_id", '00000000-0000-0000-0000-000000000000'::uuid));`);
    this.addSql(`alter table "payout" drop constraint "payout_once_per_booking_party";`);
  }

  override async down(): Promise<void> {
    // Fails while postponement fees exist: the old key cannot hold them beside the booking's own payouts.
    this.addSql(`alter table "payout" add constraint "payout_once_per_booking_party" unique ("booking_id", "party");`);
    this.addSql(`drop index "payout_once_per_booking_party_charge";`);
    this.addSql(`alter table "payout" drop constraint payout_postponement_named;`);
    this.addSql(`alter table "payout" drop constraint "payout_reason_check";`);
    this.addSql(`alter table "payout" add constraint "payout_reason_check" check("reason" in ('FEE', 'CANCELLATION'));`);
    this.addSql(`alter table "payout" drop constraint "payout_postponement_id_foreign";`);
    this.addSql(`alter table "payout" drop column "postponement_id";`);
  }

}
