import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new signing secret: 32 random bytes, prefixed so that it is recognisable in a config file. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** The hex HMAC-SHA256, under the secret, of "<t>.<body>": what Twinbook-Signature's v1 carries. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The Twinbook-Signature header of a body sent at `timestamp` (unix seconds): `t=<timestamp>,v1=<hex>`, as Stripe signs. */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${webhookSignature(secret, timestamp, body)}`;
}

/**
 * What a receiver does, for the tests and the README: true when the header's v1 is the body's signature under the
 * secret and its timestamp is within `toleranceSeconds` of `now` (replays of old requests are refused).
 */
export function verifyWebhookSignature(secret: string, header: string, body: string, now = Date.now() / 1000, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(now - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(webhookSignature(secret, t, body), 'hex'));
}
