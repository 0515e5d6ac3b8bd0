/**
 * Finding actors: by name (atlaas/names.ts: accents, case, hyphens, « st », articles ignored, every
 * word a prefix; searched in memory, actor-name-index.ts), or by a code — INSEE (today's or a former one, which leads to the commune of
 * today), postcode, SIREN — narrowed by département and kind. Exact names first, then the most
 * populous: « Saint-Denis » gives the one of La Réunion and the one of Seine-Saint-Denis first.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AtlaasActorKind, AtlaasActorsTable, Database } from '../db/schema.ts';
import { actorNameIndex } from './actor-name-index.ts';
import { actorNameQuery } from './names.ts';

export type ActorRow = Selectable<AtlaasActorsTable>;
export type CodeMatch = 'insee' | 'former' | 'postal' | 'siren';

export interface ActorSearch {
  q?: string;
  code?: string;
  departement?: string;
  kind?: AtlaasActorKind;
  page: number;
  perPage: number;
}

export interface ActorHit {
  actor: ActorRow;
  /** How a code search reached it; absent for a name search. */
  matchedBy?: CodeMatch;
}

export interface ActorPage {
  total: number;
  hits: ActorHit[];
}

/** Which code a query is, if it is one: INSEE codes and postcodes have five characters (Corsica: 2A, 2B), SIREN nine digits. */
export function codeOf(query: string): string | null {
  const compact = query.trim().replace(/\s+/g, '').toUpperCase();
  return /^(?:\d{5}|2[AB]\d{3}|\d{9})$/.test(compact) ? compact : null;
}

export async function searchActors(db: Kysely<Database>, search: ActorSearch): Promise<ActorPage> {
  const code = search.code ?? (search.q === undefined ? null : codeOf(search.q));
  if (code !== null) return searchByCode(db, code, search);
  const q = search.q ?? '';
  const query = q.trim() === '' ? null : actorNameQuery(q);
  if (q.trim() !== '' && query === null) return { total: 0, hits: [] };
  const index = await actorNameIndex(db);
  const found = index.search(query, { departement: search.departement, kind: search.kind }, { offset: (search.page - 1) * search.perPage, limit: search.perPage });
  if (found.seqs.length === 0) return { total: found.total, hits: [] };
  const rows = new Map((await db.selectFrom('atlaas_actors').selectAll().where('seq', 'in', found.seqs).execute()).map((row) => [row.seq, row]));
  return { total: found.total, hits: found.seqs.flatMap((seq) => (rows.has(seq) ? [{ actor: rows.get(seq) as ActorRow }] : [])) };
}

const CODE_RANK: Record<CodeMatch, number> = { insee: 0, siren: 1, former: 2, postal: 3 };

/** A code leads to a few actors: an INSEE code before a postcode written the same (42100: La Gimond, and a postcode of Saint-Étienne). */
async function searchByCode(db: Kysely<Database>, code: string, search: ActorSearch): Promise<ActorPage> {
  const matches = await db.selectFrom('atlaas_actor_codes').select(['actor_id', 'kind']).where('code', '=', code).execute();
  const matchedBy = new Map<string, CodeMatch>();
  for (const match of matches.sort((a, b) => CODE_RANK[a.kind] - CODE_RANK[b.kind])) if (!matchedBy.has(match.actor_id)) matchedBy.set(match.actor_id, match.kind);
  if (matchedBy.size === 0) return { total: 0, hits: [] };
  let query = db.selectFrom('atlaas_actors').selectAll().where('current', '=', 1).where('id', 'in', [...matchedBy.keys()]);
  if (search.departement !== undefined) query = query.where('departement', '=', search.departement);
  if (search.kind !== undefined) query = query.where('kind', '=', search.kind);
  const rows = (await query.execute()).sort(
    (a, b) => CODE_RANK[matchedBy.get(a.id) as CodeMatch] - CODE_RANK[matchedBy.get(b.id) as CodeMatch] || a.rank_key - b.rank_key || a.name_key.localeCompare(b.name_key) || a.id.localeCompare(b.id),
  );
  const start = (search.page - 1) * search.perPage;
  return { total: rows.length, hits: rows.slice(start, start + search.perPage).map((actor) => ({ actor, matchedBy: matchedBy.get(actor.id) })) };
}

export async function actorById(db: Kysely<Database>, id: string): Promise<ActorRow | undefined> {
  return db.selectFrom('atlaas_actors').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function actorsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, ActorRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('atlaas_actors').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row]));
}
