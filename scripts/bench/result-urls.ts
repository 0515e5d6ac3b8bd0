/**
 * A deterministic mix of result URLs like those the extension meets in result pages: trusted
 * sources, ordinary untrusted sites, look-alikes of trusted names, and tenants of hosting platforms.
 */
import type { Source } from '../../corpus/source.ts';
import { seededRandom } from '../seeded-random.ts';


const UNTRUSTED = [
  'fr.wikipedia.org', 'www.youtube.com', 'www.amazon.fr', 'www.leboncoin.fr', 'www.lemonde.fr', 'www.lefigaro.fr',
  'www.ouest-france.fr', 'www.doctolib.fr', 'www.pagesjaunes.fr', 'www.marmiton.org', 'www.allocine.fr',
  'www.facebook.com', 'twitter.com', 'www.linkedin.com', 'www.reddit.com', 'www.tripadvisor.fr', 'www.booking.com',
  'www.laposte.fr', 'www.sncf-connect.com', 'www.meteofrance.com', 'www.legifrance.gouv.fr.example.net',
  'www.cdiscount.com', 'www.fnac.com', 'www.boulanger.com', 'www.20minutes.fr', 'www.francetvinfo.fr',
  'www.linternaute.com', 'www.journaldesfemmes.fr', 'www.commentcamarche.net', 'www.01net.com', 'www.quechoisir.org',
  'www.mairie-info.com', 'annuaire-mairie.fr', 'www.annuaire-mairie.fr', 'www.pap.fr', 'www.seloger.com',
  'github.com', 'stackoverflow.com', 'developer.mozilla.org', 'www.larousse.fr', 'www.service-public-info.fr',
];
const PLATFORMS = ['free.fr', 'e-monsite.com', 'jimdofree.com', 'wordpress.com', 'over-blog.com', 'blogspot.com', 'wixsite.com'];
const PATHS = ['/', '/fr/', '/actualites/2024/article-', '/demarches/etat-civil/', '/index.php?page=', '/contact', '/vie-municipale/conseil/'];

export function buildResultUrls(sources: readonly Source[], count: number, seed = 20261123): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const active = sources.filter((s) => s.status === 'active');
  const tenants = active.filter((s) => s.scope === 'host');
  const path = () => `${pick(PATHS)}${Math.floor(random() * 100000)}`;
  const scheme = () => (random() < 0.85 ? 'https' : 'http');
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.3) {
      const source = pick(active);
      const prefix = source.scope === 'subdomains' ? pick(['', 'www.', 'www.', 'demarches.']) : pick(['', 'www.']);
      urls.push(`${scheme()}://${prefix}${source.host}${path()}`);
    } else if (roll < 0.7) {
      urls.push(`${scheme()}://${pick(UNTRUSTED)}${path()}`);
    } else if (roll < 0.85) {
      const host = pick(active).host;
      const lookAlike = pick([
        `${host}.evil.example`,
        `evil-${host}`,
        host.replace('-', ''),
        host.replace(/\.[a-z]+$/, '.com'),
        `${host.replace(/\.[a-z]+$/, '')}-info.fr`,
        `www.${host}-connexion.net`,
      ]);
      urls.push(`${scheme()}://${lookAlike}${path()}`);
    } else if (random() < 0.5) {
      urls.push(`${scheme()}://${pick(tenants).host}${path()}`);
    } else {
      urls.push(`${scheme()}://mairie-${Math.floor(random() * 10000)}.${pick(PLATFORMS)}${path()}`);
    }
  }
  return urls;
}
