import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServerConfig } from './config.ts';

const problems = (env: Record<string, string>) => {
  const read = readServerConfig(env);
  return read.ok ? [] : read.problems;
};

describe('server configuration', () => {
  it('listens on loopback, port 8787, with its files under data/, by default', () => {
    expect(readServerConfig({})).toEqual({
      ok: true,
      config: {
        host: '127.0.0.1',
        port: 8787,
        databasePath: resolve('data/curation.sqlite'),
        keysDirectory: resolve('data/keys'),
        listsDirectory: resolve('data/lists/v1'),
        publicUrl: null,
        trustProxy: false,
        minCheckMinutes: null,
        atlaasAtStart: true,
        crawlSchedule: false,
      },
    });
  });

  it('takes a variable set empty (SDC_HOST= in a unit file) for unset, never for every interface', () => {
    const read = readServerConfig({ SDC_HOST: '', SDC_PORT: '', SDC_DB: ' ', SDC_PUBLIC_URL: '', SDC_TRUST_PROXY: '' });
    expect(read.ok && read.config).toMatchObject({ host: '127.0.0.1', port: 8787, databasePath: resolve('data/curation.sqlite'), publicUrl: null, trustProxy: false });
  });

  it('reads every variable it is given', () => {
    const read = readServerConfig({ SDC_HOST: '0.0.0.0', SDC_PORT: '0', SDC_DB: '/srv/sdc/db.sqlite', SDC_KEYS_DIR: '/srv/sdc/keys', SDC_LISTS_DIR: '/srv/sdc/lists', SDC_PUBLIC_URL: 'https://curation.example.org', SDC_TRUST_PROXY: '1', SDC_MIN_CHECK_MINUTES: '720', SDC_ATLAAS_AT_START: '0', SDC_CRAWL_SCHEDULE: '1' });
    expect(read).toEqual({
      ok: true,
      config: { host: '0.0.0.0', port: 0, databasePath: '/srv/sdc/db.sqlite', keysDirectory: '/srv/sdc/keys', listsDirectory: '/srv/sdc/lists', publicUrl: 'https://curation.example.org/', trustProxy: true, minCheckMinutes: 720, atlaasAtStart: false, crawlSchedule: true },
    });
  });

  it('refuses a port that is not a whole number from 0 to 65535, naming the variable and the value', () => {
    for (const port of ['abc', '70000', '-1', '80.5', '0x50', '1e3']) {
      expect(problems({ SDC_PORT: port }), port).toEqual([`SDC_PORT : un numéro de port, de 0 à 65535 (reçu « ${port} »)`]);
    }
  });

  it('refuses a public address that is not the http(s) root of a site', () => {
    for (const url of ['curation.example.org', 'ftp://curation.example.org/', 'javascript:alert(1)', 'https://', 'https://curation.example.org/console/', 'https://curation.example.org/?x=1', 'https://user:pw@curation.example.org/']) {
      expect(problems({ SDC_PUBLIC_URL: url }), url).toEqual([`SDC_PUBLIC_URL : l’adresse de la console, à la racine d’un site, comme https://curation.example.org/ (reçu « ${url} »)`]);
    }
    expect(readServerConfig({ SDC_PUBLIC_URL: 'http://127.0.0.1:8787/' })).toMatchObject({ ok: true, config: { publicUrl: 'http://127.0.0.1:8787/' } });
  });

  it('trusts a proxy only when told 1 or true, and refuses any other value', () => {
    const trust = (value: string) => {
      const read = readServerConfig({ SDC_TRUST_PROXY: value });
      return read.ok ? read.config.trustProxy : read.problems;
    };
    expect([trust('1'), trust('true'), trust('0'), trust('false')]).toEqual([true, true, false, false]);
    expect(trust('yes')).toEqual(['SDC_TRUST_PROXY : 1 (derrière un proxy inverse) ou 0 (reçu « yes »)']);
  });

  it('refuses a minimum check interval that is not whole minutes up to a week', () => {
    for (const minutes of ['-5', '1.5', 'une heure', '20000']) {
      expect(problems({ SDC_MIN_CHECK_MINUTES: minutes }), minutes).toEqual([`SDC_MIN_CHECK_MINUTES : un nombre entier de minutes, de 0 à 10080 (reçu « ${minutes} »)`]);
    }
  });

  it('lists every problem at once', () => {
    expect(problems({ SDC_PORT: 'x', SDC_TRUST_PROXY: '2' })).toHaveLength(2);
  });
});
