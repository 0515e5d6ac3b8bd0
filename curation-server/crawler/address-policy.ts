/**
 * Which addresses the crawler may connect to: public unicast only. A listed hostname can point
 * anywhere, including the curation server's own network (SSRF): private, loopback, link-local,
 * CGNAT, multicast, reserved, documentation and transition ranges are all refused. Ranges come
 * from ipaddr.js; IPv6 must also be global unicast (2000::/3).
 */
import ipaddr from 'ipaddr.js';

export interface AddressPolicy {
  /** Test-only: loopback addresses (127.0.0.0/8, ::1) allowed, for servers on this machine. */
  allowLoopback: boolean;
}

export const PRODUCTION_ADDRESS_POLICY: AddressPolicy = { allowLoopback: false };

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

export type AddressVerdict = { ok: true } | { ok: false; range: string };

export function addressVerdict(address: string, policy: AddressPolicy): AddressVerdict {
  if (!ipaddr.isValid(address)) return { ok: false, range: 'invalid' };
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) reaches the IPv4 address it carries.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'loopback' && policy.allowLoopback) return { ok: true };
  if (range !== 'unicast') return { ok: false, range };
  if (parsed.kind() === 'ipv6' && !(parsed as ipaddr.IPv6).match(GLOBAL_UNICAST_V6)) return { ok: false, range: 'reserved' };
  return { ok: true };
}

export function isAllowedAddress(address: string, policy: AddressPolicy): boolean {
  return addressVerdict(address, policy).ok;
}

/** A literal address in a URL's hostname (`[::1]` included), or null for a name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}
