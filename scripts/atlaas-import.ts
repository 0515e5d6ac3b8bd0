/**
 * The Atlaas data of the curation server, from the command line:
 *
 *   npm run atlaas:import                        the actors again, from the official divisions
 *                                                (@etalab/decoupage-administratif), then the links
 *                                                between sources and actors recomputed
 *   npm run atlaas:import -- <export.ndjson>     actions and label results from an Atlaas export
 *                                                (format: curation-server/atlaas/example/README.md)
 *
 * The database is SDC_DB (default data/curation.sqlite), as for `npm start`; a database that does
 * not exist yet is refused, not created. A file with any bad line changes nothing: every problem is
 * printed with its line number, and the command exits with status 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importActionFile } from '../curation-server/atlaas/action-import.ts';
import { prepareAtlaas, reimportActors } from '../curation-server/atlaas/atlaas-setup.ts';
import { readServerConfig } from '../curation-server/config.ts';
import { openDatabase } from '../curation-server/db/open-database.ts';

const USAGE = `Usage :
  npm run atlaas:import                      acteurs (découpage administratif) et liens avec les sources
  npm run atlaas:import -- <export.ndjson>   actions et labels d’un export de l’Atlaas`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const { positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: {} });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
})();
if (positionals.length > 1) fail(USAGE, 2);
const [file] = positionals;
const config = readServerConfig(process.env);
if (!config.ok) fail(`Configuration invalide :\n  ${config.problems.join('\n  ')}`, 2);
const { databasePath } = config.config;
if (!existsSync(databasePath)) fail(`Aucune base de données à ${databasePath} : démarrez d’abord le serveur (npm start), ou indiquez-la avec SDC_DB.`, 2);
if (file !== undefined && !existsSync(file)) fail(`Fichier introuvable : ${file}`, 2);
console.error(`Base : ${databasePath}`);
const db = await openDatabase(databasePath);
const started = performance.now();
try {
  if (file === undefined) {
    const { actors, links } = await reimportActors(db);
    console.log(`Acteurs : ${actors.added} ajoutés, ${actors.changed} modifiés, ${actors.unchanged} inchangés, ${actors.retired} sortis du découpage (conservés).`);
    console.log(`Liens : ${links.linked} par le code des sources, ${links.suggested} suggestions à confirmer, ${links.dropped} retirés.`);
  } else {
    const prepared = await prepareAtlaas(db);
    if (prepared !== null) console.log(`Acteurs importés d’abord : ${prepared.actors.added} ; liens : ${prepared.links.linked} par le code des sources, ${prepared.links.suggested} suggestions.`);
    const result = await importActionFile(db, readFileSync(file, 'utf8'));
    if (!result.ok) {
      for (const issue of result.issues) console.error(`${file}:${issue.line} : ${issue.message}`);
      fail(`${result.issues.length} problème${result.issues.length > 1 ? 's' : ''} : rien n’a été importé.`);
    }
    const { actions, labels } = result.counts;
    console.log(`Actions : ${actions.added} ajoutées, ${actions.changed} modifiées, ${actions.unchanged} inchangées.`);
    console.log(`Labels : ${labels.added} ajoutés, ${labels.changed} modifiés, ${labels.unchanged} inchangés.`);
  }
  console.error(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
} finally {
  await db.destroy();
}
