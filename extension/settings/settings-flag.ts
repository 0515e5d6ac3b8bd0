/**
 * The flag of settings-signal.ts, kept apart so that the flag script carries nothing else: a
 * property of the content scripts' own global object (their isolated world), never the page's.
 */
const FLAG = 'sdcStoredSettingsDiffer';

/** What the flag script runs, before the page is parsed. */
export function raiseSettingsFlag(): void {
  (globalThis as Record<string, unknown>)[FLAG] = true;
}

/** In a result page's content script: whether the stored settings differ from the defaults. */
export function settingsFlagRaised(): boolean {
  return (globalThis as Record<string, unknown>)[FLAG] === true;
}
