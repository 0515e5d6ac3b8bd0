/**
 * On a public computer, a pause must not outlive its user: it ends when the browser restarts,
 * and after a while (an hour unless the policy says otherwise; 0: only at restart).
 */
import browser from 'webextension-polyfill';
import { keptPolicy } from './managed-storage.ts';
import { onSettingsChanged, readSettings, updateSettings } from './settings.ts';

export const PAUSE_ALARM = 'sdc-pause-end';
export const DEFAULT_PAUSE_MINUTES = 60;

async function endPause(): Promise<void> {
  if ((await readSettings()).paused) await updateSettings({ paused: false });
}

export function followPauseTimer(): void {
  browser.runtime.onStartup.addListener(() => void endPause());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PAUSE_ALARM) void endPause();
  });
  let paused: boolean | null = null;
  onSettingsChanged((settings) => {
    if (settings.paused === paused) return;
    paused = settings.paused;
    void (async () => {
      if (!settings.paused) return browser.alarms.clear(PAUSE_ALARM);
      const minutes = (await keptPolicy()).pauseMinutes ?? DEFAULT_PAUSE_MINUTES;
      if (minutes > 0) await browser.alarms.create(PAUSE_ALARM, { delayInMinutes: minutes });
    })();
  });
}
