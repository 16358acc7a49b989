import { randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new random identifier for an entity. */
export function newId(): string {
  return randomUUID();
}

/** True when the text is a UUID, so that a malformed id is a user error and never reaches SQL. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
