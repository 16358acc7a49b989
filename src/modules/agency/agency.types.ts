import { Field, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { Agency } from './agency.entity';

@InputType({ description: 'A new agency.' })
export class CreateAgencyInput {
  @Field(() => String, { description: 'Trading name.' })
  name!: string;
}

@ObjectType({ description: 'Result of createAgency.' })
export class CreateAgencyPayload {
  @Field(() => Agency, { nullable: true, description: 'The agency, when created.' })
  agency!: Agency | null;

  @Field(() => [UserError], { description: 'Why it was not created; empty on success.' })
  userErrors!: UserError[];
}

export const AgencyConnection = ConnectionType(Agency, 'Agency');
export type AgencyConnection = InstanceType<typeof AgencyConnection>;
