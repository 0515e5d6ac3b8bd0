/**
 * `npm start`: opens (or creates) the database, brings its schema up to date, seeds it from the
 * corpus on first start; makes sure a signing key exists (creates one, mode 0600, on first start)
 * and that a first signed list is published; then serves the console, the API and the list channel
 * (/v1/) on the configured address, and signs the manifest again every day.
 */
import { serve } from '@hono/node-server';
import { readSeedCorpus } from '../corpus/node/seed-corpus-file.ts';
import { completeCompressedForms } from '../corpus/node/list-directory.ts';
import { createKeyFiles, readSigningKeyDirectory } from '../corpus/node/signing-key-files.ts';
import { SYSTEM_ACTOR } from './auth/actor.ts';
import { createApp } from './app.ts';
import { readServerConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { seedFromCorpus } from './db/seed-corpus.ts';
import { prepareAtlaas } from './atlaas/atlaas-setup.ts';
import { crawlControl, reviewQueueCrawlSink } from './crawler/crawl-control.ts';
import { startCrawlSchedule } from './crawler/crawl-schedule.ts';
import { ListPublisher } from './publishing/list-publisher.ts';
import { MESSAGES } from './i18n/messages.ts';

// The operator's terminal is in the console's default language.
const say = MESSAGES.fr.startup;

/** How often the server checks whether the manifest is due for its daily re-signing. */
const RESIGN_CHECK_MS = 60 * 60 * 1000;

const read = readServerConfig(process.env);
if (!read.ok) {
  console.error(say.invalidConfig(read.problems.join('\n  ')));
  process.exit(2);
}
const { config } = read;
const db = await openDatabase(config.databasePath);
const seeded = await seedFromCorpus(db, () => readSeedCorpus().sources);
if ('seeded' in seeded) console.log(say.seeded(seeded.seeded, config.databasePath));
else console.log(say.database(config.databasePath));

if ((await readSigningKeyDirectory(config.keysDirectory)).length === 0) {
  const created = await createKeyFiles(config.keysDirectory);
  console.log(say.keyCreated(created.keyId, created.privateKeyFile, created.publicKeyFile));
}
const publisher = new ListPublisher({ db, directory: config.listsDirectory, keysDirectory: config.keysDirectory, minCheckMinutes: config.minCheckMinutes ?? undefined });
// A directory published before compressed forms were written beside each file gets them now, once.
const completed = await completeCompressedForms(config.listsDirectory);
if (completed.length > 0) console.log(say.compressedForms(completed.length));
if ((await publisher.status()).manifest === null) {
  const first = await publisher.publish(SYSTEM_ACTOR, { comment: say.firstPublicationNote });
  if (first.status === 'published') console.log(say.published(first.record.version, first.record.sources, config.listsDirectory));
} else {
  const adopted = await publisher.recordUnrecordedVersion(SYSTEM_ACTOR, say.adoptedNote);
  if (adopted !== null) console.log(say.adopted(adopted.version, config.listsDirectory));
  await publisher.resignIfDue();
}
const resigning = setInterval(() => {
  publisher.resignIfDue().then(
    (manifest) => manifest !== null && console.log(say.resigned(manifest.version, manifest.expires)),
    (error: unknown) => console.error(say.resignFailed, error),
  );
}, RESIGN_CHECK_MS);
resigning.unref();

if (config.atlaasAtStart) {
  const atlaas = await prepareAtlaas(db);
  if (atlaas !== null) console.log(say.atlaas(atlaas.actors.added, atlaas.links.linked, atlaas.links.suggested));
}

const hasAdmin = (await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).executeTakeFirst()) !== undefined;
const secure = config.publicUrl?.startsWith('https:') ?? false;
// The validation crawler: runs started from the console or on schedule hand their findings to the review queue.
const crawlerRuns = crawlControl(db);
const crawling = config.crawlSchedule ? startCrawlSchedule(db, { sink: reviewQueueCrawlSink(db) }) : null;
if (crawling !== null) console.log(say.crawling);
const app = createApp({ db, publisher, secureCookies: secure, trustProxy: config.trustProxy, crawlControl: crawlerRuns, publicUrl: config.publicUrl });
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const local = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}/`;
  console.log(say.console(config.publicUrl ?? local));
  console.log(say.channel(`${config.publicUrl ?? local}v1/manifest.json`));
  if (config.publicUrl !== null) console.log(say.listening(local));
  if (!hasAdmin) console.log(say.noAdmin);
});

function stop(signal: string) {
  console.log(say.stopping(signal));
  clearInterval(resigning);
  crawling?.stop();
  server.close(() => {
    void db.destroy().then(() => process.exit(0));
  });
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
