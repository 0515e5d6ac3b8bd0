/**
 * The corpus as text: one source per line, tab-separated, sorted by hostname then path, so that
 * every change is a one-line diff. Lines starting with `#` are comments (the data credit travels
 * in them). Browser-safe: the extension reads this format too.
 *
 *   # …comments…
 *   id  host  scope  path  category  status  name  code  provenance
 *
 * The id is empty in client lists (see `clientSources`); everywhere else it is required (source-validation.ts).
 */
import { isCategory } from './categories.ts';
import { compareSources, isScope, isStatus, type Source } from './source.ts';

export const CORPUS_COLUMNS = ['id', 'host', 'scope', 'path', 'category', 'status', 'name', 'code', 'provenance'] as const;

export interface CorpusLineError {
  /** 1-based line number in the text. */
  line: number;
  message: string;
}

export interface ParsedCorpus {
  sources: Source[];
  /** The comment lines, without their leading `# `. */
  comments: string[];
  errors: CorpusLineError[];
}

// Structural checks only: every write path validates sources fully (source-validation.ts) before
// they reach a corpus text, and reading must stay fast enough to run when a result page loads.
const HOST_SHAPE = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;

/**
 * The cells of one tab-separated row — a corpus or snapshot line, a delta key (`host\tpath`), a
 * line of the seed's rejections: the one place rows are cut into cells (cells never hold a tab).
 */
export function tsvCells(row: string): string[] {
  return row.split('\t');
}

/**
 * Where the cell after the one starting at `cellStart` begins, or 0 when that one is the row's
 * last: how the paths that read a whole list as a page loads step through a row without cutting
 * it into strings (cell `i` then ends one before cell `i + 1` starts).
 */
export function nextCellStart(row: string, cellStart: number): number {
  return row.indexOf('\t', cellStart) + 1;
}

/** Cell `index` (0-based) of a row, or undefined when the row has fewer cells. */
export function tsvCell(row: string, index: number): string | undefined {
  let start = 0;
  for (let cell = 0; cell < index; cell++) {
    start = nextCellStart(row, start);
    if (start === 0) return undefined;
  }
  const next = nextCellStart(row, start);
  return next === 0 ? row.slice(start) : row.slice(start, next - 1);
}

/** One line of a corpus text (not a comment) as a source, or why it is not one. */
export function parseCorpusLine(line: string): Source | string {
  const fields = tsvCells(line);
  if (fields.length !== CORPUS_COLUMNS.length) return `${fields.length} columns instead of ${CORPUS_COLUMNS.length}`;
  const [id, host, scope, path, category, status, name, code, provenance] = fields;
  if (!HOST_SHAPE.test(host) || !host.includes('.')) return `invalid host "${host}"`;
  if (!isScope(scope)) return `invalid scope "${scope}"`;
  if ((scope === 'path') !== path.startsWith('/')) return `path "${path}" does not fit scope "${scope}"`;
  if (!isCategory(category)) return `unknown category "${category}"`;
  if (!isStatus(status)) return `invalid status "${status}"`;
  return { id, host, scope, path, category, status, name, code, provenance };
}

/** Calls `visit` with each line that is neither empty nor a comment, and its 1-based number and offset. */
export function forEachCorpusLine(text: string, visit: (line: string, lineNumber: number, offset: number) => void, comments?: string[]): void {
  let lineNumber = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNumber++;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    if (line !== '') {
      if (line.charCodeAt(0) !== 35 /* # */) visit(line, lineNumber, start);
      else comments?.push(line.startsWith('# ') ? line.slice(2) : line.slice(1));
    }
    start = end + 1;
  }
}

/** Reads a corpus text. Lines that do not parse are reported, never silently dropped. */
export function parseCorpusText(text: string): ParsedCorpus {
  const sources: Source[] = [];
  const comments: string[] = [];
  const errors: CorpusLineError[] = [];
  forEachCorpusLine(
    text,
    (line, lineNumber) => {
      const parsed = parseCorpusLine(line);
      if (typeof parsed === 'string') errors.push({ line: lineNumber, message: parsed });
      else sources.push(parsed);
    },
    comments,
  );
  return { sources, comments, errors };
}

/** Writes sources as a corpus text: same sources and comments → byte-identical text. */
export function serializeCorpusText(sources: readonly Source[], comments: readonly string[] = []): string {
  const lines = comments.map((comment) => (comment === '' ? '#' : `# ${comment}`));
  const sorted = [...sources].sort((a, b) => compareSources(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of sorted) {
    lines.push([s.id, s.host, s.scope, s.path, s.category, s.status, s.name, s.code, s.provenance].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * What clients (extensions) receive of the corpus: the active sources, without the curation-only
 * id and provenance. A source is identified in a client list by its hostname and path (`sourceKey`);
 * leaving out the random ids divides the compressed list by more than two.
 */
export function clientSources(sources: readonly Source[]): Source[] {
  return sources.filter((source) => source.status === 'active').map((source) => ({ ...source, id: '', provenance: '' }));
}
