/**
 * The one place the extension gets its list from. Today: the list bundled in the package, read
 * from the extension's own files (no network). Signed updates (issue 4) will store a newer list
 * and return it from here, the bundled one staying the fallback; callers do not change.
 */
import browser from 'webextension-polyfill';
import { BUNDLED_LIST_META_PATH, BUNDLED_LIST_TEXT_PATH, type ListMeta, parseListMeta } from './list-meta.ts';

export interface CurrentList {
  meta: ListMeta;
  /** The corpus text (corpus/corpus-text.ts format), credit comments first. */
  text: string;
}

async function readPackagedFile(path: string): Promise<Response> {
  // A file of the extension's own package: read locally, never from the network.
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`Packaged file ${path} is missing (${response.status}).`);
  return response;
}

/** The metadata of the list in use (version, date, size), without its text. */
export async function currentListMeta(): Promise<ListMeta> {
  const meta = parseListMeta(await (await readPackagedFile(BUNDLED_LIST_META_PATH)).json());
  // The bundled files are written by the build: a bad one is a packaging bug.
  if (meta === null) throw new Error(`Packaged ${BUNDLED_LIST_META_PATH} is malformed.`);
  return meta;
}

/** The list in use, text included (about 3 MB). */
export async function currentList(): Promise<CurrentList> {
  const [meta, text] = await Promise.all([currentListMeta(), readPackagedFile(BUNDLED_LIST_TEXT_PATH).then((response) => response.text())]);
  return { meta, text };
}
