/**
 * Publishes active sources as the next signed list version in a directory that any static host can
 * serve: snapshot, cumulative deltas from the last versions, signed manifest.
 *
 *   npm run publish -- --db data/curation.sqlite [--out data/lists/v1] [--keys-dir data/keys] [--force] [--comment "…"]
 *   npm run publish -- --db data/curation.sqlite --resign
 *   npm run publish -- --from <corpus.tsv> --out <dir> [--keys-dir <dir> | --key <private.pem>…] [--announce <public.json>]…
 *   npm run publish -- --resign --out <dir> [--keys-dir <dir> | --key <private.pem>…]
 *   (and --expiry-days 7, --delta-depth 10; --engines <definitions.json> publishes new search-engine
 *   definitions with the list, checked against the extension's schema first)
 *
 * --db publishes the curation database: the same step as the console's « Publier », recorded in its
 * publications (which give the version numbers). --from publishes a corpus text file, every source
 * validated, into a directory no curation server publishes to: the server's own list directory is
 * refused, since a file published there would replace the curated list behind the record's back
 * (import the file in the console instead). Without --db, --from or --resign, the usage is printed
 * and nothing is published. Every private key in --keys-dir signs (several during a rotation,
 * which are then announced), unless --key names the files. Nothing is published when nothing
 * changed (unless --force). --resign signs the current version's manifest again with a new expiry
 * (the server does it daily; without the server, run it daily from cron).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCorpusText } from '../corpus/corpus-text.ts';
import { DEFAULT_DELTA_DEPTH, DEFAULT_EXPIRY_DAYS } from '../corpus/list/publication.ts';
import { readEngineDefinitions } from '../extension/engines/engine-definitions-schema.ts';
import { contentScriptMatches } from '../extension/engines/engines.ts';
import { keysFromDirectory, type PublishingKeys, publishList, resignList } from '../corpus/node/publish-list.ts';
import { readPublicKeyFile, readSigningKeyFile } from '../corpus/node/signing-key-files.ts';
import { issueMessage, validateSource } from '../corpus/source-validation.ts';
import type { Source } from '../corpus/source.ts';
import { readServerConfig } from '../curation-server/config.ts';
import { openDatabase } from '../curation-server/db/open-database.ts';
import { ListPublisher } from '../curation-server/publishing/list-publisher.ts';

const CLI_ACTOR = { label: 'ligne de commande', role: 'admin', userId: null, tokenId: null } as const;

const USAGE = `Usage:
  npm run publish -- --db data/curation.sqlite [--out data/lists/v1] [--keys-dir data/keys] [--force] [--comment "…"]
      the curated list, as the console publishes it (recorded in the database)
  npm run publish -- --db data/curation.sqlite --resign
      the same version signed again, with a new expiry
  npm run publish -- --from <corpus.tsv> --out <dir> [--keys-dir <dir> | --key <private.pem>…] [--announce <public.json>]…
      a corpus file, into a directory no curation server publishes to`;

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    from: { type: 'string' },
    out: { type: 'string', default: 'data/lists/v1' },
    'keys-dir': { type: 'string', default: 'data/keys' },
    key: { type: 'string', multiple: true },
    announce: { type: 'string', multiple: true, default: [] },
    force: { type: 'boolean', default: false },
    resign: { type: 'boolean', default: false },
    comment: { type: 'string', default: '' },
    'expiry-days': { type: 'string', default: String(DEFAULT_EXPIRY_DAYS) },
    'delta-depth': { type: 'string', default: String(DEFAULT_DELTA_DEPTH) },
    engines: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The engine definitions of --engines, refused with the schema's reason when they would be refused by the extensions. */
