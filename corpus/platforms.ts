/**
 * Multi-tenant hosting platforms: hosts where anyone can open a site, beside the ones of the
 * Public Suffix List (PSL), which tldts already knows (`blogspot.com`, `wixsite.com`, `github.io`…).
 *
 * Most French site-builders and personal-page services are NOT in the PSL, so their tenants look
 * like ordinary subdomains (`mairie-x.free.fr`). A commune hosted there must not make the platform
 * or its other tenants trusted: under a platform, trust stays at the exact hostname (subdomain
 * tenants) or at the tenant's path prefix (path tenants), and a platform host itself never carries
 * a `subdomains` scope. The matcher stops at these hosts when it walks up a hostname.
 *
 * Adding a platform here only ever narrows what is trusted. Found in the seed data (see
 * ../shared/corpus-sources/ANALYSIS.md) and completed with the well-known French services.
 * Public bodies that host their own members (mairie53.fr, académies, regional school workspaces)
 * are not platforms: their subdomains are theirs.
 */

export interface SubdomainPlatform {
  host: string;
  tenants: 'subdomains';
}

export interface PathPlatform {
  host: string;
  tenants: 'paths';
  /** What a tenant's path prefix must at least contain (`/site/<name>`). */
  tenantPath: RegExp;
  /** A tenant's path as refusal messages show it. */
  tenantExample: string;
}

export type Platform = SubdomainPlatform | PathPlatform;

const SUBDOMAIN_PLATFORM_HOSTS = [
  // Personal pages of internet access providers.
  'free.fr',
  'online.fr',
  'pagesperso-orange.fr',
  'pagespro-orange.fr',
  'monsite-orange.fr',
  'perso.orange.fr',
  'monsite.orange.fr',
  'perso.wanadoo.fr',
  'monsite.wanadoo.fr',
  'perso.sfr.fr',
  'perso.neuf.fr',
  'perso.nordnet.fr',
  'perso.numericable.fr',
  'perso.club-internet.fr',
  'perso.libertysurf.fr',
  'pagesperso.aliceadsl.fr',
  'chez-alice.fr',
  'chez.com',
  'voila.net',
  'monsite.voila.fr',
  // Site builders and blog services.
  'e-monsite.com',
  'jimdo.com',
  'jimdofree.com',
  'jimdosite.com',
  'jimdo.fr',
  'wix.com',
  'wordpress.com',
  'over-blog.com',
  'over-blog.fr',
  'over-blog.net',
  'over-blog.org',
  'canalblog.com',
  'blogspot.fr',
  'webnode.fr',
  'webnode.com',
  'sitew.fr',
  'sitew.com',
  'sitew.org',
  'weebly.com',
  'eklablog.com',
  'eklablog.fr',
  'ekablog.com',
  'unblog.fr',
  'hautetfort.com',
  'blog4ever.com',
  'wifeo.com',
  'kazeo.com',
  'skyrock.com',
  'centerblog.net',
  'monsite.com',
  'gandi-site.net',
  'siteweb-initial.fr',
  // Site builders sold to communes (found among the registrable domains with many tenants in the data).
  'sitego.fr',
  'notremairie.fr',
  'monclocher.com',
  'reseaudescommunes.fr',
  'reseaudesmicrocommunes.fr',
  'reseaudespetitescommunes.fr',
  'mairies69.net',
  'web63.fr',
  'webou.net',
  'emonsite.com',
  'site-mairies.com',
  // Library portal vendors.
  'bibenligne.fr',
  'bibli.fr',
  'biblix.net',
  'biblixnet.net',
  'c3rb.org',
  'cassioweb.com',
  'opac3d.fr',
  'e-sezhame.fr',
  // Web agencies and portals hosting many unrelated clients.
  'a3w.fr',
  'neopse-site.com',
  'mairie.com',
  'domaine-alias.com',
  'stratis.pro',
  'cognix-systems.net',
  'campagnol.fr',
  'planet-allier.com',
  // Hosting providers' machine names and software vendors' client hosts.
  'ovh.net',
  'cegedim.cloud',
  'byethost3.com',
  '7wi7.com',
  'index-education.net',
  // Free domain-name services: `commune.fr.gd` is a redirect anyone can register.
  'fr.gd',
  'fr.nf',
  'fr.st',
  '123.fr',
] as const;

