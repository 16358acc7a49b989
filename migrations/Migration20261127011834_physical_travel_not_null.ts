import { Migration } from '@mikro-orm/migrations';

export class Migration20261127011834_physical_travel_not_null extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "booking" drop constraint booking_physical_fields;`);

    this.addSql(`alter table "booking" add constraint booking_physical_fields check(type <> 'PHYSICAL' or (location_name is not null and location_time_zone is not null and travel_before_minutes is not null and travel_after_minutes is not null and travel_before_minutes >= 0 and travel_before_minutes <= 1440 and travel_after_minutes >= 0 and travel_after_minutes <= 1440 and blocked_start = start_at - make_interval(mins => travel_before_minutes) and blocked_end = end_at + make_interval(mins => travel_after_minutes)));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "booking" drop constraint booking_physical_fields;`);

    this.addSql(`alter table "booking" add constraint booking_physical_fields check((type <> 'PHYSICAL'::text) OR ((location_name IS NOT NULL) AND (location_time_zone IS NOT NULL) AND (travel_before_minutes >= 0) AND (travel_before_minutes <= 1440) AND (travel_after_minutes >= 0) AND (travel_after_minutes <= 1440) AND (blocked_start = (start_at - make_interval(mins => travel_before_minutes))) AND (blocked_end = (end_at + make_interval(mins => travel_after_minutes)))));`);
  }

}
