/**
 * The extension's messages (public/_locales/<lang>/messages.json) read the way browsers'
 * `i18n.getMessage` reads them — named placeholders (`$NAME$`) standing for `$1`…`$9` — for the
 * code that shows extension text outside the extension (the console's badge preview).
 */
import en from '../public/_locales/en/messages.json' with { type: 'json' };
import fr from '../public/_locales/fr/messages.json' with { type: 'json' };
import type { UiLanguage } from './source-description.ts';

export type MessageKey = keyof typeof fr;
type Entry = { message: string; placeholders?: Record<string, { content: string }> };

const CATALOGUES: Record<UiLanguage, Record<string, Entry>> = { fr, en };

/** A message with its substitutions, as `browser.i18n.getMessage(key, substitutions)` gives it. */
export function localeMessage(language: UiLanguage, key: MessageKey, substitutions: readonly string[] = []): string {
  const entry = CATALOGUES[language][key];
  if (entry === undefined) return '';
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder === undefined ? whole : positional(placeholder.content);
    })
    .replace(/\$\$/g, '$');
}
