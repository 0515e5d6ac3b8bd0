/**
 * What the crawler recognises, as data to review and extend in one place: parking services
 * (nameservers, address ranges), domain marketplaces, cloud hosts whose deprovisioned names can be
 * claimed by anyone (subdomain takeover), and the words of parking, spam and public-body pages.
 */

/** Nameservers of parking services: a domain delegated to them shows a parking page. */
export const PARKING_NAMESERVER_DOMAINS = [
  'sedoparking.com',
  'bodis.com',
  'parkingcrew.net',
  'dan.com',
  'afternic.com',
  'cashparking.com',
  'above.com',
  'parklogic.com',
  'domainparking.ru',
  'uniregistrymarket.link',
  'namebrightdns.com',
  'dsredirection.com',
  'huge-domains.com',
] as const;

/** Address ranges of parking services (the networks their parking pages are served from; review them as services move). */
export const PARKING_ADDRESS_RANGES: readonly { cidr: string; service: string }[] = [
  { cidr: '91.195.240.0/23', service: 'sedoparking.com' },
  { cidr: '64.190.62.0/23', service: 'sedoparking.com' },
  { cidr: '199.59.240.0/22', service: 'bodis.com' },
  { cidr: '185.53.176.0/22', service: 'parkingcrew.net' },
  { cidr: '103.224.182.0/23', service: 'above.com' },
];

/** Registrable domains that sell domains: a redirect there means the name is for sale. */
export const DOMAIN_MARKETPLACES = [
  'dan.com',
  'afternic.com',
  'sedo.com',
  'hugedomains.com',
  'buydomains.com',
  'undeveloped.com',
  'atom.com',
  'squadhelp.com',
  'domainmarket.com',
  'efty.com',
  'brandbucket.com',
  'namecheap.com',
  'godaddy.com',
  'bodis.com',
  'parkingcrew.net',
  'sedoparking.com',
  'above.com',
  'domainlore.uk',
  'epik.com',
] as const;

/**
 * Cloud hosts that hand out names under their own domain: a CNAME to one of them whose target no
 * longer resolves can be re-created by anyone, who then serves pages under the trusted name.
 */
export const TAKEOVER_SUFFIXES = [
  'azurewebsites.net',
  'cloudapp.net',
  'cloudapp.azure.com',
  'trafficmanager.net',
  'blob.core.windows.net',
  'azureedge.net',
  'azure-api.net',
  'herokuapp.com',
  'herokudns.com',
  'github.io',
  'amazonaws.com',
  'elasticbeanstalk.com',
  'cloudfront.net',
  'netlify.app',
  'netlify.com',
  'pantheonsite.io',
  'ghost.io',
  'myshopify.com',
  'wpengine.com',
  'surge.sh',
  'readthedocs.io',
  'bitbucket.io',
  'zendesk.com',
  'webflow.io',
  'wixsite.com',
  'fly.dev',
  'vercel.app',
] as const;

/** Phrases of parking and for-sale pages (matched on the folded text: lowercase, no accents). */
export const PARKING_PAGE_PATTERNS: readonly RegExp[] = [
  /this domain (name )?(is|may be) for sale/,
  /buy this domain/,
  /the domain .{0,60} is for sale/,
  /domain (is )?parked/,
  /parked (free|domain)/,
  /this domain has been registered/,
  /ce (nom de )?domaine est (a vendre|disponible)/,
  /nom de domaine a vendre/,
  /acheter ce (nom de )?domaine/,
  /related searches/,
  /recherches associees/,
];

/** Words of the pages squatters put on lapsed public domains; only counted with a drastic content change. */
export const SPAM_PAGE_PATTERNS: readonly RegExp[] = [
  /\bcasino(s)? en ligne\b/,
  /\bonline casino\b/,
  /\bmachines? a sous\b/,
  /\bslot(s)? (gratuit|online|machine)/,
  /\bparis sportifs?\b/,
  /\bbookmaker\b/,
  /\bviagra\b/,
  /\bescort(s|e)?\b/,
  /\bpayday loans?\b/,
  /\bcbd\b/,
  /\bcrypto(monnaie)?s? (casino|trading)/,
];
