/**
 * The settings in force: the user's choices, kept in storage.local (public machines wipe profiles,
 * sync would not help), under what IT fixed by enterprise policy (managed-policy.ts; the background
 * keeps the last policy it read in storage.local, since storage.managed can answer late or empty),
 * with defaults for everything. Read through this module only.
 */
import browser from 'webextension-polyfill';
import { ENGINE_IDS, type EngineId } from '../engines/engine-record.ts';
import { isReportUrl, type ManagedPolicy, readManagedPolicy } from './managed-policy.ts';
import { DENSITIES, type Density } from './settings-values.ts';

export { DENSITIES, type Density };

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
  /**
   * Where "report a missing or wrong source" leads: an https page or a mailto: address, opened for the
   * user; '' (the default) for the curation server's report page beside the list channel (popup/report-link.ts).
   */
  reportUrl: string;
}

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  engines: { google: true, bing: true, qwant: true, duckduckgo: true, ecosia: true },
  promoteFirstTrusted: false,
  hideUntrusted: false,
  density: 'standard',
  reportUrl: '',
};

export const SETTINGS_KEY = 'settings';
/** The last managed policy the background read (managed-storage.ts), as read from storage.managed. */
export const MANAGED_POLICY_KEY = 'managedPolicy';

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
/** Whether two settings mark a result page the same way (the report address is not on the page). */
export function marksAlike(a: Settings, b: Settings): boolean {
  return (
    a.paused === b.paused &&
    a.promoteFirstTrusted === b.promoteFirstTrusted &&
    a.hideUntrusted === b.hideUntrusted &&
    a.density === b.density &&
    ENGINE_IDS.every((id) => a.engines[id] === b.engines[id])
  );
}

export function marksLikeDefaults(settings: Settings): boolean {
  return marksAlike(settings, DEFAULT_SETTINGS);
}

/** The settings a policy fixes, by name. */
export type LockedSettings = Partial<Record<'engines' | 'promoteFirstTrusted' | 'hideUntrusted' | 'density' | 'reportUrl' | 'paused', true>>;

export function lockedBy(policy: ManagedPolicy): LockedSettings {
  const locked: LockedSettings = {};
  for (const name of ['engines', 'promoteFirstTrusted', 'hideUntrusted', 'density', 'reportUrl'] as const) if (policy[name] !== undefined) locked[name] = true;
  if (policy.showPauseSwitch === false) locked.paused = true;
  return locked;
}

/** The user's stored choices under the policy: every value the policy gives wins; without a pause switch, never paused. */
export function effectiveSettings(stored: unknown, policy: ManagedPolicy): Settings {
  const user = settingsFrom(stored);
  return settingsFrom({
    ...user,
    engines: { ...user.engines, ...policy.engines },
    ...(policy.promoteFirstTrusted === undefined ? {} : { promoteFirstTrusted: policy.promoteFirstTrusted }),
    ...(policy.hideUntrusted === undefined ? {} : { hideUntrusted: policy.hideUntrusted }),
    ...(policy.density === undefined ? {} : { density: policy.density }),
    ...(policy.reportUrl === undefined ? {} : { reportUrl: policy.reportUrl }),
    ...(policy.showPauseSwitch === false ? { paused: false } : {}),
  });
}

/** The settings in force from what storage.local holds (the user's choices and the kept policy). */
export function settingsFromStorage(stored: Record<string, unknown>): Settings {
  return effectiveSettings(stored[SETTINGS_KEY], readManagedPolicy(stored[MANAGED_POLICY_KEY]).policy);
}

export async function readSettings(): Promise<Settings> {
  return settingsFromStorage(await browser.storage.local.get([SETTINGS_KEY, MANAGED_POLICY_KEY]));
}

/** The kept policy, and what it locks. */
export async function readPolicy(): Promise<{ policy: ManagedPolicy; locked: LockedSettings }> {
  const { policy } = readManagedPolicy((await browser.storage.local.get(MANAGED_POLICY_KEY))[MANAGED_POLICY_KEY]);
  return { policy, locked: lockedBy(policy) };
}

/** Saves a change of the user's (what the policy fixes stays fixed) and gives the settings now in force. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, MANAGED_POLICY_KEY]);
  const next = settingsFrom({ ...settingsFrom(stored[SETTINGS_KEY]), ...change });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return settingsFromStorage({ ...stored, [SETTINGS_KEY]: next });
}

/**
 * Calls `listener` with the settings in force whenever they change (in any page of the extension):
 * the user's choices or the kept policy. Read again at each change, in order, so that a change of
 * one never comes with a stale copy of the other.
 */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  let queue = Promise.resolve();
  const handle = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes || MANAGED_POLICY_KEY in changes)) return;
    queue = queue.then(readSettings).then(listener, () => {});
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