function engineDefinitionsFile(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  let text: string;
  let value: unknown;
  try {
    text = readFileSync(path, 'utf8');
    value = JSON.parse(text);
  } catch (error) {
    fail(`--engines ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const reading = readEngineDefinitions(value, contentScriptMatches());
  if (!reading.ok) fail(`--engines ${path}: ${reading.reason}`);
  return text;
}
const engineDefinitions = engineDefinitionsFile(values.engines);

const expiryDays = Number(values['expiry-days']);
const deltaDepth = Number(values['delta-depth']);
if (!Number.isInteger(expiryDays) || expiryDays < 1 || expiryDays > 90) fail('--expiry-days: a whole number of days, 1 to 90');
if (!Number.isInteger(deltaDepth) || deltaDepth < 0 || deltaDepth > 100) fail('--delta-depth: 0 to 100');
if (values.db !== undefined && values.from !== undefined) fail('give --db or --from, not both');
// Publishing the seed file by default once undid the curators' work (+1 ~0 -10): say what to publish.
if (values.db === undefined && values.from === undefined && !values.resign) fail(USAGE);
if (values.db !== undefined && (values.key !== undefined || values.announce.length > 0)) {
  fail('with --db, the keys are those of --keys-dir (as for the server): every private key there signs');
}

async function keys(): Promise<PublishingKeys> {
  if (values.key !== undefined) {
    return { signingKeys: await Promise.all(values.key.map(readSigningKeyFile)), announcedKeys: await Promise.all(values.announce.map(readPublicKeyFile)) };
  }
  const keys = await keysFromDirectory(values['keys-dir']);
  if (keys.signingKeys.length === 0) fail(`no signing key in ${values['keys-dir']}: create one with "npm run keys -- generate", or give --key`);
  return values.announce.length > 0 ? { ...keys, announcedKeys: await Promise.all(values.announce.map(readPublicKeyFile)) } : keys;
}

/** The sources of a corpus file, each validated as the console would (a file published goes to every browser). */
function corpusFile(path: string): Source[] {
  const parsed = parseCorpusText(readFileSync(path, 'utf8'));
  if (parsed.errors.length > 0) fail(`${path}:${parsed.errors[0].line}: ${parsed.errors[0].message}`);
  const sources: Source[] = [];
  const refusals: string[] = [];
  for (const source of parsed.sources) {
    const checked = validateSource(source);
    if (checked.ok) sources.push(checked.source);
    else refusals.push(...checked.issues.map((issue) => `${path}: ${source.id || source.host}: ${issueMessage(issue, 'en')}`));
  }
  if (refusals.length > 0) fail(refusals.join('\n'));
  return sources;
}

function realPath(path: string): string {
  return existsSync(path) ? realpathSync(path) : resolve(path);
}

/**
 * The version record lives in the server's database: a file published into the directory it
 * publishes to would take a version number the record never gave, and replace the curated list
 * until the next publication from the console. The server is found as `npm start` finds it.
 */
function refuseServerDirectory(out: string): void {
  const read = readServerConfig(process.env);
  if (!read.ok) fail(`Configuration invalide :\n  ${read.problems.join('\n  ')}`);
  const { databasePath, listsDirectory } = read.config;
  if (!existsSync(databasePath) || realPath(out) !== realPath(listsDirectory)) return;
  fail(
    `${out} is the list the curation server publishes from ${databasePath}: a file published here would replace the curated list, outside its record of publications.\n` +
      'Import the file in the console (Importer) or with POST /api/imports, then publish with --db; or publish the file into another directory (--out).',
  );
}

function report(outcome: { status: 'unchanged'; version: number } | { status: 'published'; version: number; sources: number; added: number; changed: number; removed: number }) {
  if (outcome.status === 'unchanged') {
    console.log(`Nothing changed since version ${outcome.version}: nothing published (--force to publish anyway).`);
  } else {
    console.log(`Version ${outcome.version} published in ${values.out}: ${outcome.sources} sources (+${outcome.added} ~${outcome.changed} -${outcome.removed}).`);
  }
}

if (values.db !== undefined) {
  const db = await openDatabase(values.db);
  try {
    const publisher = new ListPublisher({ db, directory: values.out, keysDirectory: values['keys-dir'], expiryDays, deltaDepth });
    if (values.resign) {
      const manifest = await publisher.resign();
      if (manifest === null) fail(`nothing published yet in ${values.out}, or no signing key in ${values['keys-dir']}`);
      console.log(`Version ${manifest.version} signed again, valid until ${manifest.expires}.`);
    } else {
      const outcome = await publisher.publish(CLI_ACTOR, { force: values.force, comment: values.comment, engineDefinitions });
      if (outcome.status === 'no-key') fail(`no signing key in ${values['keys-dir']}: create one with "npm run keys -- generate"`);
      report(outcome.status === 'unchanged' ? outcome : { status: 'published', ...outcome.record });
    }
  } finally {
    await db.destroy();
  }
} else if (values.from !== undefined) {
  refuseServerDirectory(values.out);
  const sources = corpusFile(values.from);
  const publication = await publishList({ ...(await keys()), directory: values.out, sources, force: values.force, expiryDays, deltaDepth, engineDefinitions });
  report(publication.status === 'unchanged' ? publication : { status: 'published', version: publication.version, ...publication.summary });
} else {
  // Signing again makes no version: nothing for a record to hold.
  const manifest = await resignList({ ...(await keys()), directory: values.out, expiryDays });
  if (manifest === null) fail(`nothing published yet in ${values.out}`);
  console.log(`Version ${manifest.version} signed again, valid until ${manifest.expires}.`);
}
