import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PAUSE_MINUTES, followPauseTimer, PAUSE_ALARM } from './pause-timer.ts';
import { MANAGED_POLICY_KEY, readSettings, updateSettings } from './settings.ts';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

/** Lets the storage listeners and the alarm calls they start run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the pause on a public computer', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    followPauseTimer();
  });

  it('ends after an hour by default: an alarm is set when marking is paused, and it resumes marking', async () => {
    const before = Date.now();
    await updateSettings({ paused: true });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(PAUSE_ALARM)).toBeDefined());
    const alarm = await fakeBrowser.alarms.get(PAUSE_ALARM);
    expect(alarm!.scheduledTime - before).toBeGreaterThanOrEqual(DEFAULT_PAUSE_MINUTES * 60_000 - 1000);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await vi.waitFor(async () => expect((await readSettings()).paused).toBe(false));
    await settle();
    expect(await fakeBrowser.alarms.get(PAUSE_ALARM)).toBeUndefined();
  });

  it('ends when the browser starts again, whatever the policy', async () => {
    await fakeBrowser.storage.local.set({ [MANAGED_POLICY_KEY]: { pauseMinutes: 0 } });
    await updateSettings({ paused: true });
    expect((await readSettings()).paused).toBe(true);
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await readSettings()).paused).toBe(false));
  });

  it('lasts as long as the policy says', async () => {
    await fakeBrowser.storage.local.set({ [MANAGED_POLICY_KEY]: { pauseMinutes: 15 } });
    const before = Date.now();
    await updateSettings({ paused: true });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(PAUSE_ALARM)).toBeDefined());
    const alarm = await fakeBrowser.alarms.get(PAUSE_ALARM);
    expect(alarm!.scheduledTime - before).toBeLessThan(16 * 60_000);
    expect(alarm!.scheduledTime - before).toBeGreaterThan(14 * 60_000);
  });
});
