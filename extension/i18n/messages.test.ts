import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json';
import fr from '../public/_locales/fr/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const placeholdersOf = (entry: Messages[string]) => Object.keys(entry.placeholders ?? {}).sort();
const usedPlaceholders = (message: string) => [...new Set([...message.matchAll(/\$([A-Z_]+)\$/g)].map((match) => match[1].toLowerCase()))].sort();

describe('extension messages', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  for (const [language, messages] of [['fr', fr], ['en', en]] as [string, Messages][]) {
    it(`declares exactly the placeholders each ${language} message uses, as in French`, () => {
      for (const [key, entry] of Object.entries(messages)) {
        expect(usedPlaceholders(entry.message), key).toEqual(placeholdersOf(entry));
        expect(placeholdersOf(entry), key).toEqual(placeholdersOf((fr as Messages)[key]));
      }
    });
  }

  it('names its own language, which the category phrases follow', () => {
    expect(fr.uiLanguage.message).toBe('fr');
    expect(en.uiLanguage.message).toBe('en');
  });
});
