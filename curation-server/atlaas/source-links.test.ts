import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Category } from '../../corpus/categories.ts';
import type { Source } from '../../corpus/source.ts';
import { divisionsOf } from '../testing/atlaas-fixture.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { importActors } from './actor-import.ts';
import { currentActorIds } from './atlaas-setup.ts';
import { decideLink, type DirectoryLink, linkContext, pendingSuggestions, readDirectoryLinks, refreshLinks } from './source-links.ts';
import { makeValidSource } from '../../corpus/testing/make-source.ts';

const source = (id: string, host: string, category: Category, code = '', name = ''): Source => makeValidSource(host, { id, category, name, code, provenance: 'etalab/verified' });

const SOURCES = [
  source('sbesancon001', 'besancon.fr', 'commune', '25056', 'Ville de Besançon'),
  source('sgbm00000001', 'grandbesancon.fr', 'intercommunalite', '242500361'),
  source('sevry0000001', 'evry-ancien.fr', 'commune', '91182'),
  source('svannes00001', 'mairie-vannes.fr', 'commune'),
  source('sbeaumont631', 'beaumont63.fr', 'commune'),
  source('sbeaumont001', 'beaumont.fr', 'commune'),
  source('sname0000001', 'site-quelconque.fr', 'commune', '', 'Mairie de Vannes'),
  source('sdirectory01', 'notre-village.fr', 'commune'),
  source('sprefecture1', 'doubs.gouv.fr', 'prefecture', '25'),
];
const DIRECTORY = new Map<string, DirectoryLink[]>([['notre-village.fr', [{ kind: 'mairie', code: '25056', dataset: 'annuaire 2019' }]]]);
const DEPARTEMENTS = ['25', '91', '56', '63', '74', '89', '07'];

let temp: TempDatabase;
beforeEach(async () => {
  temp = await tempDatabase(SOURCES);
  await importActors(temp.db, divisionsOf(DEPARTEMENTS));
});
afterEach(async () => {
  await temp.close();
});

const refresh = async () => refreshLinks(temp.db, linkContext(divisionsOf(DEPARTEMENTS), await currentActorIds(temp.db), DIRECTORY));
const links = () => temp.db.selectFrom('atlaas_links').select(['source_id', 'actor_id', 'method', 'status']).orderBy('source_id').orderBy('actor_id').execute();

describe('linking trusted sources to actors', () => {
  it('links a source by its own code, and suggests the others from the directory, the hostname and the name', async () => {
    expect(await refresh()).toEqual({ linked: 3, suggested: 4, dropped: 0 });
    expect(await links()).toEqual([
      { source_id: 'sbeaumont631', actor_id: 'commune:63032', method: 'hostname', status: 'suggested' },
      { source_id: 'sbesancon001', actor_id: 'commune:25056', method: 'code', status: 'linked' },
      { source_id: 'sdirectory01', actor_id: 'commune:25056', method: 'directory', status: 'suggested' },
      { source_id: 'sevry0000001', actor_id: 'commune:91228', method: 'code', status: 'linked' },
      { source_id: 'sgbm00000001', actor_id: 'epci:242500361', method: 'code', status: 'linked' },
      { source_id: 'sname0000001', actor_id: 'commune:56260', method: 'name', status: 'suggested' },
      { source_id: 'svannes00001', actor_id: 'commune:56260', method: 'hostname', status: 'suggested' },
    ]);
  });

  it('records a curator’s decision with the link, keeps it through refreshes, and keeps the trail append-only', async () => {
    await refresh();
    const curator = { label: 'curateur@example.org', role: 'curator' as const, userId: null, tokenId: null };
    expect(await decideLink(temp.db, curator, 'svannes00001', 'commune:56260', 'confirm', 'vérifié sur le site')).toEqual({ ok: true });
    expect(await decideLink(temp.db, curator, 'sbeaumont631', 'commune:63032', 'reject', '')).toEqual({ ok: true });
    expect(await decideLink(temp.db, curator, 'svannes00001', 'commune:56260', 'reject', '')).toEqual({ ok: false, reason: 'already-decided' });
    expect(await decideLink(temp.db, curator, 'svannes00001', 'commune:25056', 'confirm', '')).toEqual({ ok: false, reason: 'not-found' });
    await refresh();
    const statuses = Object.fromEntries((await links()).map((link) => [link.source_id, link.status]));
    expect(statuses).toMatchObject({ svannes00001: 'confirmed', sbeaumont631: 'rejected' });
    expect((await pendingSuggestions(temp.db, { page: 1, perPage: 10 })).suggestions.map((s) => s.sourceId)).toEqual(['sdirectory01', 'sname0000001']);
    const events = await temp.db.selectFrom('atlaas_link_events').selectAll().orderBy('id').execute();
    expect(events.map((event) => [event.actor, event.source_id, event.decision, event.comment])).toEqual([
      ['curateur@example.org', 'svannes00001', 'confirm', 'vérifié sur le site'],
      ['curateur@example.org', 'sbeaumont631', 'reject', ''],
    ]);
    await expect(temp.db.updateTable('atlaas_link_events').set({ decision: 'reject' }).execute()).rejects.toThrow(/append-only/);
    await expect(temp.db.deleteFrom('atlaas_link_events').execute()).rejects.toThrow(/append-only/);
  });

  it('follows a changed code: the old code link goes, the new one comes', async () => {
    await refresh();
    await temp.db.updateTable('sources').set({ code: '25047' }).where('id', '=', 'sbesancon001').execute();
    expect((await refresh()).dropped).toBe(1);
    expect((await links()).filter((link) => link.source_id === 'sbesancon001')).toEqual([{ source_id: 'sbesancon001', actor_id: 'commune:25047', method: 'code', status: 'linked' }]);
  });

  it('reads the directory’s INSEE links from the corpus’s open data', () => {
    const directory = readDirectoryLinks();
    expect(directory.size).toBeGreaterThan(10_000);
    expect(directory.get('breitenbach.fr')).toContainEqual({ kind: 'mairie', code: '67063', dataset: 'annuaire 2019' });
  });
});
