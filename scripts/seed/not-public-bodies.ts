/**
 * Sites that are in the open data but are not public bodies, whatever answered at their address:
 * domain-trading and parking companies (an expired public domain often ends up parked there),
 * gambling and adult sites, private lead-generation sites that took over a lapsed public name.
 * Refused by the seed build with the reason, so that no rebuild lets them back in.
 */

export type NotPublicReason = 'domain-trade' | 'gambling' | 'adult' | 'private-business';

/** Registrable domains, checked by hand; every hostname under them is refused. */
// prettier-ignore
export const NOT_PUBLIC_DOMAINS: Record<string, NotPublicReason> = {
  // Domain marketplaces, registrars' parking pages and parking networks.
  'sedo.com': 'domain-trade', 'sedoparking.com': 'domain-trade', 'afternic.com': 'domain-trade', 'dan.com': 'domain-trade',
  'godaddy.com': 'domain-trade', 'hugedomains.com': 'domain-trade', 'bodis.com': 'domain-trade', 'parkingcrew.net': 'domain-trade',
  'above.com': 'domain-trade', 'undeveloped.com': 'domain-trade', 'uniregistry.com': 'domain-trade', 'buydomains.com': 'domain-trade',
  'domainmarket.com': 'domain-trade', 'efty.com': 'domain-trade', 'atom.com': 'domain-trade', 'squadhelp.com': 'domain-trade',
  'sav.com': 'domain-trade', 'namecheap.com': 'domain-trade', 'epik.com': 'domain-trade', 'parklogic.com': 'domain-trade',
  'domainnameshop.com': 'domain-trade', 'brandbucket.com': 'domain-trade', 'namebright.com': 'domain-trade',
  'expireddomains.net': 'domain-trade', 'voodoo.com': 'domain-trade',
  // Gambling.
  'het-onlinecasino.nl': 'gambling',
  // Lead-generation and directories that took over a lapsed public name (found by redirects in the data).
  'contacter-veterinaire-de-garde.com': 'private-business', 'dentiste-degarde.fr': 'private-business',
  'medecins-degarde.com': 'private-business', 'pharmacie-degarde.com': 'private-business',
  'pharmacies-garde.com': 'private-business', 'guidedesvacances.fr': 'private-business',
  // A web agency's and a company's own sites, found among the verified origins.
  'stratis.fr': 'private-business', 'alphamosa.com': 'private-business', 'atexo.com': 'private-business',
  'pixelovore.com': 'private-business', 'talent-soft.com': 'private-business', 'hexanet.fr': 'private-business',
  'vosdomaines.com': 'domain-trade', 'cartesfrance.fr': 'private-business',
  // Private directories of town halls and social services, and a private (Catholic) university, found in a random sample of the active list.
  'france-mairie.info': 'private-business', 'action-sociale.org': 'private-business', 'icp.fr': 'private-business',
};

// Words that no public body's hostname carries; chosen so that communes such as Pornic or Betting do not fit.
const GAMBLING_NAME = /(?:^|[.-])(?:online-?casino|casino-?(?:en-?ligne|online)|poker|sportsbook|paris-sportifs|gokken|jackpot|roulette|bet365|betclic|unibet)(?:[.-]|$)|onlinecasino/;
const ADULT_NAME = /(?:^|[.-])(?:porno?|xxx|sexcam|camgirls?|escorts?|erotique|erotic)(?:[.-]|$)/;

/** Why this hostname (under this registrable domain) is not a public body, or null. */
export function notPublicReason(host: string, domain: string): NotPublicReason | null {
  const listed = NOT_PUBLIC_DOMAINS[domain];
  if (listed !== undefined) return listed;
  if (GAMBLING_NAME.test(host)) return 'gambling';
  if (ADULT_NAME.test(host)) return 'adult';
  return null;
}
