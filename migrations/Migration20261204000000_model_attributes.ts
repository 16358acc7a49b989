import { Migration } from '@mikro-orm/migrations';

export class Migration20261204000000_model_attributes extends Migration {

  override async up(): Promise<void> {
    // What an agency publishes about its models (height, hair…), one jsonb object each; a planner's equality filters
    // are containments, which the GIN index answers.
    this.addSql(`alter table "model" add column "attributes" jsonb not null default '{}';`);
    this.addSql(`create index "model_attributes_idx" on "model" using gin ("attributes" jsonb_path_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "model_attributes_idx";`);
    this.addSql(`alter table "model" drop column "attributes";`);
  }

}
