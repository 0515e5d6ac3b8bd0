import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, marksLikeDefaults, onSettingsChanged, readSettings, settingsFrom, updateSettings } from './settings.ts';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the defaults on a fresh profile: marking on for every engine, no promotion, nothing hidden', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.engines).toEqual({ google: true, bing: true, qwant: true, duckduckgo: true, ecosia: true });
  });

  it('keeps a change and tells listeners', async () => {
    const seen: boolean[] = [];
    const stop = onSettingsChanged((settings) => seen.push(settings.paused));
    await updateSettings({ paused: true, engines: { ...DEFAULT_SETTINGS.engines, bing: false } });
    const settings = await readSettings();
    expect(settings.paused).toBe(true);
    expect(settings.engines.bing).toBe(false);
    expect(settings.engines.google).toBe(true);
    expect(seen).toEqual([true]);
    stop();
  });

  it('falls back to the default for each malformed stored field, keeping the valid ones', () => {
    const settings = settingsFrom({
      paused: 'yes',
      engines: { google: false, qwant: 1 },
      density: 'huge',
      hideUntrusted: true,
      reportUrl: 'javascript:alert(1)',
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, engines: { google: false, bing: true, qwant: true, duckduckgo: true, ecosia: true }, hideUntrusted: true });
    expect(settingsFrom(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('accepts an https page or a mailto: address as the report link', () => {
    expect(settingsFrom({ reportUrl: 'https://example.org/signaler' }).reportUrl).toBe('https://example.org/signaler');
    expect(settingsFrom({ reportUrl: 'http://example.org/signaler' }).reportUrl).toBe(DEFAULT_SETTINGS.reportUrl);
  });

  it('tells whether marking with the settings is marking with the defaults (the report address plays no part)', () => {
    expect(marksLikeDefaults(DEFAULT_SETTINGS)).toBe(true);
    expect(marksLikeDefaults({ ...DEFAULT_SETTINGS, reportUrl: 'https://exemple.fr/signaler' })).toBe(true);
    expect(marksLikeDefaults({ ...DEFAULT_SETTINGS, paused: true })).toBe(false);
    expect(marksLikeDefaults({ ...DEFAULT_SETTINGS, engines: { ...DEFAULT_SETTINGS.engines, qwant: false } })).toBe(false);
    expect(marksLikeDefaults({ ...DEFAULT_SETTINGS, promoteFirstTrusted: true })).toBe(false);
    expect(marksLikeDefaults({ ...DEFAULT_SETTINGS, hideUntrusted: true })).toBe(false);
    expect(marksLikeDefaults({ ...DEFAULT_SETTINGS, density: 'compact' })).toBe(false);
  });
});
