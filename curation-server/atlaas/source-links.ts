/**
 * Trusted sources ↔ actors. A source whose own code names an actor (a commune's INSEE code — a
 * former one leads to today's commune —, an EPCI's SIREN, a département's number) is linked to it
 * outright: the code is the curators' field. For the others, links are suggested from the
 * directory's INSEE links (DILA 2019 and 2018, corpus/upstream/more), from the hostname
 * (`mairie-vannes.fr`, `beaumont63.fr`: a département number or postcode picks among homonyms) and
 * from the name (« Mairie de … »), and wait for a curator to confirm or reject them; decisions are
 * kept, appended to an audit trail, and never undone by a refresh.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { withoutWww } from '../../corpus/hostname.ts';
import { CommuneIndex } from '../../corpus/node/communes.ts';
import { hostnameSlug } from '../../corpus/node/departements.ts';
import { MORE_DATASETS, MORE_DIRECTORY, parseLocalDirectory, parseMairies } from '../../corpus/node/more-input.ts';
import type { Actor } from '../auth/actor.ts';
import type { AtlaasLinkMethod, Database } from '../db/schema.ts';
import type { Divisions } from './divisions.ts';

const LINKED_CATEGORIES = ['commune', 'intercommunalite', 'departement', 'region'] as const;

export interface LinkableSource {
  id: string;
  host: string;
  name: string;
  category: string;
  code: string;
}

export interface DerivedLink {
  sourceId: string;
  actorId: string;
  method: AtlaasLinkMethod;
  evidence: string;
}

export interface DirectoryLink {
  kind: 'mairie' | 'epci';
  code: string;
  dataset: string;
}

export interface LinkContext {
  communes: CommuneIndex;
  actorIds: ReadonlySet<string>;
  /** Hostname (without www.) → the INSEE codes the directory gives its site. */
  directory: ReadonlyMap<string, readonly DirectoryLink[]>;
}

export function readDirectoryLinks(directory: string = MORE_DIRECTORY): Map<string, DirectoryLink[]> {
  const byHost = new Map<string, DirectoryLink[]>();
  const add = (host: string, link: DirectoryLink) => {
    const key = withoutWww(host.toLowerCase());
    byHost.set(key, [...(byHost.get(key) ?? []), link]);
  };
  for (const record of parseLocalDirectory(readFileSync(join(directory, MORE_DATASETS['dila-annuaire'].file), 'utf8'))) {
    if (record.isRoot && record.code !== '') add(record.host, { kind: record.kind === 'epci' ? 'epci' : 'mairie', code: record.code, dataset: 'annuaire 2019' });
  }
  for (const record of parseMairies(readFileSync(join(directory, MORE_DATASETS['dila-mairies'].file), 'utf8'))) {
    if (record.isRoot) add(record.host, { kind: 'mairie', code: record.code, dataset: 'mairies 2018' });
  }
  return byHost;
}

export function linkContext(divisions: Divisions, actorIds: ReadonlySet<string>, directory: ReadonlyMap<string, readonly DirectoryLink[]>): LinkContext {
  return { communes: new CommuneIndex(divisions as ConstructorParameters<typeof CommuneIndex>[0]), actorIds, directory };
}

/** The hostname's labels a name may be written in: every label but the public suffix's and `www`. */
function hostLabels(host: string): string[] {
  const labels = withoutWww(host).split('.');
  return labels.slice(0, -1).filter((label) => label.length >= 3);
}

const NAME_PREFIX = /^(?:mairie|ville|commune|site officiel de la (?:ville|commune)|hôtel de ville)\s+(?:de la |de l'|de l’|du |des |de |d'|d’)?/i;

