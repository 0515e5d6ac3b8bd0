import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_IDS } from '../../corpus/categories.ts';
import { columnNamed, foldWord, readChoice, validChoices } from './import-columns.ts';

describe('import column names', () => {
  it('knows each column by its French and English names, any case, accents or apostrophe', () => {
    expect(['hôte', 'HOTE', 'Site', 'adresse', 'Nom d’hôte', "nom d'hote", 'host', 'Hostname'].map(columnNamed)).toEqual(Array(8).fill('host'));
    expect(['Portée', 'portee', 'scope'].map(columnNamed)).toEqual(['scope', 'scope', 'scope']);
    expect(['Catégorie', 'statut', 'Nom', 'Code INSEE', 'provenance', 'identifiant', 'chemin'].map(columnNamed)).toEqual(['category', 'status', 'name', 'code', 'provenance', 'id', 'path']);
    expect(columnNamed('couleur')).toBeUndefined();
    expect(foldWord('  L’Hôte   et_ses ')).toBe("l'hote et ses");
  });
});

describe('import values', () => {
  it('reads scopes in the console’s words, short French words and codes', () => {
    for (const [cell, scope] of [['cet hôte uniquement', 'host'], ['Cet hote uniquement', 'host'], ['sous-domaines', 'subdomains'], ['l’hôte et ses sous-domaines', 'subdomains'], ['chemin', 'path'], ['this host only', 'host'], ['subdomains', 'subdomains']]) {
      expect(readChoice('scope', cell), cell).toBe(scope);
    }
    expect(readChoice('scope', 'partout')).toBeUndefined();
  });

  it('reads every category by its French or English label, or its code, case- and accent-insensitively', () => {
    for (const id of CATEGORY_IDS) {
      for (const cell of [id, CATEGORIES[id].fr, CATEGORIES[id].fr.toUpperCase(), foldWord(CATEGORIES[id].fr), CATEGORIES[id].en]) expect(readChoice('category', cell), cell).toBe(id);
    }
    expect(readChoice('category', 'Comune')).toBeUndefined();
  });

  it('reads statuses in French (either gender) and English', () => {
    expect(['active', 'Actif', 'suspendue', 'SUSPENDU', 'retirée', 'Retire', 'removed', 'suspended'].map((cell) => readChoice('status', cell))).toEqual(['active', 'active', 'suspended', 'suspended', 'removed', 'removed', 'removed', 'suspended']);
    expect(validChoices('status', 'fr')).toEqual(['active', 'suspendue', 'retirée']);
    expect(validChoices('scope', 'en')).toEqual(['this host only', 'the host and its subdomains', 'a path on this host']);
  });
});
