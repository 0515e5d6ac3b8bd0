import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MatchedSource } from '../matching/messages.ts';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings.ts';
import { type MarkerEnvironment, PageMarker } from './page-marker.ts';

const TRUSTED: Record<string, MatchedSource> = {
  'https://www.ain.gouv.fr/': { host: 'ain.gouv.fr', category: 'prefecture', name: "Préfecture de l'Ain" },
  'https://www.paris.fr/': { host: 'paris.fr', category: 'commune', name: '<img src=x onerror=alert(1)>' },
};

function result(url: string, title = url): string {
  return `<li class="b_algo"><h2><a href="${url}">${title}</a></h2><p>…</p></li>`;
}

function bingPage(items: string): { window: Window; document: Document } {
  const window = new Window({ url: 'https://www.bing.com/search?q=x' });
  const document = window.document as unknown as Document;
  document.body.innerHTML = `<ol id="b_results">
    <li class="b_ad"><ul><li class="b_algo"><h2><a href="https://www.ain.gouv.fr/">Annonce</a></h2></li></ul></li>
    ${items}
  </ol>`;
  return { window, document };
}

function environment(document: Document, asked: string[][] = []): MarkerEnvironment {
  return {
    document,
    pageUrl: () => document.location.href,
    matchTargets: async (targets) => {
      asked.push(targets);
      return targets.map((target) => TRUSTED[target] ?? null);
    },
    badgeText: (source) => ({ label: 'Source de confiance', description: ` : site — ${source.name}`, summary: source.name, note: 'note' }),
    hiddenNotice: (count) => `${count} masqués`,
    promotedNotice: (source) => `${source.host} en tête.`,
    showHiddenLabel: () => 'Afficher',
  };
}

const sources = (document: Document) => [...document.querySelectorAll('[data-sdc-source]')].map((badge) => badge.getAttribute('data-sdc-source'));
const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });

let markers: PageMarker[] = [];
function startMarker(document: Document, change: Partial<Settings> = {}, asked?: string[][]): PageMarker {
  const marker = new PageMarker(environment(document, asked), settings(change));
  markers.push(marker);
  return marker;
}

afterEach(() => {
  for (const marker of markers) marker.stop();
  markers = [];
});

