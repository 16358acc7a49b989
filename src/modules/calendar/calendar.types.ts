import { ArgsType, Field, Float, ID, ObjectType } from 'type-graphql';
import { BookingStatus, BookingType } from '../booking/booking-status';
import { Booking } from '../booking/booking.entity';
import { LockoutKind } from '../lockout/lockout.entity';
import { selectedFieldNames, type SelectionInfo } from '../../common/graphql-selection';
import type { BookingSummary } from '../booking/booking-rows';

@ArgsType()
export class CalendarArgs {
  @Field(() => Date, { nullable: true, description: 'Start of the window (inclusive), an instant. Give `from` and `to`, or `fromDate` and `toDate`.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of the window (exclusive), an instant; at most 366 days after `from`.' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'First local day of the window (yyyy-MM-dd, included) in `timeZone`: the window starts at its midnight.' })
  fromDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Last local day of the window (yyyy-MM-dd, included) in `timeZone`: the window ends at the midnight after it.' })
  toDate?: string | null;

  @Field(() => String, { nullable: true, description: "IANA zone for local times and days; the model's home zone by default." })
  timeZone?: string | null;
}

// Plain data, with no middleware on any field: `simpleResolvers` lets graphql read each field directly, without
// type-graphql's wrapper per field (a month's calendar resolves thousands of them).
@ObjectType({ description: 'An instant as a wall clock shows it in one time zone.', simpleResolvers: true })
export class LocalTime {
  @Field(() => String, { description: 'Local date and time without offset, e.g. 2026-03-29T03:30:00.' })
  dateTime!: string;

  @Field(() => String, { description: 'Local date, yyyy-MM-dd.' })
  date!: string;

  @Field(() => String, { description: 'UTC offset in force then, e.g. +02:00.' })
  offset!: string;

  @Field(() => String, { description: 'IANA time zone.' })
  timeZone!: string;
}

@ObjectType({ description: "One booking on a model's calendar, in full or, for a viewer who may not see it, as a busy block.", simpleResolvers: true })
export class CalendarEntry {
  @Field(() => ID, { nullable: true, description: 'The booking id; null for a busy block.' })
  bookingId!: string | null;

  @Field(() => Boolean, { description: 'True when the viewer sees only that the model is busy: no client, title or price.' })
  busy!: boolean;

  @Field(() => BookingType, { description: 'PHYSICAL or DIGITAL.' })
  type!: BookingType;

  @Field(() => BookingStatus, { description: 'OPTION, CONFIRMED or COMPLETED; in a CalendarChange that left the calendar, the status it left with.' })
  status!: BookingStatus;

  @Field(() => Date, { description: 'Start instant.' })
  start!: Date;

  @Field(() => Date, { description: 'End instant (exclusive).' })
  end!: Date;

  @Field(() => Date, { description: 'Start of the blocked range (travel included).' })
  blockedStart!: Date;

  @Field(() => Date, { description: 'End of the blocked range (travel included).' })
  blockedEnd!: Date;

  @Field(() => LocalTime, { description: 'Start as a wall clock in the calendar zone shows it.' })
  localStart!: LocalTime;

  @Field(() => LocalTime, { description: 'End as a wall clock in the calendar zone shows it.' })
  localEnd!: LocalTime;

  // The whole booking, or its summary when the query asks no more of it (see modelCalendar).
  @Field(() => Booking, { nullable: true, description: 'The booking in full; null for a busy block.' })
  booking!: BookingSummary | null;
}

/** The fields a query asks of its calendar entries' bookings, in `entries` and in `days`. */
export const entryBookingFields = (info: SelectionInfo): Set<string> =>
  new Set([...selectedFieldNames(info, ['entries', 'booking']), ...selectedFieldNames(info, ['days', 'entries', 'booking'])]);

@ObjectType({ description: "Time the model blocked (a lockout): in full for her and her agency, for anyone else only a busy range with no kind or reason.", simpleResolvers: true })
export class CalendarLockout {
  @Field(() => ID, { nullable: true, description: 'The lockout id; null for a busy block.' })
  lockoutId!: string | null;

