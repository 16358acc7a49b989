import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Stable codes of expected failures; clients switch on these, so never rename one. */
export enum UserErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  INVALID_RANGE = 'INVALID_RANGE',
  INVALID_TIME_ZONE = 'INVALID_TIME_ZONE',
  INVALID_SPLIT = 'INVALID_SPLIT',
  NOT_FOUND = 'NOT_FOUND',
  MODEL_NOT_FOUND = 'MODEL_NOT_FOUND',
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  BRAND_NOT_FOUND = 'BRAND_NOT_FOUND',
  BOOKING_NOT_FOUND = 'BOOKING_NOT_FOUND',
  TWIN_NOT_FOUND = 'TWIN_NOT_FOUND',
  TWIN_ALREADY_EXISTS = 'TWIN_ALREADY_EXISTS',
  TWIN_NOT_ACTIVE = 'TWIN_NOT_ACTIVE',
  TWIN_CAPACITY_REACHED = 'TWIN_CAPACITY_REACHED',
  CONSENT_NOT_COVERED = 'CONSENT_NOT_COVERED',
  PHYSICAL_CLASH = 'PHYSICAL_CLASH',
  OPTION_NOT_FIRST = 'OPTION_NOT_FIRST',
  OPTION_EXPIRED = 'OPTION_EXPIRED',
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  FORBIDDEN = 'FORBIDDEN',
  RATE_CARD_MISSING = 'RATE_CARD_MISSING',
  UNPRICED_TERM = 'UNPRICED_TERM',
  PAYOUT_NOT_FOUND = 'PAYOUT_NOT_FOUND',
  CONCURRENT_CHANGE = 'CONCURRENT_CHANGE',
  BOOKING_NOT_STARTED = 'BOOKING_NOT_STARTED',
  LOCKED_OUT = 'LOCKED_OUT',
  OPTION_NOT_LIVE = 'OPTION_NOT_LIVE',
  OPTION_NOT_OUTRANKED = 'OPTION_NOT_OUTRANKED',
  CHALLENGE_EXPIRED = 'CHALLENGE_EXPIRED',
  CONSENT_WIDENING_NEEDS_MODEL = 'CONSENT_WIDENING_NEEDS_MODEL',
  CONSENT_PROPOSAL_NOT_FOUND = 'CONSENT_PROPOSAL_NOT_FOUND',
  CONSENT_PROPOSAL_CLOSED = 'CONSENT_PROPOSAL_CLOSED',
  DELIVERY_NOT_FOUND = 'DELIVERY_NOT_FOUND',
  DELIVERY_ALREADY_DECIDED = 'DELIVERY_ALREADY_DECIDED',
  DELIVERY_NOT_OPEN = 'DELIVERY_NOT_OPEN',
  DELIVERY_NOT_APPROVED = 'DELIVERY_NOT_APPROVED',
  EXCLUSIVITY_CONFLICT = 'EXCLUSIVITY_CONFLICT',
  WEBHOOK_URL_NOT_ALLOWED = 'WEBHOOK_URL_NOT_ALLOWED',
  WEBHOOK_ENDPOINT_NOT_FOUND = 'WEBHOOK_ENDPOINT_NOT_FOUND',
  WEBHOOK_DELIVERY_NOT_FOUND = 'WEBHOOK_DELIVERY_NOT_FOUND',
  CAMPAIGN_NOT_FOUND = 'CAMPAIGN_NOT_FOUND',
  OVER_BUDGET = 'OVER_BUDGET',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation did not do what was asked. Stable: clients may switch on it.',
  valuesConfig: {
    INVALID_INPUT: { description: 'A value is malformed or out of its allowed range.' },
    INVALID_RANGE: { description: 'A time range whose end is not after its start.' },
    INVALID_TIME_ZONE: { description: 'Not an IANA time zone name.' },
    INVALID_SPLIT: { description: 'Basis points outside 0..10,000, or shares that do not sum to 10,000.' },
    NOT_FOUND: { description: 'The thing named does not exist or is not visible to the viewer.' },
    MODEL_NOT_FOUND: { description: 'No such model visible to the viewer.' },
    AGENCY_NOT_FOUND: { description: 'No such agency.' },
    BRAND_NOT_FOUND: { description: 'No such brand.' },
    BOOKING_NOT_FOUND: { description: 'No such booking visible to the viewer.' },
    TWIN_NOT_FOUND: { description: 'The model has no digital twin.' },
    TWIN_ALREADY_EXISTS: { description: 'The model already has a digital twin.' },
    TWIN_NOT_ACTIVE: { description: 'The twin is paused or retired.' },
    TWIN_CAPACITY_REACHED: { description: 'The twin already runs as many jobs at that time as its cap allows.' },
    CONSENT_NOT_COVERED: { description: "A term of the booking falls outside the twin's consent scope; the message names it." },
    PHYSICAL_CLASH: {
      description:
        'The physical booking (or a lockout placed without override) would overlap a confirmed physical booking of the model; `conflict` names it.',
    },
    OPTION_NOT_FIRST: { description: 'A live option ranks above this one.' },
    OPTION_EXPIRED: { description: 'The option ran past its expiry.' },
    TRANSITION_NOT_ALLOWED: { description: 'The booking cannot move from its status to the one asked for.' },
    FORBIDDEN: { description: 'The viewer may not do this.' },
    RATE_CARD_MISSING: { description: 'Neither the model nor her agency has a rate card to price the booking; a booking is confirmed only with a price.' },
    UNPRICED_TERM: { description: 'A deliverable kind or medium has no price on the rate card, so the booking cannot be quoted or confirmed; the message names it.' },
    PAYOUT_NOT_FOUND: { description: 'No such payout line visible to the viewer.' },
    CONCURRENT_CHANGE: { description: 'What the request depends on kept changing while it ran; nothing was written. Sending it again is safe.' },
    BOOKING_NOT_STARTED: { description: 'The work has not started yet (a physical job before its start, a digital one before its production window): it cannot be completed.' },
    LOCKED_OUT: {
      description:
        'The model has blocked that time (a lockout: holiday, illness, travel, another commitment); `conflict` names the range, without the booking id. Only her agency may book or confirm through it, with `overrideLockout`.',
    },
    OPTION_NOT_LIVE: { description: 'The booking is not a live physical option (it is confirmed, released, declined, cancelled or past its expiry).' },
    OPTION_NOT_OUTRANKED: { description: 'The option named as challenger is not a live option of the same model overlapping the challenged one and ranking below it.' },
    CHALLENGE_EXPIRED: { description: "The option was challenged and its holder did not confirm it by the challenge's deadline: it no longer holds." },
    CONSENT_WIDENING_NEEDS_MODEL: { description: "The change gives the twin more than its consent in force (the message names what): her agency proposes it (proposeConsent) and only she accepts it." },
    CONSENT_PROPOSAL_NOT_FOUND: { description: "No such consent proposal visible to the viewer." },
    CONSENT_PROPOSAL_CLOSED: { description: 'The consent proposal was already accepted, declined or withdrawn.' },
    DELIVERY_NOT_FOUND: { description: 'No such delivery visible to the viewer.' },
    DELIVERY_ALREADY_DECIDED: { description: 'The delivery was already approved or rejected; a corrected one is submitted anew.' },
    DELIVERY_NOT_OPEN: { description: 'The booking takes no deliveries or decisions now: it is not a confirmed digital booking.' },
    DELIVERY_NOT_APPROVED: { description: 'Nothing delivered for this digital booking has been approved, so there is nothing to pay for: approve deliveries first, or cancel it.' },
    EXCLUSIVITY_CONFLICT: {
      description:
        'Another brand holds the model exclusively for the category where and when the booking asks (or uses her there, for an exclusivity asked); the message names the category, a territory and the period, never the brand.',
    },
    WEBHOOK_URL_NOT_ALLOWED: {
      description: 'The webhook URL is not one twinbook sends to: not https (plain http only to this machine, outside production), credentials in it, or an address on a private network; the message says which.',
    },
    WEBHOOK_ENDPOINT_NOT_FOUND: { description: 'No such webhook endpoint of the viewer.' },
    WEBHOOK_DELIVERY_NOT_FOUND: { description: 'No such webhook delivery of an endpoint of the viewer.' },
    CAMPAIGN_NOT_FOUND: { description: 'No such campaign visible to the viewer.' },
    OVER_BUDGET: {
      description: "The lines would take the campaign over its budget (the payload's overBudgetBy says by how much); nothing was booked. Send allowOverBudget: true to book anyway.",
    },
  },
});

