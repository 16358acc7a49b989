import { Migration } from '@mikro-orm/migrations';

export class Migration20261127021614_drop_booking_type_index extends Migration {

  override async up(): Promise<void> {
    // Two values select nothing: no query used it well (one planned a bitmap of every physical booking through it),
    // and every insert paid for it.
    this.addSql(`drop index "booking_type_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "booking_type_index" on "booking" ("type");`);
  }

}
