import { Migration } from '@mikro-orm/migrations';

export class Migration20261130050000_booking_placement extends Migration {

  override async up(): Promise<void> {
    // Options rank by the order the database placed them in, not by an instant each API process reads from its own
    // clock: two processes whose clocks disagree would otherwise reorder them. Bookings placed before this keep the
    // order their created_at gave them.
    this.addSql(`create sequence "booking_placement_seq";`);
    this.addSql(`alter table "booking" add column "placement" bigint null;`);
    this.addSql(`update "booking" b set "placement" = o.n from (select id, row_number() over (order by created_at, id) as n from "booking") o where o.id = b.id;`);
    this.addSql(`select setval('booking_placement_seq', coalesce((select max("placement") from "booking"), 0) + 1, false);`);
    this.addSql(`alter table "booking" alter column "placement" set default nextval('booking_placement_seq'::regclass), alter column "placement" set not null;`);
    this.addSql(`alter sequence "booking_placement_seq" owned by "booking"."placement";`);
  }

  override async down(): Promise<void> {
    // Owned by the column, the sequence goes with it.
    this.addSql(`alter table "booking" drop column "placement";`);
  }

}
