/**
 * Publishes the active sources as the next signed list version in a directory that any static
 * host can serve: snapshot, cumulative deltas from the last versions, signed manifest.
 *
 *   npm run publish -- [--from corpus/data/sources.tsv] [--out data/lists/v1] [--key data/keys/<id>.private.pem]…
 *                      [--announce <public.json>]… [--force] [--resign] [--expiry-days 7] [--delta-depth 10]
 *
 * Nothing is published when nothing changed (unless --force). --resign signs the current version's
 * manifest again with a new expiry (run it daily, e.g. from cron, so that `expires` can stay short).
 * Several --key sign with several keys (key rotation); --announce names the next key in the manifest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCorpusText } from '../corpus/corpus-text.ts';
import { DEFAULT_DELTA_DEPTH, DEFAULT_EXPIRY_DAYS, buildPublication, resignManifest } from '../corpus/list/publication.ts';
import { readPublishedState, writeManifest, writePublication } from '../corpus/node/list-directory.ts';
import { SEED_CORPUS_PATH } from '../corpus/node/seed-corpus-file.ts';
import { readPublicKeyFile, readSigningKeyFile } from '../corpus/node/signing-key-files.ts';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: SEED_CORPUS_PATH },
    out: { type: 'string', default: 'data/lists/v1' },
    key: { type: 'string', multiple: true },
    announce: { type: 'string', multiple: true, default: [] },
    force: { type: 'boolean', default: false },
    resign: { type: 'boolean', default: false },
    'expiry-days': { type: 'string', default: String(DEFAULT_EXPIRY_DAYS) },
    'delta-depth': { type: 'string', default: String(DEFAULT_DELTA_DEPTH) },
  },
});

function defaultKeyFiles(): string[] {
  const directory = 'data/keys';
  const found = readdirSync(directory, { withFileTypes: true }).filter((entry) => entry.name.endsWith('.private.pem'));
  if (found.length !== 1) throw new Error(`give --key: ${found.length} private keys in ${directory}`);
  return [join(directory, found[0].name)];
}

const signingKeys = await Promise.all((values.key ?? defaultKeyFiles()).map(readSigningKeyFile));
const announcedKeys = await Promise.all(values.announce.map(readPublicKeyFile));
const expiryDays = Number(values['expiry-days']);
const deltaDepth = Number(values['delta-depth']);
const state = await readPublishedState(values.out, deltaDepth);

if (values.resign) {
  if (state.manifest === null) throw new Error(`nothing published yet in ${values.out}`);
  await writeManifest(values.out, await resignManifest(state.manifest, signingKeys, { expiryDays, announcedKeys: values.announce.length > 0 ? announcedKeys : undefined }));
  console.log(`Version ${state.manifest.version} signed again by ${signingKeys.map((k) => k.keyId).join(', ')}, valid ${expiryDays} days.`);
} else {
  const parsed = parseCorpusText(readFileSync(values.from, 'utf8'));
  if (parsed.errors.length > 0) throw new Error(`${values.from}:${parsed.errors[0].line}: ${parsed.errors[0].message}`);
  const publication = await buildPublication({
    sources: parsed.sources,
    previous: state.previous,
    signingKeys,
    announcedKeys,
    expiryDays,
    deltaDepth,
    force: values.force,
  });
  if (publication.status === 'unchanged') {
    console.log(`Nothing changed since version ${publication.version}: nothing published (--force to publish anyway).`);
  } else {
    await writePublication(values.out, publication);
    const { added, changed, removed, sources } = publication.summary;
    console.log(`Version ${publication.version} published in ${values.out}: ${sources} sources (+${added} ~${changed} -${removed}), ${publication.files.length - 1} deltas.`);
  }
}
