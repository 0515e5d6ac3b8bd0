import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { UPSTREAM_DIRECTORY } from '../../scripts/seed/etalab-input.ts';
import { MORE_DATASETS } from '../../corpus/node/more-input.ts';
import { LANGS, MESSAGES } from '../i18n/messages.ts';
import { provenanceSentence, provenanceSentences } from './provenance-text.ts';

describe('provenance as sentences', () => {
  it('has a sentence, in French and in English, for every provenance code the seed corpus carries', () => {
    const tokens = new Set<string>();
    for (const source of readSeedCorpus().sources) for (const token of source.provenance.split(',')) if (token !== '') tokens.add(token);
    expect(tokens.size).toBeGreaterThan(20);
    for (const lang of LANGS) {
      const undescribed = [...tokens].filter((token) => provenanceSentence(token, MESSAGES[lang]) === null);
      expect(undescribed, lang).toEqual([]);
    }
  });

  it('describes every code the seed build can write: each Etalab list, each other dataset, the curators’ marks', () => {
    const lists = readdirSync(join(UPSTREAM_DIRECTORY, 'by-category')).map((file) => `etalab/${file.replace(/\.txt$/, '')}`);
    const datasets = Object.values(MORE_DATASETS).map((dataset) => dataset.token);
    const marks = ['etalab/verified', 'redirect-from:ancienne-mairie.fr', 'category-from-parent', 'category-from-name', 'category-default', 'name-from-parent', 'city-in-official-directory', 'epci-in-official-directory', 'curated', 'reviewed', 'unverified'];
    for (const lang of LANGS) for (const token of [...lists, ...datasets, ...marks]) expect(provenanceSentence(token, MESSAGES[lang]), `${lang} ${token}`).not.toBeNull();
  });

  it('reads the parameter of a token, and says when a code has no sentence rather than inventing one', () => {
    const t = MESSAGES.fr;
    expect(provenanceSentences('etalab/communes, redirect-from:xn--mairie-gletons-hkb.fr,import-2026', t)).toEqual([
      { token: 'etalab/communes', sentence: 'Figure dans la liste des sites publics d’Etalab (janvier 2023), liste « communes ».' },
      { token: 'redirect-from:xn--mairie-gletons-hkb.fr', sentence: 'L’ancienne adresse mairie-égletons.fr redirigeait vers ce site.' },
      { token: 'import-2026', sentence: null },
    ]);
    expect(provenanceSentence('etalab/inconnue', t)).toBeNull();
    expect(provenanceSentence('redirect-from:', t)).toBeNull();
  });
});
