import { describe, expect, it } from 'vitest';
import { HostTable } from './host-table.ts';

function suffixMembers(table: HostTable, host: string): string[] {
  const members = new Int32Array(128);
  const starts = new Int32Array(128);
  const count = table.findSuffixMembers(host, 0, host.length, members, starts);
  return Array.from(members.subarray(0, count), (member, k) => {
    expect(host.slice(starts[k])).toBe(table.hosts[member]);
    return table.hosts[member];
  });
}

describe('HostTable', () => {
  it('numbers each hostname once', () => {
    const table = new HostTable();
    expect(table.add('ain.fr')).toBe(0);
    expect(table.add('mdph.ain.fr')).toBe(1);
    expect(table.add('ain.fr')).toBe(0);
    expect(table.find('mdph.ain.fr')).toBe(1);
    expect(table.find('fr')).toBe(-1);
    expect(table.size).toBe(2);
  });

  it('finds the member suffixes of a hostname at label boundaries, shortest first', () => {
    const table = new HostTable();
    for (const host of ['fr', 'ain.fr', 'mdph.ain.fr', 'x.mdph.ain.fr', 'plain.fr', 'in.fr']) table.add(host);
    expect(suffixMembers(table, 'www.x.mdph.ain.fr')).toEqual(['fr', 'ain.fr', 'mdph.ain.fr', 'x.mdph.ain.fr']);
    expect(suffixMembers(table, 'plain.fr')).toEqual(['fr', 'plain.fr']);
    expect(suffixMembers(table, 'domain.fr')).toEqual(['fr']);
    expect(suffixMembers(table, 'example.com')).toEqual([]);
    expect(suffixMembers(table, '')).toEqual([]);
  });

  it('reads a hostname in place inside a URL, and gives up on characters no member has', () => {
    const table = new HostTable();
    table.add('ain.fr');
    const members = new Int32Array(128);
    const starts = new Int32Array(128);
    const url = 'https://www.ain.fr/aides?x=1';
    expect(table.findSuffixMembers(url, 8, 18, members, starts)).toBe(1);
    expect(url.slice(starts[0], 18)).toBe('ain.fr');
    for (const host of ['WWW.AIN.FR', 'ain.fr:443', 'user@ain.fr', 'mairie-égletons.fr', 'a_b.ain.fr']) {
      expect(table.findSuffixMembers(host, 0, host.length, members, starts), host).toBe(-1);
    }
  });

  it('keeps every member when it grows far beyond its expected size', () => {
    const table = new HostTable(4);
    const hosts = Array.from({ length: 20_000 }, (_, i) => `commune-${i}.example.fr`);
    hosts.forEach((host, i) => expect(table.add(host)).toBe(i));
    expect(hosts.every((host, i) => table.find(host) === i)).toBe(true);
    expect(table.find('commune-20000.example.fr')).toBe(-1);
    expect(suffixMembers(table, 'www.commune-123.example.fr')).toEqual(['commune-123.example.fr']);
  });
});
