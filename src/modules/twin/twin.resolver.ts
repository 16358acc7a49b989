import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { payload } from '../../common/user-error';
import { viewerOf } from '../../server/access';
import type { RequestContext } from '../../server/context';
import { Role } from '../../server/viewer';
import { DigitalTwin, OwnershipSplit } from './twin.entity';
import { createDigitalTwin, updateDigitalTwin } from './twin.service';
import { CreateDigitalTwinInput, DigitalTwinPayload, UpdateDigitalTwinInput } from './twin.types';

@Resolver(() => DigitalTwin)
export class DigitalTwinResolver {
  @FieldResolver(() => OwnershipSplit, { nullable: true, description: 'How the net of each job is split; null for brands, whose business it is not.' })
  ownershipSplit(@Ctx() ctx: RequestContext, @Root() twin: DigitalTwin): OwnershipSplit | null {
    return viewerOf(ctx).role === Role.BRAND ? null : twin.ownershipSplit;
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
