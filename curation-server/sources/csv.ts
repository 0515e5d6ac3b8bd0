/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM,
 * and — as French spreadsheet software does — `;` as well as `,` for a separator.
 */

export type CsvDelimiter = ',' | ';';

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

export type CsvParse = { ok: true; delimiter: CsvDelimiter; records: CsvRecord[] } | { ok: false; reason: 'unclosed-quote'; line: number };

// A cell starting with one of these is run as a formula by spreadsheets (CSV injection): exports
// prefix it with an apostrophe, which spreadsheets hide, and reading removes that prefix again.
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** The separator of the first line: whichever of `;` and `,` appears more often outside quotes. */
function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Every record of the text; blank lines are skipped; cells are read back as `serializeCsv` wrote them. */
export function parseCsv(input: string): CsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells: cells.map(unguardFormula) });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
      i++;
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      endRecord();
      if (char === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else cell += char;
    i++;
  }
  if (quoted) return { ok: false, reason: 'unclosed-quote', line: recordLine };
  if (cell !== '' || cells.length > 0) endRecord();
  return { ok: true, delimiter, records };
}

// Either separator, whichever this file uses: a French spreadsheet splits `Mairie;=2+2` on `;`
// even in a comma-separated file, and the piece after it would be a formula (the guard only sees
// the cell's start). A tab too: spreadsheets offer it as a separator when opening a CSV.
const NEEDS_QUOTES = /[,;\t"\r\n]/;

function quoted(cell: string): string {
  const guarded = guardFormula(cell);
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** CSV text with CRLF line ends (RFC 4180), every cell quoted when it needs to be. */
export function serializeCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ','): string {
  return rows.map((row) => row.map(quoted).join(delimiter)).join('\r\n') + '\r\n';
}
