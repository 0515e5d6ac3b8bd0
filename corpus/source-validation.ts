/**
 * Validation of a source before it is written anywhere (seed build, console, API, CSV import).
 * Expected problems are values with a code, a field and a message in French or English.
 */
import { isCategory } from './categories.ts';
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

export type Lang = 'fr' | 'en';

const MESSAGES: Record<SourceIssueCode, Record<Lang, (issue: SourceIssue) => string>> = {
  'invalid-id': {
    fr: () => "Identifiant invalide : de 3 à 40 caractères parmi a-z, 0-9 et « - ».",
    en: () => 'Invalid identifier: 3 to 40 characters among a-z, 0-9 and "-".',
  },
  'invalid-host': {
    fr: () => "Nom d'hôte invalide : saisissez un nom comme « mairie-exemple.fr », sans « http:// », chemin, port ni espace.",
    en: () => 'Invalid hostname: enter a name such as "mairie-exemple.fr", without "http://", path, port or space.',
  },
  'unknown-tld': {
    fr: () => "Extension inconnue : ce nom ne se termine pas par un domaine de premier niveau existant (.fr, .com…).",
    en: () => 'Unknown top-level domain: this name does not end with an existing top-level domain (.fr, .com…).',
  },
  'public-suffix': {
    fr: () => "Refusé : ce nom est un suffixe public (comme « gouv.fr ») ; il couvrirait des sites d'organismes différents.",
    en: () => 'Refused: this name is a public suffix (like "gouv.fr"); it would cover sites of unrelated owners.',
  },
  platform: {
    fr: (i) =>
      `Refusé : « ${i.platform} » est une plateforme d'hébergement partagée ; la confiance s'arrête au nom exact du site hébergé (portée « cet hôte uniquement »).`,
    en: (i) =>
      `Refused: "${i.platform}" is a shared hosting platform; trust stays at the exact hostname of the hosted site (scope "this host only").`,
  },
  'platform-home': {
    fr: (i) =>
      `Refusé : « ${i.platform} » est l'adresse d'une plateforme d'hébergement partagée, où chacun peut ouvrir un site ; elle ne peut être une source avec aucune portée. Saisissez l'adresse du site hébergé lui-même, par exemple « mairie-exemple.${i.platform} ».`,
    en: (i) =>
      `Refused: "${i.platform}" is the address of a shared hosting platform, where anyone can open a site; it cannot be a source with any scope. Enter the address of the hosted site itself, e.g. "mairie-exemple.${i.platform}".`,
  },
  'platform-path': {
    fr: (i) =>
      `Refusé : sur « ${i.platform} », seule la page d'un site hébergé peut être de confiance : nom d'hôte « ${i.platform} », portée « un chemin de cet hôte » et le chemin de la page, par exemple ${i.example}.`,
    en: (i) =>
      `Refused: on "${i.platform}", only one hosted page can be trusted: hostname "${i.platform}", scope "a path on this host" and the page's path, e.g. ${i.example}.`,
  },
  'invalid-scope': {
    fr: () => 'Portée invalide : « host », « subdomains » ou « path ».',
    en: () => 'Invalid scope: "host", "subdomains" or "path".',
  },
  'invalid-path': {
    fr: () => 'Chemin invalide : avec la portée « chemin », saisissez un préfixe qui commence par « / », sans « ? » ni « # ».',
    en: () => 'Invalid path: with the "path" scope, enter a prefix starting with "/", without "?" or "#".',
  },
  'invalid-category': {
    fr: () => 'Catégorie inconnue.',
    en: () => 'Unknown category.',
  },
  'invalid-status': {
    fr: () => 'Statut invalide : « active », « suspended » ou « removed ».',
    en: () => 'Invalid status: "active", "suspended" or "removed".',
  },
  'invalid-code': {
    fr: () => 'Code invalide : un code INSEE (2 à 5 caractères) ou un SIREN (9 chiffres).',
    en: () => 'Invalid code: an INSEE code (2 to 5 characters) or a SIREN number (9 digits).',
  },
  'invalid-text': {
    fr: () => 'Texte invalide : pas de tabulation, de retour à la ligne ni d’autre caractère de contrôle, 300 caractères au plus.',
    en: () => 'Invalid text: no tab, line break or other control character, at most 300 characters.',
  },
  'invisible-character': {
    fr: (i) =>
      `Texte refusé : il contient un caractère invisible ou qui inverse le sens de l’écriture (${i.character}), qui pourrait tromper les lecteurs. Retapez-le au clavier plutôt que de le copier-coller.`,
    en: (i) => `Refused text: it holds a character that is invisible or reverses the direction of writing (${i.character}), which could mislead readers. Type it rather than paste it.`,
  },
};

export function issueMessage(issue: SourceIssue, lang: Lang = 'fr'): string {
  return MESSAGES[issue.code][lang](issue);
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
