/**
 * The flag of settings-signal.ts, kept apart so that the flag script carries nothing else: a
 * property of the content scripts' own global object (their isolated world), never the page's.
 */
const FLAG = 'sdcStoredStateDiffers';

/** What the flag script runs, before the page is parsed. */
export function raiseStoredStateFlag(): void {
  (globalThis as Record<string, unknown>)[FLAG] = true;
}

/** In a result page's content script: whether the stored settings or list differ from what is compiled in. */
export function storedStateFlagRaised(): boolean {
  return (globalThis as Record<string, unknown>)[FLAG] === true;
}
