import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../common/ids';

@ObjectType({ description: 'A client that books models; its people are planners.', simpleResolvers: true })
@Entity()
export class Brand {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => String, { description: 'Name of the brand.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Date, { description: 'When the brand was created.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
