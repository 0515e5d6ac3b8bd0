/**
 * Hostnames as people read them: accented names in Unicode (`mairie-égletons.fr`), while the
 * stored and published form stays punycode (`xn--mairie-gletons-hkb.fr`).
 */
import { domainToUnicode } from 'node:url';

export function displayHost(host: string): string {
  if (!host.includes('xn--')) return host;
  const unicode = domainToUnicode(host);
  return unicode === '' ? host : unicode;
}