/** The link a source's own code gives, or the suggestions for it (one actor each, first evidence kept). */
export function deriveLinks(source: LinkableSource, context: LinkContext): DerivedLink[] {
  const { communes, actorIds } = context;
  const known = (id: string | undefined) => (id !== undefined && actorIds.has(id) ? id : undefined);
  const byCode = (() => {
    if (source.code === '') return undefined;
    switch (source.category) {
      case 'commune': {
        const commune = communes.communeOfCode(source.code);
        return known(commune && `commune:${commune.code}`);
      }
      case 'intercommunalite':
        return known(`epci:${source.code}`);
      case 'departement':
        return known(`departement:${source.code}`);
      case 'region':
        return known(`region:${source.code}`);
    }
    return undefined;
  })();
  if (byCode !== undefined) return [{ sourceId: source.id, actorId: byCode, method: 'code', evidence: `code ${source.code}` }];
  if (source.category !== 'commune' && source.category !== 'intercommunalite') return [];

  const found = new Map<string, DerivedLink>();
  const suggest = (actorId: string | undefined, method: AtlaasLinkMethod, evidence: string) => {
    if (actorId !== undefined && !found.has(actorId)) found.set(actorId, { sourceId: source.id, actorId, method, evidence });
  };
  for (const link of context.directory.get(withoutWww(source.host)) ?? []) {
    const commune = communes.communeOfCode(link.code);
    if (commune === undefined) continue;
    if (link.kind === 'mairie' && source.category === 'commune') suggest(known(`commune:${commune.code}`), 'directory', `${link.dataset} : mairie ${link.code}`);
    const epci = communes.epciOfCommune(link.code);
    if (link.kind === 'epci' && source.category === 'intercommunalite' && epci !== undefined) suggest(known(`epci:${epci.siren}`), 'directory', `${link.dataset} : EPCI de ${link.code}`);
  }
  for (const label of hostLabels(source.host)) {
    if (source.category === 'commune') {
      const commune = communes.communeOfLabel(label);
      suggest(known(commune && `commune:${commune.code}`), 'hostname', `nom d’hôte : ${label}`);
    } else {
      const epci = communes.epciOfLabel(label);
      suggest(known(epci && `epci:${epci.siren}`), 'hostname', `nom d’hôte : ${label}`);
    }
  }
  if (source.category === 'commune' && NAME_PREFIX.test(source.name)) {
    const commune = communes.communeOfLabel(hostnameSlug(source.name.replace(NAME_PREFIX, '')));
    suggest(known(commune && `commune:${commune.code}`), 'name', `nom : ${source.name}`);
  }
  return [...found.values()];
}

export interface LinkRefresh {
  linked: number;
  suggested: number;
  /** Code links dropped because the source's code changed, and stale suggestions withdrawn. */
  dropped: number;
}

/** Recomputes the links of every source, in one transaction; decided links (confirmed, rejected) are kept as they are. */
export async function refreshLinks(db: Kysely<Database>, context: LinkContext, now: Date = new Date()): Promise<LinkRefresh> {
  return db.transaction().execute(async (trx) => {
    const sources = await trx.selectFrom('sources').select(['id', 'host', 'name', 'category', 'code']).where('status', '!=', 'removed').where('category', 'in', [...LINKED_CATEGORIES]).execute();
    const stored = new Map((await trx.selectFrom('atlaas_links').selectAll().execute()).map((link) => [`${link.source_id} ${link.actor_id}`, link]));
    const decidedSources = new Set([...stored.values()].filter((link) => link.status === 'confirmed').map((link) => link.source_id));
    const at = now.toISOString();
    const wanted = new Map<string, DerivedLink & { status: 'linked' | 'suggested' }>();
    for (const source of sources) {
      for (const link of deriveLinks(source, context)) {
        const status = link.method === 'code' ? 'linked' : 'suggested';
        // A source a curator already linked gets no further suggestions.
        if (status === 'suggested' && decidedSources.has(source.id)) continue;
        wanted.set(`${link.sourceId} ${link.actorId}`, { ...link, status });
      }
    }
    const result: LinkRefresh = { linked: 0, suggested: 0, dropped: 0 };
    const inserts = [];
    for (const [key, link] of wanted) {
      const before = stored.get(key);
      if (link.status === 'linked') result.linked++;
      else if (before === undefined || before.status === 'suggested') result.suggested++;
      if (before === undefined) {
        inserts.push({ source_id: link.sourceId, actor_id: link.actorId, method: link.method, status: link.status, evidence: link.evidence, updated_at: at });
      } else if (before.status === 'suggested' || before.status === 'linked') {
        if (before.status !== link.status || before.method !== link.method || before.evidence !== link.evidence) {
          await trx.updateTable('atlaas_links').set({ method: link.method, status: link.status, evidence: link.evidence, updated_at: at }).where('source_id', '=', link.sourceId).where('actor_id', '=', link.actorId).execute();
        }
      }
    }
    for (let start = 0; start < inserts.length; start += 1000) await trx.insertInto('atlaas_links').values(inserts.slice(start, start + 1000)).execute();
    // Undecided links that nothing derives any more (a code changed, a source removed) go; decisions stay.
    for (const [key, link] of stored) {
      if ((link.status === 'linked' || link.status === 'suggested') && !wanted.has(key)) {
        await trx.deleteFrom('atlaas_links').where('source_id', '=', link.source_id).where('actor_id', '=', link.actor_id).execute();
        result.dropped++;
      }
    }
    return result;
  });
}

