import { SignJWT } from 'jose';
import { signToken } from '../core/tokens';
import { AuthenticationError, TokenVerifier } from './auth';
import { Role } from '../core/viewer';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const AGENCY = '7d1b7f6e-2c4f-4b8e-9a51-3f0d2f7a9c11';

describe('TokenVerifier', () => {
  it('grants the viewer the token names, and none without a header', async () => {
    const verifier = new TokenVerifier(SECRET);
    const token = await signToken(SECRET, { role: Role.AGENCY, agencyId: AGENCY });
    await expect(verifier.viewer(`Bearer ${token}`)).resolves.toMatchObject({ role: Role.AGENCY, agencyId: AGENCY });
    await expect(verifier.viewer(undefined)).resolves.toBeNull();
  });

  it.each([
    ['not a bearer header', 'Basic abc'],
    ['a malformed token', 'Bearer not.a.token'],
  ])('refuses %s', async (_, header) => {
    await expect(new TokenVerifier(SECRET).viewer(header)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refuses a token signed with another secret, even after the right one was verified', async () => {
    const verifier = new TokenVerifier(SECRET);
    await verifier.viewer(`Bearer ${await signToken(SECRET, { role: Role.ADMIN })}`);
    const forged = await signToken(`${SECRET}-other`, { role: Role.ADMIN });
    await expect(verifier.viewer(`Bearer ${forged}`)).rejects.toThrow('invalid or expired token');
  });

  it('stops granting a remembered token once it expires', async () => {
    const verifier = new TokenVerifier(SECRET);
    const token = await signToken(SECRET, { role: Role.ADMIN }, '60s');
    const now = Date.now();
    await expect(verifier.viewer(`Bearer ${token}`, now)).resolves.toMatchObject({ role: Role.ADMIN });
    // Remembered: the same token a little later is granted from memory...
    await expect(verifier.viewer(`Bearer ${token}`, now + 30_000)).resolves.toMatchObject({ role: Role.ADMIN });
    // ...but not past its expiry, when it is verified again and refused.
    await expect(verifier.viewer(`Bearer ${token}`, now + 61_000)).rejects.toThrow('invalid or expired token');
  });

  it('refuses a token whose claims name no valid role', async () => {
    const token = await new SignJWT({ role: 'OWNER' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('twinbook')
      .setAudience('twinbook-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(new TokenVerifier(SECRET).viewer(`Bearer ${token}`)).rejects.toThrow('valid role');
  });

  it('forgets the oldest token past its bound, and still verifies it when it comes back', async () => {
    const verifier = new TokenVerifier(SECRET, 2);
    const tokens = await Promise.all([1, 2, 3].map((i) => signToken(SECRET, { role: Role.ADMIN, subject: `admin-${i}` })));
    for (const t of tokens) await verifier.viewer(`Bearer ${t}`);
    expect((verifier as unknown as { verified: Map<string, unknown> }).verified.size).toBe(2);
    await expect(verifier.viewer(`Bearer ${tokens[0]}`)).resolves.toMatchObject({ subject: 'admin-1' });
  });
});
