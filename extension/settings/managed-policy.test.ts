import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { generateSigningKey } from '../../corpus/list/signing-keys.ts';
import { readManagedPolicy } from './managed-policy.ts';
import { DEFAULT_SETTINGS, effectiveSettings, lockedBy, MANAGED_POLICY_KEY, readSettings, updateSettings } from './settings.ts';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));


describe('the enterprise policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads every setting of the managed schema, and drops a value of the wrong shape with a reason, keeping the others', () => {
    const { policy, dropped } = readManagedPolicy({
      listChannels: ['https://miroir.exemple.fr/v1/'],
      updateIntervalMinutes: 5,
      engines: { bing: false, altavista: true },
      density: 'compact',
      reportUrl: 'javascript:alert(1)',
      showPauseSwitch: false,
      pauseMinutes: 30,
      colour: 'blue',
    });
    expect(policy).toEqual({ listChannels: ['https://miroir.exemple.fr/v1/'], density: 'compact', showPauseSwitch: false, pauseMinutes: 30 });
    expect(dropped).toEqual([
      'updateIntervalMinutes: whole minutes, from 15 to 10080',
      'engines: an object of google, bing, qwant, duckduckgo, ecosia → true or false',
      'reportUrl: an https: or mailto: address',
      'colour: unknown setting',
    ]);
  });

  it('refuses channel addresses that are not a directory, and keys that are not key records', () => {
    expect(readManagedPolicy({ listChannels: ['https://miroir.exemple.fr/v1'] }).policy).toEqual({});
    expect(readManagedPolicy({ listChannels: ['ftp://miroir.exemple.fr/v1/'] }).policy).toEqual({});
    expect(readManagedPolicy({ listChannels: ['https://user:pw@miroir.exemple.fr/v1/'] }).policy).toEqual({});
    expect(readManagedPolicy({ pinnedKeys: [{ keyId: 'x' }] }).dropped).toEqual(['pinnedKeys: from 1 to 8 public key records (npm run keys)']);
    expect(readManagedPolicy(undefined)).toEqual({ policy: {}, dropped: [] });
    expect(readManagedPolicy('on')).toEqual({ policy: {}, dropped: ['policy: not an object'] });
    expect(readManagedPolicy({ atlaasServer: 'javascript:alert(1)/' }).dropped).toEqual(['atlaasServer: an http(s) address ending with "/"']);
  });

  it('names in the Chrome schema exactly the settings it reads', async () => {
    const { publicKey } = await generateSigningKey();
    const schema = JSON.parse(readFileSync(new URL('../public/managed_schema.json', import.meta.url), 'utf8')) as { properties: Record<string, unknown> };
    const everything = readManagedPolicy({
      listChannels: ['https://a.fr/v1/'],
      pinnedKeys: [publicKey],
      updateIntervalMinutes: 60,
      engines: { google: true },
      promoteFirstTrusted: true,
      hideUntrusted: true,
      density: 'detailed',
      reportUrl: 'https://a.fr/signaler',
      showPauseSwitch: true,
      pauseMinutes: 0,
      atlaasServer: 'https://a.fr/',
    });
    expect(everything.dropped).toEqual([]);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(everything.policy).sort());
  });

  it('overrides the user’s choices with what it fixes, and says what is locked; no pause switch means never paused', () => {
    const policy = { engines: { bing: false }, density: 'compact' as const, showPauseSwitch: false };
    const settings = effectiveSettings({ paused: true, density: 'detailed', hideUntrusted: true, engines: { bing: true, qwant: false } }, policy);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, paused: false, density: 'compact', hideUntrusted: true, engines: { google: true, bing: false, qwant: false, duckduckgo: true, ecosia: true } });
    expect(lockedBy(policy)).toEqual({ engines: true, density: true, paused: true });
  });

  it('keeps what the policy fixes when the user changes the rest', async () => {
    await fakeBrowser.storage.local.set({ [MANAGED_POLICY_KEY]: { density: 'compact' } });
    expect((await readSettings()).density).toBe('compact');
    expect(await updateSettings({ density: 'detailed', hideUntrusted: true })).toMatchObject({ density: 'compact', hideUntrusted: true });
    await fakeBrowser.storage.local.remove(MANAGED_POLICY_KEY);
    // The user's own choice comes back once the policy is gone.
    expect((await readSettings()).density).toBe('detailed');
  });
});
