import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../../common/pagination';
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

export enum TwinStatusFilter {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  RETIRED = 'RETIRED',
  NONE = 'NONE',
}
registerEnumType(TwinStatusFilter, {
  name: 'TwinStatusFilter',
  description: "A model's twin as a list filter: its status, or NONE for a model without a twin.",
  valuesConfig: {
    ACTIVE: { description: 'Her twin takes work.' },
    PAUSED: { description: 'Her twin is paused.' },
    RETIRED: { description: 'Her twin is retired.' },
    NONE: { description: 'She has no twin.' },
  },
});

@ArgsType()
export class ModelListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only models based in this city (case-insensitive, whole name).' })
  baseCity?: string | null;

  @Field(() => [TwinStatusFilter], {
    nullable: true,
    description: "Only models whose twin is in one of these states (NONE: no twin). Matches only models whose twin the viewer may see.",
  })
  twinStatus?: TwinStatusFilter[] | null;

  @Field(() => String, { nullable: true, description: 'Only models whose name contains this text (case-insensitive; % and _ match themselves).' })
  name?: string | null;
}

@ObjectType({ description: 'One attribute her agency publishes about a model.' })
export class ModelAttribute {
  @Field(() => String, { description: 'Key: height_cm, bust_cm, waist_cm, hips_cm, shoe_eu (numbers) or hair, eyes (words).' })
  key!: string;

  @Field(() => String, { description: 'Value as text: a number (178, 38.5) or an upper-case word (BLONDE).' })
  value!: string;
}

@InputType({ description: 'One attribute to publish: a key of the vocabulary and its value.' })
export class ModelAttributeInput {
  @Field(() => String, { description: 'height_cm (120..230), bust_cm (50..160), waist_cm (40..150), hips_cm (50..170), shoe_eu (30..50 in halves), hair (BLACK, BROWN, BLONDE, RED, GREY, WHITE, OTHER) or eyes (BROWN, BLUE, GREEN, HAZEL, GREY, OTHER).' })
  key!: string;

  @Field(() => String, { description: 'The value, as text.' })
  value!: string;
}

@ObjectType({ description: 'Result of setModelAttributes.' })
export class SetModelAttributesPayload {
  @Field(() => Model, { nullable: true, description: 'The model with her attributes as now published.' })
  model!: Model | null;

  @Field(() => [UserError], { description: 'Why nothing was published; empty on success.' })
  userErrors!: UserError[];
}
