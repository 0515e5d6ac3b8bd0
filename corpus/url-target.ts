/**
 * Reading the target of a link as found in a result page: a full URL, a protocol-relative URL
 * or a bare hostname, in any case, with IDN, port, user-info or a trailing dot.
 * Only http and https targets are considered; everything else has no target host.
 */

// The shape of nearly every link in a result page (browsers write hrefs with lowercase ASCII hosts
// and no default port), read without the URL parser. Anything else goes through the URL parser.
const PLAIN_HTTP_URL = /^https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)\.?(?:[/?#]|$)/;

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * Gives the input a scheme when it has none (`example.fr/x` → `http://example.fr/x`),
 * or null when its scheme is not http or https (`mailto:`, `javascript:`…).
 */
function withHttpScheme(input: string): string | null {
  const scheme = SCHEME.exec(input);
  if (scheme === null) return input.startsWith('//') ? `http:${input}` : `http://${input}`;
  const name = scheme[1].toLowerCase();
  if (name === 'http' || name === 'https') return input;
  // `example.fr:8080/x` has no scheme: what follows the colon is a port.
  return /^\d/.test(input.slice(scheme[0].length)) ? `http://${input}` : null;
}

/** The input parsed by the WHATWG URL parser (as browsers do), or null when it is not an http(s) URL. */
export function parseHttpUrl(input: string): URL | null {
  const candidate = withHttpScheme(input.trim());
  if (candidate === null) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The hostname of an http(s) target, lowercase ASCII (punycode) without trailing dot, or null.
 * Same answer as the URL parser; the common shape is read directly because this runs for
 * every link of every result page.
 */
export function targetHostname(input: string): string | null {
  const plain = PLAIN_HTTP_URL.exec(input);
  if (plain !== null) {
    const host = plain[1];
    const lastLabel = host.charCodeAt(host.lastIndexOf('.') + 1);
    // Numeric last labels are IPv4 forms that the URL parser rewrites; punycode needs its checks.
    if (!(lastLabel >= 48 && lastLabel <= 57) && !host.includes('xn--')) return host;
  }
  const host = parseHttpUrl(input)?.hostname;
  if (!host) return null;
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/** Where the hostname starts in an `http://` or `https://` URL written in lower case, or -1. */
export function plainHostStart(input: string): number {
  if (input.startsWith('https://')) return 8;
  if (input.startsWith('http://')) return 7;
  return -1;
}

/**
 * Where the hostname that starts at `start` ends (before `/`, `?`, `#`, a trailing dot, or the end),
 * or -1 when the URL parser must read it: empty, or with punycode that it has to check.
 */
export function plainHostEnd(input: string, start: number): number {
  let end = input.indexOf('/', start);
  if (end < 0) end = input.length;
  const query = input.indexOf('?', start);
  if (query >= 0 && query < end) end = query;
  const fragment = input.indexOf('#', start);
  if (fragment >= 0 && fragment < end) end = fragment;
  if (end > start && input.charCodeAt(end - 1) === 46 /* . */) end--;
  if (end <= start) return -1;
  const punycode = input.indexOf('xn--', start);
  return punycode >= 0 && punycode < end ? -1 : end;
}

/** The path of an http(s) target as the URL parser gives it (percent-encoded, dot segments resolved), or null. */
export function targetPath(input: string): string | null {
  return parseHttpUrl(input)?.pathname ?? null;
}
