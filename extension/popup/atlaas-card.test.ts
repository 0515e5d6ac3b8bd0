import { Window } from 'happy-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import fr from '../public/_locales/fr/messages.json';
import { atlaasLookupUrl, atlaasSection, atlaasServer, readAtlaasAnswer } from './atlaas-card.ts';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) => {
    const entry = (fr as Messages)[key];
    const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return values[Number(content.slice(1)) - 1] ?? '';
    });
  });
});

const ANSWER = {
  host: 'www.saint-etienne.fr',
  source: { id: 's1', host: 'saint-etienne.fr', name: 'Mairie de Saint-Étienne', category: 'commune' },
  actors: [
    {
      actor: { id: 'commune:42218', kind: 'commune', name: 'Saint-Étienne', departement: '42', population: 173136 },
      label: { year: 2024, arobases: 5, title: "Territoire d'Excellence Numérique", mentions: ['Médiation numérique'] },
      actions: 12,
    },
  ],
};

function popupWith(respond: () => Promise<Response>) {
  const document = new Window().document as unknown as Document;
  const send = vi.fn((_url: string, _init?: RequestInit) => respond());
  const section = atlaasSection(document, { host: 'www.saint-etienne.fr', server: 'https://listes.example.org/', language: 'fr', fetch: send as unknown as typeof fetch });
  document.body.append(section);
  return { document, send, section, button: section.querySelector('button')! };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the Atlaas card in the popup', () => {
  it('asks the policy’s server, or else the origin of the list channel', () => {
    expect(atlaasServer('https://atlaas.example.org/', ['https://listes.example.org/v1/'])).toBe('https://atlaas.example.org/');
    expect(atlaasServer(undefined, ['https://listes.example.org/v1/', 'https://miroir.example.net/v1/'])).toBe('https://listes.example.org/');
    expect(atlaasServer(undefined, ['http://127.0.0.1:8787/v1/'])).toBe('http://127.0.0.1:8787/');
    expect(atlaasServer(undefined, [])).toBeNull();
    expect(atlaasLookupUrl('https://listes.example.org/', 'www.saint-etienne.fr')).toBe('https://listes.example.org/api/atlaas/by-host/www.saint-etienne.fr');
    expect(atlaasLookupUrl('https://listes.example.org/', '../../admin')).toBe('https://listes.example.org/api/atlaas/by-host/..%2F..%2Fadmin');
  });

  it('sends nothing until the button is clicked, then one request without cookies, and shows the card', async () => {
    const { send, button, section } = popupWith(async () => new Response(JSON.stringify(ANSWER), { status: 200 }));
    expect(button.textContent).toBe('Voir la fiche Atlaas');
    await settle();
    expect(send).not.toHaveBeenCalled();
    button.click();
    await settle();
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toBe('https://listes.example.org/api/atlaas/by-host/www.saint-etienne.fr');
    expect(send.mock.calls[0][1]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    const card = section.querySelector('.atlaas-card')!;
    expect(card.querySelector('h3')!.textContent).toBe('Saint-Étienne');
    expect(card.textContent).toContain('commune (42)');
    expect(card.textContent).toContain("2024 : 5 @ — Territoire d'Excellence Numérique — Médiation numérique");
    expect(section.querySelector('button')).toBeNull();
  });

  it('says so when the site has no card, when the server fails, and when the answer is not what it should be', async () => {
    for (const [respond, expected] of [
      [async () => new Response('{"error":"no-actor"}', { status: 404 }), 'Ce site n’est lié à aucune collectivité de l’Atlaas.'],
      [async () => new Response('', { status: 500 }), 'La fiche n’a pas pu être chargée : réessayez plus tard.'],
      [async () => Promise.reject(new TypeError('offline')), 'La fiche n’a pas pu être chargée : réessayez plus tard.'],
      [async () => new Response('{"actors":[{"actor":{"name":"<img src=x onerror=alert(1)>"}}]}', { status: 200 }), 'La fiche n’a pas pu être chargée : réessayez plus tard.'],
    ] as const) {
      const { button, section } = popupWith(respond);
      button.click();
      await settle();
      await settle();
      expect(section.querySelector('#atlaas-result')!.textContent).toBe(expected);
      expect(section.querySelector('img')).toBeNull();
    }
  });

  it('reads only the documented shape of an answer', () => {
    expect(readAtlaasAnswer(ANSWER)?.[0]).toMatchObject({ name: 'Saint-Étienne', actions: 12, label: { arobases: 5 } });
    expect(readAtlaasAnswer({ ...ANSWER, actors: [{ ...ANSWER.actors[0], label: null }] })?.[0].label).toBeNull();
    expect(readAtlaasAnswer(null)).toBeNull();
    expect(readAtlaasAnswer({ actors: [] })).toBeNull();
    expect(readAtlaasAnswer({ actors: [{ ...ANSWER.actors[0], actions: -1 }] })).toBeNull();
  });
});
