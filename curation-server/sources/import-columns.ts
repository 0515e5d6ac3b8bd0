/**
 * The words an import file may use, in French or English: column names (`hôte`, `site`, `portée`,
 * `catégorie`…) and the values of the fixed vocabularies (« cet hôte uniquement », « Commune »,
 * « suspendue »…), read without regard to case, accents or apostrophes. Pure data and lookups.
 */
import { CATEGORIES, CATEGORY_IDS, type Category } from '../../corpus/categories.ts';
import { CORPUS_COLUMNS } from '../../corpus/corpus-text.ts';
import type { Lang } from '../../corpus/source-validation.ts';
import { SCOPES, type Scope, STATUSES, type Status } from '../../corpus/source.ts';
import { MESSAGES } from '../i18n/messages.ts';

export type Column = (typeof CORPUS_COLUMNS)[number];

/** `Nom d’hôte` → `nom d'hote`: how names and values are compared. */
export function foldWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’ʼ`´]/g, "'")
    .replace(/[\s_]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The names each column is known by; the first French one is what spreadsheet exports write. */
export const COLUMN_NAMES: Record<Column, { fr: readonly string[]; en: readonly string[] }> = {
  id: { fr: ['identifiant'], en: ['id', 'identifier'] },
  host: { fr: ['hôte', 'nom d’hôte', 'site', 'adresse', 'domaine'], en: ['host', 'hostname', 'site', 'address', 'domain'] },
  scope: { fr: ['portée'], en: ['scope'] },
  path: { fr: ['chemin'], en: ['path'] },
  category: { fr: ['catégorie'], en: ['category'] },
  status: { fr: ['statut'], en: ['status'] },
  name: { fr: ['nom', 'organisation', 'organisme'], en: ['name', 'organisation', 'organization'] },
  code: { fr: ['code', 'code insee', 'insee', 'siren'], en: ['code'] },
  provenance: { fr: ['provenance'], en: ['provenance', 'origin'] },
};

const COLUMN_BY_NAME = new Map<string, Column>(
  CORPUS_COLUMNS.flatMap((column) => [...COLUMN_NAMES[column].fr, ...COLUMN_NAMES[column].en].map((name): [string, Column] => [foldWord(name), column])),
);

export function columnNamed(name: string): Column | undefined {
  return COLUMN_BY_NAME.get(foldWord(name));
}

/** The French header of each column, as spreadsheet exports write it. */
export function frenchHeader(column: Column): string {
  return COLUMN_NAMES[column].fr[0];
}

export type ChoiceField = 'scope' | 'category' | 'status';
type ChoiceValue = { scope: Scope; category: Category; status: Status };

// Besides the codes and the console's own labels (both languages): the short words people write.
const EXTRA_WORDS: { [F in ChoiceField]: [string, ChoiceValue[F]][] } = {
  scope: [
    ['hôte', 'host'],
    ['cet hôte', 'host'],
    ['hôte uniquement', 'host'],
    ['sous-domaines', 'subdomains'],
    ['sous domaines', 'subdomains'],
    ['et ses sous-domaines', 'subdomains'],
    ['chemin', 'path'],
    ['un chemin', 'path'],
  ],
  category: [],
  status: [
    ['suspendu', 'suspended'],
    ['suspendue', 'suspended'],
    ['retiré', 'removed'],
    ['retirée', 'removed'],
    ['actif', 'active'],
    ['active', 'active'],
  ],
};

const CODES: { [F in ChoiceField]: readonly ChoiceValue[F][] } = { scope: SCOPES, category: CATEGORY_IDS, status: STATUSES };

/** A value's label in a language (what the console shows, and what spreadsheet exports write). */
export function choiceLabel<F extends ChoiceField>(field: F, value: ChoiceValue[F], lang: Lang): string {
  if (field === 'category') return CATEGORIES[value as Category][lang];
  if (field === 'scope') return MESSAGES[lang].scopes[value as Scope];
  return MESSAGES[lang].statuses[value as Status];
}

const CHOICE_BY_WORD = Object.fromEntries(
  (['scope', 'category', 'status'] as const).map((field) => {
    const words = new Map<string, string>();
    for (const code of CODES[field]) {
      words.set(foldWord(code), code);
      for (const lang of ['fr', 'en'] as const) words.set(foldWord(choiceLabel(field, code as never, lang)), code);
    }
    for (const [word, code] of EXTRA_WORDS[field]) words.set(foldWord(word), code);
    return [field, words];
  }),
) as Record<ChoiceField, Map<string, string>>;

/** The code a cell means (`Commune` → `commune`, « sous-domaines » → `subdomains`), or undefined. */
export function readChoice<F extends ChoiceField>(field: F, cell: string): ChoiceValue[F] | undefined {
  return CHOICE_BY_WORD[field].get(foldWord(cell)) as ChoiceValue[F] | undefined;
}

/** The values an error message lists for a field, as the console labels them. */
export function validChoices(field: ChoiceField, lang: Lang): string[] {
  return CODES[field].map((code) => choiceLabel(field, code as never, lang));
}
