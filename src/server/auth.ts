import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import type { Config } from '../config';
import { DEV_CLAIMS, TOKEN_AUDIENCE, TOKEN_ISSUER, tokenKey, tokenTimesProblem, viewerFromClaims, type ClaimNames } from '../core/tokens';
import type { Viewer } from '../core/viewer';

/** The token is refused: HTTP 401 UNAUTHENTICATED. */
export class AuthenticationError extends Error {}

/** The identity provider's key set cannot be fetched: not the client's fault, HTTP 503 with Retry-After. */
export class IdentityUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the identity provider cannot be reached to verify the token; try again shortly', { cause });
  }
}

/** What the verifier reads of the configuration. */
export type IdentitySettings = Pick<
  Config,
  'jwtSecret' | 'jwtSecretAccepted' | 'jwtMaxLifetimeSeconds' | 'jwtClockToleranceSeconds' | 'identityProvider'
>;

/** What a verified token grants, and until when. */
export interface Grant {
  viewer: Viewer;
  /**
   * Epoch milliseconds from which this process no longer accepts the token: its `exp` plus the clock tolerance
   * (JWT_CLOCK_TOLERANCE), the very instant jose's check of `exp` starts refusing it. A request and a socket end with
   * the same token at the same moment.
   */
  expiresAt: number;
}

/** One way of verifying a token: the key, the checks jose makes, and the claims that name the viewer. */
interface Verification {
  key: Uint8Array | KeyObject | JWTVerifyGetKey;
  options: JWTVerifyOptions;
  claims: ClaimNames;
}

/**
 * The provider's keys: a fixed public key, or its key set fetched with jose's cache (refetched for a key id it
 * has not seen, at most once per cooldown). Failing to fetch is told apart from a key that does not match.
 */
function providerKey(provider: NonNullable<Config['identityProvider']>): KeyObject | JWTVerifyGetKey {
  if (provider.publicKeyPem) return createPublicKey(provider.publicKeyPem);
  const remote = createRemoteJWKSet(new URL(provider.jwksUrl!), { cooldownDuration: provider.jwksCooldownSeconds * 1000, timeoutDuration: 5000 });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) throw err;
      throw new IdentityUnavailableError(err);
    }
  };
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
 *
 * Two kinds of token are accepted, told apart by their algorithm: HS256 development tokens signed with JWT_SECRET
 * (when it is accepted), and an identity provider's tokens signed with one of its asymmetric algorithms.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, Grant & { until: number }>();
  private readonly byAlgorithm = new Map<string, Verification>();

  constructor(
    private readonly settings: IdentitySettings,
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 5 * 60_000,
  ) {
    const clockTolerance = settings.jwtClockToleranceSeconds;
    if (settings.jwtSecretAccepted) {
      this.byAlgorithm.set('HS256', {
        key: tokenKey(settings.jwtSecret),
        options: { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['HS256'], clockTolerance },
        claims: DEV_CLAIMS,
      });
    }
    const provider = settings.identityProvider;
    if (provider) {
      const verification: Verification = {
        key: providerKey(provider),
        options: { issuer: provider.issuer, audience: provider.audience, algorithms: provider.algorithms, clockTolerance },
        claims: provider.claims,
      };
      for (const alg of provider.algorithms) this.byAlgorithm.set(alg, verification);
    }
  }

  /** Verifies a token's signature, issuer, audience and times, and reads the viewer it grants. */
  private async verify(token: string, now: number): Promise<Grant> {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthenticationError('invalid or expired token');
    }
    const verification = typeof alg === 'string' ? this.byAlgorithm.get(alg) : undefined;
    if (!verification) throw new AuthenticationError('the token\'s signature algorithm is not accepted');
    let payload: Record<string, unknown>;
    try {
      const { key } = verification;
      const options = { ...verification.options, currentDate: new Date(now) };
      ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
    } catch (err) {
      if (err instanceof IdentityUnavailableError) throw err;
      throw new AuthenticationError('invalid or expired token');
    }
    const problem = tokenTimesProblem(payload, Math.floor(now / 1000), this.settings.jwtMaxLifetimeSeconds, this.settings.jwtClockToleranceSeconds);
    if (problem) throw new AuthenticationError(problem);
    const viewer = viewerFromClaims(payload, verification.claims);
    if (!viewer) throw new AuthenticationError('the token does not name a valid role and the id it acts for');
    return { viewer, expiresAt: ((payload.exp as number) + this.settings.jwtClockToleranceSeconds) * 1000 };
  }

  /** The viewer an `Authorization` header grants: none is an anonymous viewer (null); a bad token throws. */
  async viewer(header: string | undefined, now = Date.now()): Promise<Viewer | null> {
    return (await this.grant(header, now))?.viewer ?? null;
  }

  /**
   * What an `Authorization` header grants and when its token expires, for a caller that outlives one request (a
   * subscription socket): none is null; a bad token throws.
   */
  async grant(header: string | undefined, now = Date.now()): Promise<Grant | null> {
    if (!header) return null;
    const token = bearerToken(header);
    const known = this.verified.get(token);
    if (known && now < known.until) return { viewer: known.viewer, expiresAt: known.expiresAt };
    if (known) this.verified.delete(token);
    const result = await this.verify(token, now);
    if (this.verified.size >= this.maxEntries) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { ...result, until: Math.min(result.expiresAt, now + this.maxAgeMs) });
    return result;
  }
}
