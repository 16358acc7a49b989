import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { DigitalBooking } from '../booking/booking.entity';
import { ConsentVersion } from './consent-version.entity';
import { DigitalTwin, TwinStatus } from './twin.entity';

@InputType({ description: 'How the net of each digital job is split, in basis points that must sum to 10,000.' })
export class OwnershipSplitInput {
  @Field(() => Int, { description: "The model's share, 0..10,000." })
  modelBps!: number;

  @Field(() => Int, { description: "The agency's share, 0..10,000." })
  agencyBps!: number;

  @Field(() => Int, { description: "The platform's share, 0..10,000." })
  platformBps!: number;
}

@InputType({ description: 'What the twin may be used for. Codes are upper-case; territories are ISO 3166-1 alpha-2, EU or WORLDWIDE.' })
export class ConsentScopeInput {
  @Field(() => [String], { description: 'Media allowed (ECOMMERCE, SOCIAL, PRINT, OOH, TV, WEB…).' })
  allowedMedia!: string[];

  @Field(() => [String], { description: 'Territories allowed.' })
  allowedTerritories!: string[];

  @Field(() => [String], { description: 'Product categories allowed.' })
  allowedCategories!: string[];

  @Field(() => [String], { nullable: true, description: 'Categories never allowed.' })
  excludedCategories?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Brands the twin may never work for.' })
  excludedBrandIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When consent ends; null for no end.' })
  consentEndsAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether her agency may approve what the twin produces in her place; false by default. Delegating is a widening: only she accepts it.' })
  approvalDelegatedToAgency?: boolean | null;
}

@InputType({ description: "A digital twin for one of the agency's models." })
export class CreateDigitalTwinInput {
  @Field(() => ID, { description: 'The model whose likeness it is.' })
  modelId!: string;

  @Field(() => TwinStatus, { nullable: true, description: 'Starting status; ACTIVE by default.' })
  status?: TwinStatus | null;

  @Field(() => OwnershipSplitInput, { description: 'Who is paid what share of each job.' })
  ownershipSplit!: OwnershipSplitInput;

  @Field(() => ConsentScopeInput, { description: 'What the twin may be used for.' })
  consentScope!: ConsentScopeInput;

  @Field(() => Int, { nullable: true, description: 'Most jobs at once; null for no cap.' })
  maxConcurrentJobs?: number | null;
}

@InputType({ description: 'Changes to a twin; fields left out stay as they are.' })
export class UpdateDigitalTwinInput {
  @Field(() => ID, { description: 'The twin.' })
  twinId!: string;

  @Field(() => TwinStatus, { nullable: true, description: 'New status. A model may pause and resume her own twin; only the agency retires it.' })
  status?: TwinStatus | null;

  @Field(() => OwnershipSplitInput, { nullable: true, description: 'New split; agency only.' })
  ownershipSplit?: OwnershipSplitInput | null;

  @Field(() => ConsentScopeInput, { nullable: true, description: 'New consent scope; her agency only, and only a narrowing (it takes effect as a new consent version). A widening is refused (CONSENT_WIDENING_NEEDS_MODEL): propose it with proposeConsent.' })
  consentScope?: ConsentScopeInput | null;

  @Field(() => Int, { nullable: true, description: 'New cap on jobs at once; agency only.' })
  maxConcurrentJobs?: number | null;
}

@ObjectType({ description: 'Result of createDigitalTwin and updateDigitalTwin.' })
export class DigitalTwinPayload {
  @Field(() => DigitalTwin, { nullable: true, description: 'The twin, when the change was made.' })
  twin!: DigitalTwin | null;

  @Field(() => [DigitalBooking], { description: 'When the change paused the twin: its confirmed jobs whose production has not ended, which keep running. Empty otherwise.' })
  runningJobs!: DigitalBooking[];

  @Field(() => [DigitalBooking], { description: 'When the change narrowed consent: the options it no longer covers, now DECLINED.' })
  declinedBookings!: DigitalBooking[];

  @Field(() => [DigitalBooking], { description: 'When the change narrowed consent: the confirmed jobs it no longer covers, flagged for the agency (not cancelled).' })
  flaggedBookings!: DigitalBooking[];

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: "A new consent for a twin: the whole scope as it should stand." })
export class ConsentChangeInput {
  @Field(() => ID, { description: 'The twin.' })
  twinId!: string;

  @Field(() => ConsentScopeInput, { description: 'The consent as it should stand; compared with the one in force to tell a narrowing from a widening.' })
  consentScope!: ConsentScopeInput;
}

@InputType({ description: 'A decision on a pending consent proposal.' })
export class ConsentProposalDecisionInput {
  @Field(() => ID, { description: 'The proposal (a consent version in status PROPOSED).' })
  proposalId!: string;

  @Field(() => String, { nullable: true, description: 'Why it is declined or withdrawn; kept with the version.' })
  reason?: string | null;
}

@ObjectType({ description: 'Result of a consent change: the version made or decided, and what it did to existing work.' })
export class ConsentChangePayload {
  @Field(() => DigitalTwin, { nullable: true, description: 'The twin as it now stands; null when nothing changed.' })
  twin!: DigitalTwin | null;

  @Field(() => ConsentVersion, { nullable: true, description: 'The version made, accepted, declined or withdrawn; null when nothing changed (the same consent as in force, say).' })
  consentVersion!: ConsentVersion | null;

  @Field(() => [DigitalBooking], { description: 'Options the new consent no longer covers, now DECLINED with the terms as reason.' })
  declinedBookings!: DigitalBooking[];

  @Field(() => [DigitalBooking], { description: 'Confirmed jobs the new consent no longer covers, flagged for the agency (still CONFIRMED).' })
  flaggedBookings!: DigitalBooking[];

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}
