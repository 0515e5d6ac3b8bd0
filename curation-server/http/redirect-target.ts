/**
 * Redirect targets: only a path of this console, never another origin (open redirect). A candidate
 * is resolved the way a browser resolves a Location header — `/.//evil.example` becomes
 * `//evil.example`, `/\evil.example` is another host — and checked after that, so that what is
 * checked is what the browser will follow. Every redirect to a user-supplied target goes through here.
 */
const ORIGIN = 'http://console.invalid';

/** The candidate as a URL of this console, or null when a browser would leave the console with it. */
export function localUrl(candidate: string): URL | null {
  // The URL parser drops tabs and line breaks (`/\t/evil.example` is `//evil.example`); no form sends them.
  if (!candidate.startsWith('/') || /[\u0000-\u001f\u007f]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate, ORIGIN);
  } catch {
    return null;
  }
  // A path that resolves to `//host…` is, as a Location, a scheme-relative link to another site.
  return url.origin === ORIGIN && !url.pathname.startsWith('//') ? url : null;
}

/** The candidate as the normalised path to redirect to, or the fallback when it would lead elsewhere. */
export function safeRedirectTarget(candidate: string | undefined, fallback: string): string {
  const url = candidate === undefined ? null : localUrl(candidate);
  return url === null ? fallback : url.pathname + url.search + url.hash;
}
