import { getDomain, getPublicSuffix, parse } from 'tldts';

// The hostname is already extracted and normalized by the caller: skip tldts' own parsing work.
const HOSTNAME_ONLY = {
  allowPrivateDomains: true,
  extractHostname: false,
  validateHostname: false,
  detectIp: false,
  mixedInputs: false,
} as const;

/**
 * The registrable domain of a normalized hostname according to the Public Suffix List, private
 * section included (`x.blogspot.com` is its own registrable domain), or null for a public suffix.
 */
export function registrableDomain(host: string): string | null {
  return getDomain(host, HOSTNAME_ONLY);
}

/** True when trust given at `level` (the host or one of its ancestors) stays within the host's registrable domain. */
export function staysWithinRegistrableDomain(host: string, level: string): boolean {
  const domain = getDomain(host, HOSTNAME_ONLY);
  return domain !== null && level.length >= domain.length;
}

/** Whether a wildcard rule makes every child of `host` a public suffix (`*.host`). */
export function childrenArePublicSuffixes(host: string): boolean {
  const child = `sdc-probe-0.${host}`;
  return getPublicSuffix(child, HOSTNAME_ONLY) === child;
}

/** How a hostname sits in the Public Suffix List. */
export function suffixStatus(host: string): 'registrable' | 'public-suffix' | 'unknown-tld' {
  const parsed = parse(host, { allowPrivateDomains: true, extractHostname: false });
  if (!parsed.isIcann && !parsed.isPrivate) return 'unknown-tld';
  return parsed.domain === null ? 'public-suffix' : 'registrable';
}
