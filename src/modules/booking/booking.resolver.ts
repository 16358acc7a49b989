import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { payload } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { Brand } from '../brand/brand.entity';
import { Model } from '../model/model.entity';
import { BookingChange } from './booking-history.entity';
import { completeBooking } from './booking-completion';
import { cancelBooking, confirmBooking } from './booking-lifecycle';
import { postponeBooking, rescheduleBooking } from './booking-schedule';
import { listBookings } from './booking-list';
import { Booking, DigitalBooking, PhysicalBooking } from './booking.entity';
import { mayReadConsentFlag } from './consent-effects';
import { BookingStatus } from './booking-status';
import { effectiveStatus } from './effective-status';
import { createDigitalBooking, createPhysicalBooking, findBooking } from './booking.service';
import {
  BookingConnection,
  BookingListArgs,
  BookingPayload,
  CompleteBookingInput,
  CreateDigitalBookingInput,
  CreatePhysicalBookingInput,
  PostponeBookingInput,
  RescheduleBookingInput,
} from './booking.types';
import { historyByBookingLoader, optionRankLoader } from './booking.loaders';
import { modelLoader } from '../model/model.loaders';
import { brandLoader } from '../brand/brand.loaders';

@Resolver(() => Booking)
export class BookingResolver {
  @FieldResolver(() => Model, { description: 'The model booked.' })
  async model(@Ctx() ctx: RequestContext, @Root() booking: Booking): Promise<Model> {
    return (await modelLoader(ctx).load(booking.model.id))!;
  }

  @FieldResolver(() => Brand, { description: 'The brand that booked.' })
  brand(@Ctx() ctx: RequestContext, @Root() booking: Booking): Brand | Promise<Brand> {
    // Held already (a calendar primes its brands): answered without a promise, which a month of entries would pay per row.
    return brandLoader(ctx).peek(booking.brand.id) ?? brandLoader(ctx).load(booking.brand.id).then((brand) => brand!);
  }

  // The stored status lags behind an expiry until the sweep writes it; readers must not.
  @FieldResolver(() => BookingStatus)
  status(@Root() booking: Booking): BookingStatus {
    return effectiveStatus(booking, new Date());
  }

  @FieldResolver(() => [BookingChange], { description: 'Every change of status and every move in time, oldest first.' })
  history(@Ctx() ctx: RequestContext, @Root() booking: Booking): Promise<BookingChange[]> {
    return historyByBookingLoader(ctx).load(booking.id);
  }

  @Authorized()
  @Query(() => BookingConnection, {
    description:
      'Bookings the viewer sees in full (a brand its own, an agency its models, a model hers, an admin all), by window, models, brands, status and type; by start when a window is given, else oldest placed first.',
  })
  bookings(@Ctx() ctx: RequestContext, @Args(() => BookingListArgs) args: BookingListArgs): Promise<BookingConnection> {
    return listBookings(ctx, args);
  }

  @Authorized()
  @Query(() => Booking, { nullable: true, description: 'A booking the viewer may see in full; null otherwise.' })
  booking(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Booking | null> {
    return findBooking(ctx, id);
  }

  @Authorized()
  @Mutation(() => BookingPayload, { description: 'Books the model in person: an option (ranked by when placed) or, for her agency, a confirmed booking.' })
  async createPhysicalBooking(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreatePhysicalBookingInput) input: CreatePhysicalBookingInput,
  ): Promise<BookingPayload> {
    return payload('booking', await createPhysicalBooking(ctx, input));
  }

