/**
 * Sites that are in the open data but are not public bodies, whatever answered at their address:
 * domain-trading and parking companies (an expired public domain often ends up parked there),
 * gambling and adult sites, private lead-generation sites that took over a lapsed public name.
 * Refused by the seed build with the reason, so that no rebuild lets them back in.
 */

export type NotPublicReason = 'domain-trade' | 'gambling' | 'adult' | 'private-business' | 'private-organisation';

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
  // Found in a review of every active « autre » source (issue 12, last round): shops, hotels and their recruiting pages,
  // a bank, a mutual insurer, a paid legal-procedure service, web agencies' and hosts' machines, SaaS tenants, personal domains.
  'changersyndic.net': 'private-business', 'hotelmix.fr': 'private-business', 'hotels-in-toulouse.com': 'private-business',
  'burgercaraman.com': 'private-business', 'cabanedanslesbois.com': 'private-business', 'efectoespejo.com': 'private-business',
  'aquatonic.fr': 'private-business', 'werecruit.io': 'private-business', 'lataverne-rennes.com': 'private-business',
  'le-grand-hotel-des-thermes.fr': 'private-business', 'perimetre.pro': 'private-business', 'reinemarine.com': 'private-business',
  'saint-antoine-hotel.fr': 'private-business', 'saintmalogolf.com': 'private-business', 'thalasso-saintmalo.com': 'private-business',
  'faraglo.fr': 'private-business', 'innoval.com': 'private-business', 'ccb.com': 'private-business', 'mutuelle-mbv.fr': 'private-business',
  'saisirprudhommes.com': 'private-business', 'stop-punaises-delit.com': 'private-business', 'survey-smiles.com': 'private-business',
  'docapost.fr': 'private-business', 'cognix-systems.net': 'private-business', 'ipt.fr': 'private-business', 'outsiderland.com': 'private-business',
  'owlgeeks.com': 'private-business', 'wmaker.net': 'private-business', 'talkspirit.com': 'private-business',
  'opensourcepolitics.eu': 'private-business', 'brough.io': 'private-business', 'albertharris.me': 'private-business',
  'bestfreecams.club': 'adult',
  // Products sold to town halls, named like one but no commune's site (only seen among the verified origins).
  'mairie-info.fr': 'private-business', 'mairie-consult.fr': 'private-business', 'mairie-en-ligne.fr': 'private-business',
  'mairie-virtuelle.fr': 'private-business', 'mairie-urba.fr': 'private-business',
  // Religious bodies, a masonic obedience, private foundations and learned societies, whose libraries a directory listed.
  'godf.org': 'private-organisation', 'diocese49.org': 'private-organisation', 'diocese64.org': 'private-organisation',
  'fondationcustodia.fr': 'private-organisation', 'mediathequeprotestante.fr': 'private-organisation',
  'bibliotheque-polonaise-paris-shlp.fr': 'private-organisation', 'bib-port-royal.com': 'private-organisation',
  'royaumont-bibliotheque-francois-lang.fr': 'private-organisation',
};

// Words that no public body's hostname carries; chosen so that communes such as Pornic or Betting do not fit.
const GAMBLING_NAME = /(?:^|[.-])(?:online-?casino|casino-?(?:en-?ligne|online)|poker|sportsbook|paris-sportifs|gokken|jackpot|roulette|bet365|betclic|unibet)(?:[.-]|$)|onlinecasino/;
const ADULT_NAME = /(?:^|[.-])(?:porno?|xxx|sexcam|camgirls?|escorts?|erotique|erotic)(?:[.-]|$)|(?:sex|free|live)cams?(?:[.-]|$)/;

/** Why this hostname (under this registrable domain) is not a public body, or null. */
export function notPublicReason(host: string, domain: string): NotPublicReason | null {
  const listed = NOT_PUBLIC_DOMAINS[domain];
  if (listed !== undefined) return listed;
  if (GAMBLING_NAME.test(host)) return 'gambling';
  if (ADULT_NAME.test(host)) return 'adult';
  return null;
}
