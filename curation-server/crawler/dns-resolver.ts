/**
 * The DNS questions the crawler asks, behind an interface so that tests answer them from a table
 * (testing/test-resolver.ts). Errors carry node's codes: `ENOTFOUND` (NXDOMAIN), `ENODATA` (the
 * name exists, not that record), `ETIMEOUT`, `ESERVFAIL`…
 */
import { Resolver } from 'node:dns/promises';

export interface DnsResolver {
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  resolveCname(name: string): Promise<string[]>;
  resolveNs(name: string): Promise<string[]>;
}

/** The system's DNS servers (/etc/resolv.conf), with a timeout per query. */
export function systemResolver(timeoutMs: number): DnsResolver {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  return {
    resolve4: (name) => resolver.resolve4(name),
    resolve6: (name) => resolver.resolve6(name),
    resolveCname: (name) => resolver.resolveCname(name),
    resolveNs: (name) => resolver.resolveNs(name),
  };
}

export function dnsErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EDNS';
}
