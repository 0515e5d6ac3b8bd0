import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { importIssueMessage, type PlannedLine } from './import-plan.ts';
import { updateSource } from './source-commands.ts';
import { csvFileIssueMessage, sourcesCsv, sourcesSpreadsheetCsv } from './source-csv.ts';
import { applyImport, currentImport, previewImport } from './source-imports.ts';
import { allSources } from './source-list.ts';
import { sourceById } from './source-store.ts';

const bob: Actor = { label: 'bob@example.org', role: 'curator', userId: null, tokenId: null };

let temp: TempDatabase;
beforeEach(async () => {
  temp = await tempDatabase();
});
afterEach(async () => {
  await temp.close();
});

const header = 'id,host,scope,path,category,status,name,code';
const file = [
  header,
  ',mairie-neuve.fr,host,,commune,active,Mairie Neuve,01002', // 2 added, new id
  'syj66jel4pyz,besancon.fr,subdomains,,commune,active,Mairie de Besançon,25056', // 3 changed (name)
  ',ain.gouv.fr,subdomains,,prefecture,active,Préfecture de l’Ain (01),01', // 4 changed, found by hostname
  'sxcmuyhvlacd,ac-besancon.fr,subdomains,,education,active,Académie de Besançon,', // 5 unchanged
  ',wanadoo.fr,subdomains,,commune,active,x,', // 6 error: platform operator? (public suffix or platform)
  ',mairie-neuve.fr,host,,commune,active,Encore,', // 7 error: same host as line 2
  ',pas un nom,host,,commune,active,,', // 8 error: invalid host
  ',mairie-lyon.fr,host,,commune,active,"<script>alert(1)</script>",69123', // 9 changed (name)
  'x,y', // 10 error: cell count
].join('\n');

function kinds(lines: readonly PlannedLine[]) {
  return lines.map((line) => `${line.line}:${line.kind}`);
}

