/**
 * Engine definitions published with the list (engine-definitions-schema.ts), as the background
 * keeps them once verified: the result pages read them, while the flag says the stored state
 * differs (settings-signal.ts), instead of the bundled ones.
 */
import browser from 'webextension-polyfill';
import type { EngineRecord } from './engine-record.ts';

/** Storage key of the definitions in use when they are not the bundled ones. */
export const ENGINE_DEFINITIONS_KEY = 'engineDefinitions';

export interface StoredEngineDefinitions {
  /** SHA-256 of the published file, as the signed manifest names it. */
  sha256: string;
  engines: readonly EngineRecord[];
}

/** The stored definitions' records, or null when there are none (or not of the shape the background writes). */
export function storedEngines(value: unknown): readonly EngineRecord[] | null {
  const candidate = (value ?? {}) as Partial<StoredEngineDefinitions>;
  return typeof candidate.sha256 === 'string' && Array.isArray(candidate.engines) && candidate.engines.length > 0 ? candidate.engines : null;
}

/** Calls `listener` with the records of each new stored definitions (null: back to the bundled ones). */
export function onStoredEnginesChanged(listener: (engines: readonly EngineRecord[] | null) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ENGINE_DEFINITIONS_KEY in changes) listener(storedEngines(changes[ENGINE_DEFINITIONS_KEY].newValue));
  });
}
