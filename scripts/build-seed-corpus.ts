/**
 * Builds the seed corpus committed under corpus/data/ from the open data copied in
 * corpus/upstream/etalab (or the directory given as argument) and corpus/upstream/more, with the
 * administrative divisions of @etalab/decoupage-administratif, and prints a summary.
 *
 *   npm run corpus:build [-- <corpus-sources directory>]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serializeCorpusText } from '../corpus/corpus-text.ts';
import { DATA_CREDIT } from '../corpus/credit.ts';
import { SEED_CORPUS_PATH, SEED_REJECTED_PATH } from '../corpus/node/seed-corpus-file.ts';
import { activeProvenanceTable, categoryTable, countTable, namesTable } from './corpus-report.ts';
import { CATEGORIZED_SNAPSHOT_DATE, UPSTREAM_DIRECTORY, VERIFIED_SNAPSHOT_DATE } from './seed/etalab-input.ts';
import { readSeedInput } from './seed/seed-input.ts';
import { buildSeedCorpus, REJECTION_REASONS, type RejectionReason } from './seed/seed-corpus.ts';

const inputDirectory = resolve(process.argv[2] ?? UPSTREAM_DIRECTORY);
const input = readSeedInput(inputDirectory);
if (input.unreadable.length > 0) console.warn(`verified-origins: ${input.unreadable.length} unreadable lines skipped`);
const { sources, rejected } = buildSeedCorpus(input);

const header = [
  'Sources de confiance — corpus des sources de confiance (format sdc-corpus/1).',
  'Colonnes séparées par des tabulations : id, host, scope, path, category, status, name, code, provenance.',
  'Provenance : etalab/<liste> (liste catégorisée), etalab/verified (origine vérifiée), redirect-from:<nom>,',
  'mesr/etablissements-2025, mesr/rnsr-2022, ror/v2.9-2026-06-23, dila/annuaire-2019, dila/mairies-2018 (autres données ouvertes),',
  'category-from-parent | category-from-name | category-default (catégorie déduite, à revoir), curated (vérifiée à la main),',
  'unverified (aucune preuve de vie au 11/12/2024 : suspendue en attendant la validation).',
  'Code : INSEE de la commune (noms « Mairie de … », découpage administratif Etalab), SIREN des EPCI et des établissements.',
  DATA_CREDIT.fr,
  `Source : ${DATA_CREDIT.sourceUrl} — licence : ${DATA_CREDIT.licenceUrl}`,
  'Généré par scripts/build-seed-corpus.ts (npm run corpus:build) ; ne pas modifier à la main.',
];
writeFileSync(SEED_CORPUS_PATH, serializeCorpusText(sources, header));

const rejectedText = [
  `# Entrées de la liste Etalab (${CATEGORIZED_SNAPSHOT_DATE}, ${VERIFIED_SNAPSHOT_DATE}) écartées du corpus, avec la raison.`,
  '# Colonnes : hostname as written, reason, detail, lists it came from.',
  ...Object.entries(REJECTION_REASONS).map(([reason, meaning]) => `# ${reason}: ${meaning}`),
  ...rejected.map((r) => [r.host, r.reason, r.detail, r.lists].join('\t')),
].join('\n');
writeFileSync(SEED_REJECTED_PATH, `${rejectedText}\n`);

const reasons = new Map((Object.keys(REJECTION_REASONS) as RejectionReason[]).map((reason) => [reason, 0]));
for (const r of rejected) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
console.log(`Seed corpus from ${inputDirectory}\n`);
console.log(categoryTable(sources));
console.log(`\n${namesTable(sources)}`);
console.log(`\n${activeProvenanceTable(sources)}`);
console.log(`\n${countTable(reasons, 'Rejected hostnames')}`);
console.log(`\nWrote ${SEED_CORPUS_PATH} (${sources.length} sources) and ${SEED_REJECTED_PATH}.`);
