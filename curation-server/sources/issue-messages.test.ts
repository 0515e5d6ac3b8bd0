import { describe, expect, it } from 'vitest';
import { importIssueMessage } from './import-plan.ts';
import { csvFileIssueMessage } from './source-csv.ts';
import { writeIssueMessage } from './write-issues.ts';

describe('refusals read from the catalogue, in each language', () => {
  it('counts cells with the language’s plural (French: 0 and 1 take the singular)', () => {
    expect(importIssueMessage({ code: 'cell-count', found: 1, expected: 8 }, 'fr')).toBe('1 cellule au lieu de 8.');
    expect(importIssueMessage({ code: 'cell-count', found: 2, expected: 8 }, 'fr')).toBe('2 cellules au lieu de 8.');
    expect(importIssueMessage({ code: 'cell-count', found: 1, expected: 8 }, 'en')).toBe('1 cell instead of 8.');
    expect(importIssueMessage({ code: 'cell-count', found: 0, expected: 8 }, 'en')).toBe('0 cells instead of 8.');
  });

  it('names fields and quotes values as each language does', () => {
    expect(writeIssueMessage({ code: 'revert-conflict', fields: ['host', 'status'] }, 'fr')).toBe(
      'Impossible de défaire : nom d’hôte, statut ont changé depuis. Défaites d’abord les modifications plus récentes.',
    );
    expect(writeIssueMessage({ code: 'revert-conflict', fields: ['host', 'status'] }, 'en')).toBe('Cannot undo: hostname, status changed since. Undo the more recent changes first.');
    expect(importIssueMessage({ field: 'scope', code: 'unknown-value', value: 'partout' }, 'fr')).toBe(
      'Valeur « partout » inconnue dans la colonne portée. Valeurs permises : « cet hôte uniquement », « l’hôte et ses sous-domaines », « un chemin de cet hôte ».',
    );
    expect(importIssueMessage({ field: 'id', code: 'duplicate-in-file', otherLine: 3 }, 'en')).toBe('Same identifier as line 3 of the file.');
  });

  it('lists a column’s other names in the language of the message', () => {
    const fr = csvFileIssueMessage({ code: 'unknown-columns', columns: ['pays'] }, 'fr');
    expect(fr).toContain('Colonnes inconnues : « pays ».');
    expect(fr).toContain('« hôte » (ou « nom d’hôte », « site », « adresse », « domaine »)');
    expect(fr).toContain('ou leurs noms anglais (id, host, scope, path, category, status, name, code, provenance).');
    const en = csvFileIssueMessage({ code: 'unknown-columns', columns: ['country'] }, 'en');
    expect(en).toContain('"host" (or "hostname", "site", "address", "domain")');
    expect(en).toContain('or their French names.');
    expect(csvFileIssueMessage({ code: 'unclosed-quote', line: 4 }, 'en')).toBe('Unclosed quote from line 4.');
  });
});
