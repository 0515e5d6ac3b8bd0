import { describe, expect, it } from 'vitest';
import { addressVerdict, literalAddress, PRODUCTION_ADDRESS_POLICY } from './address-policy.ts';
import { guardedAddresses, guardedLookup, NON_PUBLIC_ADDRESS } from './guarded-lookup.ts';
import { testResolver, zoneOf } from './testing/test-resolver.ts';

describe('addressVerdict', () => {
  it('allows public unicast addresses only', () => {
    for (const address of ['93.184.216.34', '2a01:cb00::1', '8.8.8.8']) expect(addressVerdict(address, PRODUCTION_ADDRESS_POLICY)).toEqual({ ok: true });
    const refused = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '240.0.0.1', '192.0.2.1', '::1', 'fe80::1', 'fc00::1', 'ff02::1', '::', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '64:ff9b::a00:1', '2001:db8::1', '2002:a00:1::1', '::7f00:1', '4000::1'];
    for (const address of refused) expect(addressVerdict(address, PRODUCTION_ADDRESS_POLICY).ok, address).toBe(false);
  });

  it('allows loopback only when the test setting says so', () => {
    expect(addressVerdict('127.0.0.3', { allowLoopback: true })).toEqual({ ok: true });
    expect(addressVerdict('10.0.0.1', { allowLoopback: true }).ok).toBe(false);
  });

  it('recognises literal addresses in hostnames', () => {
    expect(literalAddress('169.254.169.254')).toBe('169.254.169.254');
    expect(literalAddress('[::1]')).toBe('::1');
    expect(literalAddress('mairie.fr')).toBeNull();
  });
});

describe('guardedLookup', () => {
  const resolver = testResolver(zoneOf({ 'public.fr': { a: ['93.184.216.34'], aaaa: ['2a01:cb00::1'] }, 'mixte.fr': { a: ['93.184.216.34', '10.0.0.5'] }, 'v6-prive.fr': { a: ['93.184.216.34'], aaaa: ['fd00::1'] } }));

  it('answers every address when Node asks for all of them, and one otherwise', async () => {
    const lookup = guardedLookup(resolver, PRODUCTION_ADDRESS_POLICY);
    const all = await new Promise((resolve, reject) => lookup('public.fr', { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
    expect(all).toEqual([{ address: '93.184.216.34', family: 4 }, { address: '2a01:cb00::1', family: 6 }]);
    const one = await new Promise((resolve, reject) => lookup('public.fr', { family: 4 }, (error, address, family) => (error ? reject(error) : resolve([address, family]))));
    expect(one).toEqual(['93.184.216.34', 4]);
  });

  it('refuses a name when any of its addresses is not public', async () => {
    await expect(guardedAddresses(resolver, 'mixte.fr', PRODUCTION_ADDRESS_POLICY, 0)).rejects.toMatchObject({ code: NON_PUBLIC_ADDRESS, address: '10.0.0.5' });
    await expect(guardedAddresses(resolver, 'v6-prive.fr', PRODUCTION_ADDRESS_POLICY, 0)).rejects.toMatchObject({ code: NON_PUBLIC_ADDRESS, address: 'fd00::1' });
    await expect(guardedAddresses(resolver, 'absent.fr', PRODUCTION_ADDRESS_POLICY, 0)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
