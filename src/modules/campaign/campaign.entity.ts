import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../common/ids';
import { MoneyAmountType } from '../../db/money-amount.type';
import { Brand } from '../brand/brand.entity';

/** A brand's group of bookings (shoot days and twin jobs of several models) scheduled together, against a budget. */
@ObjectType({ description: "A brand's campaign: shoot days and twin jobs of several models scheduled together, against a budget." })
@Entity()
@Index({ name: 'campaign_brand_idx', properties: ['brand', 'createdAt'] })
@Check({ name: 'campaign_range_valid', expression: 'end_at > start_at' })
@Check({ name: 'campaign_budget_non_negative', expression: 'budget_amount >= 0' })
export class Campaign {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Brand, { ref: true, deleteRule: 'restrict', index: false })
  brand!: Ref<Brand>;

  @Field(() => String, { description: 'What the campaign is, e.g. "SS27 launch".' })
  @Property({ type: 'text' })
  name!: string;

  /** The budget in minor units of `budgetCurrency` (read as `budget`). */
  @Property({ type: MoneyAmountType })
  budgetAmount!: number;

  @Property({ type: 'text' })
  budgetCurrency!: string;

  @Field(() => Date, { description: 'Start of the campaign (inclusive), an instant.' })
  @Property({ type: 'datetime', fieldName: 'start_at' })
  start!: Date;

  @Field(() => Date, { description: 'End of the campaign (exclusive), an instant.' })
  @Property({ type: 'datetime', fieldName: 'end_at' })
  end!: Date;

  @Field(() => Date, { description: 'When the campaign was created.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
