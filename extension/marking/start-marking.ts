/**
 * The content script's work on a result page: wake the background as the page starts loading (so
 * that the list is ready), read the settings, then mark the results once the document is parsed
 * and follow the page and the settings from there.
 */
import browser from 'webextension-polyfill';
import { describeSource, text, type UiLanguage, uiLanguage } from '../i18n/ui-text.ts';
import { askSources } from '../matching/ask-background.ts';
import type { MatchedSource } from '../matching/messages.ts';
import { onSettingsChanged, readSettings } from '../settings/settings.ts';
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
  browser.runtime.sendMessage({ type: 'warm-up' }).catch(() => {});
  const settings = readSettings();
  await documentParsed(document);
  const language = uiLanguage();
  const marker = new PageMarker(
    {
      document,
      pageUrl: () => location.href,
      matchTargets: askSources,
      badgeText: (source) => badgeText(source, language),
      hiddenNotice: (count) => text('hiddenNotice', [String(count)]),
    },
    await settings,
  );
  onSettingsChanged((next) => void marker.applySettings(next));
  await marker.start();
}
