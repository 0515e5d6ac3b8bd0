/**
 * `npm start`: opens (or creates) the database, brings its schema up to date, seeds it from the
 * corpus on first start, and serves the console and API on the configured address.
 */
import { serve } from '@hono/node-server';
import { readSeedCorpus } from '../corpus/node/seed-corpus-file.ts';
import { createApp } from './app.ts';
import { readServerConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { seedFromCorpus } from './db/seed-corpus.ts';

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

const hasAdmin = (await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).executeTakeFirst()) !== undefined;
const secure = config.publicUrl?.startsWith('https:') ?? false;
const app = createApp({ db, secureCookies: secure, trustProxy: config.trustProxy });
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const local = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}/`;
  console.log(`Console de curation : ${config.publicUrl ?? local}`);
  if (config.publicUrl !== null) console.log(`(à l'écoute sur ${local})`);
  if (!hasAdmin) console.log('Aucun administrateur : créez le premier avec  npm run user -- add vous@example.org --role admin  (mot de passe lu sur l’entrée standard).');
});

function stop(signal: string) {
  console.log(`${signal} : arrêt.`);
  server.close(() => {
    void db.destroy().then(() => process.exit(0));
  });
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
