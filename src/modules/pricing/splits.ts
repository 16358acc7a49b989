import { applyBps, assertSafeInteger, MAX_BPS, splitByWeights } from '../../common/money';

/** The commercial terms of a physical booking, all in bps of what each applies to. */
export interface PhysicalTerms {
  modelCommissionBps: number;
  serviceFeeBps: number;
  motherAgencyShareBps: number;
  platformFeeBps: number;
  hasMotherAgency: boolean;
}

/** Who gets what of what the brand pays; model + agency + motherAgency + platform === brandTotal. */
export interface Distribution {
  brandTotal: number;
  model: number;
  agency: number;
  motherAgency: number;
  platform: number;
}

/** "Under noticeHours of notice, charge bps of the fee." */
export interface CancellationBand {
  noticeHours: number;
  bps: number;
}

const MS_PER_HOUR = 3_600_000;

// Every share here is a part of a whole, so more than 100% is a broken card, not a big deal.
function assertShare(bps: number, what: string): void {
  if (!Number.isInteger(bps) || bps < 0 || bps > MAX_BPS) throw new RangeError(`${what} must be an integer in 0..${MAX_BPS}, got ${String(bps)}`);
}

function assertAmount(value: number, what: string): void {
  assertSafeInteger(value, what);
  if (value < 0) throw new RangeError(`${what} must be >= 0, got ${value}`);
}

/** From the model's fee: service fee on top for the brand; the agency's commission from the fee; the mother agency's share of that commission; the platform's fee of the brand total, borne by the agency side. Sums balance exactly. */
export function distributePhysical(modelFee: number, terms: PhysicalTerms): Distribution & { serviceFee: number; commission: number } {
  assertAmount(modelFee, 'modelFee');
  assertShare(terms.modelCommissionBps, 'modelCommissionBps');
  assertShare(terms.serviceFeeBps, 'serviceFeeBps');
  assertShare(terms.motherAgencyShareBps, 'motherAgencyShareBps');
  assertShare(terms.platformFeeBps, 'platformFeeBps');

  const serviceFee = applyBps(modelFee, terms.serviceFeeBps);
  const brandTotal = modelFee + serviceFee;
  assertSafeInteger(brandTotal, 'brandTotal');
  const commission = applyBps(modelFee, terms.modelCommissionBps);
  const model = modelFee - commission;
  const motherAgency = terms.hasMotherAgency ? applyBps(commission, terms.motherAgencyShareBps) : 0;
  const platform = applyBps(brandTotal, terms.platformFeeBps);
  // The agency takes the remainder, so every rounding unit lands with it and the books balance by construction.
  const agency = brandTotal - model - motherAgency - platform;
  if (agency < 0) {
    throw new RangeError(`The card's fees exceed what the agency earns (agency share ${agency}): platform and mother agency must fit in service fee + commission`);
  }
  return { brandTotal, model, agency, motherAgency, platform, serviceFee, commission };
}

/** Digital: the whole brand total is split by the twin's ownership split (largest remainder); the shares must sum to 10 000 bps. */
export function distributeDigital(total: number, split: { modelBps: number; agencyBps: number; platformBps: number }): Distribution {
  assertAmount(total, 'total');
  assertShare(split.modelBps, 'modelBps');
  assertShare(split.agencyBps, 'agencyBps');
  assertShare(split.platformBps, 'platformBps');
  if (split.modelBps + split.agencyBps + split.platformBps !== MAX_BPS) {
    throw new RangeError(`Ownership split must sum to ${MAX_BPS} bps, got ${split.modelBps + split.agencyBps + split.platformBps}`);
  }
  const [model, agency, platform] = splitByWeights(total, [split.modelBps, split.agencyBps, split.platformBps]);
  return { brandTotal: total, model, agency, motherAgency: 0, platform };
}

/** Scales a frozen distribution to a fee share (e.g. a cancellation fee of 50%): the new brand total is applyBps(brandTotal, bps) and the parts are split by largest remainder in proportion to the old parts. */
export function scaleDistribution(d: Distribution, bps: number): Distribution {
  const parts = [d.model, d.agency, d.motherAgency, d.platform];
  assertAmount(d.brandTotal, 'brandTotal');
  parts.forEach((p) => assertAmount(p, 'part'));
  if (parts.reduce((s, p) => s + p, 0) !== d.brandTotal) throw new RangeError('Distribution does not balance: its parts do not sum to brandTotal');

  const brandTotal = applyBps(d.brandTotal, bps);
  // Nothing to scale in proportion to; splitByWeights would (rightly) refuse all-zero weights.
  if (d.brandTotal === 0) return { brandTotal: 0, model: 0, agency: 0, motherAgency: 0, platform: 0 };
  const [model, agency, motherAgency, platform] = splitByWeights(brandTotal, parts);
  return { brandTotal, model, agency, motherAgency, platform };
}

/** The bps of the fee due when cancelling at `cancelledAt`: the tightest band the notice is strictly under, 0 when it is under none, and after the start the tightest band (10 000 with no bands). */
export function cancellationBps(bands: CancellationBand[], start: Date, cancelledAt: Date): number {
  const startMs = start instanceof Date ? start.getTime() : NaN;
  const cancelledMs = cancelledAt instanceof Date ? cancelledAt.getTime() : NaN;
  if (Number.isNaN(startMs) || Number.isNaN(cancelledMs)) throw new RangeError('cancellationBps needs valid Dates');
  const seen = new Map<number, number>();
  for (const b of bands) {
    if (typeof b.noticeHours !== 'number' || !Number.isFinite(b.noticeHours) || b.noticeHours < 0) {
      throw new RangeError(`noticeHours must be a finite number >= 0, got ${String(b.noticeHours)}`);
    }
    assertShare(b.bps, 'cancellation bps');
    if (seen.has(b.noticeHours) && seen.get(b.noticeHours) !== b.bps) throw new RangeError(`Two bands under ${b.noticeHours} h charge differently`);
    seen.set(b.noticeHours, b.bps);
  }

  // Milliseconds, not rounded hours: 23 h 59 min 59 s is under 24 h and must pay like it.
  const noticeMs = startMs - cancelledMs;
  if (noticeMs < 0 && bands.length === 0) return MAX_BPS;
  let tightest: CancellationBand | undefined;
  for (const b of bands) {
    if (noticeMs < b.noticeHours * MS_PER_HOUR && (tightest === undefined || b.noticeHours < tightest.noticeHours)) tightest = b;
  }
  return tightest?.bps ?? 0;
}