describe('page marker', () => {
  it('marks the trusted organic results only, asking once per target', async () => {
    const { document } = bingPage(result('https://www.ain.gouv.fr/') + result('https://example.com/') + result('https://www.ain.gouv.fr/'));
    const asked: string[][] = [];
    await startMarker(document, {}, asked).start();
    expect(sources(document)).toEqual(['ain.gouv.fr', 'ain.gouv.fr']);
    expect(document.querySelector('.b_ad [data-sdc-source]')).toBeNull();
    expect(asked).toEqual([['https://www.ain.gouv.fr/', 'https://example.com/']]);
  });

  it('matches every result again when the list changes, and replaces only the badges whose source changed', async () => {
    const { document } = bingPage(result('https://www.ain.gouv.fr/') + result('https://www.paris.fr/') + result('https://example.com/'));
    const asked: string[][] = [];
    const marker = startMarker(document, {}, asked);
    await marker.start();
    const [ain, paris] = [...document.querySelectorAll('[data-sdc-source]')];
    // The newer list: paris.fr renamed, example.com added.
    TRUSTED['https://www.paris.fr/'] = { ...TRUSTED['https://www.paris.fr/'], name: 'Ville de Paris' };
    TRUSTED['https://example.com/'] = { host: 'example.com', category: 'autre', name: 'Exemple' };
    try {
      await marker.recheck();
      expect(asked).toHaveLength(2);
      expect(sources(document)).toEqual(['ain.gouv.fr', 'paris.fr', 'example.com']);
      const badges = [...document.querySelectorAll('[data-sdc-source]')];
      expect(badges[0]).toBe(ain);
      expect(badges[1]).not.toBe(paris);
    } finally {
      TRUSTED['https://www.paris.fr/'] = { host: 'paris.fr', category: 'commune', name: '<img src=x onerror=alert(1)>' };
      delete TRUSTED['https://example.com/'];
    }
  });

  it('matches again after a list change that comes while a pass is waiting for its answers', async () => {
    const { document } = bingPage(result('https://www.paris.fr/') + result('https://example.com/'));
    let answerFirst: (sources: (MatchedSource | null)[]) => void = () => {};
    let calls = 0;
    const marker = new PageMarker(
      {
        ...environment(document),
        // The first pass is answered late, from the former list (example.com not trusted); later ones from the new list.
        matchTargets: (targets) => (calls++ === 0 ? new Promise((resolve) => (answerFirst = resolve)) : Promise.resolve(targets.map((target) => (target === 'https://example.com/' ? { host: 'example.com', category: 'autre' as const, name: 'Exemple' } : (TRUSTED[target] ?? null))))),
      },
      settings(),
    );
    markers.push(marker);
    const started = marker.start();
    const rechecked = marker.recheck();
    answerFirst([TRUSTED['https://www.paris.fr/'], null]);
    await started;
    await rechecked;
    await vi.waitFor(() => expect(sources(document)).toEqual(['paris.fr', 'example.com']));
  });

  it('marks results added later, without asking again for those already checked', async () => {
    const { document } = bingPage(result('https://example.com/'));
    const asked: string[][] = [];
    await startMarker(document, {}, asked).start();
    expect(sources(document)).toEqual([]);
    document.querySelector('#b_results')!.insertAdjacentHTML('beforeend', result('https://www.paris.fr/'));
    await vi.waitFor(() => expect(sources(document)).toEqual(['paris.fr']));
    expect(asked).toEqual([['https://example.com/'], ['https://www.paris.fr/']]);
  });

  it('checks a result again when the engine reuses its block for another target', async () => {
    const { document } = bingPage(result('https://www.paris.fr/'));
    await startMarker(document).start();
    expect(sources(document)).toEqual(['paris.fr']);
    document.querySelector('#b_results > li.b_algo h2 a')!.setAttribute('href', 'https://example.com/');
    document.querySelector('#b_results')!.insertAdjacentHTML('beforeend', result('https://example.org/'));
    await vi.waitFor(() => expect(sources(document)).toEqual([]));
  });

  it('draws list text as text, never as HTML', async () => {
    const { document } = bingPage(result('https://www.paris.fr/'));
    await startMarker(document).start();
    const root = document.querySelector('[data-sdc-source]')!.shadowRoot!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('button')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('marks nothing while paused or with the engine switched off, and marks again when resumed', async () => {
    const { document } = bingPage(result('https://www.ain.gouv.fr/'));
    const marker = startMarker(document, { paused: true });
    await marker.start();
    expect(sources(document)).toEqual([]);
    await marker.applySettings(settings());
    expect(sources(document)).toEqual(['ain.gouv.fr']);
    await marker.applySettings(settings({ engines: { ...DEFAULT_SETTINGS.engines, bing: false } }));
    expect(sources(document)).toEqual([]);
  });

  it('leaves its badges alone when settings arrive that mark the page the same (a change read twice, the policy rewritten)', async () => {
    const { document } = bingPage(result('https://www.ain.gouv.fr/'));
    const marker = startMarker(document, { density: 'compact' });
    await marker.start();
    const badge = document.querySelector('[data-sdc-source]');
    await marker.applySettings(settings({ density: 'compact' }));
    await marker.applySettings(settings({ density: 'compact', reportUrl: 'mailto:cdi@exemple.fr' }));
    expect(document.querySelector('[data-sdc-source]')).toBe(badge);
    await marker.applySettings(settings());
    expect(document.querySelector('[data-sdc-source]')).not.toBe(badge);
    expect(sources(document)).toEqual(['ain.gouv.fr']);
  });

  it('promotes the first trusted result and hides the others on request, then puts everything back', async () => {
    const { document } = bingPage(
      result('https://example.com/', 'one') + result('https://www.paris.fr/', 'two') + result('https://example.org/', 'three'),
    );
    const titles = () =>
      [...document.querySelectorAll('#b_results > li.b_algo')]
        .filter((block) => (block as HTMLElement).style.display !== 'none')
        .map((block) => block.querySelector('a')!.textContent);
    const notice = () => document.querySelector('[data-sdc-element="notice"]')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? null;
    const adShown = () => (document.querySelector('.b_ad') as HTMLElement).style.display !== 'none';
    const marker = startMarker(document, { promoteFirstTrusted: true });
    await marker.start();
    expect(titles()).toEqual(['two', 'one', 'three']);
    // Promotion says what it moved.
    expect(notice()).toBe('paris.fr en tête.');
    await marker.applySettings(settings({ promoteFirstTrusted: true, hideUntrusted: true }));
    expect(titles()).toEqual(['two']);
    // Hiding takes the ad away too, and says how many items it hid.
    expect(adShown()).toBe(false);
    expect(notice()).toBe('paris.fr en tête. 3 masqués');
    await marker.applySettings(settings());
    expect(titles()).toEqual(['one', 'two', 'three']);
    expect(document.querySelector('[data-sdc-element="notice"]')).toBeNull();
  });

  it('shows, on the user\'s « Afficher », everything hiding took away on this page, and hides nothing more there', async () => {
    const { document } = bingPage(result('https://example.com/', 'one') + result('https://www.paris.fr/', 'two'));
    const shown = () => [...document.querySelectorAll('#b_results > li')].filter((block) => (block as HTMLElement).style.display !== 'none').length;
    const marker = startMarker(document, { hideUntrusted: true });
    await marker.start();
    expect(shown()).toBe(1);
    const button = document.querySelector('[data-sdc-element="notice"]')!.shadowRoot!.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('Afficher');
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown()).toBe(3);
    expect(document.querySelector('[data-sdc-element="notice"]')).toBeNull();
    // Results that arrive later on this page stay shown too.
    document.querySelector('#b_results')!.insertAdjacentHTML('beforeend', result('https://example.net/', 'later'));
    await marker.applySettings(settings({ hideUntrusted: true }));
    expect(shown()).toBe(4);
  });

  it('leaves the page as it is when the background cannot answer', async () => {
    const { document } = bingPage(result('https://www.ain.gouv.fr/'));
    const before = document.body.innerHTML;
    const marker = new PageMarker({ ...environment(document), matchTargets: async () => null }, settings());
    markers.push(marker);
    await marker.start();
    expect(document.body.innerHTML).toBe(before);
  });

  it('does nothing on pages that are not result pages', async () => {
    const window = new Window({ url: 'https://www.bing.com/maps' });
    const document = window.document as unknown as Document;
    document.body.innerHTML = `<ol id="b_results">${result('https://www.ain.gouv.fr/')}</ol>`;
    await startMarker(document).start();
    expect(sources(document)).toEqual([]);
  });
});
