import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

@InputType({ description: "The agency's challenge of a 1st option on behalf of a lower one." })
export class ChallengeOptionInput {
  @Field(() => ID, { description: 'The 1st option, whose holder must confirm or release by the deadline.' })
  id!: string;

  @Field(() => ID, { description: 'The lower live option of the same model, overlapping it, that the agency speaks for.' })
  onBehalfOf!: string;

  @Field(() => Date, { description: "When the 1st option stops holding unless confirmed: in the future, and before the option's current expiry if it has one." })
  deadline!: Date;
}

/** Which end of a challenge an option is. */
export enum ChallengeSide {
  CHALLENGED = 'CHALLENGED',
  ON_BEHALF = 'ON_BEHALF',
}
registerEnumType(ChallengeSide, {
  name: 'ChallengeSide',
  description: 'Which end of a challenge an option is.',
  valuesConfig: {
    CHALLENGED: { description: 'This is the 1st option: its holder must confirm or release by the deadline.' },
    ON_BEHALF: { description: 'The agency challenged the 1st option on behalf of this one: it moves up if the holder lets the deadline pass.' },
  },
});

@ObjectType({ description: "A challenge of a 1st option, as either option's viewer sees it: the deadline, never the other brand." })
export class OptionChallengeView {
  @Field(() => ChallengeSide, { description: 'Which end of the challenge this option is.' })
  side!: ChallengeSide;

  @Field(() => Date, { description: "The deadline: the 1st option's holder must confirm or release by then, or it expires and the next option moves up." })
  deadline!: Date;

  @Field(() => Date, { description: 'When the agency challenged.' })
  challengedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'For the challenged option: its expiry before the challenge (null: it had none, or this is the other end).' })
  expiryBefore!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The option at the other end; null unless the viewer may see that booking in full.' })
  otherOptionId!: string | null;
}