  @Authorized()
  @Mutation(() => BookingPayload, { description: "Books the model's digital twin within its consent scope; never clashes in time." })
  async createDigitalBooking(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateDigitalBookingInput) input: CreateDigitalBookingInput,
  ): Promise<BookingPayload> {
    return payload('booking', await createDigitalBooking(ctx, input));
  }

  @Authorized()
  @Mutation(() => BookingPayload, { description: 'Confirms an option: a brand its own 1st option, the agency any option with none live above it. Freezes its quote; a booking the rate card cannot price is not confirmed (RATE_CARD_MISSING, UNPRICED_TERM). A physical one is refused over her lockouts (LOCKED_OUT) unless her agency overrides; past a challenge deadline it answers CHALLENGE_EXPIRED.' })
  async confirmBooking(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('overrideLockout', () => String, {
      nullable: true,
      description: "Her agency only (a brand is answered FORBIDDEN): confirm a physical booking even through her lockouts, for this reason, kept in the booking's history. Without it a lockout in the way answers LOCKED_OUT.",
    })
    overrideLockout?: string | null,
  ): Promise<BookingPayload> {
    return payload('booking', await confirmBooking(ctx, id, overrideLockout ?? null));
  }

  @Authorized()
  @Mutation(() => BookingPayload, {
    description: "Completes a confirmed booking once its work has started (BOOKING_NOT_STARTED before), and writes its payouts and its final charges from the frozen quote; the booking's agency only. Idempotent: repeating it writes nothing more.",
  })
  async completeBooking(@Ctx() ctx: RequestContext, @Arg('input', () => CompleteBookingInput) input: CompleteBookingInput): Promise<BookingPayload> {
    return payload('booking', await completeBooking(ctx, input));
  }

  @Authorized()
  @Mutation(() => BookingPayload, { description: 'Calls a booking off: an option is released by its brand or declined by the agency; a confirmed booking is cancelled.' })
  async cancelBooking(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { description: 'Why; kept in the history.' }) reason: string,
  ): Promise<BookingPayload> {
    return payload('booking', await cancelBooking(ctx, id, reason));
  }

  @Authorized()
  @Mutation(() => BookingPayload, {
    description:
      "Moves an option or a confirmed booking to a new time, keeping its id, brand and deal memo; the rules apply at the new time (PHYSICAL_CLASH, OPTION_NOT_FIRST for a confirmed booking over live options, the twin's consent and cap). A moved option ranks from when it moved. A brand moves its own options; the agency any, and confirmed bookings, which are priced again under their frozen terms. The history records where from and where to.",
  })
  async rescheduleBooking(@Ctx() ctx: RequestContext, @Arg('input', () => RescheduleBookingInput) input: RescheduleBookingInput): Promise<BookingPayload> {
    return payload('booking', await rescheduleBooking(ctx, input));
  }

  @Authorized()
  @Mutation(() => BookingPayload, {
    description:
      "Postpones a confirmed physical job for weather to a new time, moved as by rescheduleBooking; the brand is charged the postponement fee of its deal memo (a share of the agreed total), once per postponement. The booking's agency only. Asked again once done, it changes and charges nothing more.",
  })
  async postponeBooking(@Ctx() ctx: RequestContext, @Arg('input', () => PostponeBookingInput) input: PostponeBookingInput): Promise<BookingPayload> {
    return payload('booking', await postponeBooking(ctx, input));
  }
}

@Resolver(() => PhysicalBooking)
export class PhysicalBookingResolver {
  @FieldResolver(() => Date, { description: 'Start of the range the booking blocks: start minus travel before.' })
  blockedStart(@Root() booking: PhysicalBooking): Date {
    return booking.blockedStart;
  }

  @FieldResolver(() => Date, { description: 'End of the range the booking blocks: end plus travel after.' })
  blockedEnd(@Root() booking: PhysicalBooking): Date {
    return booking.blockedEnd;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'For a live option: its rank among the live options overlapping it (1 = first). Null otherwise.' })
  optionRank(@Ctx() ctx: RequestContext, @Root() booking: PhysicalBooking): Promise<number | null> {
    return optionRankLoader(ctx).load(booking.id);
  }
}

@Resolver(() => DigitalBooking)
export class DigitalBookingConsentResolver {
  @FieldResolver(() => Date, { nullable: true, description: "Since when the job falls outside the twin's consent in force (it was narrowed after the job was confirmed): flagged for her agency to settle, not cancelled. Null when covered, and for the brand." })
  outsideConsentSince(@Ctx() ctx: RequestContext, @Root() booking: DigitalBooking): Date | null {
    return mayReadConsentFlag(ctx, booking) ? booking.outsideConsentSince : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Which terms of the consent in force the job is outside of. Null when covered, and for the brand.' })
  consentFlag(@Ctx() ctx: RequestContext, @Root() booking: DigitalBooking): string | null {
    return mayReadConsentFlag(ctx, booking) ? booking.consentFlag : null;
  }
}