@ObjectType({ description: 'A time range that blocks the request, with the booking behind it where the viewer may see it.' })
export class Conflict {
  @Field(() => Date, { description: 'Start of the blocking range (travel included).' })
  start!: Date;

  @Field(() => Date, { description: 'End of the blocking range (travel included).' })
  end!: Date;

  @Field(() => ID, { nullable: true, description: "The conflicting booking's id; null when the viewer may not see it." })
  bookingId!: string | null;
}

@ObjectType({ description: 'An expected failure of a mutation: a stable code, the input field it concerns and a readable message.' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'Stable code.' })
  code!: UserErrorCode;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "start"].' })
  field!: string[] | null;

  @Field(() => String, { description: 'What went wrong, for people.' })
  message!: string;

  @Field(() => Conflict, { nullable: true, description: 'For PHYSICAL_CLASH and LOCKED_OUT: the range in the way.' })
  conflict?: Conflict | null;
}

/** Builds a user error; `field` is the input path, e.g. ['input', 'start']. */
export function userError(code: UserErrorCode, message: string, field: string[] | null = null, conflict?: Conflict): UserError {
  return Object.assign(new UserError(), { code, message, field, conflict: conflict ?? null });
}

/** Thrown inside a service transaction to roll it back and answer with user errors. */
export class UserErrorsException extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** The outcome of a service call: a value, or the user errors that stopped it. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...errors: UserError[]): Result<T> => ({ ok: false, errors });

/** Maps a service result onto a mutation payload `{ [key]: value | null, userErrors }`. */
export function payload<K extends string, T>(key: K, result: Result<T>): Record<K, T | null> & { userErrors: UserError[] } {
  return (result.ok ? { [key]: result.value, userErrors: [] } : { [key]: null, userErrors: result.errors }) as Record<K, T | null> & {
    userErrors: UserError[];
  };
}
