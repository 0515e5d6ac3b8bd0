/**
 * The content script's work on a result page: once the document is parsed, mark its results at
 * once — in the same task, before the page is first drawn — with the list compiled into this
 * script and, unless the settings flag says otherwise (settings-signal.ts), the default settings;
 * then follow the page and the stored settings from there.
 */
import { describeSource, text, type UiLanguage, uiLanguage } from '../i18n/ui-text.ts';
import { matchTargets } from '../matching/list-matching.ts';
import type { MatchedSource } from '../matching/messages.ts';
import { settingsFlagRaised } from '../settings/settings-flag.ts';
import { DEFAULT_SETTINGS, marksLikeDefaults, onSettingsChanged, readSettings, type Settings } from '../settings/settings.ts';
import type { BadgeText } from './badge.ts';
import { PageMarker } from './page-marker.ts';

export function badgeText(source: MatchedSource, language: UiLanguage): BadgeText {
  const description = describeSource(source, language);
  return {
    label: text('badgeLabel'),
    description: text('badgeDescription', [description.article, description.organisation]),
    summary: `${text('badgeSiteOf', [description.article])} — ${description.organisation}`,
    note: text('badgeListNote'),
  };
}

function documentParsed(document: Document): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

export async function startMarking(): Promise<void> {
  let marker: PageMarker | null = null;
  let latestChange: Settings | null = null;
  // Listening before reading: a change made while the page loads is never lost, and never
  // overtaken by the older answer of the first read.
  onSettingsChanged((next) => {
    latestChange = next;
    if (marker !== null) void marker.applySettings(next);
  });
  const stored = readSettings();
  await documentParsed(document);
  const language = uiLanguage();
  const usesDefaults = !settingsFlagRaised();
  const initial = usesDefaults ? DEFAULT_SETTINGS : await stored;
  const started = new PageMarker(
    {
      document,
      pageUrl: () => location.href,
      matchTargets: async (targets) => matchTargets(targets),
      badgeText: (source) => badgeText(source, language),
      hiddenNotice: (count) => text('hiddenNotice', [String(count)]),
    },
    latestChange ?? initial,
  );
  marker = started;
  // Marked with the defaults while the flag was being registered: the stored settings win.
  if (usesDefaults) {
    void stored.then((settings) => {
      if (latestChange === null && !marksLikeDefaults(settings)) void started.applySettings(settings);
    });
  }
  await started.start();
}
