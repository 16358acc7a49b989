import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { Model } from './model.entity';

@InputType({ description: 'A new model, created by her agency (or an admin on its behalf).' })
export class CreateModelInput {
  @Field(() => ID, { nullable: true, description: "The representing agency. An agency's own token implies it; an admin must give it." })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The mother agency, if another agency discovered her.' })
  motherAgencyId?: string | null;

  @Field(() => String, { description: 'Name the model works under.' })
  name!: string;

  @Field(() => String, { description: 'Home time zone, an IANA name such as Europe/Paris.' })
  timeZone!: string;

  @Field(() => String, { description: 'City she is based in.' })
  baseCity!: string;
}

@ObjectType({ description: 'Result of createModel.' })
export class CreateModelPayload {
  @Field(() => Model, { nullable: true, description: 'The model, when created.' })
  model!: Model | null;

  @Field(() => [UserError], { description: 'Why she was not created; empty on success.' })
  userErrors!: UserError[];
}

export const ModelConnection = ConnectionType(Model, 'Model');
export type ModelConnection = InstanceType<typeof ModelConnection>;
