import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Result } from '../../common/user-error';
import type { RequestContext } from '../../core/context';
import { acceptConsentProposal, closeConsentProposal, narrowConsent, proposeConsent, type ConsentOutcome } from './consent.service';
import { ConsentVersion } from './consent-version.entity';
import { ConsentChangeInput, ConsentChangePayload, ConsentProposalDecisionInput } from './twin.types';

const consentPayload = (result: Result<ConsentOutcome>): ConsentChangePayload =>
  result.ok
    ? { twin: result.value.twin, consentVersion: result.value.version, declinedBookings: result.value.declined, flaggedBookings: result.value.flagged, userErrors: [] }
    : { twin: null, consentVersion: null, declinedBookings: [], flaggedBookings: [], userErrors: result.errors };

@Resolver(() => ConsentVersion)
export class ConsentResolver {
  @Authorized()
  @Mutation(() => ConsentChangePayload, {
    description:
      'Narrows a twin\'s consent at once (fewer media, territories or categories, another excluded category or brand, an earlier end): the model or her agency. A widening is refused (CONSENT_WIDENING_NEEDS_MODEL). Open options no longer covered are declined; confirmed jobs no longer covered are flagged.',
  })
  async narrowConsent(@Ctx() ctx: RequestContext, @Arg('input', () => ConsentChangeInput) input: ConsentChangeInput): Promise<ConsentChangePayload> {
    return consentPayload(await narrowConsent(ctx, input));
  }

  @Authorized()
  @Mutation(() => ConsentChangePayload, { description: 'Her agency proposes a new consent: a widening waits (PROPOSED) until she accepts it from her app; a pure narrowing takes effect at once.' })
  async proposeConsent(@Ctx() ctx: RequestContext, @Arg('input', () => ConsentChangeInput) input: ConsentChangeInput): Promise<ConsentChangePayload> {
    return consentPayload(await proposeConsent(ctx, input));
  }

  @Authorized()
  @Mutation(() => ConsentChangePayload, { description: 'The model accepts a pending proposal: it becomes the consent in force (the one before is superseded). Only she may.' })
  async acceptConsentProposal(@Ctx() ctx: RequestContext, @Arg('input', () => ConsentProposalDecisionInput) input: ConsentProposalDecisionInput): Promise<ConsentChangePayload> {
    return consentPayload(await acceptConsentProposal(ctx, input));
  }

  @Authorized()
  @Mutation(() => ConsentChangePayload, { description: 'The model declines a pending proposal; it never takes effect. Only she may.' })
  async declineConsentProposal(@Ctx() ctx: RequestContext, @Arg('input', () => ConsentProposalDecisionInput) input: ConsentProposalDecisionInput): Promise<ConsentChangePayload> {
    return consentPayload(await closeConsentProposal(ctx, input, 'DECLINE'));
  }

  @Authorized()
  @Mutation(() => ConsentChangePayload, { description: 'Her agency withdraws a proposal she has not decided; it never takes effect.' })
  async withdrawConsentProposal(@Ctx() ctx: RequestContext, @Arg('input', () => ConsentProposalDecisionInput) input: ConsentProposalDecisionInput): Promise<ConsentChangePayload> {
    return consentPayload(await closeConsentProposal(ctx, input, 'WITHDRAW'));
  }
}
