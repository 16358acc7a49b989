import { isIP } from 'node:net';

/** What the deployment allows besides public https URLs. */
export interface WebhookUrlPolicy {
  /** Plain http to this machine (127.0.0.1, ::1, localhost): development and tests. */
  allowHttpLoopback: boolean;
  /** Private, loopback and link-local addresses, named as IP literals or resolved from a host name. */
  allowPrivateNetworks: boolean;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The four octets of a dotted IPv4 address (valid by isIP). */
function ipv4Octets(ip: string): number[] {
  return ip.split('.').map(Number);
}

// Networks no webhook should reach: this host (0/8), private (10/8, 172.16/12, 192.168/16), carrier-grade NAT
// (100.64/10), loopback (127/8), link-local and cloud metadata (169.254/16), IETF protocol assignments (192.0.0/24),
// benchmarking (198.18/15, which some proxies also hand out as fake addresses), multicast, reserved and broadcast (224/3).
function ipv4Private([a, b, c]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && c === 0) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

/** The eight 16-bit groups of an IPv6 address (valid by isIP), a trailing dotted IPv4 part and a zone allowed. */
function ipv6Groups(ip: string): number[] {
  let text = ip.split('%')[0].toLowerCase();
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = ipv4Octets(dotted[2]);
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const [front, back] = [parse(head), parse(tail)];
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

const embeddedIpv4 = (hi: number, lo: number): number[] => [hi >> 8, hi & 255, lo >> 8, lo & 255];

function ipv6Private(ip: string): boolean {
  const g = ipv6Groups(ip);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  // ::/96 (unspecified, ::1 and the old IPv4-compatible form) and ::ffff:0:0/96 (IPv4-mapped): the IPv4 address decides.
  if (zeros(0, 5) && (g[5] === 0 || g[5] === 0xffff)) {
      return ipv4Private(embeddedIpv4(g[6], g[7]));
  }
  // NAT64 (64:ff9b::/96) reaches the IPv4 address in its last 32 bits; 6to4 (2002::/16) the one in bits 16 to 48.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return ipv4Private(embeddedIpv4(g[6], g[7]));
  if (g[0] === 0x2002) return ipv4Private(embeddedIpv4(g[1], g[2]));
  return (
    (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) || // 64:ff9b:1::/48, NAT64 for local use
    (g[0] & 0xfe00) === 0xfc00 || // fc00::/7, unique local
    (g[0] & 0xffc0) === 0xfe80 || // fe80::/10, link-local
    (g[0] & 0xffc0) === 0xfec0 || // fec0::/10, the former site-local
    (g[0] & 0xff00) === 0xff00 // ff00::/8, multicast
  );
}

/** The address without the brackets a URL puts around an IPv6 literal. */
function unbracketed(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * True for an IP address (v4, or v6 bare or in brackets, IPv4-mapped included) that is not a public unicast one:
 * private, loopback, link-local, carrier-grade NAT, unspecified, multicast or reserved. False for anything else,
 * host names included: those are judged by what they resolve to (deliveryAddressRefusal).
 */
export function isPrivateAddress(hostname: string): boolean {
  const bare = unbracketed(hostname);
  const kind = isIP(bare);
  if (kind === 4) return ipv4Private(ipv4Octets(bare));
  if (kind === 6) return ipv6Private(bare);
  return false;
}

/** True for an address of this machine: 127.0.0.0/8, ::1, or 127.x as an IPv4-mapped IPv6 address. */
export function isLoopbackAddress(address: string): boolean {
  const bare = unbracketed(address);
  const kind = isIP(bare);
  if (kind === 4) return ipv4Octets(bare)[0] === 127;
  if (kind !== 6) return false;
  const g = ipv6Groups(bare);
  if (!g.slice(0, 5).every((x) => x === 0)) return false;
  if (g[5] === 0) return g[6] === 0 && g[7] === 1;
  return g[5] === 0xffff && g[6] >> 8 === 127;
}

/**
 * Why twinbook will not send webhooks to `raw`, or null when it will: https only (plain http only to this machine
 * when the policy allows it), no credentials in the URL, no fragment, and no private address named as an IP literal
 * unless allowed. A host name is not resolved here (what it resolves to may change): the worker resolves it at every
 * attempt and deliveryAddressRefusal judges the addresses it is about to connect to.
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

/**
 * Why twinbook will not connect to `hostname` (as the URL spells it) at `addresses` (the IP literal itself, or every
 * address the name resolved to), or null when it will. One private address among them is enough to refuse: the
 * connection could go to any of them. A loopback name allowed over plain http must resolve to this machine alone.
 */
export function deliveryAddressRefusal(hostname: string, addresses: readonly string[], policy: WebhookUrlPolicy): string | null {
  if (!addresses.length) return 'the host resolves to no address';
  if (policy.allowPrivateNetworks) return null;
  if (LOOPBACK_NAMES.has(hostname) && policy.allowHttpLoopback) {
    return addresses.every(isLoopbackAddress) ? null : 'the host resolves to a private address other than this machine';
  }
  if (!addresses.some(isPrivateAddress)) return null;
  return isIP(unbracketed(hostname))
    ? 'the address is on a private, loopback or link-local network'
    : 'the host resolves to a private address (a private, loopback or link-local network)';
}
