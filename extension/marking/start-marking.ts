/**
 * The content script's work on a result page: once the document is parsed, mark its results at
 * once — in the same task, before the page is first drawn — with the list compiled into this
 * script and the default settings, unless the background signalled that the stored state differs
 * (settings-signal.ts): with the flag, with the stored settings and list once storage answers;
 * with the buckets of a newer list's changed hostnames, every link of an unchanged hostname at
 * once and the others once storage answers. Then follow the page, the stored settings and the
 * list in use from there.
 */
import { describeSource, text, type UiLanguage, uiLanguage } from '../i18n/ui-text.ts';
import { matchTargets } from '../matching/list-matching.ts';
import { BUNDLED_COMPACT } from '../list/bundled-compact.ts';
import { mayHaveChanged, signalledBuckets } from '../list/changed-host-buckets.ts';
import { targetHostname } from '../../corpus/url-target.ts';
import type { MatchedSource } from '../matching/messages.ts';
import { storedStateFlagRaised } from '../settings/settings-flag.ts';
import browser from 'webextension-polyfill';
import type { EngineRecord } from '../engines/engine-record.ts';
import { ENGINES } from '../engines/engines.ts';
import { ENGINE_DEFINITIONS_KEY, onStoredEnginesChanged, storedEngines } from '../engines/stored-definitions.ts';
import { LIST_IN_USE_KEY, type ListInUse, listInUseFrom, onListInUseChanged } from '../list/current-list.ts';
import { DEFAULT_SETTINGS, MANAGED_POLICY_KEY, marksLikeDefaults, onSettingsChanged, type Settings, SETTINGS_KEY, settingsFromStorage } from '../settings/settings.ts';
import type { BadgeText } from './badge.ts';
import { PageMarker } from './page-marker.ts';
import { badgeTextOf } from './badge-text.ts';

export function badgeText(source: MatchedSource, language: UiLanguage): BadgeText {
  return badgeTextOf(source, language, text);
}

function documentParsed(document: Document): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/** The settings in force (the user's under the policy), the stored list and engine definitions (null: the bundled ones), in one read. */
async function readStoredState(): Promise<{ settings: Settings; list: ListInUse | null; engines: readonly EngineRecord[] | null }> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, MANAGED_POLICY_KEY, LIST_IN_USE_KEY, ENGINE_DEFINITIONS_KEY]);
  return { settings: settingsFromStorage(stored), list: listInUseFrom(stored[LIST_IN_USE_KEY]), engines: storedEngines(stored[ENGINE_DEFINITIONS_KEY]) };
}

export async function startMarking(): Promise<void> {
  let marker: PageMarker | null = null;
  let latestSettings: Settings | null = null;
  let listChanged = false;
  /** The patch of the stored list over the compiled-in one (null: the compiled-in list). */
  let patch: string | null = null;
  /** Engine definitions published with the list (null: the bundled ones). */
  let engines: readonly EngineRecord[] | null = null;
  let enginesChanged = false;
  // Listening before reading: a change made while the page loads is never lost, and never
  // overtaken by the older answer of the first read.
  onSettingsChanged((next) => {
    latestSettings = next;
    if (marker !== null) void marker.applySettings(next);
  });
  onListInUseChanged((list) => {
    listChanged = true;
    patch = list?.patch ?? null;
    if (marker !== null) void marker.recheck();
  });
  onStoredEnginesChanged((records) => {
    enginesChanged = true;
    engines = records;
    if (marker !== null) void marker.redraw();
  });
  const stored = readStoredState();
  await documentParsed(document);
  const language = uiLanguage();
  const usesCompiledIn = !storedStateFlagRaised();
  // Until storage answers: links that a newer stored list may answer differently for get no badge yet.
  let withheld = usesCompiledIn ? signalledBuckets() : null;
  const initial = usesCompiledIn ? { settings: DEFAULT_SETTINGS, list: null, engines: null } : await stored;
  if (!listChanged) patch = initial.list?.patch ?? null;
  if (!enginesChanged) engines = initial.engines;
  const started = new PageMarker(
    {
      document,
      pageUrl: () => location.href,
      matchTargets: async (targets) => {
        const sources = matchTargets(targets, { bundled: BUNDLED_COMPACT, patch });
        const buckets = listChanged ? null : withheld;
        return buckets === null ? sources : sources.map((source, i) => (source !== null && mayHaveChanged(targetHostname(targets[i]) ?? '', buckets) ? null : source));
      },
      badgeText: (source) => badgeText(source, language),
      hiddenNotice: (count) => text('hiddenNotice', [String(count)]),
      promotedNotice: (source) => text('promotedNotice', [describeSource(source, language).organisation]),
      showHiddenLabel: () => text('showHidden'),
      engines: () => engines ?? ENGINES,
      openAbout: () => void browser.runtime.sendMessage({ type: 'open-about' }).catch(() => {}),
    },
    latestSettings ?? initial.settings,
  );
  marker = started;
  // Marked with what is compiled in while the flag was being registered: the stored state wins.
  if (usesCompiledIn) {
    void stored.then(({ settings, list, engines: storedRecords }) => {
      const listDiffers = !listChanged && list !== null;
      const enginesDiffer = !enginesChanged && storedRecords !== null;
      const hadWithheld = withheld !== null;
      withheld = null;
      if (listDiffers) patch = list.patch;
      if (enginesDiffer) engines = storedRecords;
      if (latestSettings === null && !marksLikeDefaults(settings)) void started.applySettings(settings);
      else if (enginesDiffer) void started.redraw();
      else if (listDiffers || hadWithheld) void started.recheck();
    });
  }
  await started.start();
}
