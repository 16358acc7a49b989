import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/pagination';
import { UserError } from '../../common/user-error';
import { Lockout, LockoutKind } from './lockout.entity';

@InputType({ description: 'Time the model blocks for physical work, [start, end). Digital work by her twin is not blocked.' })
export class CreateLockoutInput {
  @Field(() => ID, { description: 'The model.' })
  modelId!: string;

  @Field(() => Date, { description: 'Start, an instant.' })
  start!: Date;

  @Field(() => Date, { description: 'End, an instant after start; at most 366 days later.' })
  end!: Date;

  @Field(() => LockoutKind, { description: 'What keeps her.' })
  kind!: LockoutKind;

  @Field(() => String, { description: 'Why (up to 500 characters); her side sees it, brands never do.' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Her agency only: place it even over confirmed physical bookings, which stay confirmed; this is why (kept on the lockout). Without it such a lockout is refused with PHYSICAL_CLASH.',
  })
  overrideBookings?: string | null;
}

@InputType({ description: 'Lifts a lockout; it is kept, marked removed, for the record.' })
export class RemoveLockoutInput {
  @Field(() => ID, { description: 'The lockout.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Why it is lifted (up to 500 characters).' })
  reason?: string | null;
}

@ObjectType({ description: 'Result of a lockout mutation.' })
export class LockoutPayload {
  @Field(() => Lockout, { nullable: true, description: 'The lockout as it now stands; null when nothing changed.' })
  lockout!: Lockout | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

export const LockoutConnection = ConnectionType(Lockout, 'Lockout');
export type LockoutConnection = InstanceType<typeof LockoutConnection>;

@ArgsType()
export class LockoutListArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Also the lifted ones (default false).' })
  includeRemoved?: boolean | null;
}
