import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeCorpusText } from '../corpus/corpus-text.ts';
import { readManifest } from '../corpus/list/manifest.ts';
import { createKeyFiles, readSigningKeyDirectory } from '../corpus/node/signing-key-files.ts';
import { SAMPLE_SOURCES, type TempDatabase, tempDatabase } from '../curation-server/testing/temp-database.ts';

const SCRIPT = fileURLToPath(new URL('./publish.ts', import.meta.url));

let temp: TempDatabase;
beforeEach(async () => {
  temp = await tempDatabase();
});
afterEach(async () => {
  await temp.close();
});

/** The script, with the server's settings of this test (by default, a server whose database does not exist). */
function publish(args: string[], env: Record<string, string> = {}) {
  const server = { SDC_DB: join(temp.directory, 'no-server.sqlite'), SDC_LISTS_DIR: join(temp.directory, 'no-server-lists'), ...env };
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { encoding: 'utf8', env: { ...process.env, ...server } });
  return { status: run.status, out: run.stdout + run.stderr };
}

/** A corpus text file of the sample sources, with `extra` lines. */
function corpusFile(extra: string[] = []): string {
  const file = join(temp.directory, 'sources.tsv');
  writeFileSync(file, serializeCorpusText(SAMPLE_SOURCES) + extra.map((line) => `${line}\n`).join(''));
  return file;
}

// Real processes (tsx and the publishing code): seconds, not milliseconds.
describe('npm run publish', { timeout: 60_000 }, () => {
  it('publishes the curation database like the console does, and records it', async () => {
    const keys = join(temp.directory, 'keys');
    const out = join(temp.directory, 'v1');
    const { publicKey } = await createKeyFiles(keys);
    const active = SAMPLE_SOURCES.filter((source) => source.status === 'active').length;
    const first = publish(['--db', temp.path, '--out', out, '--keys-dir', keys, '--comment', 'depuis cron']);
    expect(first).toEqual({ status: 0, out: `Version 1 published in ${out}: ${active} sources (+${active} ~0 -0).\n` });
    expect(publish(['--db', temp.path, '--out', out, '--keys-dir', keys]).out).toContain('Nothing changed since version 1');
    const reading = await readManifest(readFileSync(join(out, 'manifest.json'), 'utf8'), [publicKey]);
    expect(reading.ok && reading.manifest.sources).toBe(active);
    const resigned = publish(['--db', temp.path, '--out', out, '--keys-dir', keys, '--resign']);
    expect(resigned.out).toMatch(/^Version 1 signed again, valid until \d{4}-/);
    const again = await readManifest(readFileSync(join(out, 'manifest.json'), 'utf8'), [publicKey]);
    expect(again.ok && again.manifest.created > (reading.ok ? reading.manifest.created : '')).toBe(true);
    const rows = await temp.db.selectFrom('publications').select(['version', 'actor', 'comment']).execute();
    expect(rows).toEqual([{ version: 1, actor: 'ligne de commande', comment: 'depuis cron' }]);
  });

  it('prints its usage and publishes nothing when not told what to publish', async () => {
    const keys = join(temp.directory, 'keys');
    const out = join(temp.directory, 'v1');
    await createKeyFiles(keys);
    const bare = publish(['--out', out, '--keys-dir', keys]);
    expect(bare.status).toBe(2);
    expect(bare.out).toMatch(/^Usage:\n  npm run publish -- --db /);
    expect(bare.out).toContain('--from <corpus.tsv>');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to publish a file over the list of a curation server, which the record would not know', async () => {
    const keys = join(temp.directory, 'keys');
    const out = join(temp.directory, 'lists', 'v1');
    await createKeyFiles(keys);
    const server = { SDC_DB: temp.path, SDC_LISTS_DIR: out };
    expect(publish(['--db', temp.path, '--out', out, '--keys-dir', keys], server).status).toBe(0);
    const refused = publish(['--from', corpusFile(), '--out', out, '--keys-dir', keys, '--force'], server);
    expect(refused.status).toBe(2);
    expect(refused.out).toContain(`${out} is the list the curation server publishes from ${temp.path}`);
    expect(refused.out).toContain('Importer');
    const [key] = await readSigningKeyDirectory(keys);
    const manifest = await readManifest(readFileSync(join(out, 'manifest.json'), 'utf8'), [key.publicKey]);
    expect(manifest.ok && manifest.manifest.version).toBe(1);
    expect(await temp.db.selectFrom('publications').select('version').execute()).toEqual([{ version: 1 }]);
  });

  it('publishes a file into a directory no curation server publishes to, once every source in it is valid', async () => {
    const keys = join(temp.directory, 'keys');
    const out = join(temp.directory, 'static', 'v1');
    await createKeyFiles(keys);
    const active = SAMPLE_SOURCES.filter((source) => source.status === 'active').length;
    expect(publish(['--from', corpusFile(), '--out', out, '--keys-dir', keys])).toEqual({ status: 0, out: `Version 1 published in ${out}: ${active} sources (+${active} ~0 -0).\n` });
    const hostile = publish(['--from', corpusFile(['sbidi0000001\tmairie-bidi.fr\thost\t\tcommune\tactive\tMairie de \u202enohtaM\t\tcurated']), '--out', out, '--keys-dir', keys]);
    expect(hostile.status).toBe(2);
    expect(hostile.out).toContain('sbidi0000001: Refused text: it holds a character that is invisible or reverses the direction of writing (U+202E)');
  });

  it('publishes engine definitions with the list once the extension would accept them, and says why not otherwise', async () => {
    const keys = join(temp.directory, 'keys');
    const out = join(temp.directory, 'static', 'v1');
    await createKeyFiles(keys);
    const definitions = JSON.parse(readFileSync('extension/engines/engine-definitions.json', 'utf8')) as { engines: { hosts: string[] }[] };
    const file = join(temp.directory, 'engines.json');
    definitions.engines[0].hosts.push('www.google.example');
    writeFileSync(file, JSON.stringify(definitions));
    const refused = publish(['--from', corpusFile(), '--out', out, '--keys-dir', keys, '--engines', file]);
    expect(refused.status).toBe(2);
    expect(refused.out).toContain('www.google.example/search is not a result page this version of the extension runs on');
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);

    definitions.engines[0].hosts.pop();
    writeFileSync(file, JSON.stringify(definitions));
    expect(publish(['--from', corpusFile(), '--out', out, '--keys-dir', keys, '--engines', file]).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { signed: { engines?: { path: string } } };
    expect(readFileSync(join(out, manifest.signed.engines?.path ?? 'none'), 'utf8')).toBe(JSON.stringify(definitions));
  });

  it('says clearly when there is no key or the options contradict each other', () => {
    const missing = publish(['--db', temp.path, '--out', join(temp.directory, 'v1'), '--keys-dir', join(temp.directory, 'none')]);
    expect(missing.status).toBe(2);
    expect(missing.out).toContain('npm run keys -- generate');
    const both = publish(['--db', temp.path, '--from', 'corpus/data/sources.tsv']);
    expect(both).toEqual({ status: 2, out: 'give --db or --from, not both\n' });
  });
});