export type LinkDecision = 'confirm' | 'reject';
export type DecisionResult = { ok: true } | { ok: false; reason: 'not-found' | 'already-decided' };

/** A curator confirms or rejects a suggested link: the link changes and the decision is appended to the audit trail, together. */
export async function decideLink(db: Kysely<Database>, actor: Actor, sourceId: string, actorId: string, decision: LinkDecision, comment: string, now: Date = new Date()): Promise<DecisionResult> {
  return db.transaction().execute(async (trx) => {
    const link = await trx.selectFrom('atlaas_links').selectAll().where('source_id', '=', sourceId).where('actor_id', '=', actorId).executeTakeFirst();
    if (link === undefined) return { ok: false as const, reason: 'not-found' as const };
    if (link.status !== 'suggested') return { ok: false as const, reason: 'already-decided' as const };
    const at = now.toISOString();
    await trx
      .updateTable('atlaas_links')
      .set({ status: decision === 'confirm' ? 'confirmed' : 'rejected', updated_at: at })
      .where('source_id', '=', sourceId)
      .where('actor_id', '=', actorId)
      .execute();
    await trx.insertInto('atlaas_link_events').values({ at, actor: actor.label, user_id: actor.userId, source_id: sourceId, actor_id: actorId, decision, comment }).execute();
    return { ok: true as const };
  });
}

export interface Suggestion {
  sourceId: string;
  host: string;
  sourceName: string;
  actorId: string;
  actorName: string;
  departement: string;
  method: AtlaasLinkMethod;
  evidence: string;
}

export async function pendingSuggestions(db: Kysely<Database>, page: { page: number; perPage: number }): Promise<{ total: number; suggestions: Suggestion[] }> {
  const rows = await db
    .selectFrom('atlaas_links')
    .innerJoin('sources', 'sources.id', 'atlaas_links.source_id')
    .innerJoin('atlaas_actors', 'atlaas_actors.id', 'atlaas_links.actor_id')
    .select(['sources.id as source_id', 'sources.host', 'sources.name as source_name', 'atlaas_actors.id as actor_id', 'atlaas_actors.name as actor_name', 'atlaas_actors.departement', 'atlaas_links.method', 'atlaas_links.evidence'])
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .where('atlaas_links.status', '=', 'suggested')
    .orderBy('sources.host')
    .orderBy('atlaas_actors.id')
    .limit(page.perPage)
    .offset((page.page - 1) * page.perPage)
    .execute();
  return {
    total: Number(rows[0]?.total ?? 0),
    suggestions: rows.map((row) => ({ sourceId: row.source_id, host: row.host, sourceName: row.source_name, actorId: row.actor_id, actorName: row.actor_name, departement: row.departement, method: row.method, evidence: row.evidence })),
  };
}

export interface LinkEvent {
  id: number;
  at: string;
  actor: string;
  sourceId: string;
  actorId: string;
  decision: LinkDecision;
  comment: string;
}

export async function recentLinkDecisions(db: Kysely<Database>, limit: number): Promise<LinkEvent[]> {
  const rows = await db.selectFrom('atlaas_link_events').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ id: row.id, at: row.at, actor: row.actor, sourceId: row.source_id, actorId: row.actor_id, decision: row.decision, comment: row.comment }));
}
