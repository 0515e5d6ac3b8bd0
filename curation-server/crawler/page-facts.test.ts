import { describe, expect, it } from 'vitest';
import { pageFacts } from './page-facts.ts';
import { fingerprintDistance, textFingerprint } from './text-fingerprint.ts';

describe('pageFacts', () => {
  it('reads title, language, description, canonical link and public-body signals', () => {
    const html = `<html lang="FR"><head><title> Mairie  de Bellecombe </title><meta name="Description" content="Site officiel"><link rel="canonical" href="/accueil"></head>
      <body><script>var x = "casino en ligne";</script><p>Commune — SIREN : 217 300 425</p><a href="https://www.service-public.fr/particuliers">Démarches</a>
      <a href="https://www.savoie.gouv.fr/">Préfecture</a><a href="/mentions-legales">Mentions légales</a></body></html>`;
    const facts = pageFacts(html, 'https://bellecombe.fr/');
    expect(facts).toMatchObject({ title: 'Mairie de Bellecombe', lang: 'fr', description: 'Site officiel', canonical: 'https://bellecombe.fr/accueil', sirens: ['217300425'], parkingPatterns: [], spamPatterns: [] });
    expect(facts.publicSignals).toEqual(['legal-notice', 'siren', 'service-public-link', 'gouv-link']);
  });

  it('recognises parking pages, in French too', () => {
    expect(pageFacts('<title>x</title><p>Ce nom de domaine est à vendre !</p>', 'https://x.fr/').parkingPatterns).toHaveLength(1);
    expect(pageFacts('<p>This domain may be for sale. Related searches</p>', 'https://x.fr/').parkingPatterns).toHaveLength(2);
  });
});

describe('textFingerprint', () => {
  const text = 'bienvenue sur le site officiel de la mairie horaires etat civil conseil municipal ecoles associations culture sport agenda actualites travaux urbanisme'.repeat(3);
  it('keeps near-identical texts close and different texts far apart', () => {
    const base = textFingerprint(text) ?? '';
    const edited = textFingerprint(`${text} nouvelle actualite`) ?? '';
    const other = textFingerprint('jouez au meilleur casino en ligne machines a sous bonus de bienvenue paris sportifs inscrivez vous maintenant gagnez gros ce soir') ?? '';
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintDistance(base, edited)).toBeLessThan(10);
    expect(fingerprintDistance(base, other)).toBeGreaterThan(20);
    expect(textFingerprint('')).toBeNull();
  });
});
