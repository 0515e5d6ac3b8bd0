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
import { DEFAULT_SETTINGS, marksLikeDefaults, onSettingsChanged, readSettings } from '../settings/settings.ts';
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
  const stored = readSettings();
  await documentParsed(document);
  const language = uiLanguage();
  const usesDefaults = !settingsFlagRaised();
  const marker = new PageMarker(
    {
      document,
      pageUrl: () => location.href,
      matchTargets: async (targets) => matchTargets(targets),
      badgeText: (source) => badgeText(source, language),
      hiddenNotice: (count) => text('hiddenNotice', [String(count)]),
    },
    usesDefaults ? DEFAULT_SETTINGS : await stored,
  );
  onSettingsChanged((next) => void marker.applySettings(next));
  // Marked with the defaults while the flag was being registered: the stored settings win.
  if (usesDefaults) {
    void stored.then((settings) => {
      if (!marksLikeDefaults(settings)) void marker.applySettings(settings);
    });
  }
  await marker.start();
}
