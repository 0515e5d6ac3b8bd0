/** Where to go after signing in: only a path of this site, never another origin (open redirect). */
export function safeRedirectTarget(next: string | undefined, fallback: string): string {
  if (next === undefined || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return /[\u0000-\u001f]/.test(next) ? fallback : next;
}
