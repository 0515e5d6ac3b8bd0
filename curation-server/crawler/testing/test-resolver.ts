/** Test-only: a DNS resolver that answers from a table (or a function), with node's error codes. */
import type { DnsResolver } from '../dns-resolver.ts';

export interface TestRecord {
  a?: string[];
  aaaa?: string[];
  cname?: string;
  ns?: string[];
}

export type TestZone = (name: string) => TestRecord | undefined;

export function zoneOf(records: Record<string, TestRecord>): TestZone {
  return (name) => records[name];
}

function dnsError(code: string, name: string): Error {
  return Object.assign(new Error(`${code} ${name}`), { code, hostname: name });
}

export function testResolver(zone: TestZone): DnsResolver & { queries: number } {
  const addresses = (name: string, key: 'a' | 'aaaa', depth = 0): string[] => {
    const record = zone(name);
    if (record === undefined) throw dnsError('ENOTFOUND', name);
    if (record.cname !== undefined && depth < 8) return addresses(record.cname, key, depth + 1);
    const found = record[key] ?? [];
    if (found.length === 0) throw dnsError('ENODATA', name);
    return found;
  };
  const resolver = {
    queries: 0,
    async resolve4(name: string) {
      resolver.queries++;
      return addresses(name, 'a');
    },
    async resolve6(name: string) {
      resolver.queries++;
      return addresses(name, 'aaaa');
    },
    async resolveCname(name: string) {
      resolver.queries++;
      const record = zone(name);
      if (record === undefined) throw dnsError('ENOTFOUND', name);
      if (record.cname === undefined) throw dnsError('ENODATA', name);
      return [record.cname];
    },
    async resolveNs(name: string) {
      resolver.queries++;
      const record = zone(name);
      if (record === undefined) throw dnsError('ENOTFOUND', name);
      if (record.ns === undefined) throw dnsError('ENODATA', name);
      return record.ns;
    },
  };
  return resolver;
}
