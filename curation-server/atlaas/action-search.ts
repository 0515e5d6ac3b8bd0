/**
 * Searching the actions: French full text (words folded, each a prefix; no stemming), axis, year,
 * area (département or région, or one actor), newest first — or best match first with a text.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AtlaasActionsTable, Database } from '../db/schema.ts';
import type { Axis } from './action-file.ts';
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

export async function searchActions(db: Kysely<Database>, search: ActionSearch): Promise<{ total: number; actions: ActionRow[] }> {
  let query = db.selectFrom('atlaas_actions').selectAll('atlaas_actions');
  const expression = search.q === undefined ? null : actionMatchExpression(search.q);
  if (search.q !== undefined && search.q.trim() !== '' && expression === null) return { total: 0, actions: [] };
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
  const rows = await query
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('atlaas_actions.date', 'desc')
    .orderBy('atlaas_actions.id')
    .limit(search.perPage)
    .offset((search.page - 1) * search.perPage)
    .execute();
  const total = rows[0]?.total ?? (search.page > 1 ? (await searchActions(db, { ...search, page: 1, perPage: 1 })).total : 0);
  return { total, actions: rows.map(({ total: _total, ...action }) => action) };
}
