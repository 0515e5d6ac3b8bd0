/**
 * Hostname → the active trusted source it belongs to (the most specific: the host itself, without
 * `www.`, or a parent whose source covers its subdomains) → the actors linked to that source, each
 * with its latest label result and its number of actions.
 */
import type { Kysely } from 'kysely';
import { parentHostname, withoutWww } from '../../corpus/hostname.ts';
import type { Database } from '../db/schema.ts';
import type { LabelRow } from './actor-card.ts';
import type { ActorRow } from './actor-search.ts';

export interface HostActors {
  source: { id: string; host: string; name: string; category: string } | null;
  actors: { actor: ActorRow; label: LabelRow | null; actions: number }[];
}

function ancestors(host: string): string[] {
  const found: string[] = [];
  for (let parent = parentHostname(host); parent !== null && parent.includes('.'); parent = parentHostname(parent)) found.push(parent);
  return found;
}

export async function actorsOfHost(db: Kysely<Database>, host: string): Promise<HostActors> {
  const exact = [...new Set([host, withoutWww(host)])];
  const parents = ancestors(host);
  // One lookup of the (host, path) index for every candidate; the scope is checked here.
  const sources = await db
    .selectFrom('sources')
    .select(['id', 'host', 'name', 'category', 'scope'])
    .where('host', 'in', [...exact, ...parents])
    .where('path', '=', '')
    .where('status', '=', 'active')
    .execute();
  const source = sources.filter((candidate) => exact.includes(candidate.host) || candidate.scope === 'subdomains').sort((a, b) => b.host.length - a.host.length)[0];
  if (source === undefined) return { source: null, actors: [] };
  const linked = await db
    .selectFrom('atlaas_links')
    .innerJoin('atlaas_actors', 'atlaas_actors.id', 'atlaas_links.actor_id')
    .selectAll('atlaas_actors')
    .where('atlaas_links.source_id', '=', source.id)
    .where('atlaas_links.status', 'in', ['linked', 'confirmed'])
    .orderBy('atlaas_actors.id')
    .execute();
  const actors = [];
  for (const actor of linked) {
    const label = (await db.selectFrom('atlaas_labels').selectAll().where('actor_id', '=', actor.id).orderBy('year', 'desc').limit(1).executeTakeFirst()) ?? null;
    const { count } = await db.selectFrom('atlaas_actions').select((eb) => eb.fn.countAll<number>().as('count')).where('actor_id', '=', actor.id).executeTakeFirstOrThrow();
    actors.push({ actor, label, actions: Number(count) });
  }
  return { source: { id: source.id, host: source.host, name: source.name, category: source.category }, actors };
}
