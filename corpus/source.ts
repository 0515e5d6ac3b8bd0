import type { Category } from './categories.ts';

/**
 * What part of the web a source vouches for:
 * - `host`: exactly this hostname (with or without a leading `www.`);
 * - `subdomains`: this hostname and all its subdomains;
 * - `path`: this hostname, under a path prefix (a tenant of `sites.google.com/site/…`).
 */
export const SCOPES = ['host', 'subdomains', 'path'] as const;
export type Scope = (typeof SCOPES)[number];

/** Only `active` sources are trusted; the others are kept, never deleted, so that nothing is lost. */
export const STATUSES = ['active', 'suspended', 'removed'] as const;
export type Status = (typeof STATUSES)[number];

export interface Source {
  /** Stable identifier: it never changes, even when the hostname is corrected. */
  id: string;
  /** Lowercase ASCII hostname (punycode), no trailing dot, no leading `www.` (see `canonicalSourceHost`). */
  host: string;
  scope: Scope;
  /** Path prefix starting with `/` when scope is `path`, else empty. */
  path: string;
  category: Category;
  status: Status;
  /** Name of the organisation, empty when unknown. */
  name: string;
  /** INSEE code (5 characters: commune, or 2-3: département) or SIREN (9 digits), empty when unknown. */
  code: string;
  /** Where the entry comes from, as comma-separated tokens (`etalab-2023-01-10/communes`, …). */
  provenance: string;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new identifier for a source created by a curator: `c` and 11 random base-32 characters. */
export function randomSourceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(11));
  let id = 'c';
  for (const byte of bytes) id += ID_ALPHABET[byte % 32];
  return id;
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** Two sources with the same key would claim the same part of the web. */
export function sourceKey(source: Pick<Source, 'host' | 'path'>): string {
  return source.path === '' ? source.host : `${source.host}${source.path}`;
}

/** The same order everywhere the corpus is written: by hostname, then path (code-unit order, as `sort` in C locale). */
export function compareSources(a: Pick<Source, 'host' | 'path'>, b: Pick<Source, 'host' | 'path'>): number {
  if (a.host !== b.host) return a.host < b.host ? -1 : 1;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return 0;
}
