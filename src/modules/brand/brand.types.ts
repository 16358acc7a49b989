import { Field, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { Brand } from './brand.entity';

@InputType({ description: 'A new brand.' })
export class CreateBrandInput {
  @Field(() => String, { description: 'Name of the brand.' })
  name!: string;
}

@ObjectType({ description: 'Result of createBrand.' })
export class CreateBrandPayload {
  @Field(() => Brand, { nullable: true, description: 'The brand, when created.' })
  brand!: Brand | null;

  @Field(() => [UserError], { description: 'Why it was not created; empty on success.' })
  userErrors!: UserError[];
}

export const BrandConnection = ConnectionType(Brand, 'Brand');
export type BrandConnection = InstanceType<typeof BrandConnection>;
