/**
 * The sources list: search (hostname, organisation, code), filters, sort and pagination, for the
 * console, the API and exports. Search goes through the trigram full-text index, so that any part
 * of a hostname or name is found, accents ignored, without scanning 50,000 rows.
 */
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { CATEGORY_IDS, type Category } from '../../corpus/categories.ts';
import { normalizeHostname, withoutWww } from '../../corpus/hostname.ts';
import { STATUSES, type Status } from '../../corpus/source.ts';
import { targetHostname } from '../../corpus/url-target.ts';
import type { Database } from '../db/schema.ts';
import { type StoredSource, storedSourceFromRow } from './stored-source.ts';
import { VALIDATION_STATES, type ValidationState } from './validation-state.ts';

export const SOURCE_SORTS = ['host', 'name', 'category', 'status', 'updated'] as const;
export type SourceSort = (typeof SOURCE_SORTS)[number];
export const PAGE_SIZES = [25, 50, 100, 200] as const;

export interface SourceFilter {
  q: string;
  category?: Category;
  status?: Status;
  validation?: ValidationState;
}

export interface SourceListQuery extends SourceFilter {
  sort: SourceSort;
  order: 'asc' | 'desc';
  page: number;
  perPage: number;
}

// Control characters other than whitespace: nobody types them into a search box, and FTS5 cannot even parse a NUL.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;

/** The search box's text: refused (a 400 with the reason) rather than searched when it holds a control character. */
export const SearchTextSchema = z
  .string()
  .trim()
  .max(200)
  .refine((q) => !CONTROL_CHARACTER.test(q), 'Control characters are not allowed in a search')
  .default('');

export const SourceFilterSchema = z.object({
  q: SearchTextSchema,
  category: z.enum(CATEGORY_IDS as [Category, ...Category[]]).optional(),
  status: z.enum(STATUSES).optional(),
  validation: z.enum(VALIDATION_STATES).optional(),
});

export const SourceListQuerySchema = SourceFilterSchema.extend({
  sort: z.enum(SOURCE_SORTS).default('host'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce
    .number()
    .int()
    .refine((size) => (PAGE_SIZES as readonly number[]).includes(size), { message: `one of ${PAGE_SIZES.join(', ')}` })
    .default(50),
});

/**
 * A query string read leniently, parameter by parameter: a value the schema refuses counts as
 * absent (its default), so a hand-edited or outdated console URL still shows a list.
 */
export function lenientQuery<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, raw: Record<string, string | undefined>): z.output<z.ZodObject<Shape>> {
  const read: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const parsed = field.safeParse(raw[key]);
    read[key] = parsed.success ? parsed.data : field.parse(undefined);
  }
  return read as z.output<z.ZodObject<Shape>>;
}

export interface SearchTerms {
  /** An FTS5 query (every term as a quoted substring, all required), or null. */
  fullText: string | null;
  /** Terms under three characters, which trigrams cannot index. */
  short: string[];
}

/** One term as it can appear in the store: a pasted URL becomes its hostname, `www.` goes, IDN becomes punycode. */
function storedForm(term: string): string {
  if (term.includes('/')) {
    const host = targetHostname(term);
    if (host !== null) return withoutWww(host);
  }
  if (term.includes('.')) {
    const host = normalizeHostname(term);
    if (host !== null) return withoutWww(host);
  }
  return term.toLowerCase();
}

/** What the search box's text means: every whitespace-separated term must appear. Pure. */
export function searchTerms(q: string): SearchTerms {
  // Control characters separate terms too, so that none ever reaches an FTS5 query.
  const terms = q.split(/[\s\p{Cc}]+/u).filter((term) => term !== '').map(storedForm).filter((term) => term !== '');
  const long = terms.filter((term) => [...term].length >= 3);
  return {
    fullText: long.length === 0 ? null : long.map((term) => `"${term.replaceAll('"', '""')}"`).join(' '),
    short: terms.filter((term) => [...term].length < 3),
  };
}

