import { createHmac } from 'node:crypto';
import { retryDelayMs, MAX_DELAY_FACTOR } from './webhook-retry';
import { signatureHeader, verifyWebhookSignature, webhookSignature } from './webhook-signing';
import { webhookUrlRefusal, type WebhookUrlPolicy } from './webhook-url';

describe('retryDelayMs', () => {
  const BASE = 30_000;
  it.each([
    // attempt, random, delay
    [1, 0.5, 30_000],
    [2, 0.5, 60_000],
    [3, 0.5, 120_000],
    [10, 0.5, 15_360_000],
    [11, 0.5, 21_600_000], // capped at 720 × base: 6 h
    [14, 0.5, 21_600_000],
    [1, 0, 22_500], // jitter: 0.75 … 1.25
    [1, 0.999999, 37_500],
    [11, 0, 16_200_000],
  ])('after attempt %i (random %f) waits %i ms', (attempt, random, delay) => {
    expect(retryDelayMs(attempt, BASE, random)).toBe(delay);
  });

  it('keeps trying for more than a day with the defaults (15 attempts), and never past the cap', () => {
    const waits = Array.from({ length: 14 }, (_, i) => retryDelayMs(i + 1, BASE, 0));
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(24 * 3600_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(BASE * MAX_DELAY_FACTOR);
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"e1","type":"booking.created"}';
  const t = 1_800_000_000;

  it('are HMAC-SHA256 of "<t>.<body>" in hex, sent as t=…,v1=…', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(webhookSignature(secret, t, body)).toBe(expected);
    expect(signatureHeader(secret, t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it.each([
    ['the right secret, in time', secret, body, t + 10, true],
    ['another secret', 'whsec_other', body, t + 10, false],
    ['a changed body', secret, body.replace('created', 'cancelled'), t + 10, false],
    ['too late (a replay)', secret, body, t + 301, false],
  ])('verify: %s → %s', (_what, key, sentBody, now, valid) => {
    expect(verifyWebhookSignature(key, signatureHeader(secret, t, body), sentBody, now)).toBe(valid);
  });

  it('refuses a malformed header', () => {
    expect(verifyWebhookSignature(secret, 'v1=abc', body, t)).toBe(false);
    expect(verifyWebhookSignature(secret, `t=${t},v1=zz`, body, t)).toBe(false);
  });
});

describe('webhookUrlRefusal', () => {
  const dev: WebhookUrlPolicy = { allowHttpLoopback: true, allowPrivateNetworks: false };
  const prod: WebhookUrlPolicy = { allowHttpLoopback: false, allowPrivateNetworks: false };
  const privateOk: WebhookUrlPolicy = { allowHttpLoopback: false, allowPrivateNetworks: true };
  it.each<[string, WebhookUrlPolicy, boolean]>([
    ['https://hooks.example.com/twinbook', prod, true],
    ['https://hooks.example.com:8443/a?b=c', prod, true],
    ['http://hooks.example.com/twinbook', prod, false],
    ['http://hooks.example.com/twinbook', dev, false],
    ['http://127.0.0.1:4001/hook', dev, true],
    ['http://localhost:4001/hook', dev, true],
    ['http://[::1]:4001/hook', dev, true],
    ['http://127.0.0.1:4001/hook', prod, false],
    ['https://user:pass@hooks.example.com/', prod, false],
    ['https://hooks.example.com/#frag', prod, false],
    ['ftp://hooks.example.com/', prod, false],
    ['not a url', prod, false],
    ['https://10.0.0.5/hook', prod, false],
    ['https://172.20.1.1/hook', prod, false],
    ['https://192.168.1.10/hook', prod, false],
    ['https://169.254.169.254/latest/meta-data', prod, false],
    ['https://127.0.0.1/hook', prod, false],
    ['https://[fd00::1]/hook', prod, false],
    ['https://[fe80::1]/hook', prod, false],
    ['https://[::ffff:10.0.0.1]/hook', prod, false],
    ['https://100.64.0.1/hook', prod, false],
    ['https://10.0.0.5/hook', privateOk, true],
    ['https://172.32.0.1/hook', prod, true],
    ['https://8.8.8.8/hook', prod, true],
  ])('%s (%j) → allowed %s', (url, policy, allowed) => {
    expect(webhookUrlRefusal(url, policy) === null).toBe(allowed);
  });
});
