import { isValidTimeZone } from './time/ranges';
import { userError, UserErrorCode, type UserError } from './user-error';

// PostgreSQL text cannot hold NUL (the insert fails), and an unpaired surrogate would be stored as U+FFFD.
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/** Checks a required free-text field: trimmed, not empty, not longer than `max`, storable as text. */
export function checkText(value: string, field: string[], max = 200): UserError | null {
  const trimmed = value.trim();
  if (!trimmed) return userError(UserErrorCode.INVALID_INPUT, `${field.at(-1)} must not be empty`, field);
  if (trimmed.length > max) return userError(UserErrorCode.INVALID_INPUT, `${field.at(-1)} must be at most ${max} characters`, field);
  if (trimmed.includes('\u0000') || UNPAIRED_SURROGATE.test(trimmed)) {
    return userError(UserErrorCode.INVALID_INPUT, `${field.at(-1)} must not contain NUL or unpaired surrogate characters`, field);
  }
  return null;
}

/** Checks an IANA time zone name. */
export function checkTimeZone(value: string, field: string[]): UserError | null {
  return isValidTimeZone(value)
    ? null
    : userError(UserErrorCode.INVALID_TIME_ZONE, `"${value}" is not an IANA time zone name (such as Europe/Paris)`, field);
}

// The database driver writes years outside 1..9999 in a form PostgreSQL refuses, and travel buffers move a
// blocked range by up to a day; an instant outside this span is a typo, not a plan.
const EARLIEST_INSTANT = Date.UTC(1900, 0, 1);
const LATEST_INSTANT = Date.UTC(9999, 11, 31);

/** Checks that an instant lies in the span the API keeps: from 1900-01-01 to before 9999-12-31. */
export function checkInstant(value: Date, field: string[]): UserError | null {
  const t = value.getTime();
  return t >= EARLIEST_INSTANT && t < LATEST_INSTANT
    ? null
    : userError(UserErrorCode.INVALID_INPUT, `${field.at(-1)} must be from 1900-01-01 to before 9999-12-31`, field);
}

/**
 * Checks that a half-open range [start, end) has both ends in the span the API keeps and is not empty or
 * reversed. `field` names the end; the start is its sibling `start`.
 */
export function checkRange(start: Date, end: Date, field: string[]): UserError | null {
  return (
    checkInstant(start, [...field.slice(0, -1), 'start']) ??
    checkInstant(end, field) ??
    (end.getTime() > start.getTime() ? null : userError(UserErrorCode.INVALID_RANGE, 'end must be after start', field))
  );
}

/** Keeps the errors that were found. */
export function collect(...checks: (UserError | null | undefined)[]): UserError[] {
  return checks.filter((e): e is UserError => !!e);
}
