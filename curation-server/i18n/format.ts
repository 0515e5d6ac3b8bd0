/** Dates and numbers as people in each language write them (times in the curators' time zone, Paris). */
import type { Lang } from './messages.ts';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function formatInstant(iso: string, lang: Lang): string {
  let format = dateTimeFormats.get(lang);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
    dateTimeFormats.set(lang, format);
  }
  return format.format(new Date(iso));
}

export function formatCount(count: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang]);
    numberFormats.set(lang, format);
  }
  return format.format(count);
}