const PATH_PLATFORMS: PathPlatform[] = [
  { host: 'sites.google.com', tenants: 'paths', tenantPath: /^\/(?:site|view)\/[^/]+/, tenantExample: '/site/nom-du-site' },
  { host: 'facebook.com', tenants: 'paths', tenantPath: /^\/[^/]+/, tenantExample: '/nom-de-la-page' },
  { host: 'instagram.com', tenants: 'paths', tenantPath: /^\/[^/]+/, tenantExample: '/nom-du-compte' },
  { host: 'x.com', tenants: 'paths', tenantPath: /^\/[^/]+/, tenantExample: '/nom-du-compte' },
  { host: 'twitter.com', tenants: 'paths', tenantPath: /^\/[^/]+/, tenantExample: '/nom-du-compte' },
  { host: 'youtube.com', tenants: 'paths', tenantPath: /^\/(?:@[^/]+|(?:c|channel|user)\/[^/]+)/, tenantExample: '/@nom-de-la-chaine' },
  { host: 'linkedin.com', tenants: 'paths', tenantPath: /^\/(?:company|school|showcase|in)\/[^/]+/, tenantExample: '/company/nom-de-l-organisme' },
  { host: 'github.com', tenants: 'paths', tenantPath: /^\/[^/]+/, tenantExample: '/nom-du-compte' },
];

export const PLATFORMS: readonly Platform[] = [
  ...SUBDOMAIN_PLATFORM_HOSTS.map((host): SubdomainPlatform => ({ host, tenants: 'subdomains' })),
  ...PATH_PLATFORMS,
];

/**
 * Public suffixes of the PSL's private section that are hosting platforms: anyone opens a site
 * there (`mairie-x.blogspot.com`). The matcher already stops at them (they are public suffixes),
 * so they are not in `PLATFORMS`; validation treats them as platforms all the same: their own
 * address is never a source, and a tenant's trust stays at its exact hostname. The other private
 * suffixes are organisations that registered their own (`chambagri.fr`, `avocat.fr`): their
 * members keep the `subdomains` scope.
 */
export const HOSTING_PUBLIC_SUFFIXES = [
  'blogspot.com',
  'wixsite.com',
  'wixstudio.com',
  'wixstudio.io',
  'editorx.io',
  'github.io',
  'gitlab.io',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'workers.dev',
  'herokuapp.com',
  'webflow.io',
  'web.app',
  'firebaseapp.com',
  'appspot.com',
  'azurewebsites.net',
  'azurestaticapps.net',
  'amplifyapp.com',
  'cloudfront.net',
  'myshopify.com',
  'readthedocs.io',
  'gitbook.io',
  'notion.site',
  'onrender.com',
  'fly.dev',
  'surge.sh',
  'carrd.co',
  'framer.website',
  'framer.app',
  'my.canva.site',
  'square.site',
] as const;

const PLATFORM_BY_HOST = new Map<string, Platform>([
  ...PLATFORMS.map((platform): [string, Platform] => [platform.host, platform]),
  ...HOSTING_PUBLIC_SUFFIXES.map((host): [string, Platform] => [host, { host, tenants: 'subdomains' }]),
]);

/** The platform whose host this is exactly (`www.` ignored), if any, hosting public suffixes included. */
export function platformAt(host: string): Platform | undefined {
  return PLATFORM_BY_HOST.get(host.startsWith('www.') ? host.slice(4) : host);
}

/** The platform this host is, or is a tenant of (`mairie-x.free.fr` → free.fr, `x.blogspot.com` → blogspot.com), if any. */
export function platformOf(host: string): Platform | undefined {
  for (let level: string | undefined = host; level !== undefined; ) {
    const platform = PLATFORM_BY_HOST.get(level);
    if (platform !== undefined) return platform;
    const dot = level.indexOf('.');
    level = dot < 0 ? undefined : level.slice(dot + 1);
  }
  return undefined;
}

/** Platforms hosted under this host (`orange.fr` → perso.orange.fr, monsite.orange.fr…). */
export function platformsUnder(host: string): Platform[] {
  return [...PLATFORM_BY_HOST.values()].filter((platform) => platform.host.endsWith(`.${host}`));
}
