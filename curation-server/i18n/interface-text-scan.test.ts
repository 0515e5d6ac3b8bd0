import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interfaceTextFindings } from './interface-text-scan.ts';

const SERVER = join(import.meta.dirname, '..');

/**
 * French text that may stay outside the catalogue, and why: it is not the console's interface in
 * one of its languages, but data kept as written or text for the server's operator. Either the
 * whole file, or only the literals listed (the start of each).
 */
const ALLOWED: Record<string, { why: string; texts?: string[] }> = {
  'sources/import-columns.ts': { why: 'the words an import file may use, in both languages: input vocabulary, not output' },
  'api/atlaas-api.ts': { why: 'OpenAPI descriptions in English that name French terms, and one API error in French' },
  'api/api-app.ts': { why: 'the product’s name', texts: ['Sources de confiance — curation API'] },
  'atlaas/divisions.ts': { why: 'names of the open data (Communauté de communes…)' },
  'atlaas/names.ts': { why: 'French articles, for comparing names' },
  'atlaas/source-links.ts': { why: 'the reasons of suggested links, written into the database in French' },
  'atlaas/action-file.ts': { why: 'the Atlaas action file’s refusals, in French only: not yet in the catalogue' },
  'atlaas/action-import.ts': { why: 'the Atlaas action file’s refusals, in French only: not yet in the catalogue' },
  'auth/actor.ts': { why: 'actors’ labels, written into the history as data', texts: ['système', 'ligne de commande', 'jeton «'] },
  'crawler/crawl-runs.ts': { why: 'the system actor’s label in the history', texts: ['système'] },
  'crawler/crawl-schedule.ts': { why: 'the system actor’s label in the history', texts: ['système'] },
  'crawler/crawl-settings.ts': { why: 'a setting’s help for the operator', texts: ['le User-Agent nomme le robot'] },
  'db/seed-corpus.ts': { why: 'the seeding event’s comment in the history', texts: ['sources du corpus initial'] },
  'review/review-queue.ts': { why: 'the queue decisions’ comment in the history', texts: ['file de revue'] },
  'sources/batch-undo.ts': { why: 'the undo event’s comment in the history', texts: ['défait le lot'] },
  'routes/imports.tsx': { why: 'the name recorded for a pasted import, in the history', texts: ['(texte collé)'] },
};

function serverSources(): string[] {
  return readdirSync(SERVER, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(SERVER, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith('testing/') && path !== 'i18n/messages.ts' && path !== 'i18n/interface-text-scan.ts');
}

describe('interface text lives in the catalogue', () => {
  it('finds a language ternary, a French sentence in a string and in JSX text, but not comments, regular expressions or catalogue calls', () => {
    const source = [
      "const label = lang === 'fr' ? 'Source' : 'Source';",
      "const refused = 'Source introuvable.';",
      'const page = <p>Aucune source ne correspond.</p>;',
      '// La source est retirée : a comment may say it in French.',
      "const folded = text.replace(/[’é]/g, 'e');",
      'const fine = t.notices.created;',
      'const english = `Unknown value "${value}" in the ${field} column.`;',
    ].join('\n');
    expect(interfaceTextFindings(source).map(({ line, kind }) => [line, kind])).toEqual([
      [1, 'language-test'],
      [2, 'french-text'],
      [3, 'french-text'],
    ]);
  });

  it('has no language ternary nor French text in the server’s code outside the catalogue and the allow-list', () => {
    const files = serverSources();
    expect(files.length).toBeGreaterThan(100);
    const outside: string[] = [];
    for (const file of files) {
      const allowed = ALLOWED[file];
      if (allowed !== undefined && allowed.texts === undefined) continue;
      for (const finding of interfaceTextFindings(readFileSync(join(SERVER, file), 'utf8'))) {
        if (finding.kind === 'french-text' && allowed?.texts?.some((text) => finding.text.startsWith(text))) continue;
        outside.push(`${file}:${finding.line} ${finding.kind}: ${finding.text}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('lists in the allow-list only files that exist', () => {
    const files = new Set(serverSources());
    expect(Object.keys(ALLOWED).filter((file) => !files.has(file))).toEqual([]);
  });
});