describe('CSV import', () => {
  it('previews exactly what would change, line by line, with French reasons, and changes nothing', async () => {
    const preview = await previewImport(temp.db, bob, { name: 'communes.csv', csv: file });
    if (!preview.ok) throw new Error(csvFileIssueMessage(preview.issue, 'fr'));
    expect(kinds(preview.plan.lines)).toEqual(['2:added', '3:changed', '4:changed', '5:unchanged', '6:error', '7:error', '8:error', '9:changed', '10:error']);
    expect(preview.plan.counts).toEqual({ added: 1, changed: 3, unchanged: 1, error: 4 });
    const errors = preview.plan.lines.flatMap((line) => (line.kind === 'error' ? [`${line.line} ${line.issues.map((issue) => importIssueMessage(issue, 'fr')).join(' / ')}`] : []));
    expect(errors[1]).toBe('7 Même nom d’hôte qu’à la ligne 2 du fichier.');
    expect(errors[2]).toMatch(/^8 Nom d'hôte invalide/);
    expect(errors[3]).toBe('10 2 cellules au lieu de 8.');
    const changed = preview.plan.lines[2];
    expect(changed.kind === 'changed' && [changed.before.id, changed.fields]).toEqual(['sk3kwbhz3cg2', ['name']]);
    expect((await sourceById(temp.db, 'syj66jel4pyz'))?.name).toBe('Ville de Besançon');
  });

  it('refuses to apply while a line is in error', async () => {
    const preview = await previewImport(temp.db, bob, { name: 'communes.csv', csv: file });
    if (!preview.ok) throw new Error('preview');
    expect(await applyImport(temp.db, bob, preview.record.id, { digest: preview.digest, comment: '' })).toEqual({ ok: false, reason: 'has-errors' });
  });

  it('applies a clean file in one batch, once', async () => {
    const clean = file.split('\n').slice(0, 5).join('\n');
    const preview = await previewImport(temp.db, bob, { name: 'communes.csv', csv: clean });
    if (!preview.ok) throw new Error('preview');
    const applied = await applyImport(temp.db, bob, preview.record.id, { digest: preview.digest, comment: '' });
    expect(applied).toMatchObject({ ok: true, counts: { added: 1, changed: 2, unchanged: 1, error: 0 } });
    const events = await temp.db.selectFrom('events').select(['action', 'batch', 'comment', 'actor']).where('batch', '=', preview.record.id).execute();
    expect(events.map((event) => event.action).sort()).toEqual(['create', 'update', 'update']);
    expect(events.every((event) => event.comment === 'import communes.csv' && event.actor === 'bob@example.org')).toBe(true);
    expect((await sourceById(temp.db, 'syj66jel4pyz'))?.name).toBe('Mairie de Besançon');
    expect(await applyImport(temp.db, bob, preview.record.id, { digest: preview.digest, comment: '' })).toEqual({ ok: false, reason: 'already-applied' });
    expect((await currentImport(temp.db, preview.record.id))?.ok && (await currentImport(temp.db, preview.record.id))).toMatchObject({ record: { appliedAt: expect.any(String) } });
  });

  it('refuses to apply a plan that moved since the preview, and gives the new one', async () => {
    const clean = file.split('\n').slice(0, 4).join('\n');
    const preview = await previewImport(temp.db, bob, { name: 'communes.csv', csv: clean });
    if (!preview.ok) throw new Error('preview');
    await updateSource(temp.db, bob, 'syj66jel4pyz', { name: 'Mairie de Besançon' }, { comment: 'en même temps' });
    const applied = await applyImport(temp.db, bob, preview.record.id, { digest: preview.digest, comment: '' });
    expect(applied.ok === false && applied.reason === 'moved' && kinds(applied.plan.lines)).toEqual(['2:added', '3:unchanged', '4:changed']);
    expect(await sourceById(temp.db, 'sk3kwbhz3cg2')).toMatchObject({ revision: 1 });
  });

  it('reads its own export back as unchanged', async () => {
    const csv = sourcesCsv(await allSources(temp.db, { q: '' }));
    const preview = await previewImport(temp.db, bob, { name: 'export.csv', csv });
    expect(preview.ok && preview.plan.counts).toEqual({ added: 0, changed: 0, unchanged: 7, error: 0 });
  });

  it('refuses a file whose header is wrong, whole', async () => {
    const preview = await previewImport(temp.db, bob, { name: 'x.csv', csv: 'host;name;colour\na.fr;b;c' });
    expect(preview.ok ? '' : csvFileIssueMessage(preview.issue, 'fr')).toMatch(
      /^Colonnes inconnues : « colour »\. Colonnes permises \(seule « hôte » est obligatoire\) : « identifiant », « hôte » \(ou « nom d’hôte », « site », « adresse », « domaine »\), « portée », .* ; ou leurs noms anglais \(id, host, scope, path, category, status, name, code, provenance\)\.$/,
    );
    const missing = await previewImport(temp.db, bob, { name: 'x.csv', csv: 'nom;statut\nMairie;active' });
    expect(missing.ok ? '' : csvFileIssueMessage(missing.issue, 'fr')).toBe('Colonnes manquantes dans la première ligne : « hôte ».');
    const twice = await previewImport(temp.db, bob, { name: 'x.csv', csv: 'site;hôte\na.fr;b.fr' });
    expect(twice.ok ? '' : csvFileIssueMessage(twice.issue, 'fr')).toBe('Colonnes en double : « site », « hôte ».');
  });

  it('reads French column names and values, any case or accents, with only the hostname required', async () => {
    const csv = [
      'Site;Portée;Catégorie;Statut;Nom;Code INSEE',
      'https-less.fr;Cet hôte uniquement;Commune;Active;Mairie de Sans-Https;01003',
      'mairie-sous.fr;sous-domaines;INTERCOMMUNALITE;suspendue;Communauté Sous;',
      'mairie-seule.fr;;;;;',
      'besancon.fr;;;retirée;;',
    ].join('\r\n');
    const preview = await previewImport(temp.db, bob, { name: 'tableur.csv', csv });
    if (!preview.ok) throw new Error(csvFileIssueMessage(preview.issue, 'fr'));
    expect(kinds(preview.plan.lines)).toEqual(['2:added', '3:added', '4:added', '5:changed']);
    const [first, second, third, fourth] = preview.plan.lines;
    expect(first.kind === 'added' && [first.source.scope, first.source.category, first.source.status, first.defaulted]).toEqual(['host', 'commune', 'active', []]);
    expect(second.kind === 'added' && [second.source.scope, second.source.category, second.source.status]).toEqual(['subdomains', 'intercommunalite', 'suspended']);
    // Left out for a new source: the defaults, said as such; for a listed one: its own values.
    expect(third.kind === 'added' && [third.source.scope, third.source.category, third.source.status, third.defaulted]).toEqual(['host', 'autre', 'active', ['scope', 'category', 'status']]);
    expect(fourth.kind === 'changed' && [fourth.fields, fourth.after.scope, fourth.after.category, fourth.after.name]).toEqual([['status'], 'subdomains', 'commune', 'Ville de Besançon']);
  });

  it('says, for a value it does not know, the line, the site and the valid values', async () => {
    const csv = 'hôte;catégorie;statut;portée\nmairie-x.fr;Comune;active;hôte\nmairie-y.fr;commune;en ligne;partout\n';
    const preview = await previewImport(temp.db, bob, { name: 'x.csv', csv });
    if (!preview.ok) throw new Error(csvFileIssueMessage(preview.issue, 'fr'));
    const errors = preview.plan.lines.map((line) => (line.kind === 'error' ? [line.line, line.host, line.issues.map((issue) => importIssueMessage(issue, 'fr'))] : line.kind));
    expect(errors).toEqual([
      [2, 'mairie-x.fr', [expect.stringMatching(/^Valeur « Comune » inconnue dans la colonne catégorie\. Valeurs permises : « commune », « intercommunalité », « département », « région », .*« autre organisme public »\.$/)]],
      [3, 'mairie-y.fr', [
        'Valeur « partout » inconnue dans la colonne portée. Valeurs permises : « cet hôte uniquement », « l’hôte et ses sous-domaines », « un chemin de cet hôte ».',
        'Valeur « en ligne » inconnue dans la colonne statut. Valeurs permises : « active », « suspendue », « retirée ».',
      ]],
    ]);
    const english = preview.plan.lines[0].kind === 'error' ? importIssueMessage(preview.plan.lines[0].issues[0], 'en') : '';
    expect(english).toMatch(/^Unknown value "Comune" in the category column\. Valid values: "municipality", /);
  });

  it('reads its own spreadsheet export back as unchanged', async () => {
    const csv = sourcesSpreadsheetCsv(await allSources(temp.db, { q: '' }));
    expect(csv.startsWith('\uFEFFidentifiant;hôte;portée;chemin;catégorie;statut;nom;code;provenance\r\n')).toBe(true);
    const preview = await previewImport(temp.db, bob, { name: 'export.csv', csv });
    expect(preview.ok && preview.plan.counts).toEqual({ added: 0, changed: 0, unchanged: 7, error: 0 });
  });

  it('reads the hostname out of the whole addresses spreadsheets hold', async () => {
    const csv = 'adresse;portée;nom\nhttps://www.Mairie-Adresse.fr/accueil;;Mairie Adresse\nhttps://sites.google.com/site/mairiedex/;chemin;Mairie d’Ex\nhttps://besancon.fr/;;\n';
    const preview = await previewImport(temp.db, bob, { name: 'annuaire.csv', csv });
    if (!preview.ok) throw new Error(csvFileIssueMessage(preview.issue, 'fr'));
    expect(preview.plan.lines.map((line) => (line.kind === 'added' ? `${line.source.host}${line.source.path} ${line.source.scope}` : line.kind === 'error' ? `${line.host}: ${line.issues.map((issue) => issue.code)}` : line.kind === 'changed' ? `changed ${line.before.id} ${line.fields}` : `unchanged ${line.source.id}`))).toEqual([
      'mairie-adresse.fr host',
      'sites.google.com/site/mairiedex path',
      'unchanged syj66jel4pyz',
    ]);
  });
});
