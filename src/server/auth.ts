import { jwtVerify } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, tokenKey, viewerFromClaims } from '../core/tokens';
import type { Viewer } from '../core/viewer';

export class AuthenticationError extends Error {}

interface Verified {
  viewer: Viewer;
  /** Epoch milliseconds after which the token no longer holds (its `exp`); null when it has none. */
  expiresAt: number | null;
}

/** Verifies a bearer token's signature, issuer, audience and expiry, and reads the viewer it grants. */
async function verifyToken(token: string, secret: string, now: number): Promise<Verified> {
  try {
    const { payload } = await jwtVerify(token, tokenKey(secret), { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['HS256'], currentDate: new Date(now) });
    const viewer = viewerFromClaims(payload);
    if (!viewer) throw new AuthenticationError('the token does not name a valid role and the id it acts for');
    return { viewer, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null };
  } catch (err) {
    if (err instanceof AuthenticationError) throw err;
    throw new AuthenticationError('invalid or expired token');
  }
}

function bearerToken(header: string): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new AuthenticationError('Authorization must be "Bearer <token>"');
  return match[1];
}

/**
 * Verifies `Authorization` headers and remembers the tokens it has verified, for at most `maxAgeMs` and never past
 * their expiry: a client sends the same token with every request, and checking its signature again each time costs
 * more than the rest of a small request. Bounded: past `maxEntries` the oldest is forgotten.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, { viewer: Viewer; until: number }>();

  constructor(
    private readonly secret: string,
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 5 * 60_000,
  ) {}

  /** The viewer an `Authorization` header grants: none is an anonymous viewer (null); a bad token throws. */
  async viewer(header: string | undefined, now = Date.now()): Promise<Viewer | null> {
    if (!header) return null;
    const token = bearerToken(header);
    const known = this.verified.get(token);
    if (known && now < known.until) return known.viewer;
    if (known) this.verified.delete(token);
    const result = await verifyToken(token, this.secret, now);
    if (this.verified.size >= this.maxEntries) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { viewer: result.viewer, until: Math.min(result.expiresAt ?? Infinity, now + this.maxAgeMs) });
    return result.viewer;
  }
}
