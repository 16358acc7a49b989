import { Check, Entity, Index, JsonType, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { newId } from '../../common/ids';
import { MoneyAmountType } from '../../db/money-amount.type';
import { Agency } from '../agency/agency.entity';
import { Model } from '../model/model.entity';
import { MAX_BPS } from '../../common/money';

export interface CancellationBandData {
  noticeHours: number;
  bps: number;
}

export interface TerritoryFactors {
  COUNTRY: number;
  EU: number;
  WORLDWIDE: number;
}

/** A model's prices per booking type (or, without a model, her agency's default), in one currency. */
/**
 * The rate card in force for a model of an agency (SQL expressions or placeholders): her own, else the agency's
 * default; at most one row, aliased `r`. The one statement of the rule; `columns` says what to select of `r`.
 */
export const rateCardInForceSql = (modelId: string, agencyId: string, columns = 'r.*'): string =>
  `select ${columns} from rate_card r where r.agency_id = ${agencyId} and (r.model_id = ${modelId} or r.model_id is null) ` +
  'order by r.model_id nulls last limit 1';

@Entity()
@Unique({ name: 'rate_card_model_unique', properties: ['model'] })
// One default card per agency: a partial unique index, declared here so the schema diff keeps it.
@Index({
  name: 'rate_card_agency_default_unique',
  expression: 'create unique index "rate_card_agency_default_unique" on "rate_card" ("agency_id") where "model_id" is null',
})
@Check({ name: 'rate_card_currency_code', expression: "currency ~ '^[A-Z]{3}$'" })
@Check({
  name: 'rate_card_amounts_non_negative',
  expression: 'hourly_rate >= 0 and half_day_rate >= 0 and day_rate >= 0 and travel_hourly_rate >= 0',
})
@Check({ name: 'rate_card_bps_in_range', expression: `model_commission_bps >= 0 and model_commission_bps <= ${MAX_BPS} and service_fee_bps >= 0 and service_fee_bps <= ${MAX_BPS} and mother_agency_share_bps >= 0 and mother_agency_share_bps <= ${MAX_BPS} and platform_fee_bps >= 0 and platform_fee_bps <= ${MAX_BPS} and weather_postponement_bps >= 0 and weather_postponement_bps <= ${MAX_BPS}` })
@Check({
  name: 'rate_card_overtime_multipliers',
  expression: 'overtime_after8h_bps >= 10000 and overtime_after8h_bps <= 100000 and overtime_after12h_bps >= 10000 and overtime_after12h_bps <= 100000',
})
@Check({ name: 'rate_card_exclusivity_bps', expression: `exclusivity_monthly_bps >= 0 and exclusivity_monthly_bps <= ${MAX_BPS}` })
export class RateCard {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Agency, { ref: true, deleteRule: 'cascade' })
  agency!: Ref<Agency>;

  /** Null for the agency's default card, which a model's own card overrides. */
  @ManyToOne(() => Model, { ref: true, nullable: true, deleteRule: 'cascade' })
  model: Ref<Model> | null = null;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: MoneyAmountType })
  hourlyRate!: number;

  @Property({ type: MoneyAmountType })
  halfDayRate!: number;

  @Property({ type: MoneyAmountType })
  dayRate!: number;

  @Property({ type: 'integer', fieldName: 'overtime_after8h_bps' })
  overtimeAfter8Bps: Opt<number> = 15000;

  @Property({ type: 'integer', fieldName: 'overtime_after12h_bps' })
  overtimeAfter12Bps: Opt<number> = 20000;

  @Property({ type: MoneyAmountType })
  travelHourlyRate: Opt<number> = 0;

  @Property({ type: 'integer' })
  modelCommissionBps: Opt<number> = 2000;

  @Property({ type: 'integer' })
  serviceFeeBps: Opt<number> = 2000;

  @Property({ type: 'integer' })
  motherAgencyShareBps: Opt<number> = 1000;

  @Property({ type: 'integer' })
  platformFeeBps: Opt<number> = 500;

  @Property({ type: JsonType })
  cancellationBands: Opt<CancellationBandData[]> = [
    { noticeHours: 24, bps: 10000 },
    { noticeHours: 48, bps: 5000 },
    { noticeHours: 72, bps: 2500 },
  ];

  @Property({ type: 'integer' })
  weatherPostponementBps: Opt<number> = 5000;

  @Property({ type: JsonType })
  deliverablePrices: Opt<Record<string, number>> = {};

  @Property({ type: JsonType })
  usageMonthlyFees: Opt<Record<string, number>> = {};

  @Property({ type: JsonType })
  territoryFactorBps: Opt<TerritoryFactors> = { COUNTRY: 10000, EU: 30000, WORLDWIDE: 60000 };

  /**
   * The exclusivity fee: per started month of the exclusivity, this share (bps) of the booking's fee before it, times
   * the territory factor of the territories held (as for usage). 1,000 = 10% of the fee per month in one country.
   */
  @Property({ type: 'integer' })
  exclusivityMonthlyBps: Opt<number> = 1000;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
