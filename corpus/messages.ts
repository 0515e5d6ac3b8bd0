/**
 * The corpus's texts people read — why a source is refused — in French (the default) and English.
 * `CorpusMessages` is the French dictionary's shape: the English one must have exactly the same
 * keys, checked by the compiler. Browser-safe, like the rest of the corpus; the console's own
 * texts are in curation-server/i18n/messages.ts. source-validation.ts checks that every issue code has a text.
 */
export type Lang = 'fr' | 'en';

/** What a refusal names (source-validation.ts's `SourceIssue`): the platform, an example path, the character refused. */
interface IssueDetails {
  platform?: string;
  example?: string;
  character?: string;
}

const fr = {
  sourceIssues: {
    'invalid-id': () => "Identifiant invalide : de 3 à 40 caractères parmi a-z, 0-9 et « - ».",
    'invalid-host': () => "Nom d'hôte invalide : saisissez un nom comme « mairie-exemple.fr », sans « http:// », chemin, port ni espace.",
    'unknown-tld': () => "Extension inconnue : ce nom ne se termine pas par un domaine de premier niveau existant (.fr, .com…).",
    'public-suffix': () => "Refusé : ce nom est un suffixe public (comme « gouv.fr ») ; il couvrirait des sites d'organismes différents.",
    platform: (i) =>
      `Refusé : « ${i.platform} » est une plateforme d'hébergement partagée ; la confiance s'arrête au nom exact du site hébergé (portée « cet hôte uniquement »).`,
    'platform-home': (i) =>
      `Refusé : « ${i.platform} » est l'adresse d'une plateforme d'hébergement partagée, où chacun peut ouvrir un site ; elle ne peut être une source avec aucune portée. Saisissez l'adresse du site hébergé lui-même, par exemple « mairie-exemple.${i.platform} ».`,
    'platform-path': (i) =>
      `Refusé : sur « ${i.platform} », seule la page d'un site hébergé peut être de confiance : nom d'hôte « ${i.platform} », portée « un chemin de cet hôte » et le chemin de la page, par exemple ${i.example}.`,
    'invalid-scope': () => 'Portée invalide : « host », « subdomains » ou « path ».',
    'invalid-path': () => 'Chemin invalide : avec la portée « chemin », saisissez un préfixe qui commence par « / », sans « ? » ni « # ».',
    'invalid-category': () => 'Catégorie inconnue.',
    'invalid-status': () => 'Statut invalide : « active », « suspended » ou « removed ».',
    'invalid-code': () => 'Code invalide : un code INSEE (2 à 5 caractères) ou un SIREN (9 chiffres).',
    'invalid-text': () => 'Texte invalide : pas de tabulation, de retour à la ligne ni d’autre caractère de contrôle, 300 caractères au plus.',
    'invisible-character': (i) =>
      `Texte refusé : il contient un caractère invisible ou qui inverse le sens de l’écriture (${i.character}), qui pourrait tromper les lecteurs. Retapez-le au clavier plutôt que de le copier-coller.`,
  } satisfies Record<string, (issue: IssueDetails) => string>,
};

export type CorpusMessages = typeof fr;

const en: CorpusMessages = {
  sourceIssues: {
    'invalid-id': () => 'Invalid identifier: 3 to 40 characters among a-z, 0-9 and "-".',
    'invalid-host': () => 'Invalid hostname: enter a name such as "mairie-exemple.fr", without "http://", path, port or space.',
    'unknown-tld': () => 'Unknown top-level domain: this name does not end with an existing top-level domain (.fr, .com…).',
    'public-suffix': () => 'Refused: this name is a public suffix (like "gouv.fr"); it would cover sites of unrelated owners.',
    platform: (i) =>
      `Refused: "${i.platform}" is a shared hosting platform; trust stays at the exact hostname of the hosted site (scope "this host only").`,
    'platform-home': (i) =>
      `Refused: "${i.platform}" is the address of a shared hosting platform, where anyone can open a site; it cannot be a source with any scope. Enter the address of the hosted site itself, e.g. "mairie-exemple.${i.platform}".`,
    'platform-path': (i) =>
      `Refused: on "${i.platform}", only one hosted page can be trusted: hostname "${i.platform}", scope "a path on this host" and the page's path, e.g. ${i.example}.`,
    'invalid-scope': () => 'Invalid scope: "host", "subdomains" or "path".',
    'invalid-path': () => 'Invalid path: with the "path" scope, enter a prefix starting with "/", without "?" or "#".',
    'invalid-category': () => 'Unknown category.',
    'invalid-status': () => 'Invalid status: "active", "suspended" or "removed".',
    'invalid-code': () => 'Invalid code: an INSEE code (2 to 5 characters) or a SIREN number (9 digits).',
    'invalid-text': () => 'Invalid text: no tab, line break or other control character, at most 300 characters.',
    'invisible-character': (i) => `Refused text: it holds a character that is invisible or reverses the direction of writing (${i.character}), which could mislead readers. Type it rather than paste it.`,
  },
};

export const CORPUS_MESSAGES: Record<Lang, CorpusMessages> = { fr, en };
