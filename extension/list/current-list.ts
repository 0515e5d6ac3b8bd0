/**
 * The one place the extension gets its list from. Today: the list bundled with the extension,
 * compiled into its scripts (see bundled-list-module.ts), so that it is there as soon as a script
 * starts, offline and on the very first run. Signed updates will come through here too.
 */
import compact from 'virtual:sdc-bundled-list/compact';
import meta from 'virtual:sdc-bundled-list/meta';
import type { ListMeta } from './list-meta.ts';

/** The metadata of the list in use (version, date, size), without the list. */
export function currentListMeta(): ListMeta {
  return meta;
}

/** The list in use, in compact form (about 0.5 MB, the data credit in its header). */
export function currentCompactList(): string {
  return compact;
}
