/**
 * The `lookup` every crawler connection goes through (undici `Agent({ connect: { lookup } })`):
 * names are resolved with the crawler's resolver and every address is checked against the address
 * policy at connection time, on every hop — an answer that changes between the DNS evidence and
 * the connection (rebinding) is caught here. Node calls it with `all: true` (happy eyeballs) and
 * then tries each address returned, so one non-public address refuses the whole name.
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { type AddressPolicy, addressVerdict } from './address-policy.ts';
import { type DnsResolver, dnsErrorCode } from './dns-resolver.ts';

export const NON_PUBLIC_ADDRESS = 'ERR_SDC_NON_PUBLIC_ADDRESS';

export class NonPublicAddressError extends Error {
  readonly code = NON_PUBLIC_ADDRESS;
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${hostname} resolves to ${address} (${range}): the crawler connects to public addresses only`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

async function settled(promise: Promise<string[]>): Promise<{ addresses: string[]; code: string | null }> {
  try {
    return { addresses: await promise, code: null };
  } catch (error) {
    return { addresses: [], code: dnsErrorCode(error) };
  }
}

export async function guardedAddresses(resolver: DnsResolver, hostname: string, policy: AddressPolicy, family: number): Promise<LookupAddress[]> {
  const [v4, v6] = await Promise.all([
    family === 6 ? { addresses: [], code: null } : settled(resolver.resolve4(hostname)),
    family === 4 ? { addresses: [], code: null } : settled(resolver.resolve6(hostname)),
  ]);
  const found: LookupAddress[] = [...v4.addresses.map((address) => ({ address, family: 4 })), ...v6.addresses.map((address) => ({ address, family: 6 }))];
  if (found.length === 0) {
    const code = v4.code ?? v6.code ?? 'ENOTFOUND';
    throw Object.assign(new Error(`${hostname}: no address (${code})`), { code: code === 'ENODATA' ? 'ENOTFOUND' : code, hostname });
  }
  for (const { address } of found) {
    const verdict = addressVerdict(address, policy);
    if (!verdict.ok) throw new NonPublicAddressError(hostname, address, verdict.range);
  }
  return found;
}

export function guardedLookup(resolver: DnsResolver, policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    guardedAddresses(resolver, hostname, policy, typeof options.family === 'number' ? options.family : 0).then(
      (found) => (options.all === true ? callback(null, found) : callback(null, found[0].address, found[0].family)),
      (error: NodeJS.ErrnoException) => callback(error, options.all === true ? [] : ''),
    );
  };
}
