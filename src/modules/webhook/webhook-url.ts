import { isIP } from 'node:net';

/** What the deployment allows besides public https URLs. */
export interface WebhookUrlPolicy {
  /** Plain http to this machine (127.0.0.1, ::1, localhost): development and tests. */
  allowHttpLoopback: boolean;
  /** Private, loopback and link-local addresses named as IP literals. */
  allowPrivateNetworks: boolean;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function ipv4Private(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

function ipv6Private(ip: string): boolean {
  const lower = ip.toLowerCase();
  if (lower === '::' || lower === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return ipv4Private(mapped[1]);
  // The URL parser writes an IPv4-mapped address in hex (::ffff:a00:1 for 10.0.0.1).
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return ipv4Private(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  // fc00::/7 (unique local), fe80::/10 (link-local).
  return /^f[cd][0-9a-f]{0,2}:/.test(lower) || /^fe[89ab][0-9a-f]?:/.test(lower);
}

/** True for an IP literal (v4, or v6 in brackets) on a private, loopback or link-local network. */
export function isPrivateAddress(hostname: string): boolean {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const kind = isIP(bare);
  if (kind === 4) return ipv4Private(bare);
  if (kind === 6) return ipv6Private(bare);
  return false;
}

/**
 * Why twinbook will not send webhooks to `raw`, or null when it will: https only (plain http only to this machine
 * when the policy allows it), no credentials in the URL, no fragment, and no private address named as an IP literal
 * unless allowed. Hostnames are not resolved here: a name that resolves to a private address is not caught.
 */
export function webhookUrlRefusal(raw: string, policy: WebhookUrlPolicy): string | null {
  if (raw.length > 2000) return 'the URL is longer than 2,000 characters';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not an absolute URL';
  }
  if (url.username || url.password) return 'the URL carries credentials; the signature is what authenticates twinbook';
  if (url.hash) return 'the URL has a fragment, which is never sent';
  const loopback = LOOPBACK_NAMES.has(url.hostname);
  if (url.protocol === 'http:') {
    if (loopback && policy.allowHttpLoopback) return null;
    return policy.allowHttpLoopback ? 'plain http is allowed only to this machine (127.0.0.1, ::1, localhost); use https' : 'use https';
  }
  if (url.protocol !== 'https:') return 'use https';
  if (loopback && policy.allowHttpLoopback) return null;
  if ((loopback || isPrivateAddress(url.hostname)) && !policy.allowPrivateNetworks) return 'the address is on a private, loopback or link-local network';
  return null;
}
