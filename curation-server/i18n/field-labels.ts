import type { Lang } from '../../corpus/source-validation.ts';
import type { Source } from '../../corpus/source.ts';

/** What each source field is called in the console, in messages and in form labels. */
export const FIELD_LABELS: Record<Lang, Record<keyof Source, string>> = {
  fr: {
    id: 'identifiant',
    host: 'nom d’hôte',
    scope: 'portée',
    path: 'chemin',
    category: 'catégorie',
    status: 'statut',
    name: 'organisation',
    code: 'code INSEE ou SIREN',
    provenance: 'provenance',
  },
  en: {
    id: 'identifier',
    host: 'hostname',
    scope: 'scope',
    path: 'path',
    category: 'category',
    status: 'status',
    name: 'organisation',
    code: 'INSEE or SIREN code',
    provenance: 'provenance',
  },
};

/** A field's label at the start of a sentence or as a form label. */
export function fieldLabel(lang: Lang, field: keyof Source): string {
  const label = FIELD_LABELS[lang][field];
  return label.charAt(0).toUpperCase() + label.slice(1);
}
