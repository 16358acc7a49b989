import { SignJWT } from 'jose';
import { durationSeconds } from '../common/duration';
import { isUuid } from '../common/ids';
import { Role } from './role';
import type { Viewer } from './viewer';

/** Issuer and audience of the development tokens this API signs (HS256, JWT_SECRET) and accepts. */
export const TOKEN_ISSUER = 'twinbook';
export const TOKEN_AUDIENCE = 'twinbook-api';

/** Longest a token may live unless JWT_MAX_LIFETIME says otherwise: 30 days. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 30 * 86_400;

/** Signature algorithms an identity provider's tokens may use: asymmetric only, so a public key never verifies an HMAC. */
export const PROVIDER_ALGORITHMS: readonly string[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** The claims of a token that carry the role and the id of the agency, brand or model it acts for. */
export interface ClaimNames {
  role: string;
  agency: string;
  brand: string;
  model: string;
}

/** The claim names of the development tokens. */
export const DEV_CLAIMS: ClaimNames = { role: 'role', agency: 'agencyId', brand: 'brandId', model: 'modelId' };

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

/**
 * Signs a development bearer token for the given role and the agency, brand or model it acts for, valid for
 * `lifetime` (`30d`, `2h`, …; by default the longest allowed), which may not exceed `maxLifetimeSeconds`: the API
 * refuses longer-lived tokens.
 */
export async function signToken(
  secret: string,
  claims: TokenClaims,
  lifetime?: string,
  maxLifetimeSeconds = DEFAULT_MAX_LIFETIME_SECONDS,
): Promise<string> {
  const viewer = viewerFromClaims({ ...claims, sub: claims.subject ?? `${claims.role.toLowerCase()}-local` });
  if (!viewer) throw new Error(`a ${claims.role} token needs the id it acts for`);
  const seconds = lifetime === undefined ? maxLifetimeSeconds : durationSeconds(lifetime);
  if (!seconds) throw new Error(`a token lifetime is a duration such as 2h or 30d (got "${lifetime}")`);
  if (seconds > maxLifetimeSeconds) throw new Error(`a token may live at most ${maxLifetimeSeconds} seconds (JWT_MAX_LIFETIME); "${lifetime}" is longer`);
  // One instant for both claims, so that `exp - iat` is exactly the lifetime asked for.
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: claims.role, agencyId: claims.agencyId, brandId: claims.brandId, modelId: claims.modelId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(viewer.subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + seconds)
    .sign(tokenKey(secret));
}

/**
 * Why a token's times are refused, or null when they hold: it must expire (`exp`), may not be issued in the future
 * (`iat`, beyond the clock tolerance), and may not live longer than the maximum (`exp - iat`, or `exp - now`
 * without `iat`). Expiry in the past is jose's check, with the same tolerance.
 */
export function tokenTimesProblem(claims: Record<string, unknown>, nowSeconds: number, maxLifetimeSeconds: number, toleranceSeconds: number): string | null {
  const { exp, iat } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'the token has no expiry (exp)';
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) return 'the token\'s issue time (iat) is not a number';
  if (typeof iat === 'number' && iat > nowSeconds + toleranceSeconds) return 'the token is issued in the future (iat)';
  const lifetime = exp - (typeof iat === 'number' ? iat : nowSeconds);
  if (lifetime > maxLifetimeSeconds) return `the token lives longer than the ${maxLifetimeSeconds} seconds allowed (exp)`;
  return null;
}

/**
 * The viewer a token grants, or null when the claims do not name a valid role and the id it needs. The one place
 * where claims become a viewer: development tokens read `DEV_CLAIMS`, a provider's tokens the configured names.
 * The role is read without regard to case (`agency` or `AGENCY`); SYSTEM is never granted.
 */
export function viewerFromClaims(claims: Record<string, unknown>, names: ClaimNames = DEV_CLAIMS): Viewer | null {
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const id = (name: string): string | null => {
    const value = claims[name];
    return typeof value === 'string' && isUuid(value) ? value : null;
  };
  const role = claims[names.role];
  switch (typeof role === 'string' ? role.toUpperCase() : null) {
    case Role.ADMIN:
      return { role: Role.ADMIN, subject };
    case Role.AGENCY: {
      const agencyId = id(names.agency);
      return agencyId ? { role: Role.AGENCY, subject, agencyId } : null;
    }
    case Role.BRAND: {
      const brandId = id(names.brand);
      return brandId ? { role: Role.BRAND, subject, brandId } : null;
    }
    case Role.MODEL: {
      const modelId = id(names.model);
      return modelId ? { role: Role.MODEL, subject, modelId } : null;
    }
    default:
      return null;
  }
}
