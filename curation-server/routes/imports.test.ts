import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORM_BODY_LIMIT, IMPORT_BODY_LIMIT } from '../middleware/body-limits.ts';
import { sourceById } from '../sources/source-store.ts';
import { type ConsoleClient, type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
beforeEach(async () => {
  fixture = await consoleFixture();
});
afterEach(async () => {
  await fixture.close();
});

function upload(client: ConsoleClient, file: Blob, name = 'sources.csv') {
  const body = new FormData();
  body.set('_csrf', client.csrfToken);
  body.set('file', new File([file], name, { type: 'text/csv' }));
  return client.request('/import', { method: 'POST', body });
}

const csv = 'id;host;scope;path;category;status;name;code\r\n;mairie-neuve.fr;host;;commune;active;Mairie Neuve;\r\nsyj66jel4pyz;besancon.fr;subdomains;;commune;active;Mairie de Besançon;25056\r\n';

describe('CSV import in the console', () => {
  it('previews the file, then applies exactly that, and shows the batch in the activity', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/import');
    const uploaded = await upload(curator, new Blob([csv]));
    expect(uploaded.status).toBe(303);
    const previewPath = uploaded.headers.get('location') ?? '';
    const { html } = await curator.page(previewPath);
    expect(html).toMatch(/<strong>1<\/strong> ajoutée<.*<strong>1<\/strong> modifiée<.*<strong>0<\/strong> inchangée<.*<strong>0<\/strong> en erreur/s);
    expect(html).toContain('Appliquer l’import (1 ajout, 1 modification)');
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.name).toBe('Ville de Besançon');
    const digest = /name="digest" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const applied = await curator.post(`${previewPath}/apply`, { digest, comment: '' });
    expect(applied.status).toBe(303);
    const activity = await curator.page(applied.headers.get('location') ?? '');
    expect(activity.html).toContain('L’import a été appliqué.');
    expect(activity.html).toContain('mairie-neuve.fr');
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.name).toBe('Mairie de Besançon');
    const again = await curator.post(`${previewPath}/apply`, { digest, comment: '' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Cet import a déjà été appliqué.');
  });

  it('lists the lines in error with their reasons, and offers no way to apply', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/import');
    const uploaded = await upload(curator, new Blob([`${csv};ain.gouv.fr;subdomains;;bakery;active;x;\r\n`]));
    const { html } = await curator.page(uploaded.headers.get('location') ?? '');
    expect(html).toMatch(/<th scope="row">4<\/th><td>ain.gouv.fr<\/td><td><ul><li><strong>Catégorie<\/strong> — Valeur « bakery » inconnue dans la colonne catégorie\. Valeurs permises : « commune », « intercommunalité », .*« autre organisme public »\.<\/li><\/ul><\/td>/);
    expect(html).not.toContain('Appliquer l’import');
  });

  it('refuses, on its line, a name that could show reversed', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/import');
    const uploaded = await upload(curator, new Blob([`${csv};mairie-bidi.fr;host;;commune;active;Mairie de \u202enohtaM;\r\n`]));
    const { html } = await curator.page(uploaded.headers.get('location') ?? '');
    expect(html).toContain('<th scope="row">4</th><td>mairie-bidi.fr</td><td><ul><li><strong>Organisation</strong> — Texte refusé : il contient un caractère invisible ou qui inverse le sens de l’écriture (U+202E)');
    expect(html).not.toContain('Appliquer l’import');
  });

  it('takes a French spreadsheet (« ; », French headers and values, only the hostname), shows the defaults, and counts in good French', async () => {
    const curator = await fixture.as('curator');
    const form = await curator.page('/import');
    expect(form.html).toContain('Seule la colonne « hôte » (ou « site », « adresse », « host ») est obligatoire');
    const french = '\uFEFFSite;Catégorie;Statut;Nom\r\nmairie-une.fr;Commune;Active;Mairie Une\r\nmairie-deux.fr;;;\r\n';
    const { html } = await curator.page((await upload(curator, new Blob([french]))).headers.get('location') ?? '');
    expect(html).toMatch(/<strong>2<\/strong> ajoutées<.*<strong>0<\/strong> modifiée<.*<strong>0<\/strong> inchangée<.*<strong>0<\/strong> en erreur/s);
    expect(html).toContain('<td>mairie-une.fr <span class="scope">cet hôte uniquement</span><span class="by-default"> (par défaut)</span></td>');
    expect(html).toContain('<td>commune</td><td>active</td>');
    expect(html).toContain('<td>autre organisme public<span class="by-default"> (par défaut)</span></td><td>active<span class="by-default"> (par défaut)</span></td>');
    expect(html).toContain('Appliquer l’import (2 ajouts, 0 modification)');
  });

  it('reads files saved in Windows-1252 by spreadsheets', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/import');
    const latin1 = new Uint8Array([...new TextEncoder().encode('host;scope;path;category;status;name;code\nmairie-neuve.fr;host;;commune;active;Mairie de Bourg-en-Bresse (Ain) '), 0xe9, ...new TextEncoder().encode(';\n')]);
    const { html } = await curator.page((await upload(curator, new Blob([latin1]))).headers.get('location') ?? '');
    expect(html).toContain('Mairie de Bourg-en-Bresse (Ain) é');
  });

  it('says what is wrong with a file it cannot read, on the form', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/import');
    const refused = await upload(curator, new Blob(['hostname,label\nx,y\n']));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Fichier illisible : Colonnes inconnues : « label ». Colonnes permises (seule « hôte » est obligatoire) : « identifiant », « hôte » (ou « nom d’hôte »');
    const empty = await curator.post('/import', { text: '  ' });
    expect(await empty.text()).toContain('Choisissez un fichier ou collez son contenu.');
  });

  it('accepts pasted text, and refuses readers', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/import');
    expect((await curator.post('/import', { text: csv })).status).toBe(303);
    const reader = await fixture.as('reader');
    expect((await reader.request('/import')).status).toBe(403);
  });

  it('accepts a file of a megabyte, far over the 64 kB of ordinary forms', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/import');
    const lines = ['host;scope;path;category;status;name;code'];
    let size = 0;
    for (let i = 0; size < 1024 * 1024; i++) {
      const line = `mairie-numero-${i}.fr;host;;commune;active;Mairie numéro ${i} ${'de la commune '.repeat(18).trim()};`;
      lines.push(line);
      size += line.length + 2;
    }
    const file = new Blob([lines.join('\r\n')]);
    expect(file.size).toBeGreaterThan(16 * FORM_BODY_LIMIT);
    const uploaded = await upload(curator, file);
    expect(uploaded.status).toBe(303);
    const { html } = await curator.page(uploaded.headers.get('location') ?? '');
    expect(html).toContain(`<strong>${(lines.length - 1).toLocaleString('fr-FR')}</strong> ajoutées`);
  });

  it('refuses a file over 10 MB with 413, and reads nothing into the list', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/import');
    const refused = await upload(curator, new Blob([new Uint8Array(IMPORT_BODY_LIMIT + 1).fill(0x61)]));
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain('Envoi trop volumineux');
    expect(await fixture.db.selectFrom('imports').select('id').execute()).toEqual([]);
  });
});
