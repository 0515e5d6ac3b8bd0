import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { makeValidSource } from '../../corpus/testing/make-source.ts';
import { createBadge } from '../../extension/marking/badge.ts';
import { BADGE_CSS } from '../../extension/marking/badge-styles.ts';
import { localeMessage } from '../../extension/i18n/locale-messages.ts';
import { badgeTextOf } from '../../extension/marking/badge-text.ts';
import { SAMPLE_SOURCES } from '../testing/temp-database.ts';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
afterEach(async () => {
  await fixture.close();
});

/** The shadow roots of the page's badge previews, each as a parsed fragment of the same DOM the extension uses. */
function previewRoots(html: string): Element[] {
  const document = new Window().document as unknown as Document;
  return [...html.matchAll(/<template shadowrootmode="open">(.*?)<\/template>/gs)].map((match) => {
    const holder = document.createElement('div');
    holder.innerHTML = match[1];
    return holder;
  });
}

const accented = makeValidSource('mairie-égletons.fr', { id: 'saccent00001', scope: 'host', status: 'suspended', provenance: 'etalab/communes,unverified' });

describe('source page', () => {
  it('links to the site it asks to check, in a new tab that the link says it opens, without giving the site the console', async () => {
    fixture = await consoleFixture({ sources: [...SAMPLE_SOURCES, accented] });
    const reader = await fixture.as('reader');
    const lyon = (await reader.page('/sources/stlyon0000001')).html;
    expect(lyon).toContain('<a href="https://mairie-lyon.fr/" target="_blank" rel="noopener noreferrer" class="site-link">Ouvrir https://mairie-lyon.fr/ <span class="new-tab">(nouvel onglet)</span></a>');
    const school = (await reader.page('/sources/stgsite00001')).html;
    expect(school).toContain('href="https://sites.google.com/site/ecole-des-lilas"');
    // Read in Unicode, opened by its registered (ASCII) name.
    const egletons = (await reader.page('/sources/saccent00001')).html;
    expect(egletons).toContain('href="https://xn--mairie-gletons-hkb.fr/"');
    expect(egletons).toContain('Ouvrir https://mairie-égletons.fr/');
  });

  it('says where the source comes from in sentences, the codes themselves folded away', async () => {
    fixture = await consoleFixture();
    const reader = await fixture.as('reader');
    const { html } = await reader.page('/sources/sy6dyqktpki6');
    expect(html).toContain('<li data-token="etalab/hopitaux">Figure dans la liste des sites publics d’Etalab (janvier 2023), liste « hôpitaux ».</li>');
    expect(html).toContain('<li data-token="unverified">Le site n’a pas répondu lors de la vérification : à vérifier avant de l’activer.</li>');
    expect(html).toContain('<details class="provenance-codes"><summary>Codes de provenance</summary><code>etalab/hopitaux,unverified</code></details>');
    const english = (await reader.page('/sources/sy6dyqktpki6?lang=en')).html;
    expect(english).toContain('Listed in Etalab’s list of public websites (January 2023), list “hospitals”.');
  });

  it('shows the badge the extension draws, with the source’s name and category as the extension writes them', async () => {
    fixture = await consoleFixture();
    const reader = await fixture.as('reader');
    const { html } = await reader.page('/sources/stlyon0000001');
    const roots = previewRoots(html);
    expect(roots).toHaveLength(3);
    const [standard, dark, detailed] = roots;
    const button = standard.querySelector('button')!;
    const spoken = [...button.children].filter((child) => child.getAttribute('aria-hidden') !== 'true').map((child) => child.textContent).join('');
    expect(spoken).toBe("Source de confiance : site d'une commune — Mairie de Lyon");
    expect(standard.querySelector('.details')!.textContent).toContain('Site officiel : Mairie de Lyon — commune (mairie-lyon.fr)');
    expect(dark.querySelector('.badge')!.className).toBe('badge standard dark');
    expect(detailed.querySelector('.extra')!.className).toBe('extra');
    expect(standard.querySelector('link')!.getAttribute('href')).toBe('/assets/badge.css');

    // The very markup the content script builds in its shadow root for that source.
    const document = new Window().document as unknown as Document;
    const lyon = SAMPLE_SOURCES.find((source) => source.id === 'stlyon0000001')!;
    const text = badgeTextOf(lyon, 'fr', (key, substitutions) => localeMessage('fr', key, substitutions));
    const drawn = createBadge(document, lyon.host, text, 'standard', 'light', () => undefined).shadowRoot!;
    standard.querySelector('link')!.remove();
    const normalize = (root: ParentNode) => {
      for (const controlled of root.querySelectorAll('[aria-controls]')) controlled.setAttribute('aria-controls', 'x');
      for (const identified of root.querySelectorAll('[id]')) identified.setAttribute('id', 'x');
      return [...root.children].filter((child) => child.tagName !== 'STYLE').map((child) => child.outerHTML).join('');
    };
    expect(normalize(standard)).toBe(normalize(drawn));

    const stylesheet = await reader.request('/assets/badge.css');
    expect(stylesheet.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await stylesheet.text()).toBe(BADGE_CSS);
  });

  it('says that the public sees no badge while the source is not active, and speaks English in English', async () => {
    fixture = await consoleFixture();
    const reader = await fixture.as('reader');
    const { html } = await reader.page('/sources/sy6dyqktpki6');
    expect(html).toContain('Cette source est « suspendue » : tant qu’elle n’est pas active et publiée, le public ne voit aucun badge sur ce site.');
    // No name in the list: the extension names the site by its hostname.
    expect(previewRoots(html)[0].querySelector('.details')!.textContent).toContain('Site officiel : chu-besancon.fr — hôpital et santé publique');
    const english = previewRoots((await reader.page('/sources/stlyon0000001?lang=en')).html)[0];
    expect(english.querySelector('.label')!.textContent).toBe(localeMessage('en', 'badgeLabel'));
    expect(english.querySelector('.label')!.textContent).toBe('Trusted source');
  });
});
