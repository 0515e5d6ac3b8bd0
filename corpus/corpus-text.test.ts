import { describe, expect, it } from 'vitest';
import { parseCorpusText, serializeCorpusText, nextCellStart, tsvCell, tsvCells } from './corpus-text.ts';
import { makeSource } from './testing/make-source.ts';

const ain = makeSource('ain.fr', {
  id: 'a1',
  category: 'departement',
  name: "Département de l'Ain",
  code: '01',
  provenance: 'etalab-2023-01-10/conseils-departementaux',
});
const site = makeSource('sites.google.com', { id: 'g1', scope: 'path', path: '/site/x', provenance: ain.provenance });
const abbeville = makeSource('abbeville.fr', { id: 'b1', status: 'suspended', provenance: ain.provenance });

describe('corpus text', () => {
  it('round-trips sources and comments, sorted by hostname then path', () => {
    const text = serializeCorpusText([site, ain, abbeville], ['Credit line', '']);
    expect(text.split('\n').slice(0, 3)).toEqual(['# Credit line', '#', 'b1\tabbeville.fr\tsubdomains\t\tcommune\tsuspended\t\t\tetalab-2023-01-10/conseils-departementaux']);
    const parsed = parseCorpusText(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.comments).toEqual(['Credit line', '']);
    expect(parsed.sources).toEqual([abbeville, ain, site]);
  });

  it('writes byte-identical text whatever the input order', () => {
    expect(serializeCorpusText([ain, site, abbeville])).toBe(serializeCorpusText([abbeville, site, ain]));
  });

  it('reports each malformed line with its number and keeps the others', () => {
    const text = [
      '# header',
      'a1\tain.fr\tsubdomains\t\tdepartement\tactive\t\t\t',
      'too\tfew',
      'b1\tAIN.fr\thost\t\tcommune\tactive\t\t\t',
      'c1\tain.fr\tpath\t\tcommune\tactive\t\t\t',
      'd1\tain.fr\thost\t\tclub\tactive\t\t\t',
      'e1\tain.fr\thost\t\tcommune\tlive\t\t\t',
      '\tclient-list.fr\thost\t\tcommune\tactive\t\t\t',
      'f1\tain.fr\teverything\t\tcommune\tactive\t\t\t\r',
    ].join('\n');
    const parsed = parseCorpusText(text);
    expect(parsed.sources.map((s) => `${s.id}:${s.host}`)).toEqual(['a1:ain.fr', ':client-list.fr']);
    expect(parsed.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 9]);
    expect(parsed.errors[0].message).toBe('2 columns instead of 9');
  });
});

describe('TSV rows', () => {
  const row = 'a1\tain.fr\tsubdomains\t\tdepartement\tactive\tDépartement\t01\tetalab';

  it('cuts a row into its cells, empty ones included', () => {
    expect(tsvCells(row)).toEqual(['a1', 'ain.fr', 'subdomains', '', 'departement', 'active', 'Département', '01', 'etalab']);
    expect(tsvCells('')).toEqual(['']);
  });

  it('reads one cell, or says the row is too short', () => {
    expect([0, 1, 3, 8].map((index) => tsvCell(row, index))).toEqual(['a1', 'ain.fr', '', 'etalab']);
    expect(tsvCell(row, 9)).toBeUndefined();
    expect(tsvCell('ain.fr\t/path', 1)).toBe('/path');
  });

  it('steps from cell to cell without cutting the row, and says when the last one is reached', () => {
    const starts = [0];
    for (let start = nextCellStart(row, 0); start !== 0; start = nextCellStart(row, start)) starts.push(start);
    expect(starts.map((start, index) => row.slice(start, index + 1 < starts.length ? starts[index + 1] - 1 : row.length))).toEqual(tsvCells(row));
    expect(nextCellStart('ain.fr', 0)).toBe(0);
    expect(nextCellStart('\t', 0)).toBe(1);
  });
});
