/**
 * After a change, the console redirects (POST → redirect → GET) with `?done=<what>`; the page it
 * lands on says what happened. Only known codes produce a message, so a link cannot put text on a page.
 */
import { localUrl } from '../http/redirect-target.ts';
import type { Messages } from '../i18n/messages.ts';

export function noticeFrom(url: URL, t: Messages): string | undefined {
  const done = url.searchParams.get('done');
  const count = (name: string) => Math.max(0, Number.parseInt(url.searchParams.get(name) ?? '0', 10) || 0);
  switch (done) {
    case 'created':
    case 'updated':
    case 'unchanged':
    case 'status':
    case 'reviewed':
    case 'reverted':
    case 'imported':
    case 'accountUpdated':
    case 'tokenRevoked':
      return t.notices[done];
    case 'bulk':
      return t.notices.bulk(count('changed'), count('unchanged'));
    case 'undone':
      return t.batches.undone(count('count'));
    case 'published':
      return t.publications.published(count('version'));
    case 'publicationUnchanged':
      return t.publications.unchanged(count('version'));
    default:
      return undefined;
  }
}

/** A path of the console with `done` (and counts) added to its query. A user-supplied path goes through safeRedirectTarget first. */
export function withNotice(path: string, done: string, counts: Record<string, number> = {}): string {
  const url = localUrl(path);
  // Parsing is where `/.//host` turned into `//host`: a path that leaves the console here is a bug of the caller.
  if (url === null) throw new Error(`withNotice: ${JSON.stringify(path)} is not a path of the console`);
  url.searchParams.set('done', done);
  for (const [name, value] of Object.entries(counts)) url.searchParams.set(name, String(value));
  return url.pathname + url.search;
}
