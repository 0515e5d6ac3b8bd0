/** Test fixtures: a real SQLite file in a fresh temporary directory, migrated, with a few known sources. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Source } from '../../corpus/source.ts';
import { type CurationDatabase, openDatabase } from '../db/open-database.ts';
import { seedFromCorpus } from '../db/seed-corpus.ts';
import { makeValidSource } from '../../corpus/testing/make-source.ts';

export interface TempDatabase {
  db: CurationDatabase;
  directory: string;
  path: string;
  close(): Promise<void>;
}

export async function tempDatabase(sources: readonly Source[] = SAMPLE_SOURCES): Promise<TempDatabase> {
  const directory = mkdtempSync(join(tmpdir(), 'sdc-curation-'));
  const path = join(directory, 'curation.sqlite');
  const db = await openDatabase(path);
  await seedFromCorpus(db, () => sources);
  return {
    db,
    directory,
    path,
    async close() {
      await db.destroy();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

const source = (fields: Omit<Source, 'provenance'> & { provenance?: string }): Source => makeValidSource(fields.host, { provenance: 'etalab/verified', ...fields });

/** A few sources of each kind (scopes, statuses, validation states), named after real seed entries. */
export const SAMPLE_SOURCES: readonly Source[] = [
  source({ id: 'sk3kwbhz3cg2', host: 'ain.gouv.fr', scope: 'subdomains', path: '', category: 'prefecture', status: 'active', name: "Préfecture de l'Ain", code: '01', provenance: 'etalab/prefectures,etalab/verified' }),
  source({ id: 'sxcmuyhvlacd', host: 'ac-besancon.fr', scope: 'subdomains', path: '', category: 'education', status: 'active', name: 'Académie de Besançon', code: '' }),
  source({ id: 'syj66jel4pyz', host: 'besancon.fr', scope: 'subdomains', path: '', category: 'commune', status: 'active', name: 'Ville de Besançon', code: '25056' }),
  source({ id: 'sy6dyqktpki6', host: 'chu-besancon.fr', scope: 'subdomains', path: '', category: 'sante', status: 'suspended', name: '', code: '', provenance: 'etalab/hopitaux,unverified' }),
  source({ id: 'stlyon0000001', host: 'mairie-lyon.fr', scope: 'host', path: '', category: 'commune', status: 'active', name: 'Mairie de Lyon', code: '69123', provenance: 'etalab/verified,category-from-name' }),
  source({ id: 'stfree000001', host: 'mairie-trifouilly.free.fr', scope: 'host', path: '', category: 'commune', status: 'active', name: 'Trifouilly-les-Oies', code: '' }),
  source({ id: 'stgsite00001', host: 'sites.google.com', scope: 'path', path: '/site/ecole-des-lilas', category: 'education', status: 'removed', name: 'École des Lilas', code: '' }),
];
