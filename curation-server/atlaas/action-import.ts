/**
 * Imports an Atlaas export file (action-file.ts) in one transaction, all or nothing: every line is
 * checked first — its fields, duplicates in the file, its actor known — and any problem refuses the
 * whole file, with line numbers. Actions are keyed by their id and labels by actor and year:
 * importing the same file again changes nothing; nothing the file does not name is removed.
 */
import type { Insertable, Kysely } from 'kysely';
import type { AtlaasActionsTable, AtlaasLabelsTable, Database } from '../db/schema.ts';
import { type FileLine, type LineIssue, readExportFile } from './action-file.ts';
import { codeOf } from './actor-search.ts';

export interface ActionImportCounts {
  actions: { added: number; changed: number; unchanged: number };
  labels: { added: number; changed: number; unchanged: number };
}

export type ActionImportResult = { ok: true; counts: ActionImportCounts } | { ok: false; issues: LineIssue[] };

const ROWS_PER_INSERT = 500;
const ACTOR_ID = /^[a-z-]+:[0-9AB]{2,9}$/;

interface KnownActor {
  id: string;
  departement: string;
  region: string;
}

/** The actor a file names: an actor id (`departement:42`), an INSEE code (a former one gives today's commune) or a SIREN (an EPCI's first). */
async function resolveActor(db: Kysely<Database>, reference: string): Promise<KnownActor | undefined> {
  const columns = ['id', 'departement', 'region'] as const;
  if (ACTOR_ID.test(reference)) return db.selectFrom('atlaas_actors').select(columns).where('id', '=', reference).executeTakeFirst();
  const code = codeOf(reference);
  if (code === null) return undefined;
  const preferred = code.length === 9 ? ['epci:', 'commune:'] : ['commune:'];
  const candidates = await db
    .selectFrom('atlaas_actor_codes')
    .innerJoin('atlaas_actors', 'atlaas_actors.id', 'atlaas_actor_codes.actor_id')
    .select(columns.map((column) => `atlaas_actors.${column}` as const))
    .where('atlaas_actor_codes.code', '=', code)
    .where('atlaas_actor_codes.kind', 'in', ['insee', 'former', 'siren'])
    .where('atlaas_actors.current', '=', 1)
    .execute();
  for (const prefix of preferred) {
    const found = candidates.find((candidate) => candidate.id.startsWith(prefix));
    if (found !== undefined) return found;
  }
  return undefined;
}

const json = (values: readonly string[]) => JSON.stringify(values);

function actionRow(line: Extract<FileLine, { kind: 'action' }>['value'], actor: KnownActor): Insertable<AtlaasActionsTable> {
  return {
    id: line.id,
    actor_id: actor.id,
    title: line.title,
    subtitle: line.subtitle,
    date: line.date,
    year: Number(line.date.slice(0, 4)),
    axis: line.axis,
    issues: json(line.issues),
    services: json(line.services),
    summary: line.summary,
    done: line.done,
    results: line.results,
    recommendations: line.recommendations,
    links: json(line.links),
    tools: json(line.tools),
    providers: json(line.providers),
    departement: actor.departement,
    region: actor.region,
  };
}

function labelRow(line: Extract<FileLine, { kind: 'label' }>['value'], actor: KnownActor): AtlaasLabelsTable {
  return { actor_id: actor.id, year: line.year, arobases: line.arobases, title: line.title, mentions: json(line.mentions) };
}

function differs<T extends object>(stored: T, next: T): boolean {
  return (Object.keys(next) as (keyof T)[]).some((key) => stored[key] !== next[key]);
}

export async function importActionFile(db: Kysely<Database>, content: string): Promise<ActionImportResult> {
  const read = readExportFile(content);
  return db.transaction().execute(async (trx) => {
    const issues = [...read.issues];
    const actors = new Map<string, KnownActor | undefined>();
    const resolved: { line: FileLine; actor: KnownActor }[] = [];
    for (const line of read.lines) {
      const reference = line.value.actor;
      if (!actors.has(reference)) actors.set(reference, await resolveActor(trx, reference));
      const actor = actors.get(reference);
      if (actor === undefined) issues.push({ line: line.line, code: 'unknown-actor', message: `acteur inconnu : « ${reference} » (code INSEE, SIREN ou identifiant d’acteur)` });
      else resolved.push({ line, actor });
    }
    // Two references (a former code and today's) to one actor's label of one year.
    const labelKeys = new Map<string, number>();
    for (const { line, actor } of resolved) {
      if (line.kind !== 'label') continue;
      const key = `${actor.id} ${line.value.year}`;
      const first = labelKeys.get(key);
      if (first !== undefined) issues.push({ line: line.line, code: 'duplicate-label', message: `label ${line.value.year} de ${actor.id} déjà donné ligne ${first}` });
      else labelKeys.set(key, line.line);
    }
    if (issues.length > 0) return { ok: false as const, issues: issues.sort((a, b) => a.line - b.line) };

    const counts: ActionImportCounts = { actions: { added: 0, changed: 0, unchanged: 0 }, labels: { added: 0, changed: 0, unchanged: 0 } };
    const storedActions = new Map((await trx.selectFrom('atlaas_actions').selectAll().execute()).map(({ seq: _seq, ...row }) => [row.id, row]));
    const storedLabels = new Map((await trx.selectFrom('atlaas_labels').selectAll().execute()).map((row) => [`${row.actor_id} ${row.year}`, row]));
    const newActions: Insertable<AtlaasActionsTable>[] = [];
    const newLabels: AtlaasLabelsTable[] = [];
    for (const { line, actor } of resolved) {
      if (line.kind === 'action') {
        const row = actionRow(line.value, actor);
        const stored = storedActions.get(row.id);
        if (stored === undefined) newActions.push(row);
        else if (differs(stored, row)) {
          await trx.updateTable('atlaas_actions').set(row).where('id', '=', row.id).execute();
          counts.actions.changed++;
        } else counts.actions.unchanged++;
      } else {
        const row = labelRow(line.value, actor);
        const stored = storedLabels.get(`${row.actor_id} ${row.year}`);
        if (stored === undefined) newLabels.push(row);
        else if (differs(stored, row)) {
          await trx.updateTable('atlaas_labels').set(row).where('actor_id', '=', row.actor_id).where('year', '=', row.year).execute();
          counts.labels.changed++;
        } else counts.labels.unchanged++;
      }
    }
    for (let start = 0; start < newActions.length; start += ROWS_PER_INSERT) await trx.insertInto('atlaas_actions').values(newActions.slice(start, start + ROWS_PER_INSERT)).execute();
    for (let start = 0; start < newLabels.length; start += ROWS_PER_INSERT) await trx.insertInto('atlaas_labels').values(newLabels.slice(start, start + ROWS_PER_INSERT)).execute();
    counts.actions.added = newActions.length;
    counts.labels.added = newLabels.length;
    return { ok: true as const, counts };
  });
}
