import type { RequestContext } from './context';
import { Role, type Viewer } from './viewer';

/** The viewer, known to be signed in: resolvers marked @Authorized never run without one. */
export function viewerOf(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw new Error('viewerOf called on an anonymous request');
  return ctx.viewer;
}

/** True when the viewer manages models of this agency (the agency itself or an admin). */
export function managesAgency(viewer: Viewer, agencyId: string): boolean {
  return viewer.role === Role.ADMIN || (viewer.role === Role.AGENCY && viewer.agencyId === agencyId);
}

/** True when the viewer sees this model's own data in full: her agency, the model herself, or an admin. */
export function seesModelInFull(viewer: Viewer, model: { id: string; agency: { id: string } }): boolean {
  return managesAgency(viewer, model.agency.id) || (viewer.role === Role.MODEL && viewer.modelId === model.id);
}

/** True when the viewer may see a booking in full (client, title, terms): its brand, the model's side, or an admin. */
export function seesBookingInFull(viewer: Viewer, booking: { brand: { id: string }; agency: { id: string }; model: { id: string } }): boolean {
  if (viewer.role === Role.BRAND) return viewer.brandId === booking.brand.id;
  return seesModelInFull(viewer, { id: booking.model.id, agency: booking.agency });
}