function likePattern(term: string, anchored: 'prefix' | 'anywhere'): string {
  const escaped = term.replace(/[\\%_]/g, (char) => `\\${char}`);
  return anchored === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}

/** The rowids the full-text index finds for a query. */
async function fullTextMatches(db: Kysely<Database>, fullText: string): Promise<number[]> {
  const rows = await db.selectFrom('source_search').select('rowid').where('source_search', 'match', fullText).execute();
  return rows.map((row) => row.rowid);
}

/**
 * The sources a filter keeps. The full-text search runs once, before: its rowids are handed to the
 * count and to the page query as one JSON array, rather than having each query search again. When
 * the search is the only condition, their number is the count (`knownTotal`).
 */
async function filteredSources(db: Kysely<Database>, filter: SourceFilter) {
  let query = db.selectFrom('sources');
  let knownTotal: number | null = null;
  const terms = searchTerms(filter.q);
  const searching = terms.fullText !== null || terms.short.length > 0;
  // With a search, the few rows it finds are filtered one by one: `+column` keeps SQLite from
  // walking a filter's index instead (all 45,000 active sources to find 80 "besancon").
  const column = (name: 'category' | 'status' | 'validation') => (searching ? sql<string>`+${sql.ref(name)}` : sql.ref<string>(name));
  if (filter.category !== undefined) query = query.where(column('category'), '=', filter.category);
  if (filter.status !== undefined) query = query.where(column('status'), '=', filter.status);
  if (filter.validation !== undefined) query = query.where(column('validation'), '=', filter.validation);
  if (terms.fullText !== null) {
    const matches = await fullTextMatches(db, terms.fullText);
    const filtered = filter.category !== undefined || filter.status !== undefined || filter.validation !== undefined || terms.short.length > 0;
    if (!filtered) knownTotal = matches.length;
    query = query.where('seq', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(matches)}))`);
    for (const term of terms.short) {
      // Among what the long terms found: anywhere in the hostname, name or code.
      const anywhere = likePattern(term, 'anywhere');
      query = query.where(sql<boolean>`(host LIKE ${anywhere} ESCAPE '\\' OR name LIKE ${anywhere} ESCAPE '\\' OR code LIKE ${anywhere} ESCAPE '\\')`);
    }
  } else {
    for (const term of terms.short) {
      // Alone, a term of one or two characters is the start of a code (a département) or of a
      // hostname: both are index ranges, where "anywhere" would read every row.
      const end = `${term}\uffff`;
      query = query.where((eb) => eb.or([eb.and([eb('code', '>=', term), eb('code', '<', end)]), eb.and([eb('host', '>=', term), eb('host', '<', end)])]));
    }
  }
  return { query, knownTotal };
}

const SORT_COLUMNS = {
  host: ['host', 'path'],
  name: ['name_key', 'host', 'path'],
  category: ['category', 'host', 'path'],
  status: ['status', 'host', 'path'],
  updated: ['updated_at', 'host', 'path'],
} as const satisfies Record<SourceSort, readonly string[]>;

export interface SourcePage {
  sources: StoredSource[];
  total: number;
}

export async function listSources(db: Kysely<Database>, query: SourceListQuery): Promise<SourcePage> {
  const { query: filtered, knownTotal } = await filteredSources(db, query);
  const total = knownTotal ?? (await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total;
  let page = filtered.selectAll();
  for (const column of SORT_COLUMNS[query.sort]) page = page.orderBy(column, query.order);
  const rows = await page
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage)
    .execute();
  return { sources: rows.map(storedSourceFromRow), total };
}

/** Every source the filter keeps, in corpus order (for exports). */
export async function allSources(db: Kysely<Database>, filter: SourceFilter): Promise<StoredSource[]> {
  const rows = await (await filteredSources(db, filter)).query.selectAll().orderBy('host').orderBy('path').execute();
  return rows.map(storedSourceFromRow);
}
