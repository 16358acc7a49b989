import { SignJWT } from 'jose';
import { isUuid } from '../common/ids';
import { Role } from './role';
import type { Viewer } from './viewer';

/** Issuer and audience of the tokens this API signs and accepts. */
export const TOKEN_ISSUER = 'twinbook';
export const TOKEN_AUDIENCE = 'twinbook-api';

export interface TokenClaims {
  role: Exclude<Role, Role.SYSTEM>;
  agencyId?: string;
  brandId?: string;
  modelId?: string;
  subject?: string;
}

export function tokenKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs a bearer token for the given role and the agency, brand or model it acts for. */
export async function signToken(secret: string, claims: TokenClaims, expiresIn = '30d'): Promise<string> {
  const viewer = viewerFromClaims({ ...claims, sub: claims.subject ?? `${claims.role.toLowerCase()}-local` });
  if (!viewer) throw new Error(`a ${claims.role} token needs the id it acts for`);
  return new SignJWT({ role: claims.role, agencyId: claims.agencyId, brandId: claims.brandId, modelId: claims.modelId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(viewer.subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(tokenKey(secret));
}

/** The viewer a token grants, or null when the claims do not name a valid role and the id it needs. */
export function viewerFromClaims(claims: Record<string, unknown>): Viewer | null {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const id = (name: string): string | null => {
    const value = claims[name];
    return typeof value === 'string' && isUuid(value) ? value : null;
  };
  switch (claims.role) {
    case Role.ADMIN:
      return { role: Role.ADMIN, subject };
    case Role.AGENCY: {
      const agencyId = id('agencyId');
      return agencyId ? { role: Role.AGENCY, subject, agencyId } : null;
    }
    case Role.BRAND: {
      const brandId = id('brandId');
      return brandId ? { role: Role.BRAND, subject, brandId } : null;
    }
    case Role.MODEL: {
      const modelId = id('modelId');
      return modelId ? { role: Role.MODEL, subject, modelId } : null;
    }
    default:
      return null;
  }
}

