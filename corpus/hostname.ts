/**
 * Hostnames as the corpus stores them: lowercase ASCII (IDN labels in punycode),
 * no trailing dot, at least two labels, not an IP address.
 */

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ASCII_HOSTNAME_CHARS = /^[a-z0-9.-]+$/;
const NUMERIC_LABEL = /^(?:\d+|0x[0-9a-f]*)$/;

/**
 * Normalizes a hostname typed by a person or found in a file: any case, IDN (`mairie-égletons.fr`),
 * one trailing dot. Returns null when it is not a valid DNS hostname (IP addresses, single labels,
 * ports, paths, spaces and underscores included). Never throws.
 */
export function normalizeHostname(input: string): string | null {
  let host = input.trim();
  if (host === '' || host.length > 300) return null;
  if (!ASCII_HOSTNAME_CHARS.test(host)) {
    // Only letters outside ASCII (or upper case) may be rewritten; the URL parser applies IDNA (UTS #46),
    // as browsers do, so the stored form is the one browsers show in `location.hostname`.
    if (/[\s/\\?#@:%[\]_]/.test(host)) return null;
    try {
      host = new URL(`http://${host}`).hostname;
    } catch {
      return null;
    }
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  return isValidHostname(host) ? host : null;
}

/** True for a lowercase ASCII DNS hostname with at least two labels, none of them empty, and not an IPv4 address. */
export function isValidHostname(host: string): boolean {
  if (host.length > 253 || !ASCII_HOSTNAME_CHARS.test(host)) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (NUMERIC_LABEL.test(labels[labels.length - 1])) return false;
  return labels.every((label) => LABEL.test(label));
}

/** `www.mairie.fr` → `mairie.fr`; other hosts unchanged. */
export function withoutWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** The parent of a hostname (`a.b.fr` → `b.fr`), or null for a single label. */
export function parentHostname(host: string): string | null {
  const dot = host.indexOf('.');
  return dot < 0 ? null : host.slice(dot + 1);
}

/** True when `host` is `ancestor` or one of its subdomains. */
export function isSameOrSubdomain(host: string, ancestor: string): boolean {
  return host === ancestor || (host.length > ancestor.length && host.endsWith(ancestor) && host[host.length - ancestor.length - 1] === '.');
}
