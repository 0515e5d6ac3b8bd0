/**
 * What the server does for the Atlaas at start (main.ts), and `npm run atlaas:import`: the actors
 * imported from the divisions when there are none yet (or always, for the command), then the links
 * between sources and actors recomputed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type ActorImportCounts, importActors, importActorsIfEmpty } from './actor-import.ts';
import { readDivisions } from './divisions.ts';
import { type LinkRefresh, linkContext, readDirectoryLinks, refreshLinks } from './source-links.ts';

export async function currentActorIds(db: Kysely<Database>): Promise<Set<string>> {
  return new Set((await db.selectFrom('atlaas_actors').select('id').where('current', '=', 1).execute()).map((row) => row.id));
}

/** Recomputes the source ↔ actor links from the divisions and the directory files. */
export async function refreshAllLinks(db: Kysely<Database>): Promise<LinkRefresh> {
  const context = linkContext(readDivisions(), await currentActorIds(db), readDirectoryLinks());
  return refreshLinks(db, context);
}

/**
 * At the server's start: actors imported if the table is empty, and then the links computed. A
 * database that already has its actors is left alone (links are recomputed from the console or by
 * `npm run atlaas:import`), so a restart costs nothing.
 */
export async function prepareAtlaas(db: Kysely<Database>): Promise<{ actors: ActorImportCounts; links: LinkRefresh } | null> {
  const actors = await importActorsIfEmpty(db);
  if (actors === null) return null;
  return { actors, links: await refreshAllLinks(db) };
}

/** `npm run atlaas:import` without a file: the divisions again (a new COG), then the links. */
export async function reimportActors(db: Kysely<Database>): Promise<{ actors: ActorImportCounts; links: LinkRefresh }> {
  const actors = await importActors(db, readDivisions());
  return { actors, links: await refreshAllLinks(db) };
}
