/** Plural forms by each language's rules (French: 0 and 1 take the singular, « 0 ajoutée »). */
import type { Lang } from '../../corpus/source-validation.ts';

const rules = new Map<Lang, Intl.PluralRules>();

export function plural(lang: Lang, count: number, one: string, other: string): string {
  let rule = rules.get(lang);
  if (rule === undefined) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  return rule.select(count) === 'one' ? one : other;
}
