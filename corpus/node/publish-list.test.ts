import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex, utf8 } from '../list/digest.ts';
import { makeSource } from '../testing/make-source.ts';
import { currentManifest, keysFromDirectory, publishList } from './publish-list.ts';
import { createKeyFiles } from './signing-key-files.ts';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sdc-publish-'));
  await createKeyFiles(join(directory, 'keys'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

const sources = [makeSource('ain.fr'), makeSource('aisne.fr')];
const publish = async (options: { engineDefinitions?: string; sources?: typeof sources } = {}) =>
  publishList({ directory: join(directory, 'v1'), sources: options.sources ?? sources, engineDefinitions: options.engineDefinitions, ...(await keysFromDirectory(join(directory, 'keys'))) });

describe('publishing engine definitions with the list', () => {
  it('names the definitions file in the signed manifest, by hash and length, and keeps naming it in the next versions', async () => {
    const definitions = '{"format":"sdc-engines/1","engines":[]}\n';
    const first = await publish({ engineDefinitions: definitions });
    expect(first.status).toBe('published');
    const sha256 = await sha256Hex(utf8(definitions));
    const manifest = await currentManifest(join(directory, 'v1'));
    expect(manifest?.engines).toEqual({ path: `engines/${sha256}.json`, sha256, length: utf8(definitions).length });
    expect(await readFile(join(directory, 'v1', 'engines', `${sha256}.json`), 'utf8')).toBe(definitions);

    // A new list version without new definitions: the same file stays named.
    await publish({ sources: [...sources, makeSource('allier.fr')] });
    expect((await currentManifest(join(directory, 'v1')))?.engines?.sha256).toBe(sha256);
  });

  it('publishes a new version for new definitions alone, and none for the same ones again', async () => {
    await publish({ engineDefinitions: '{"a":1}' });
    expect((await publish({ engineDefinitions: '{"a":1}' })).status).toBe('unchanged');
    const changed = await publish({ engineDefinitions: '{"a":2}' });
    expect(changed).toMatchObject({ status: 'published', version: 2 });
  });
});
