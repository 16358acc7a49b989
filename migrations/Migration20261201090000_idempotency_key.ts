import { Migration } from '@mikro-orm/migrations';

export class Migration20261201090000_idempotency_key extends Migration {

  override async up(): Promise<void> {
    // One row per (viewer, key): the primary key is what lets only one of several API processes claim a key, so a
    // retried mutation runs once. The response is kept as text, not jsonb, so that it is replayed byte for byte.
    this.addSql(`create table "idempotency_key" (
      "viewer" text not null,
      "key" text not null,
      "request_hash" text not null,
      "claim_token" uuid not null,
      "created_at" timestamptz not null default now(),
      "claimed_at" timestamptz not null default now(),
      "completed_at" timestamptz null,
      "status_code" smallint null,
      "response_body" text null,
      constraint "idempotency_key_pkey" primary key ("viewer", "key"),
      constraint idempotency_key_key_length check (char_length("key") between 1 and 255),
      constraint idempotency_key_completed_whole check ((completed_at is null) = (response_body is null) and (completed_at is null) = (status_code is null))
    );`);
    // The cleanup deletes by age.
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "idempotency_key";`);
  }

}
