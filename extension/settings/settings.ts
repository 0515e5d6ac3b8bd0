/**
 * The user's choices, kept in storage.local (public machines wipe profiles, sync would not help),
 * read through this module only, with defaults for everything: a managed enterprise policy
 * (storage.managed) can later be layered over them here without touching callers.
 */
import browser from 'webextension-polyfill';
import { ENGINE_IDS, type EngineId } from '../engines/engine-record.ts';

export const DENSITIES = ['compact', 'standard', 'detailed'] as const;
export type Density = (typeof DENSITIES)[number];

export interface Settings {
  /** Marking paused everywhere (popup switch). */
  paused: boolean;
  engines: Record<EngineId, boolean>;
  /** Move the first trusted result to the top of the results. */
  promoteFirstTrusted: boolean;
  /** Hide the organic results that are not trusted sources (schools). */
  hideUntrusted: boolean;
  /** How much the badge shows: glyph and short text, the usual label, or the label with category and organisation. */
  density: Density;
  /** Where "report a missing or wrong source" leads: an https page or a mailto: address, opened for the user. */
  reportUrl: string;
}

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  engines: { google: true, bing: true, qwant: true },
  promoteFirstTrusted: false,
  hideUntrusted: false,
  density: 'standard',
  reportUrl: 'mailto:signalement@sources-de-confiance.fr',
};

export const SETTINGS_KEY = 'settings';

function isReportUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** Stored values over the defaults, field by field: anything malformed in storage falls back to its default. */
export function settingsFrom(stored: unknown): Settings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const storedEngines = (typeof value.engines === 'object' && value.engines !== null ? value.engines : {}) as Record<string, unknown>;
  const flag = (field: unknown, fallback: boolean) => (typeof field === 'boolean' ? field : fallback);
  const engines = { ...DEFAULT_SETTINGS.engines };
  for (const id of ENGINE_IDS) engines[id] = flag(storedEngines[id], engines[id]);
  return {
    paused: flag(value.paused, DEFAULT_SETTINGS.paused),
    engines,
    promoteFirstTrusted: flag(value.promoteFirstTrusted, DEFAULT_SETTINGS.promoteFirstTrusted),
    hideUntrusted: flag(value.hideUntrusted, DEFAULT_SETTINGS.hideUntrusted),
    density: (DENSITIES as readonly unknown[]).includes(value.density) ? (value.density as Density) : DEFAULT_SETTINGS.density,
    reportUrl: isReportUrl(value.reportUrl) ? value.reportUrl : DEFAULT_SETTINGS.reportUrl,
  };
}

/** Whether marking a page with these settings is marking it with the defaults (the report address plays no part there). */
export function marksLikeDefaults(settings: Settings): boolean {
  return (
    settings.paused === DEFAULT_SETTINGS.paused &&
    settings.promoteFirstTrusted === DEFAULT_SETTINGS.promoteFirstTrusted &&
    settings.hideUntrusted === DEFAULT_SETTINGS.hideUntrusted &&
    settings.density === DEFAULT_SETTINGS.density &&
    ENGINE_IDS.every((id) => settings.engines[id] === DEFAULT_SETTINGS.engines[id])
  );
}

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return settingsFrom(stored[SETTINGS_KEY]);
}

/** Saves a change and gives the settings now in force. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = settingsFrom({ ...(await readSettings()), ...change });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `listener` with the settings in force whenever they change (in any page of the extension). */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handle = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(settingsFrom(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
