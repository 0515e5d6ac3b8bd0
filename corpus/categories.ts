/**
 * The fixed vocabulary of source categories. The id is what is stored and shipped;
 * the labels are what people read (French first, English for browsers in English).
 */
export const CATEGORIES = {
  commune: { fr: 'commune', en: 'municipality', article: { fr: "d'une commune", en: 'of a municipality' } },
  intercommunalite: {
    fr: 'intercommunalité',
    en: 'inter-municipal body',
    article: { fr: "d'une intercommunalité", en: 'of an inter-municipal body' },
  },
  departement: { fr: 'département', en: 'département', article: { fr: "d'un département", en: 'of a département' } },
  region: { fr: 'région', en: 'region', article: { fr: "d'une région", en: 'of a region' } },
  prefecture: {
    fr: "préfecture et services de l'État",
    en: 'prefecture or State service',
    article: { fr: "d'une préfecture ou d'un service de l'État", en: 'of a prefecture or State service' },
  },
  etat: {
    fr: "ministère ou opérateur de l'État",
    en: 'ministry or State agency',
    article: { fr: "d'un ministère ou d'un opérateur de l'État", en: 'of a ministry or State agency' },
  },
  'enseignement-superieur': {
    fr: 'université et enseignement supérieur',
    en: 'university or higher education',
    article: { fr: "d'un établissement d'enseignement supérieur", en: 'of a university or higher education body' },
  },
  education: {
    fr: 'académie ou établissement scolaire',
    en: 'education authority or school',
    article: { fr: "d'une académie ou d'un établissement scolaire", en: 'of an education authority or school' },
  },
  sante: {
    fr: 'hôpital et santé publique',
    en: 'hospital or public health',
    article: { fr: "d'un hôpital ou d'un organisme de santé publique", en: 'of a hospital or public health body' },
  },
  ambassade: {
    fr: 'ambassade et réseau diplomatique',
    en: 'embassy or diplomatic network',
    article: { fr: "d'une ambassade ou du réseau diplomatique", en: 'of an embassy or diplomatic mission' },
  },
  'securite-sociale': {
    fr: 'organisme de sécurité sociale',
    en: 'social security body',
    article: { fr: "d'un organisme de sécurité sociale", en: 'of a social security body' },
  },
  autre: {
    fr: 'autre organisme public',
    en: 'other public body',
    article: { fr: "d'un organisme public", en: 'of a public body' },
  },
} as const;

export type Category = keyof typeof CATEGORIES;

export const CATEGORY_IDS = Object.keys(CATEGORIES) as Category[];

export function isCategory(value: string): value is Category {
  return Object.hasOwn(CATEGORIES, value);
}
