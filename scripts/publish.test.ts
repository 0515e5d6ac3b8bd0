import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readManifest } from '../corpus/list/manifest.ts';
import { createKeyFiles } from '../corpus/node/signing-key-files.ts';
import { SAMPLE_SOURCES, type TempDatabase, tempDatabase } from '../curation-server/testing/temp-database.ts';

const SCRIPT = fileURLToPath(new URL('./publish.ts', import.meta.url));

let temp: TempDatabase;
beforeEach(async () => {
  temp = await tempDatabase();
});
afterEach(async () => {
  await temp.close();
});

function publish(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
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

  it('says clearly when there is no key or the options contradict each other', () => {
    const missing = publish(['--db', temp.path, '--out', join(temp.directory, 'v1'), '--keys-dir', join(temp.directory, 'none')]);
    expect(missing.status).toBe(2);
    expect(missing.out).toContain('npm run keys -- generate');
    const both = publish(['--db', temp.path, '--from', 'corpus/data/sources.tsv']);
    expect(both).toEqual({ status: 2, out: 'give --db or --from, not both\n' });
  });
});
