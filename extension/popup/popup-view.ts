/**
 * The popup: is the site in this tab a trusted source, and which; the list in use; the pause
 * switch; a link to report a missing or wrong source (it opens the server's report page, or the
 * mail client a policy chose: the user sends — or not); the data credit. All of it fits the 800 × 600 px
 * Chrome gives a popup (the credit folded under its heading).
 */
import channel from 'virtual:sdc-bundled-list/channel';
import browser from 'webextension-polyfill';
import { describeSource, text, type UiLanguage } from '../i18n/ui-text.ts';
import type { ListStatus } from '../list/list-updates.ts';
import type { ListMeta } from '../list/list-meta.ts';
import { askListStatus, askSources } from '../matching/ask-background.ts';
import type { MatchedSource } from '../matching/messages.ts';
import { creditFooter, element, preparePage } from '../pages/page-parts.ts';
import { DEFAULT_PAUSE_MINUTES } from '../settings/pause-timer.ts';
import { reportHref } from './report-link.ts';
import { readPolicy, readSettings, updateSettings } from '../settings/settings.ts';
import { atlaasSection, atlaasServer } from './atlaas-card.ts';

function isWebPage(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//.test(url);
}

function siteStatus(document: Document, language: UiLanguage, url: string | undefined, source: MatchedSource | null): HTMLElement {
  if (source === null) {
    return element(document, 'section', [element(document, 'p', text(isWebPage(url) ? 'popupNotTrusted' : 'popupNoSite'))], {
      class: 'status',
      'aria-live': 'polite',
    });
  }
  const description = describeSource(source, language);
  const row = (term: string, value: string) => [element(document, 'dt', term), element(document, 'dd', value)];
  return element(document, 'section', [
    element(document, 'p', [element(document, 'strong', `✓ ${text('popupTrusted')}`)]),
    element(document, 'dl', [
      ...row(text('popupCategory'), description.category),
      // A source without an organisation's name shows no empty « Organisation » row.
      ...(source.name === '' ? [] : row(text('popupOrganisation'), source.name)),
      ...row(text('popupSite'), source.host),
    ]),
  ], { class: 'status trusted', 'aria-live': 'polite' });
}

function formatDate(iso: string, language: UiLanguage, withTime: boolean): string {
  const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'long', timeStyle: 'short' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Date(iso).toLocaleString(language, options);
}

function listInfo(meta: ListMeta, language: UiLanguage): string {
  return text('popupListInfo', [String(meta.version), formatDate(meta.createdAt, language, false), meta.sourceCount.toLocaleString(language)]);
}

/** The list in use, when it was last checked, and whether it is current, stale or failing; an « update now » button. */
function listSection(document: Document, language: UiLanguage, status: ListStatus): HTMLElement {
  const health = { current: 'popupListCurrent', stale: 'popupListStale', failing: 'popupListFailing' } as const;
  const checked = status.lastChecked === null ? text('popupListNeverChecked') : text('popupListChecked', [formatDate(status.lastChecked, language, true)]);
  const button = element(document, 'button', text('popupUpdateNow'), { type: 'button', id: 'update-now' });
  const section = element(document, 'section', [
    element(document, 'p', [
      element(document, 'span', listInfo(status.meta, language), { id: 'list-info' }),
      document.createTextNode(' '),
      // The reason of a failure, for IT staff (the popup's inspector) and the tests: not shown.
      element(document, 'span', `${text(health[status.health])} ${checked}`, {
        id: 'list-status',
        'data-health': status.health,
        ...(status.lastFailure === null ? {} : { 'data-reason': status.lastFailure.reason }),
      }),
    ], { class: 'small' }),
    button,
  ], { class: 'list', 'aria-live': 'polite' });
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = text('popupUpdating');
    void askListStatus('update-list').then((next) => section.replaceWith(listSection(document, language, next ?? status)));
  });
  return section;
}

function openInTab(link: HTMLAnchorElement, open: () => Promise<unknown>): HTMLAnchorElement {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    void open().then(() => window.close());
  });
  return link;
}

export async function showPopup(document: Document): Promise<void> {
  const language = preparePage(document, 'popupTitle');
  document.body.classList.add('popup');
  const [[tab], settings, { policy, locked }, listStatus] = await Promise.all([
    browser.tabs.query({ active: true, currentWindow: true }),
    readSettings(),
    readPolicy(),
    askListStatus('list-status'),
  ]);
  const url = tab?.url;
  const source = isWebPage(url) ? ((await askSources([url]))?.[0] ?? null) : null;

  const pause = element(document, 'input', undefined, { type: 'checkbox', role: 'switch', id: 'pause', 'aria-describedby': 'pause-note' });
  pause.checked = settings.paused;
  pause.addEventListener('change', () => void updateSettings({ paused: pause.checked }));
  const pauseMinutes = policy.pauseMinutes ?? DEFAULT_PAUSE_MINUTES;
  const pauseNote = element(document, 'p', pauseMinutes > 0 ? text('popupPauseEnds', [String(pauseMinutes)]) : text('popupPauseEndsAtRestart'), { class: 'small', id: 'pause-note' });
  // The policy may leave the pause out (schools): no switch, never paused.
  const pauseControls = locked.paused ? [] : [element(document, 'label', [pause, element(document, 'span', text('popupPause'))], { for: 'pause' }), pauseNote];

  // The report page of the server whose list is in use: the policy's channel, else the built-in one.
  const reportLink = reportHref(settings.reportUrl, url, policy.listChannels?.[0] ?? channel.mirrors[0], {
    subject: text('reportSubject'),
    body: (site) => text('reportBody', [site]),
  });
  const report = openInTab(element(document, 'a', text('popupReport'), { href: reportLink }), () => browser.tabs.create({ url: reportLink }));
  const options = openInTab(element(document, 'a', text('popupOptions'), { href: browser.runtime.getURL('/options.html') }), () =>
    browser.runtime.openOptionsPage(),
  );
  const about = openInTab(element(document, 'a', text('badgeAbout'), { href: browser.runtime.getURL('/about.html') }), () => browser.tabs.create({ url: browser.runtime.getURL('/about.html') }));

  // The Atlaas card of a trusted site: a button, and one request only when it is clicked.
  const server = atlaasServer(policy.atlaasServer, channel.mirrors);
  const atlaas = source !== null && server !== null && isWebPage(url) ? [atlaasSection(document, { host: new URL(url).hostname, server, language })] : [];

  const main = element(document, 'main', [
    element(document, 'h1', text('popupTitle')),
    siteStatus(document, language, url, source),
    ...atlaas,
    ...pauseControls,
    element(document, 'div', [report, options, about], { class: 'actions links' }),
    ...(listStatus === null ? [] : [listSection(document, language, listStatus)]),
    element(document, 'p', text('privacyNote'), { class: 'small' }),
    creditFooter(document, language, { folded: true }),
  ]);
  document.body.replaceChildren(main);
}

