/**
 * The real target of a link found in a result page: engines wrap results in their own redirect
 * or tracking links (Google `/url?q=…`, Bing `/ck/a?…&u=a1<base64url>`), which must be read before
 * matching, or every result would look like the engine itself.
 */
import type { EngineRecord } from './engine-record.ts';

/** The outcome of reading one link: its target, or why it has none we can use. */
export type LinkTarget =
  | { ok: true; url: string }
  | { ok: false; reason: 'not-http' | 'engine-link' | 'undecodable' };

function decodeBingA1(value: string): string | null {
  // Bing writes `a1` then the target URL in base64url without padding.
  if (!value.startsWith('a1')) return null;
  const base64 = value.slice(2).replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function httpUrl(value: string, base?: string): URL | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Reads `href` (as written in the page, relative or absolute) against the page's URL.
 * A link to the engine's own hosts is a redirect to decode when a rule says so, else an engine link.
 */
export function linkTarget(href: string, pageUrl: string, engine: Pick<EngineRecord, 'hosts' | 'ownHosts' | 'redirects'>): LinkTarget {
  const url = httpUrl(href, pageUrl);
  if (url === null) return { ok: false, reason: 'not-http' };
  if (!isEngineHost(url.hostname, engine)) return { ok: true, url: url.href };
  for (const rule of engine.redirects) {
    if (url.pathname !== rule.path) continue;
    const raw = url.searchParams.get(rule.param);
    if (raw === null) continue;
    const decoded = rule.decoder === 'bing-a1-base64url' ? decodeBingA1(raw) : raw;
    const target = decoded === null ? null : httpUrl(decoded);
    return target === null ? { ok: false, reason: 'undecodable' } : { ok: true, url: target.href };
  }
  return { ok: false, reason: 'engine-link' };
}

/** `bing.com`: it and its subdomains; `maps.google.*`: that name under any country's domain (maps.google.co.uk). */
function isOwnHost(hostname: string, entry: string): boolean {
  if (!entry.endsWith('.*')) return hostname === entry || hostname.endsWith(`.${entry}`);
  const name = entry.slice(0, -1);
  return hostname.startsWith(name) && /^[a-z]{2,}(?:\.[a-z]{2,})?$/.test(hostname.slice(name.length));
}

function isEngineHost(hostname: string, engine: Pick<EngineRecord, 'hosts' | 'ownHosts'>): boolean {
  return engine.hosts.includes(hostname) || engine.ownHosts.some((entry) => isOwnHost(hostname, entry));
}
