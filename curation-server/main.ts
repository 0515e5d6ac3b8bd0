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

/** How often the server checks whether the manifest is due for its daily re-signing. */
const RESIGN_CHECK_MS = 60 * 60 * 1000;

const read = readServerConfig(process.env);
if (!read.ok) {
  console.error(`Configuration invalide :\n  ${read.problems.join('\n  ')}`);
  process.exit(2);
}
const { config } = read;
const db = await openDatabase(config.databasePath);
const seeded = await seedFromCorpus(db, () => readSeedCorpus().sources);
if ('seeded' in seeded) console.log(`Base créée et remplie avec ${seeded.seeded} sources du corpus initial : ${config.databasePath}`);
else console.log(`Base : ${config.databasePath}`);

if ((await readSigningKeyDirectory(config.keysDirectory)).length === 0) {
  const created = await createKeyFiles(config.keysDirectory);
  console.log(`Clé de signature ${created.keyId} créée : ${created.privateKeyFile} (secrète, mode 0600) et ${created.publicKeyFile} (publique).`);
}
const publisher = new ListPublisher({ db, directory: config.listsDirectory, keysDirectory: config.keysDirectory, minCheckMinutes: config.minCheckMinutes ?? undefined });
// A directory published before compressed forms were written beside each file gets them now, once.
const completed = await completeCompressedForms(config.listsDirectory);
if (completed.length > 0) console.log(`Formes compressées (.br, .gz) écrites pour ${completed.length} fichiers publiés.`);
if ((await publisher.status()).manifest === null) {
  const first = await publisher.publish(SYSTEM_ACTOR, { comment: 'première publication au démarrage' });
  if (first.status === 'published') console.log(`Liste signée publiée : version ${first.record.version}, ${first.record.sources} sources, dans ${config.listsDirectory}`);
} else {
  const adopted = await publisher.recordUnrecordedVersion(SYSTEM_ACTOR, 'publiée hors de ce serveur (construction de l’extension), reprise au démarrage');
  if (adopted !== null) console.log(`Version ${adopted.version} déjà en ligne dans ${config.listsDirectory} : inscrite à l’historique des publications.`);
  await publisher.resignIfDue();
}
const resigning = setInterval(() => {
  publisher.resignIfDue().then(
    (manifest) => manifest !== null && console.log(`Manifeste de la version ${manifest.version} signé à nouveau, valable jusqu’au ${manifest.expires}.`),
    (error: unknown) => console.error('Nouvelle signature du manifeste impossible :', error),
  );
}, RESIGN_CHECK_MS);
resigning.unref();

if (config.atlaasAtStart) {
  const atlaas = await prepareAtlaas(db);
  if (atlaas !== null) console.log(`Atlaas : ${atlaas.actors.added} collectivités importées du découpage administratif, ${atlaas.links.linked} sites reliés, ${atlaas.links.suggested} liens suggérés.`);
}

const hasAdmin = (await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).executeTakeFirst()) !== undefined;
const secure = config.publicUrl?.startsWith('https:') ?? false;
// The validation crawler: runs started from the console or on schedule hand their findings to the review queue.
const crawlerRuns = crawlControl(db);
const crawling = config.crawlSchedule ? startCrawlSchedule(db, { sink: reviewQueueCrawlSink(db) }) : null;
if (crawling !== null) console.log('Robot de validation : une vérification par heure, un passage complet sur 7 jours.');
const app = createApp({ db, publisher, secureCookies: secure, trustProxy: config.trustProxy, crawlControl: crawlerRuns, publicUrl: config.publicUrl });
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const local = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}/`;
  console.log(`Console de curation : ${config.publicUrl ?? local}`);
  console.log(`Liste publiée pour les extensions : ${config.publicUrl ?? local}v1/manifest.json`);
  if (config.publicUrl !== null) console.log(`(à l'écoute sur ${local})`);
  if (!hasAdmin) console.log('Aucun administrateur : créez le premier avec  npm run user -- add vous@example.org --role admin  (mot de passe lu sur l’entrée standard).');
});

function stop(signal: string) {
  console.log(`${signal} : arrêt.`);
  clearInterval(resigning);
  crawling?.stop();
  server.close(() => {
    void db.destroy().then(() => process.exit(0));
  });
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
