/**
 * An actor's card: what it is (kind, population, postcodes), what it belongs to (its commune today
 * for a commune déléguée, its intercommunalité), its label history, its actions by axis and the
 * trusted sites linked to it.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AtlaasLabelsTable, AtlaasLinkMethod, AtlaasLinkStatus, Database } from '../db/schema.ts';
import { AXES, type Axis } from './action-file.ts';
import type { ActionRow } from './action-search.ts';
import { actorById, type ActorRow } from './actor-search.ts';

export type LabelRow = Selectable<AtlaasLabelsTable>;

export interface LinkedSite {
  sourceId: string;
  host: string;
  path: string;
  name: string;
  status: string;
  method: AtlaasLinkMethod;
  linkStatus: AtlaasLinkStatus;
}

export interface ActorCard {
  actor: ActorRow;
  /** A commune déléguée's, associée's or arrondissement's commune today. */
  partOf: ActorRow | null;
  /** A commune's intercommunalité. */
  epci: ActorRow | null;
  /** An EPCI's member communes, most populous first. */
  members: { total: number; first: ActorRow[] } | null;
  labels: LabelRow[];
  actions: { axis: Axis; total: number; latest: ActionRow[] }[];
  /** Links from the source's code and links confirmed by a curator; suggestions are not shown. */
  sites: LinkedSite[];
}

const LATEST_ACTIONS = 5;
const FIRST_MEMBERS = 20;

export async function actorCard(db: Kysely<Database>, id: string): Promise<ActorCard | undefined> {
  const actor = await actorById(db, id);
  if (actor === undefined) return undefined;
  const partOf = actor.parent === '' ? null : ((await actorById(db, `commune:${actor.parent}`)) ?? null);
  const epci = actor.epci === '' ? null : ((await actorById(db, `epci:${actor.epci}`)) ?? null);
  let members: ActorCard['members'] = null;
  if (actor.kind === 'epci') {
    const rows = await db.selectFrom('atlaas_actors').selectAll().where('epci', '=', actor.code).where('current', '=', 1).orderBy('population', 'desc').orderBy('name_key').execute();
    members = { total: rows.length, first: rows.slice(0, FIRST_MEMBERS) };
  }
  const labels = await db.selectFrom('atlaas_labels').selectAll().where('actor_id', '=', id).orderBy('year', 'desc').execute();
  const totals = new Map(
    (await db.selectFrom('atlaas_actions').select(['axis', (eb) => eb.fn.countAll<number>().as('total')]).where('actor_id', '=', id).groupBy('axis').execute()).map((row) => [row.axis, Number(row.total)]),
  );
  const actions: ActorCard['actions'] = [];
  for (const axis of AXES) {
    const total = totals.get(axis) ?? 0;
    if (total === 0) continue;
    const latest = await db.selectFrom('atlaas_actions').selectAll().where('actor_id', '=', id).where('axis', '=', axis).orderBy('date', 'desc').orderBy('id').limit(LATEST_ACTIONS).execute();
    actions.push({ axis, total, latest });
  }
  return { actor, partOf, epci, members, labels, actions, sites: await linkedSites(db, id) };
}

export async function linkedSites(db: Kysely<Database>, actorId: string): Promise<LinkedSite[]> {
  const rows = await db
    .selectFrom('atlaas_links')
    .innerJoin('sources', 'sources.id', 'atlaas_links.source_id')
    .select(['sources.id', 'sources.host', 'sources.path', 'sources.name', 'sources.status', 'atlaas_links.method', 'atlaas_links.status as link_status'])
    .where('atlaas_links.actor_id', '=', actorId)
    .where('atlaas_links.status', 'in', ['linked', 'confirmed'])
    .where('sources.status', '!=', 'removed')
    .orderBy('sources.host')
    .execute();
  return rows.map((row) => ({ sourceId: row.id, host: row.host, path: row.path, name: row.name, status: row.status, method: row.method, linkStatus: row.link_status }));
}
