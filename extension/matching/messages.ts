/**
 * What the extension's pages (the popup) ask the background, and its answers. Local IPC inside
 * the browser: nothing here leaves the device. Checked on arrival, like any input.
 */
import { type Category, isCategory } from '../../corpus/categories.ts';

/** The part of a source a badge shows. */
export interface MatchedSource {
  /** The matched source's hostname, as in the list (`data-sdc-source`). */
  host: string;
  category: Category;
  /** Organisation name, empty when the list does not give it. */
  name: string;
}

/**
 * The sources of these targets, in the same order (null: not trusted); the list's status
 * (list-updates.ts ListStatus); a check of the channel now (the popup's « update now »).
 */
export type Request = { type: 'match'; targets: string[] } | { type: 'list-status' } | { type: 'update-list' };

export type MatchResponse = (MatchedSource | null)[];

/** More targets than any result page has; a bigger request is refused rather than served slowly. */
export const MAX_TARGETS = 500;
const MAX_TARGET_LENGTH = 4096;

export function parseRequest(message: unknown): Request | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, targets } = message as Record<string, unknown>;
  if (type === 'list-status' || type === 'update-list') return { type };
  if (type !== 'match' || !Array.isArray(targets) || targets.length > MAX_TARGETS) return null;
  if (!targets.every((target) => typeof target === 'string' && target.length <= MAX_TARGET_LENGTH)) return null;
  return { type, targets: targets as string[] };
}

/** An answer as received by a page, checked before anything is drawn from it. */
export function parseMatchResponse(value: unknown, expectedLength: number): MatchResponse | null {
  if (!Array.isArray(value) || value.length !== expectedLength) return null;
  const sources: MatchResponse = [];
  for (const item of value) {
    if (item === null) {
      sources.push(null);
      continue;
    }
    const { host, category, name } = (item ?? {}) as Record<string, unknown>;
    if (typeof host !== 'string' || typeof category !== 'string' || !isCategory(category) || typeof name !== 'string') return null;
    sources.push({ host, category, name });
  }
  return sources;
}
