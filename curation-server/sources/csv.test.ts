import { describe, expect, it } from 'vitest';
import { parseCsv, serializeCsv } from './csv.ts';

describe('CSV', () => {
  it('reads quoted cells, doubled quotes, CRLF, a BOM and blank lines', () => {
    const parsed = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\nz,\n');
    expect(parsed).toEqual({
      ok: true,
      delimiter: ',',
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x, y', 'say "hi"'] },
        { line: 4, cells: ['z', ''] },
      ],
    });
  });

  it('reads the semicolons French spreadsheets write', () => {
    expect(parseCsv('host;name\nmairie.fr;"Saint-Denis; Réunion"')).toEqual({
      ok: true,
      delimiter: ';',
      records: [
        { line: 1, cells: ['host', 'name'] },
        { line: 2, cells: ['mairie.fr', 'Saint-Denis; Réunion'] },
      ],
    });
  });

  it('counts lines inside quoted cells, and reports a quote left open', () => {
    const parsed = parseCsv('a\n"two\nlines"\nb');
    expect(parsed.ok && parsed.records.map((record) => record.line)).toEqual([1, 2, 4]);
    expect(parseCsv('a\n"open\nb')).toEqual({ ok: false, reason: 'unclosed-quote', line: 2 });
  });

  it('writes cells spreadsheets would run as formulas as text, and reads them back unchanged', () => {
    const rows = [['=HYPERLINK("http://evil")', '+33 1', '-', '@SUM(A1)', 'plain, "quoted"']];
    const text = serializeCsv(rows);
    expect(text).toBe(`"'=HYPERLINK(""http://evil"")",'+33 1,'-,'@SUM(A1),"plain, ""quoted"""\r\n`);
    expect(parseCsv(text)).toEqual({ ok: true, delimiter: ',', records: [{ line: 1, cells: rows[0] }] });
  });

  it('quotes every cell holding a separator of either kind, a quote or a line break, whatever the separator written', () => {
    const rows = [['Mairie;=2+2', 'a,b', 'say "hi"', 'two\nlines', 'tab\there', 'plain']];
    expect(serializeCsv(rows)).toBe('"Mairie;=2+2","a,b","say ""hi""","two\nlines","tab\there",plain\r\n');
    expect(serializeCsv([['Mairie,=2+2', 'x;y']], ';')).toBe('"Mairie,=2+2";"x;y"\r\n');
    expect(parseCsv(serializeCsv(rows))).toEqual({ ok: true, delimiter: ',', records: [{ line: 1, cells: rows[0] }] });
  });
});
