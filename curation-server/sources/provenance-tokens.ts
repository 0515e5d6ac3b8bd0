/**
 * The provenance tokens a source can carry (see corpus/README.md): the seed build's
 * (scripts/seed/seed-corpus.ts) and the curators' (validation-state.ts). Each has a sentence in
 * the message catalogue; `etalab/<list>` and `redirect-from:<host>` take a parameter.
 */
export const PROVENANCE_TOKENS = [
  'etalab/verified',
  'dila/annuaire-2019',
  'dila/mairies-2018',
  'mesr/etablissements-2025',
  'mesr/rnsr-2022',
  'ror/v2.9-2026-06-23',
  'category-from-parent',
  'category-from-name',
  'category-default',
  'name-from-parent',
  'city-in-official-directory',
  'epci-in-official-directory',
  'curated',
  'reviewed',
  'unverified',
] as const;
export type ProvenanceToken = (typeof PROVENANCE_TOKENS)[number];

/** The files of Etalab's categorised list (corpus/upstream/etalab/by-category), each an `etalab/<list>` token. */
export const ETALAB_LISTS = [
  'academies',
  'ambassades',
  'aphp',
  'centre-de-gestion',
  'collectivites',
  'communes',
  'conseils-departementaux',
  'conseils-regionaux',
  'epci',
  'etablissements-scolaires',
  'gouvfr-divers',
  'hopitaux',
  'mdph-mda',
  'nongouvfr-divers',
  'prefectures',
  'sante-fr',
  'universites',
] as const;
export type EtalabList = (typeof ETALAB_LISTS)[number];