  @Field(() => Boolean, { description: 'True when the viewer sees only that the model is busy: no kind, no reason.' })
  busy!: boolean;

  @Field(() => LockoutKind, { nullable: true, description: 'What keeps her; null for a busy block.' })
  kind!: LockoutKind | null;

  @Field(() => String, { nullable: true, description: 'Why; null for a busy block.' })
  reason!: string | null;

  @Field(() => Date, { description: 'Start instant.' })
  start!: Date;

  @Field(() => Date, { description: 'End instant (exclusive).' })
  end!: Date;

  @Field(() => LocalTime, { description: 'Start as a wall clock in the calendar zone shows it.' })
  localStart!: LocalTime;

  @Field(() => LocalTime, { description: 'End as a wall clock in the calendar zone shows it.' })
  localEnd!: LocalTime;
}

@ObjectType({ description: 'A local calendar day in the calendar zone: 23, 24 or 25 hours across DST changes.', simpleResolvers: true })
export class CalendarDay {
  @Field(() => String, { description: 'Local date, yyyy-MM-dd.' })
  date!: string;

  @Field(() => Date, { description: 'Instant of local midnight that starts the day.' })
  start!: Date;

  @Field(() => Date, { description: 'Instant of the next local midnight.' })
  end!: Date;

  @Field(() => Float, { description: 'Length of the day in hours.' })
  hours!: number;

  @Field(() => [CalendarEntry], { description: 'Entries that touch this day; an entry across midnight is on both days.' })
  entries!: CalendarEntry[];
}

@ObjectType({ description: 'A free range on the calendar.', simpleResolvers: true })
export class FreeRange {
  @Field(() => Date, { description: 'Start.' })
  start!: Date;

  @Field(() => Date, { description: 'End (exclusive).' })
  end!: Date;
}

@ObjectType({ description: "A model's calendar for a window, in one time zone.", simpleResolvers: true })
export class Calendar {
  @Field(() => String, { description: 'IANA zone of the local times and days.' })
  timeZone!: string;

  @Field(() => Date, { description: 'Window start.' })
  from!: Date;

  @Field(() => Date, { description: 'Window end (exclusive).' })
  to!: Date;

  @Field(() => [CalendarEntry], { description: 'Every live booking and option that overlaps the window, each once, by start.' })
  entries!: CalendarEntry[];

  @Field(() => [CalendarDay], { description: 'The local days of the window, each with the entries touching it.' })
  days!: CalendarDay[];

  @Field(() => [CalendarLockout], { description: 'Her lockouts in force that overlap the window, by start: to brands only as busy ranges.' })
  lockouts!: CalendarLockout[];

  @Field(() => [FreeRange], { description: 'Where the model is free for physical work: the window less confirmed physical bookings (travel included) and her lockouts.' })
  freeForPhysical!: FreeRange[];
}

@ObjectType({ description: "A change on a model's calendar, as the subscriber may see it: a booking placed, moved or changed in status, or a lockout placed or lifted." })
export class CalendarChange {
  @Field(() => ID, { description: 'The model whose calendar changed.' })
  modelId!: string;

  @Field(() => Boolean, { description: 'False when the booking or lockout left her calendar (released, declined, expired or cancelled; lifted): remove what is shown for it.' })
  onCalendar!: boolean;

  @Field(() => CalendarEntry, { nullable: true, description: 'The booking as it stands now, in full or as a busy block, with local times in the zone subscribed with; null for a lockout.' })
  entry!: CalendarEntry | null;

  @Field(() => CalendarLockout, { nullable: true, description: 'The lockout, in full for her side or as a busy range; null for a booking.' })
  lockout!: CalendarLockout | null;
}

@ArgsType()
export class CalendarChangeArgs {
  @Field(() => ID, { description: 'The model whose calendar to follow.' })
  modelId!: string;

  @Field(() => String, { nullable: true, description: "IANA zone for local times; the model's home zone by default." })
  timeZone?: string | null;
}
