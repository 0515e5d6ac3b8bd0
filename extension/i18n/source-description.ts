/** How a source is named to people: its category's phrases (corpus/categories.ts) and its organisation. Pure: the console's badge preview uses it too. */
import { CATEGORIES, type Category } from '../../corpus/categories.ts';

export type UiLanguage = 'fr' | 'en';

export interface SourceDescription {
  /** `commune`, `university or higher education`… */
  category: string;
  /** « d'une commune », "of a municipality". */
  article: string;
  /** The organisation's name, or the site's hostname when the list does not name it. */
  organisation: string;
}

export function describeSource(source: { category: Category; name: string; host: string }, language: UiLanguage): SourceDescription {
  const category = CATEGORIES[source.category];
  return { category: category[language], article: category.article[language], organisation: source.name || source.host };
}
