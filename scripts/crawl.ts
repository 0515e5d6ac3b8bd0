/**
 * Runs the validation crawler over the curation database (the server's, SDC_DB): the least
 * recently checked sources first, every check recorded with its evidence, findings handed to the
 * curators' review queue (console: « File de revue »). Sources are never changed. A run interrupted by a crash is resumed first.
 *
 *   npm run crawl                              every source (or the interrupted run)
 *   npm run crawl -- --limit 2000              the 2,000 least recently checked
 *   npm run crawl -- --source <id> …           these sources
 *   npm run crawl -- --runs                    the last runs and their outcomes
 *   npm run crawl -- --findings <run>          what a run found, one line per source
 *   (and --concurrency 32, --rate 50 requests/s, --host-delay 1000 ms, --timeout 30000 ms)
 *
 * Ctrl-C cancels the run: the checks finished so far stay recorded.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readServerConfig } from '../curation-server/config.ts';
import { listChecks } from '../curation-server/crawler/check-records.ts';
import { reviewQueueCrawlSink } from '../curation-server/crawler/crawl-control.ts';
import { cancelCrawlRun, type CrawlStart, crawlRunProgress, interruptedCrawlRuns, listCrawlRuns, resumeCrawlRun, startCrawlRun, waitForCrawlRun } from '../curation-server/crawler/crawl-runs.ts';
import { crawlSettings } from '../curation-server/crawler/crawl-settings.ts';
import { outcomeSummary, progressLine } from '../curation-server/crawler/progress-line.ts';
import { openDatabase } from '../curation-server/db/open-database.ts';

const USAGE = `Usage : npm run crawl -- [--limit N] [--source <id>]… [--concurrency N] [--rate N] [--host-delay ms] [--timeout ms]
        npm run crawl -- --runs | --findings <passe>`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        limit: { type: 'string' },
        source: { type: 'string', multiple: true },
        concurrency: { type: 'string' },
        rate: { type: 'string' },
        'host-delay': { type: 'string' },
        timeout: { type: 'string' },
        runs: { type: 'boolean', default: false },
        findings: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();

const integer = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`--${name} : un nombre entier (reçu « ${value} »)\n${USAGE}`);
  return Number(value);
};
const checked = crawlSettings({
  ...(values.concurrency === undefined ? {} : { concurrency: integer('concurrency', values.concurrency) }),
  ...(values.rate === undefined ? {} : { requestsPerSecond: integer('rate', values.rate) }),
  ...(values['host-delay'] === undefined ? {} : { hostDelayMs: integer('host-delay', values['host-delay']) }),
  ...(values.timeout === undefined ? {} : { totalTimeoutMs: integer('timeout', values.timeout) }),
});
if (!checked.ok) fail(`Réglages invalides :\n  ${checked.issues.join('\n  ')}`);
const limit = integer('limit', values.limit);

const config = readServerConfig(process.env);
if (!config.ok) fail(`Configuration invalide :\n  ${config.problems.join('\n  ')}`);
const { databasePath } = config.config;
if (!existsSync(databasePath)) fail(`Aucune base de données à ${databasePath} : indiquez celle du serveur avec SDC_DB, ou démarrez d’abord le serveur (npm start).`);
console.error(`Base : ${databasePath}`);
const db = await openDatabase(databasePath);

if (values.runs) {
  for (const run of await listCrawlRuns(db, { limit: 20 })) {
    console.log(`${run.runId}\t${run.startedAt}\t${run.state}\t${run.trigger}\t${run.checked}/${run.total}\tà revoir ${run.findings}\t${outcomeSummary(run)}`);
  }
  await db.destroy();
  process.exit(0);
}
if (values.findings !== undefined) {
  const runId = integer('findings', values.findings) ?? 0;
  for (const check of await listChecks(db, { runId, findingsOnly: true })) {
    console.log(`${check.host}\t${check.outcome}\t${check.reasons.join(' ')}${check.suggestion === null ? '' : `\t→ ${check.suggestion.host}`}`);
  }
  await db.destroy();
  process.exit(0);
}

// Findings go to the console's review queue, as for runs started there or on schedule.
const options = { trigger: 'cli' as const, actor: 'ligne de commande', settings: checked.settings, sink: reviewQueueCrawlSink(db) };
const [interrupted] = await interruptedCrawlRuns(db);
let started: CrawlStart;
if (interrupted !== undefined && values.source === undefined && limit === undefined) {
  console.error(`Reprise de la passe ${interrupted}, interrompue.`);
  started = await resumeCrawlRun(db, interrupted, options);
} else {
  started = await startCrawlRun(db, { ...options, limit, sourceIds: values.source });
}
if (!started.ok) {
  if (started.reason === 'already-running') fail(`La passe ${started.runId} est en cours (console ou autre commande) : une seule à la fois.`, 1);
  fail(`Impossible de lancer la passe : ${JSON.stringify(started)}`, 1);
}
const { runId } = started;
process.on('SIGINT', () => {
  console.error('\nArrêt demandé : la passe est annulée, les vérifications terminées restent enregistrées.');
  void cancelCrawlRun(db, runId);
});

const tty = process.stderr.isTTY === true;
let lastPlain = 0;
const show = async () => {
  const progress = await crawlRunProgress(db, runId);
  if (progress === null) return;
  if (tty) process.stderr.write(`\r${progressLine(progress, 30)}\x1b[K`);
  else if (Date.now() - lastPlain >= 10_000) {
    lastPlain = Date.now();
    console.error(progressLine(progress, null));
  }
};
const timer = setInterval(() => void show(), tty ? 500 : 1_000);
await waitForCrawlRun(runId);
clearInterval(timer);
const final = await crawlRunProgress(db, runId);
if (tty) process.stderr.write('\n');
if (final !== null) {
  console.log(`Passe ${runId} ${final.state === 'finished' ? 'terminée' : 'annulée'} : ${final.checked}/${final.total} sources vérifiées, ${final.findings} à revoir.`);
  console.log(outcomeSummary(final));
  if (final.findings > 0) console.log(`Le détail : npm run crawl -- --findings ${runId}`);
}
await db.destroy();
