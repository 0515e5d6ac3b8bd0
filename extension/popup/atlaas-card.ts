/**
 * The Atlaas card of the trusted site in the current tab, in the popup — only when the user asks:
 * a button, and on its click one GET of `<server>/api/atlaas/by-host/<host>` (no cookie, no
 * referrer), nothing before, nothing in the background. The server is the policy's `atlaasServer`,
 * or else the origin of the list channel the extension was built with (the curation server serves
 * both). The answer is checked where it lands and shown as text only.
 */
import { text } from '../i18n/ui-text.ts';
import { element } from '../pages/page-parts.ts';

/** The server to ask: the policy's, or the built-in channel's origin; null when neither is an http(s) address. */
export function atlaasServer(policyServer: string | undefined, mirrors: readonly string[]): string | null {
  for (const candidate of [policyServer, mirrors[0]]) {
    if (candidate === undefined) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:' || url.protocol === 'http:') return policyServer === candidate ? candidate.replace(/\/?$/, '/') : `${url.origin}/`;
    } catch {
      // not an address: the next one
    }
  }
  return null;
}

export function atlaasLookupUrl(server: string, host: string): string {
  return new URL(`api/atlaas/by-host/${encodeURIComponent(host)}`, server).href;
}

export interface AtlaasCard {
  name: string;
  kind: string;
  departement: string;
  population: number | null;
  label: { year: number; arobases: number; title: string; mentions: string[] } | null;
  actions: number;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The cards of an answer from the server, or null when it does not have the documented shape. */
export function readAtlaasAnswer(answer: unknown): AtlaasCard[] | null {
  const actors = (answer as { actors?: unknown } | null)?.actors;
  if (!Array.isArray(actors) || actors.length === 0 || actors.length > 20) return null;
  const cards: AtlaasCard[] = [];
  for (const entry of actors as unknown[]) {
    const { actor, label, actions } = (entry ?? {}) as { actor?: Record<string, unknown>; label?: Record<string, unknown> | null; actions?: unknown };
    if (actor === undefined || !isString(actor.name) || !isString(actor.kind) || !isString(actor.departement) || !isCount(actions)) return null;
    if (actor.population !== null && !isCount(actor.population)) return null;
    let labelCard: AtlaasCard['label'] = null;
    if (label !== null && label !== undefined) {
      const mentions = label.mentions;
      if (!isCount(label.year) || !isCount(label.arobases) || !isString(label.title) || !Array.isArray(mentions) || !mentions.every(isString)) return null;
      labelCard = { year: label.year, arobases: label.arobases, title: label.title, mentions };
    }
    cards.push({ name: actor.name, kind: actor.kind, departement: actor.departement, population: actor.population as number | null, label: labelCard, actions });
  }
  return cards;
}

const KIND_KEYS = {
  commune: 'atlaasKindCommune',
  'commune-deleguee': 'atlaasKindCommuneDeleguee',
  'commune-associee': 'atlaasKindCommuneAssociee',
  arrondissement: 'atlaasKindArrondissement',
  epci: 'atlaasKindEpci',
  departement: 'atlaasKindDepartement',
  region: 'atlaasKindRegion',
} as const;

function cardElement(document: Document, card: AtlaasCard, language: string): HTMLElement {
  const row = (term: string, value: string) => [element(document, 'dt', term), element(document, 'dd', value)];
  const kind = Object.hasOwn(KIND_KEYS, card.kind) ? text(KIND_KEYS[card.kind as keyof typeof KIND_KEYS]) : card.kind;
  const label =
    card.label === null
      ? text('atlaasNoLabel')
      : [text('atlaasLabelResult', [String(card.label.year), String(card.label.arobases)]), card.label.title, card.label.mentions.join(', ')].filter((part) => part !== '').join(' — ');
  return element(document, 'div', [
    element(document, 'h3', card.name),
    element(document, 'dl', [
      ...row(text('atlaasKind'), card.departement === '' ? kind : `${kind} (${card.departement})`),
      ...(card.population === null ? [] : row(text('atlaasPopulation'), card.population.toLocaleString(language))),
      ...row(text('atlaasLabel'), label),
      ...row(text('atlaasActions'), card.actions.toLocaleString(language)),
    ]),
  ], { class: 'atlaas-card' });
}

/** The section with its button; `fetchCard` is the one request, made on click (tests give their own). */
export function atlaasSection(document: Document, options: { host: string; server: string; language: string; fetch?: typeof fetch }): HTMLElement {
  const button = element(document, 'button', text('atlaasShow'), { type: 'button', id: 'atlaas-show' });
  const result = element(document, 'div', [], { id: 'atlaas-result', 'aria-live': 'polite' });
  const section = element(document, 'section', [button, element(document, 'p', text('atlaasNote'), { class: 'small', id: 'atlaas-note' }), result], {
    class: 'atlaas',
    'aria-label': text('atlaasHeading'),
  });
  button.setAttribute('aria-describedby', 'atlaas-note');
  const send = options.fetch ?? fetch.bind(globalThis);
  button.addEventListener('click', () => {
    button.disabled = true;
    result.replaceChildren(element(document, 'p', text('atlaasLoading'), { class: 'small' }));
    void send(atlaasLookupUrl(options.server, options.host), { credentials: 'omit', referrerPolicy: 'no-referrer', headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (response.status === 404) return 'none' as const;
        if (!response.ok) return null;
        return readAtlaasAnswer(await response.json());
      })
      .catch(() => null)
      .then((cards) => {
        button.remove();
        if (cards === 'none') result.replaceChildren(element(document, 'p', text('atlaasNone')));
        else if (cards === null) result.replaceChildren(element(document, 'p', text('atlaasFailed'), { 'data-failed': 'true' }));
        else result.replaceChildren(...cards.map((card) => cardElement(document, card, options.language)));
      });
  });
  return section;
}
