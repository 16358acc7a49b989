import { isValidTimeZone } from './time/ranges';
import { userError, UserErrorCode, type UserError } from './user-error';

/** Checks a required free-text field: trimmed, not empty, not longer than `max`. */
export function checkText(value: string, field: string[], max = 200): UserError | null {
  const trimmed = value.trim();
  if (!trimmed) return userError(UserErrorCode.INVALID_INPUT, `${field.at(-1)} must not be empty`, field);
  if (trimmed.length > max) return userError(UserErrorCode.INVALID_INPUT, `${field.at(-1)} must be at most ${max} characters`, field);
  return null;
}

/** Checks an IANA time zone name. */
export function checkTimeZone(value: string, field: string[]): UserError | null {
  return isValidTimeZone(value)
    ? null
    : userError(UserErrorCode.INVALID_TIME_ZONE, `"${value}" is not an IANA time zone name (such as Europe/Paris)`, field);
}

/** Checks that a half-open range [start, end) is not empty or reversed. */
export function checkRange(start: Date, end: Date, field: string[]): UserError | null {
  return end.getTime() > start.getTime()
    ? null
    : userError(UserErrorCode.INVALID_RANGE, 'end must be after start', field);
}

/** Keeps the errors that were found. */
export function collect(...checks: (UserError | null | undefined)[]): UserError[] {
  return checks.filter((e): e is UserError => !!e);
}
