import { Check, Entity, JsonType, OneToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { MoneyAmountType } from '../../db/money-amount.type';
import { Booking } from '../booking/booking.entity';
import type { QuoteLine } from './physical-pricing';

/** The prices and terms a booking was confirmed with: everything later money is computed from. */
export interface FrozenTerms {
  rateCardId: string;
  currency: string;
  hourlyRate: number;
  halfDayRate: number;
  dayRate: number;
  overtimeAfter8Bps: number;
  overtimeAfter12Bps: number;
  travelHourlyRate: number;
  modelCommissionBps: number;
  serviceFeeBps: number;
  motherAgencyShareBps: number;
  platformFeeBps: number;
  cancellationBands: { noticeHours: number; bps: number }[];
  weatherPostponementBps: number;
  deliverablePrices: Record<string, number>;
  usageMonthlyFees: Record<string, number>;
  territoryFactorBps: { COUNTRY: number; EU: number; WORLDWIDE: number };
  /** The exclusivity fee term (see RateCard); absent from terms frozen before exclusivity was sold, which grant none. */
  exclusivityMonthlyBps?: number;
  ownershipSplit: { modelBps: number; agencyBps: number; platformBps: number } | null;
  hasMotherAgency: boolean;
}

/** A booking's deal memo: its quote frozen when it was confirmed. One per booking (its primary key). */
@Entity({ tableName: 'booking_quote' })
@Check({
  name: 'booking_quote_balances',
  expression: 'brand_total = model_amount + agency_amount + mother_agency_amount + platform_amount',
})
@Check({
  name: 'booking_quote_parts_non_negative',
  expression: 'model_amount >= 0 and agency_amount >= 0 and mother_agency_amount >= 0 and platform_amount >= 0',
})
@Check({
  name: 'booking_quote_charge_whole',
  expression:
    '(charged_lines is null and charged_total is null and charged_at is null) or (charged_lines is not null and charged_total >= 0 and charged_at is not null)',
})
export class BookingQuote {
  @OneToOne(() => Booking, { primary: true, ref: true, owner: true, deleteRule: 'cascade' })
  booking!: Ref<Booking>;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: JsonType })
  lines!: QuoteLine[];

  @Property({ type: MoneyAmountType })
  brandTotal!: number;

  @Property({ type: MoneyAmountType })
  modelAmount!: number;

  @Property({ type: MoneyAmountType })
  agencyAmount!: number;

  @Property({ type: MoneyAmountType })
  motherAgencyAmount!: number;

  @Property({ type: MoneyAmountType })
  platformAmount!: number;

  @Property({ type: JsonType })
  terms!: FrozenTerms;

  @Property({ type: 'datetime' })
  frozenAt: Opt<Date> = new Date();

  /** What the brand was finally charged, line by line (work as done, or a cancellation fee); null until then. */
  @Property({ type: JsonType, nullable: true })
  chargedLines: QuoteLine[] | null = null;

  /** The sum of the charged lines, which the booking's payouts add up to. */
  @Property({ type: MoneyAmountType, nullable: true })
  chargedTotal: number | null = null;

  @Property({ type: 'datetime', nullable: true })
  chargedAt: Date | null = null;
}
