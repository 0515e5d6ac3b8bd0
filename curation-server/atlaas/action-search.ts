/**
 * Searching the actions: French full text (words folded, each a prefix; no stemming), axis, year,
 * area (département or région, or one actor), newest first — or best match first with a text.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AtlaasActionsTable, Database } from '../db/schema.ts';
import type { Axis } from './action-file.ts';
import { atlaasDataVersion } from './data-version.ts';
import { actionMatchExpression } from './names.ts';

export type ActionRow = Selectable<AtlaasActionsTable>;

export interface ActionSearch {
  q?: string;
  axis?: Axis;
  year?: number;
  departement?: string;
  region?: string;
  actor?: string;
  page: number;
  perPage: number;
}

/** Ordered match lists kept per database: a visitor paging through results, or the same search again, reads a slice. */
const MATCH_LISTS_KEPT = 128;
const matchLists = new WeakMap<Kysely<Database>, { version: number; lists: Map<string, Int32Array> }>();

/**
 * Every action matching the search, best first (with a text: FTS5's rank, then newest), as
 * sequence numbers; computed once per search and kept until the actions change (their version,
 * raised by triggers on every write, from any process).
 */
async function matchingActions(db: Kysely<Database>, search: ActionSearch, expression: string | null): Promise<Int32Array> {
  const version = await atlaasDataVersion(db, 'actions');
  let kept = matchLists.get(db);
  if (kept === undefined || kept.version !== version) {
    kept = { version, lists: new Map() };
    matchLists.set(db, kept);
  }
  const key = JSON.stringify([expression, search.axis, search.year, search.departement, search.region, search.actor]);
  const known = kept.lists.get(key);
  if (known !== undefined) {
    // Most recently used last: the first one is the one to drop.
    kept.lists.delete(key);
    kept.lists.set(key, known);
    return known;
  }
  let query = db.selectFrom('atlaas_actions').select('atlaas_actions.seq');
  if (expression !== null) {
    query = query
      .innerJoin(sql<{ rowid: number; rank: number }>`(select rowid, rank from atlaas_action_search where atlaas_action_search match ${expression})`.as('hit'), 'hit.rowid', 'atlaas_actions.seq')
      .orderBy('hit.rank');
  }
  if (search.axis !== undefined) query = query.where('atlaas_actions.axis', '=', search.axis);
  if (search.year !== undefined) query = query.where('atlaas_actions.year', '=', search.year);
  if (search.departement !== undefined) query = query.where('atlaas_actions.departement', '=', search.departement);
  if (search.region !== undefined) query = query.where('atlaas_actions.region', '=', search.region);
  if (search.actor !== undefined) query = query.where('atlaas_actions.actor_id', '=', search.actor);
  const rows = await query.orderBy('atlaas_actions.date', 'desc').orderBy('atlaas_actions.id').execute();
  const list = Int32Array.from(rows, (row) => row.seq);
  kept.lists.set(key, list);
  if (kept.lists.size > MATCH_LISTS_KEPT) kept.lists.delete(kept.lists.keys().next().value as string);
  return list;
}

export async function searchActions(db: Kysely<Database>, search: ActionSearch): Promise<{ total: number; actions: ActionRow[] }> {
  const expression = search.q === undefined ? null : actionMatchExpression(search.q);
  if (search.q !== undefined && search.q.trim() !== '' && expression === null) return { total: 0, actions: [] };
  const matches = await matchingActions(db, search, expression);
  const start = (search.page - 1) * search.perPage;
  const page = [...matches.subarray(start, start + search.perPage)];
  if (page.length === 0) return { total: matches.length, actions: [] };
  const rows = new Map((await db.selectFrom('atlaas_actions').selectAll().where('seq', 'in', page).execute()).map((row) => [row.seq, row]));
  return { total: matches.length, actions: page.flatMap((seq) => (rows.has(seq) ? [rows.get(seq) as ActionRow] : [])) };
}
