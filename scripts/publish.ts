/**
 * Publishes the active sources as the next signed list version in a directory that any static
 * host can serve: snapshot, cumulative deltas from the last versions, signed manifest.
 *
 *   npm run publish -- [--db data/curation.sqlite | --from corpus/data/sources.tsv] [--out data/lists/v1]
 *                      [--keys-dir data/keys | --key <private.pem>…] [--announce <public.json>]…
 *                      [--force] [--resign] [--expiry-days 7] [--delta-depth 10] [--comment "…"]
 *
 * --db publishes the curation database (the same step as the console's « Publier », recorded in
 * its publications); --from publishes a corpus text file (default: the seed corpus). Every private
 * key in --keys-dir signs (several during a rotation, which are then announced), unless --key names
 * the files. Nothing is published when nothing changed (unless --force). --resign signs the current
 * version's manifest again with a new expiry (the server does it daily; without the server, run it
 * daily from cron).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCorpusText } from '../corpus/corpus-text.ts';
import { DEFAULT_DELTA_DEPTH, DEFAULT_EXPIRY_DAYS } from '../corpus/list/publication.ts';
import { keysFromDirectory, type PublishingKeys, publishList, resignList } from '../corpus/node/publish-list.ts';
import { SEED_CORPUS_PATH } from '../corpus/node/seed-corpus-file.ts';
import { readPublicKeyFile, readSigningKeyFile } from '../corpus/node/signing-key-files.ts';
import type { Source } from '../corpus/source.ts';
import { openDatabase } from '../curation-server/db/open-database.ts';
import { ListPublisher } from '../curation-server/publishing/list-publisher.ts';

const CLI_ACTOR = { label: 'ligne de commande', role: 'admin', userId: null, tokenId: null } as const;

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
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const expiryDays = Number(values['expiry-days']);
const deltaDepth = Number(values['delta-depth']);
if (!Number.isInteger(expiryDays) || expiryDays < 1 || expiryDays > 90) fail('--expiry-days: a whole number of days, 1 to 90');
if (!Number.isInteger(deltaDepth) || deltaDepth < 0 || deltaDepth > 100) fail('--delta-depth: 0 to 100');
if (values.db !== undefined && values.from !== undefined) fail('give --db or --from, not both');
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

function corpusFile(path: string): Source[] {
  const parsed = parseCorpusText(readFileSync(path, 'utf8'));
  if (parsed.errors.length > 0) fail(`${path}:${parsed.errors[0].line}: ${parsed.errors[0].message}`);
  return parsed.sources;
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
      const outcome = await publisher.publish(CLI_ACTOR, { force: values.force, comment: values.comment });
      if (outcome.status === 'no-key') fail(`no signing key in ${values['keys-dir']}: create one with "npm run keys -- generate"`);
      report(outcome.status === 'unchanged' ? outcome : { status: 'published', ...outcome.record });
    }
  } finally {
    await db.destroy();
  }
} else if (values.resign) {
  const manifest = await resignList({ ...(await keys()), directory: values.out, expiryDays });
  if (manifest === null) fail(`nothing published yet in ${values.out}`);
  console.log(`Version ${manifest.version} signed again, valid until ${manifest.expires}.`);
} else {
  const publication = await publishList({ ...(await keys()), directory: values.out, sources: corpusFile(values.from ?? SEED_CORPUS_PATH), force: values.force, expiryDays, deltaDepth });
  report(publication.status === 'unchanged' ? publication : { status: 'published', version: publication.version, ...publication.summary });
}
