import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { payload } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { ConsentScope, DigitalTwin, OwnershipSplit } from './twin.entity';
import { consentScopeFor, createDigitalTwin, ownershipSplitFor, updateDigitalTwin } from './twin.service';
import { CreateDigitalTwinInput, DigitalTwinPayload, UpdateDigitalTwinInput } from './twin.types';

@Resolver(() => DigitalTwin)
export class DigitalTwinResolver {
  @FieldResolver(() => OwnershipSplit, { nullable: true, description: 'How the net of each job is split; null for brands, whose business it is not.' })
  ownershipSplit(@Ctx() ctx: RequestContext, @Root() twin: DigitalTwin): Promise<OwnershipSplit | null> {
    return ownershipSplitFor(ctx, twin);
  }

  @FieldResolver(() => ConsentScope, { description: 'What the twin may be used for. A brand sees itself among the excluded brands, never the others.' })
  consentScope(@Ctx() ctx: RequestContext, @Root() twin: DigitalTwin): Promise<ConsentScope> {
    return consentScopeFor(ctx, twin);
  }

  @Authorized()
  @Mutation(() => DigitalTwinPayload, { description: "Gives a model her digital twin. The model's agency (or an admin) only." })
  async createDigitalTwin(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDigitalTwinInput) input: CreateDigitalTwinInput): Promise<DigitalTwinPayload> {
    return payload('twin', await createDigitalTwin(ctx, input));
  }

  @Authorized()
  @Mutation(() => DigitalTwinPayload, { description: 'Changes a twin: status, split, consent scope or cap. A model may pause and resume her own twin.' })
  async updateDigitalTwin(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateDigitalTwinInput) input: UpdateDigitalTwinInput): Promise<DigitalTwinPayload> {
    return payload('twin', await updateDigitalTwin(ctx, input));
  }
}
