import { Migration } from '@mikro-orm/migrations';

export class Migration20261130051000_booking_change_moves extends Migration {

  override async up(): Promise<void> {
    // A booking moved in time (rescheduled, or postponed for weather) keeps its id; its history says where from and
    // where to. Every line written before this is a change of status.
    this.addSql(`alter table "booking_change" add column "kind" text check ("kind" in ('STATUS', 'RESCHEDULE', 'POSTPONEMENT')) not null default 'STATUS', add column "from_start" timestamptz null, add column "from_end" timestamptz null, add column "to_start" timestamptz null, add column "to_end" timestamptz null;`);
    this.addSql(`alter table "booking_change" add constraint booking_change_move_times check((kind = 'STATUS' and from_start is null and from_end is null and to_start is null and to_end is null) or (kind <> 'STATUS' and from_start is not null and from_end is not null and to_start is not null and to_end is not null));`);
  }

  override async down(): Promise<void> {
    // A move line would read as a change of status from a status to itself: it goes.
    this.addSql(`delete from "booking_change" where "kind" <> 'STATUS';`);
    this.addSql(`alter table "booking_change" drop constraint booking_change_move_times;`);
    this.addSql(`alter table "booking_change" drop column "kind", drop column "from_start", drop column "from_end", drop column "to_start", drop column "to_end";`);
  }

}
