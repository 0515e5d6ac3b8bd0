/**
 * Validation of a source before it is written anywhere (seed build, console, API, CSV import).
 * Expected problems are values with a code and a field; their texts, in French and English, are in messages.ts.
 */
import { isCategory } from './categories.ts';
import { CORPUS_MESSAGES, type Lang } from './messages.ts';
import { isValidHostname, normalizeHostname, withoutWww } from './hostname.ts';
import { platformAt, platformOf, platformsUnder } from './platforms.ts';
import { suffixStatus } from './registrable-domain.ts';
import { isScope, isStatus, type Scope, type Source } from './source.ts';

export type SourceIssueCode =
  | 'invalid-id'
  | 'invalid-host'
  | 'unknown-tld'
  | 'public-suffix'
  | 'platform'
  | 'platform-home'
  | 'platform-path'
  | 'invalid-scope'
  | 'invalid-path'
  | 'invalid-category'
  | 'invalid-status'
  | 'invalid-code'
  | 'invalid-text'
  | 'invisible-character';

export interface SourceIssue {
  field: keyof Source;
  code: SourceIssueCode;
  /** The platform involved, for `platform`, `platform-home` and `platform-path`. */
  platform?: string;
  /** For `platform-path`: a tenant's path on that platform, as an example. */
  example?: string;
  /** The character refused, as `U+202E`, for `invisible-character`. */
  character?: string;
}

export type { Lang };

export function issueMessage(issue: SourceIssue, lang: Lang = 'fr'): string {
  const texts: Record<SourceIssueCode, (issue: SourceIssue) => string> = CORPUS_MESSAGES[lang].sourceIssues;
  return texts[issue.code](issue);
}

const SOURCE_ID = /^[a-z0-9][a-z0-9-]{2,39}$/;
const INSEE_OR_SIREN = /^(?:[0-9][0-9AB][0-9]{0,3}|[0-9]{9})$/;
// Control characters (C0, DEL, C1) and broken UTF-16 (a lone surrogate) are no text.
const FORBIDDEN_IN_TEXT = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;
// Names are published to every browser: bidirectional overrides, isolates and marks can show a
// name reversed or reordered (`Mairie de ‮nohtaM`), zero-width characters make two names look the same.
const INVISIBLE_IN_TEXT = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

function codePointLabel(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function isValidSourceId(id: string): boolean {
  return SOURCE_ID.test(id);
}

/**
 * The hostname a source is stored under: normalized, and without a leading `www.` unless what
 * remains is a public suffix (`www.gouv.fr` stays; `gouv.fr` could not be trusted).
 */
export function canonicalSourceHost(input: string): string | null {
  const host = normalizeHostname(input);
  if (host === null) return null;
  const bare = withoutWww(host);
  return bare !== host && isValidHostname(bare) && suffixStatus(bare) === 'registrable' ? bare : host;
}

/**
 * A path prefix as the URL parser writes paths (so that it compares with what browsers show),
 * without trailing slash; null when it is not a path (`?`, `#`, relative, or just `/`).
 */
export function normalizePathPrefix(input: string): string | null {
  const raw = input.trim();
  if (!raw.startsWith('/') || raw.startsWith('//') || /[?#\s\\]/.test(raw)) return null;
  let path: string;
  try {
    path = new URL(raw, 'http://example.invalid').pathname;
  } catch {
    return null;
  }
  while (path.endsWith('/')) path = path.slice(0, -1);
  return path === '' ? null : path;
}

/**
 * Why this scope would trust more than one organisation's site, or null when it is safe:
 * a public suffix, a whole hosting platform or its other tenants. A subdomain platform's own
 * address is refused whatever the scope (its homepage is the platform's, not a tenant's), and
 * every refusal names a way that is accepted, never one that would be refused in turn.
 */
export function scopeIssue(host: string, scope: Scope, path: string): SourceIssue | null {
  const home = platformAt(host);
  if (home?.tenants === 'subdomains') return { field: 'host', code: 'platform-home', platform: home.host };
  const suffix = suffixStatus(host);
  if (suffix !== 'registrable') return { field: 'host', code: suffix };
  const platform = platformOf(host);
  if (platform?.tenants === 'paths') {
    const isTenantPath = scope === 'path' && platformAt(host) !== undefined && platform.tenantPath.test(path);
    if (isTenantPath) return null;
    // `m.facebook.com`: only the platform's own hostname takes a tenant path.
    return { field: platformAt(host) === undefined ? 'host' : 'scope', code: 'platform-path', platform: platform.host, example: platform.tenantExample };
  }
  if (scope === 'subdomains') {
    if (platform !== undefined) return { field: 'scope', code: 'platform', platform: platform.host };
    const hosted = platformsUnder(host)[0];
    if (hosted !== undefined) return { field: 'scope', code: 'platform', platform: hosted.host };
  }
  return null;
}

/** A source as typed or imported: every field a string, before checks. */
export type SourceDraft = Record<keyof Source, string>;

export type SourceValidation = { ok: true; source: Source } | { ok: false; issues: SourceIssue[] };

/** Checks and normalizes every field; the caller checks uniqueness (id, and host + path) against its store. */
export function validateSource(draft: SourceDraft): SourceValidation {
  const issues: SourceIssue[] = [];
  const id = draft.id.trim();
  if (!isValidSourceId(id)) issues.push({ field: 'id', code: 'invalid-id' });

  const host = canonicalSourceHost(draft.host);
  if (host === null) issues.push({ field: 'host', code: 'invalid-host' });

  const scope = draft.scope.trim();
  if (!isScope(scope)) issues.push({ field: 'scope', code: 'invalid-scope' });

  let path = '';
  if (scope === 'path') {
    path = normalizePathPrefix(draft.path) ?? '';
    if (path === '') issues.push({ field: 'path', code: 'invalid-path' });
  } else if (draft.path.trim() !== '') {
    issues.push({ field: 'path', code: 'invalid-path' });
  }

  const category = draft.category.trim();
  if (!isCategory(category)) issues.push({ field: 'category', code: 'invalid-category' });
  const status = draft.status.trim();
  if (!isStatus(status)) issues.push({ field: 'status', code: 'invalid-status' });

  const code = draft.code.trim();
  if (code !== '' && !INSEE_OR_SIREN.test(code)) issues.push({ field: 'code', code: 'invalid-code' });
  const name = draft.name.trim();
  const provenance = draft.provenance.trim();
  for (const [field, text] of [['name', name], ['provenance', provenance]] as const) {
    const invisible = INVISIBLE_IN_TEXT.exec(text);
    if (text.length > 300 || FORBIDDEN_IN_TEXT.test(text)) issues.push({ field, code: 'invalid-text' });
    else if (invisible !== null) issues.push({ field, code: 'invisible-character', character: codePointLabel(invisible[0]) });
  }

  if (host !== null && isScope(scope) && !issues.some((issue) => issue.field === 'path')) {
    const unsafe = scopeIssue(host, scope, path);
    if (unsafe !== null) issues.push(unsafe);
  }
  if (issues.length > 0 || host === null || !isScope(scope) || !isCategory(category) || !isStatus(status)) {
    return { ok: false, issues };
  }
  return { ok: true, source: { id, host, scope, path, category, status, name, code, provenance } };
}
