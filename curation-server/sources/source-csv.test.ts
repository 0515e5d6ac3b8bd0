import { describe, expect, it } from 'vitest';
import { SAMPLE_SOURCES } from '../testing/temp-database.ts';
import { sourcesCsv } from './source-csv.ts';

/** The cells a spreadsheet set to one separator reads on a line: quotes group, the separator splits. */
function cellsReadWith(separator: string, line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  return [...cells, cell];
}

describe('sources as CSV', () => {
  it('never lets a spreadsheet read a formula, with either separator', () => {
    const hostile = { ...SAMPLE_SOURCES[0], name: 'Mairie;=2+2', code: '', provenance: 'curated,=1+1;@SUM(A1)' };
    const [, line] = sourcesCsv([hostile]).split('\r\n');
    for (const separator of [',', ';']) {
      const cells = cellsReadWith(separator, line);
      expect(cells.filter((cell) => /^[=+\-@]/.test(cell)), separator).toEqual([]);
    }
    expect(cellsReadWith(',', line)).toContain('Mairie;=2+2');
  });
});
