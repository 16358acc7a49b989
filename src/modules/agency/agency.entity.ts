import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../common/ids';

@ObjectType({ description: 'A model agency: represents models, confirms their bookings and takes commission.', simpleResolvers: true })
@Entity()
export class Agency {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => String, { description: 'Trading name of the agency.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Date, { description: 'When the agency was created.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
