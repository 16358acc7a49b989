import { Migration } from '@mikro-orm/migrations';

export class Migration20261127020000_booking_window_gist extends Migration {

  override async up(): Promise<void> {
    // Overlap queries ask "blocked range && [from, to)"; a GiST index answers that directly, where the B-tree on
    // (model_id, blocked_start, blocked_end) scanned every earlier booking of the model.
    this.addSql(`drop index "booking_model_window_idx";`);
    this.addSql(`create index "booking_model_window_idx" on "booking" using gist ("model_id", tstzrange("blocked_start", "blocked_end", '[)'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "booking_model_window_idx";`);
    this.addSql(`create index "booking_model_window_idx" on "booking" ("model_id", "blocked_start", "blocked_end");`);
  }

}
