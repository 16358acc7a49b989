import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../core/viewer';

@ObjectType({ description: 'Who the bearer token says is asking, with what it acts for, so that an app asks for "my calendar" without knowing an id.' })
export class ViewerInfo {
  @Field(() => Role, { description: 'The role granted.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The agency, brand or model acted for; null for an admin.' })
  actsFor!: string | null;
}
