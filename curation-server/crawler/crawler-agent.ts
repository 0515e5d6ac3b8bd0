/**
 * The one undici Agent every crawler request goes through: connections resolved by the guarded
 * lookup (SSRF guard on every hop), one connection per origin, short keep-alive (a pass touches
 * tens of thousands of hosts once each), a connect timeout, TLS verified.
 */
import { createSecureContext } from 'node:tls';
import { Agent } from 'undici';
import type { AddressPolicy } from './address-policy.ts';
import type { DnsResolver } from './dns-resolver.ts';
import { guardedLookup } from './guarded-lookup.ts';

export interface AgentOptions {
  resolver: DnsResolver;
  addressPolicy: AddressPolicy;
  connectTimeoutMs: number;
  /** Test-only: certificates to trust instead of the system's (self-signed test servers). */
  trustedCertificates?: string[];
}

export function crawlerAgent(options: AgentOptions): Agent {
  return new Agent({
    connections: 1,
    pipelining: 1,
    keepAliveTimeout: 2_000,
    keepAliveMaxTimeout: 5_000,
    maxResponseSize: -1,
    connect: {
      timeout: options.connectTimeoutMs,
      lookup: guardedLookup(options.resolver, options.addressPolicy),
      rejectUnauthorized: true,
      // One context for every connection: a `ca` option alone would build a new one per connection.
      ...(options.trustedCertificates === undefined ? {} : { secureContext: createSecureContext({ ca: options.trustedCertificates }) }),
    },
  });
}
