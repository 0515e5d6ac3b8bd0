/**
 * Background: reads the enterprise policy from storage.managed and keeps the last one read in
 * storage.local (settings.ts layers it over the user's choices everywhere, result pages included).
 * Facts designed around: Chrome may answer `{}` right after install or startup and not fire
 * onChanged when the policy arrives, so an empty answer does not replace a policy already kept
 * until it is confirmed by the later readings; Firefox throws when no policy exists (no policy:
 * `{}`) and keeps its values until it restarts.
 */
import browser from 'webextension-polyfill';
import { type ManagedPolicy, readManagedPolicy } from './managed-policy.ts';
import { MANAGED_POLICY_KEY, readPolicy } from './settings.ts';

/** Readings after the first, in ms from the background's start (within the 30 s a service worker lives idle): a late policy is found, an empty answer confirmed. */
const LATER_READINGS_MS = [3_000, 20_000];

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox without a policy ("Managed storage manifest not found"), or no managed storage at all.
    return {};
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/** One reading: keeps a non-empty policy at once; an empty one only when `confirmEmpty` (the last reading). */
async function readAndKeep(confirmEmpty: boolean): Promise<void> {
  const raw = await readManaged();
  const { policy, dropped } = readManagedPolicy(raw);
  if (dropped.length > 0) console.warn(`Sources de confiance: policy values ignored — ${dropped.join('; ')}`);
  const kept = (await browser.storage.local.get(MANAGED_POLICY_KEY))[MANAGED_POLICY_KEY];
  const isEmpty = Object.keys(policy).length === 0;
  if (isEmpty && !confirmEmpty) return;
  // What is kept is the raw policy as read (parsed again where it is used), so that its reading stays in one place.
  if (!sameJson(kept, isEmpty ? undefined : raw)) {
    if (isEmpty) await browser.storage.local.remove(MANAGED_POLICY_KEY);
    else await browser.storage.local.set({ [MANAGED_POLICY_KEY]: raw });
  }
}

/** The policy kept now (what settings.ts layers), for the background's own use (list channel, interval). */
export async function keptPolicy(): Promise<ManagedPolicy> {
  return (await readPolicy()).policy;
}

/** Reads the policy now, a few times more after start, and whenever the browser says it changed. */
export function followManagedPolicy(): Promise<void> {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void readAndKeep(true);
  });
  LATER_READINGS_MS.forEach((delay, index) => setTimeout(() => void readAndKeep(index === LATER_READINGS_MS.length - 1), delay));
  return readAndKeep(false);
}
