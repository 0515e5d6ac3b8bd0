/**
 * The DNS facts of a hostname, recorded as they were answered: addresses (A, AAAA), the CNAME
 * chain and whether its last target still exists, and the nameservers of the registrable domain.
 */
import { getDomain } from 'tldts';
import { type DnsResolver, dnsErrorCode } from './dns-resolver.ts';

export interface DnsEvidence {
  a: string[];
  aaaa: string[];
  /** Error code of each failed query (`ENOTFOUND`, `ENODATA`, `ETIMEOUT`…). */
  errors: Partial<Record<'a' | 'aaaa' | 'cname' | 'ns', string>>;
  /** The names the hostname is an alias of, in order (empty when it is not an alias). */
  cnameChain: string[];
  /** When there is a chain: the error resolving its last name's addresses (ENOTFOUND: it no longer exists), or null. */
  cnameTargetError: string | null;
  /** The registrable domain whose nameservers were asked. */
  nsDomain: string | null;
  ns: string[];
}

const MAX_CNAME_HOPS = 8;

async function answer(query: Promise<string[]>): Promise<{ values: string[]; code: string | null }> {
  try {
    return { values: await query, code: null };
  } catch (error) {
    return { values: [], code: dnsErrorCode(error) };
  }
}

export function hasNoAddress(dns: DnsEvidence): boolean {
  return dns.a.length === 0 && dns.aaaa.length === 0;
}

export async function dnsEvidence(resolver: DnsResolver, host: string): Promise<DnsEvidence> {
  const nsDomain = getDomain(host, { allowPrivateDomains: false });
  const [a, aaaa, ns] = await Promise.all([answer(resolver.resolve4(host)), answer(resolver.resolve6(host)), nsDomain === null ? Promise.resolve({ values: [], code: null }) : answer(resolver.resolveNs(nsDomain))]);
  const errors: DnsEvidence['errors'] = {};
  if (a.code !== null) errors.a = a.code;
  if (aaaa.code !== null) errors.aaaa = aaaa.code;
  if (ns.code !== null) errors.ns = ns.code;

  const cnameChain: string[] = [];
  let name = host;
  for (let hop = 0; hop < MAX_CNAME_HOPS; hop++) {
    const cname = await answer(resolver.resolveCname(name));
    if (cname.code !== null && cname.code !== 'ENODATA' && hop === 0 && cname.code !== 'ENOTFOUND') errors.cname = cname.code;
    const next = cname.values[0]?.toLowerCase().replace(/\.$/, '');
    if (next === undefined || cnameChain.includes(next)) break;
    cnameChain.push(next);
    name = next;
  }
  let cnameTargetError: string | null = null;
  if (cnameChain.length > 0) {
    const target = cnameChain[cnameChain.length - 1];
    const [t4, t6] = await Promise.all([answer(resolver.resolve4(target)), answer(resolver.resolve6(target))]);
    if (t4.values.length === 0 && t6.values.length === 0) cnameTargetError = t4.code === 'ENOTFOUND' || t6.code === 'ENOTFOUND' ? 'ENOTFOUND' : (t4.code ?? t6.code ?? 'ENODATA');
  }
  return { a: a.values, aaaa: aaaa.values, errors, cnameChain, cnameTargetError, nsDomain, ns: ns.values.map((server) => server.toLowerCase().replace(/\.$/, '')).sort() };
}
