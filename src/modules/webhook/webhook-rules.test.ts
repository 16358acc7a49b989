import { createHmac } from 'node:crypto';
import { retryDelayMs, MAX_DELAY_FACTOR } from './webhook-retry';
import { signatureHeader, verifyWebhookSignature, webhookSignature } from './webhook-signing';
import { deliveryAddressRefusal, isLoopbackAddress, isPrivateAddress, webhookUrlRefusal, type WebhookUrlPolicy } from './webhook-url';

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

describe('isPrivateAddress', () => {
  it.each<[string, boolean]>([
    // IPv4
    ['8.8.8.8', false],
    ['1.1.1.1', false],
    ['0.0.0.0', true],
    ['0.1.2.3', true], // 0/8, "this network"
    ['10.0.0.1', true],
    ['10.255.255.255', true],
    ['11.0.0.1', false],
    ['100.63.255.255', false],
    ['100.64.0.1', true], // 100.64/10, carrier-grade NAT
    ['100.127.255.255', true],
    ['100.128.0.1', false],
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['169.254.169.254', true], // link-local: cloud metadata
    ['169.253.0.1', false],
    ['172.15.255.255', false],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.0.0.8', true],
    ['192.0.2.1', false],
    ['192.168.1.10', true],
    ['192.169.0.1', false],
    ['198.18.0.1', true],
    ['198.19.255.255', true],
    ['198.20.0.1', false],
    ['223.255.255.255', false],
    ['224.0.0.1', true], // multicast
    ['240.0.0.1', true], // reserved
    ['255.255.255.255', true],
    // IPv6, bare (as a resolver gives them) or in brackets (as a URL writes them)
    ['2606:4700:4700::1111', false],
    ['[2606:4700:4700::1111]', false],
    ['::', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::2', true], // IPv4-compatible 0.0.0.2
    ['fc00::1', true], // fc00::/7, unique local
    ['fd12:3456:789a::1', true],
    ['[fd00::1]', true],
    ['fe00::1', false],
    ['fe80::1', true], // fe80::/10, link-local
    ['febf:ffff::1', true],
    ['fe80::1%eth0', true],
    ['fec0::1', true], // the former site-local
    ['ff02::1', true], // multicast
    // IPv4-mapped, dotted or in hex (the URL parser writes ::ffff:a00:1 for 10.0.0.1)
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['[::ffff:a00:1]', true],
    ['::ffff:7f00:1', true],
    ['::ffff:a9fe:a9fe', true], // 169.254.169.254
    ['::FFFF:192.168.0.1', true],
    ['0:0:0:0:0:ffff:c0a8:1', true],
    ['::ffff:8.8.8.8', false],
    ['::ffff:808:808', false],
    // NAT64 and 6to4 reach the IPv4 address they carry
    ['64:ff9b::7f00:1', true],
    ['64:ff9b::10.1.2.3', true],
    ['64:ff9b::8.8.8.8', false],
    ['64:ff9b:1::8.8.8.8', true], // local-use NAT64
    ['2002:a00:1::1', true], // 6to4 of 10.0.0.1
    ['2002:808:808::1', false],
    // Not IP addresses: judged by what they resolve to
    ['localhost', false],
    ['hooks.example.com', false],
    ['10.0.0.1.example.com', false],
    ['', false],
  ])('%s → %s', (address, isPrivate) => {
    expect(isPrivateAddress(address)).toBe(isPrivate);
  });
});

describe('isLoopbackAddress', () => {
  it.each<[string, boolean]>([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:2', true],
    ['10.0.0.1', false],
    ['::', false],
    ['::2', false],
    ['::ffff:10.0.0.1', false],
    ['fe80::1', false],
    ['localhost', false],
  ])('%s → %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });
});

describe('deliveryAddressRefusal', () => {
  const dev: WebhookUrlPolicy = { allowHttpLoopback: true, allowPrivateNetworks: false };
  const prod: WebhookUrlPolicy = { allowHttpLoopback: false, allowPrivateNetworks: false };
  const privateOk: WebhookUrlPolicy = { allowHttpLoopback: false, allowPrivateNetworks: true };
  const RESOLVES_PRIVATE = 'the host resolves to a private address (a private, loopback or link-local network)';
  const LITERAL_PRIVATE = 'the address is on a private, loopback or link-local network';
  it.each<[string, string[], WebhookUrlPolicy, string | null]>([
    ['hooks.example.com', ['93.184.215.14'], prod, null],
    ['hooks.example.com', ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'], prod, null],
    ['hooks.example.com', ['127.0.0.1'], prod, RESOLVES_PRIVATE],
    ['hooks.example.com', ['10.1.2.3'], prod, RESOLVES_PRIVATE],
    ['hooks.example.com', ['169.254.169.254'], prod, RESOLVES_PRIVATE],
    ['hooks.example.com', ['::ffff:192.168.0.1'], prod, RESOLVES_PRIVATE],
    ['hooks.example.com', ['fd00::5'], prod, RESOLVES_PRIVATE],
    // One private address among public ones is enough: the connection may go to any of them.
    ['hooks.example.com', ['93.184.215.14', '10.0.0.7'], prod, RESOLVES_PRIVATE],
    ['hooks.example.com', ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'fe80::1'], prod, RESOLVES_PRIVATE],
    ['hooks.example.com', [], prod, 'the host resolves to no address'],
    ['hooks.example.com', [], privateOk, 'the host resolves to no address'],
    ['hooks.example.com', ['10.1.2.3', '127.0.0.1'], privateOk, null],
    // The http-loopback allowance covers the loopback names only, not a name of the tenant's that resolves there.
    ['hooks.example.com', ['127.0.0.1'], dev, RESOLVES_PRIVATE],
    ['localhost.', ['127.0.0.1'], dev, RESOLVES_PRIVATE],
    ['localhost', ['127.0.0.1', '::1'], dev, null],
    ['localhost', ['10.0.0.1'], dev, 'the host resolves to a private address other than this machine'],
    ['localhost', ['127.0.0.1'], prod, RESOLVES_PRIVATE],
    ['127.0.0.1', ['127.0.0.1'], dev, null],
    ['[::1]', ['::1'], dev, null],
    // IP literals (checked at registration too: the policy may have changed since)
    ['127.0.0.1', ['127.0.0.1'], prod, LITERAL_PRIVATE],
    ['10.0.0.5', ['10.0.0.5'], prod, LITERAL_PRIVATE],
    ['[fd00::1]', ['fd00::1'], prod, LITERAL_PRIVATE],
    ['10.0.0.5', ['10.0.0.5'], privateOk, null],
    ['8.8.8.8', ['8.8.8.8'], prod, null],
  ])('%s at %j (%j) → %s', (hostname, addresses, policy, refusal) => {
    expect(deliveryAddressRefusal(hostname, addresses, policy)).toBe(refusal);
  });
});
