import { registerEnumType } from 'type-graphql';
import { Role } from './role';

export { Role };
registerEnumType(Role, {
  name: 'Role',
  description: 'Who acts: the role a bearer token grants, or SYSTEM for automatic changes.',
  valuesConfig: {
    ADMIN: { description: 'Runs the platform; sees everything.' },
    AGENCY: { description: 'Acts for one agency.' },
    BRAND: { description: 'A planner acting for one brand.' },
    MODEL: { description: 'The model herself.' },
    SYSTEM: { description: 'twinbook itself, e.g. releasing options when another booking is confirmed.' },
  },
});

/** Who is asking, from a verified bearer token. */
export type Viewer =
  | { role: Role.ADMIN; subject: string }
  | { role: Role.AGENCY; subject: string; agencyId: string }
  | { role: Role.BRAND; subject: string; brandId: string }
  | { role: Role.MODEL; subject: string; modelId: string };

/** The id of the agency, brand or model the viewer acts for; null for an admin. */
export function actorId(viewer: Viewer): string | null {
  switch (viewer.role) {
    case Role.AGENCY:
      return viewer.agencyId;
    case Role.BRAND:
      return viewer.brandId;
    case Role.MODEL:
      return viewer.modelId;
    default:
      return null;
  }
}
