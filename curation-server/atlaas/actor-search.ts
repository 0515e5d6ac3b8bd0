/**
 * Finding actors: by name (atlaas/names.ts: accents, case, hyphens, « st », articles ignored, every
 * word a prefix), or by a code — INSEE (today's or a former one, which leads to the commune of
 * today), postcode, SIREN — narrowed by département and kind. Exact names first, then the most
 * populous: « Saint-Denis » gives the one of La Réunion and the one of Seine-Saint-Denis first.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AtlaasActorKind, AtlaasActorsTable, Database } from '../db/schema.ts';
import { actorMatchExpression, nameKey } from './names.ts';

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

const KIND_ORDER = sql<number>`case kind when 'commune' then 0 when 'epci' then 1 when 'departement' then 2 when 'region' then 3 else 4 end`;

export async function searchActors(db: Kysely<Database>, search: ActorSearch): Promise<ActorPage> {
  const code = search.code ?? (search.q === undefined ? null : codeOf(search.q));
  let query = db.selectFrom('atlaas_actors').selectAll('atlaas_actors').where('atlaas_actors.current', '=', 1);
  let exactKey = '';
  let codeOrder = sql<number>`1 = 1`;
  const matchedBy = new Map<string, CodeMatch>();
  if (code !== null) {
    const matches = await db.selectFrom('atlaas_actor_codes').select(['actor_id', 'kind']).where('code', '=', code).execute();
    if (matches.length === 0) return { total: 0, hits: [] };
    const rank: Record<CodeMatch, number> = { insee: 0, siren: 1, former: 2, postal: 3 };
    for (const match of matches.sort((a, b) => rank[a.kind] - rank[b.kind])) if (!matchedBy.has(match.actor_id)) matchedBy.set(match.actor_id, match.kind);
    query = query.where('atlaas_actors.id', 'in', [...matchedBy.keys()]);
    // An INSEE code before a postcode that happens to be written the same (42100: La Gimond, and a postcode of Saint-Étienne).
    codeOrder = sql<number>`case atlaas_actors.id ${sql.join([...matchedBy].map(([id, kind]) => sql`when ${id} then ${rank[kind]}`), sql` `)} else 9 end`;
  } else if (search.q !== undefined && search.q.trim() !== '') {
    const expression = actorMatchExpression(search.q);
    if (expression === null) return { total: 0, hits: [] };
    exactKey = nameKey(search.q);
    query = query.where('atlaas_actors.seq', 'in', sql<number>`(select rowid from atlaas_actor_search where atlaas_actor_search match ${expression})`);
  }
  if (search.departement !== undefined) query = query.where('atlaas_actors.departement', '=', search.departement);
  if (search.kind !== undefined) query = query.where('atlaas_actors.kind', '=', search.kind);
  const rows = await query
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(codeOrder)
    .orderBy(sql`name_key = ${exactKey}`, 'desc')
    .orderBy(KIND_ORDER)
    .orderBy(sql`population is null`)
    .orderBy('population', 'desc')
    .orderBy('name_key')
    .orderBy('id')
    .limit(search.perPage)
    .offset((search.page - 1) * search.perPage)
    .execute();
  const total = rows[0]?.total ?? (search.page > 1 ? await countOnly(db, search) : 0);
  return { total, hits: rows.map(({ total: _total, ...actor }) => ({ actor, ...(matchedBy.has(actor.id) ? { matchedBy: matchedBy.get(actor.id) } : {}) })) };
}

/** The total for a page past the end (whose rows carry no count). */
async function countOnly(db: Kysely<Database>, search: ActorSearch): Promise<number> {
  const first = await searchActors(db, { ...search, page: 1, perPage: 1 });
  return first.total;
}

export async function actorById(db: Kysely<Database>, id: string): Promise<ActorRow | undefined> {
  return db.selectFrom('atlaas_actors').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function actorsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, ActorRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('atlaas_actors').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row]));
}
