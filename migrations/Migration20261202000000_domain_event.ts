import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000000_domain_event extends Migration {

  override async up(): Promise<void> {
    // One row per thing that happened, written in the transaction of the change itself (src/core/events.ts). `seq`
    // orders them globally; the party columns let subscribers and webhook endpoints filter without reading payloads.
    // `fanned_out_at` is the webhook outbox's mark: null until the worker has written this event's deliveries.
    this.addSql(`create table "domain_event" (
      "id" uuid not null,
      "seq" bigserial not null,
      "type" text not null,
      "occurred_at" timestamptz not null,
      "model_id" uuid null,
      "agency_id" uuid null,
      "brand_id" uuid null,
      "booking_id" uuid null,
      "payload" jsonb not null default '{}',
      "fanned_out_at" timestamptz null,
      constraint "domain_event_pkey" primary key ("id"),
      constraint "domain_event_seq_unique" unique ("seq")
    );`);
    this.addSql(`create index "domain_event_booking_seq_index" on "domain_event" ("booking_id", "seq") where "booking_id" is not null;`);
    // The outbox worker looks only at events not yet fanned out; the index stays as small as that backlog.
    this.addSql(`create index "domain_event_not_fanned_out_index" on "domain_event" ("seq") where "fanned_out_at" is null;`);
    // Other processes hear of an event when, and only if, its transaction commits: NOTIFY is transactional. A
    // trigger, so that an event written inside a larger statement (a physical booking is one) notifies too.
    this.addSql(`create function "domain_event_notify"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('twinbook_event', json_build_object('id', new.id, 'seq', new.seq)::text);
        return null;
      end $$;`);
    this.addSql(`create trigger "domain_event_notify" after insert on "domain_event" for each row execute function "domain_event_notify"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "domain_event";`);
    this.addSql(`drop function "domain_event_notify"();`);
  }

}
