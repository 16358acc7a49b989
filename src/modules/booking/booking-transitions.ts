import { BookingStatus } from './booking-status';

/** The one table that owns the booking lifecycle: each status and the statuses it may move to. */
export const BOOKING_TRANSITIONS: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = {
  [BookingStatus.OPTION]: [
    BookingStatus.CONFIRMED,
    BookingStatus.RELEASED,
    BookingStatus.EXPIRED,
    BookingStatus.DECLINED,
    BookingStatus.CANCELLED,
  ],
  [BookingStatus.CONFIRMED]: [BookingStatus.COMPLETED, BookingStatus.CANCELLED],
  [BookingStatus.COMPLETED]: [],
  [BookingStatus.RELEASED]: [],
  [BookingStatus.EXPIRED]: [],
  [BookingStatus.DECLINED]: [],
  [BookingStatus.CANCELLED]: [],
};

/** True when the lifecycle allows moving from `from` to `to`. */
export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return BOOKING_TRANSITIONS[from].includes(to);
}

/** True when no transition leaves the status. */
export function isTerminal(status: BookingStatus): boolean {
  return BOOKING_TRANSITIONS[status].length === 0;
}
