import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Result } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { DigitalBooking } from '../booking/booking.entity';
import { ConsentVersion } from './consent-version.entity';
import { consentVersionsOf } from './consent.service';
import { ConsentScope, DigitalTwin, OwnershipSplit } from './twin.entity';
import { consentScopeFor, createDigitalTwin, jobsOutsideConsentOf, modelOfTwin, ownershipSplitFor, updateDigitalTwin, type TwinUpdate } from './twin.service';
import { CreateDigitalTwinInput, DigitalTwinPayload, UpdateDigitalTwinInput } from './twin.types';

const twinPayload = (result: Result<TwinUpdate>): DigitalTwinPayload =>
  result.ok
    ? { twin: result.value.twin, runningJobs: result.value.runningJobs, declinedBookings: result.value.declined, flaggedBookings: result.value.flagged, userErrors: [] }
    : { twin: null, runningJobs: [], declinedBookings: [], flaggedBookings: [], userErrors: result.errors };

@Resolver(() => DigitalTwin)
export class DigitalTwinResolver {
  @FieldResolver(() => OwnershipSplit, { nullable: true, description: 'How the net of each job is split; null for brands, whose business it is not.' })
  ownershipSplit(@Ctx() ctx: RequestContext, @Root() twin: DigitalTwin): Promise<OwnershipSplit | null> {
    return ownershipSplitFor(ctx, twin);
  }

  @FieldResolver(() => ConsentScope, { description: 'What the twin may be used for: the consent version in force. A brand sees itself among the excluded brands, never the others.' })
  consentScope(@Ctx() ctx: RequestContext, @Root() twin: DigitalTwin): Promise<ConsentScope> {
    return consentScopeFor(ctx, twin);
  }

  @FieldResolver(() => [ConsentVersion], { nullable: true, description: 'Every version of her consent, newest first: in force, superseded, proposed, declined, withdrawn. Her side only (the model, her agency, an admin); null for others.' })
  async consentHistory(@Ctx() ctx: RequestContext, @Root() twin: DigitalTwin): Promise<ConsentVersion[] | null> {
    return consentVersionsOf(ctx, twin, await modelOfTwin(ctx, twin), false);
  }

  @FieldResolver(() => [ConsentVersion], { nullable: true, description: 'Widenings her agency proposed that wait for her acceptance, newest first. Her side only; null for others.' })
  async consentProposals(@Ctx() ctx: RequestContext, @Root() twin: DigitalTwin): Promise<ConsentVersion[] | null> {
    return consentVersionsOf(ctx, twin, await modelOfTwin(ctx, twin), true);
  }

  @FieldResolver(() => [DigitalBooking], { nullable: true, description: 'Confirmed jobs the consent in force no longer covers (flagged when it was narrowed), for her agency to settle. Her side only; null for others.' })
  jobsOutsideConsent(@Ctx() ctx: RequestContext, @Root() twin: DigitalTwin): Promise<DigitalBooking[] | null> {
    return jobsOutsideConsentOf(ctx, twin);
  }

  @Authorized()
  @Mutation(() => DigitalTwinPayload, { description: "Gives a model her digital twin, with its consent as version 1. The model's agency (or an admin) only." })
  async createDigitalTwin(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDigitalTwinInput) input: CreateDigitalTwinInput): Promise<DigitalTwinPayload> {
    const created = await createDigitalTwin(ctx, input);
    return twinPayload(created.ok ? { ok: true, value: { twin: created.value, runningJobs: [], declined: [], flagged: [] } } : created);
  }

  @Authorized()
  @Mutation(() => DigitalTwinPayload, {
    description:
      'Changes a twin: status, split, cap, or a narrowing of its consent (a widening is proposeConsent). A model may pause and resume her own twin; pausing answers with the confirmed jobs still running.',
  })
  async updateDigitalTwin(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateDigitalTwinInput) input: UpdateDigitalTwinInput): Promise<DigitalTwinPayload> {
    return twinPayload(await updateDigitalTwin(ctx, input));
  }
}
