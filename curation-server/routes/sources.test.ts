import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recentEvents, sourceHistory } from '../history/event-log.ts';
import { sourceById } from '../sources/source-store.ts';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
beforeEach(async () => {
  fixture = await consoleFixture();
});
afterEach(async () => {
  await fixture.close();
});

const newSource = { host: 'mairie-exemple.fr', scope: 'subdomains', path: '', category: 'commune', status: 'active', name: 'Mairie d’Exemple', code: '01001', comment: '' };

describe('the sources list', () => {
  it('searches, filters and counts, with the search kept in the form', async () => {
    const reader = await fixture.as('reader');
    const { response, html } = await reader.page('/sources?q=besancon&status=active');
    expect(response.status).toBe(200);
    expect(html).toContain('<strong>2 sources</strong>');
    expect(html).toContain('href="/sources/sxcmuyhvlacd">ac-besancon.fr</a>');
    expect(html).not.toContain('chu-besancon.fr');
    expect(html).toContain('value="besancon"');
    expect(html).toContain('<option value="active" selected="">active</option>');
    expect(html).toContain('href="/sources/export.csv?q=besancon&amp;status=active"');
  });

  it('shows readers no edit controls, and refuses their writes', async () => {
    const reader = await fixture.as('reader');
    const { html } = await reader.page('/sources');
    expect(html).not.toContain('Ajouter une source');
    expect(html).not.toContain('name="ids"');
    expect(html).not.toContain('href="/import"');
    const refused = await reader.post('/sources', newSource);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Votre rôle ne permet pas cette action.');
  });

  it('pages with links that keep the query, and marks the sorted column', async () => {
    const curator = await fixture.as('curator');
    const { html } = await curator.page('/sources?perPage=25&sort=name&order=desc');
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('<strong>7 sources</strong> — page 1 sur 1');
  });
});

describe('adding a source', () => {
  it('creates it and shows it with a confirmation', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/new');
    const created = await curator.post('/sources', { ...newSource, host: 'WWW.Mairie-Exemple.fr', comment: 'demande de la mairie' });
    expect(created.status).toBe(303);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(/^\/sources\/c[a-z2-7]{11}\?done=created$/);
    const { html } = await curator.page(location);
    expect(html).toContain('<h1>mairie-exemple.fr</h1>');
    expect(html).toContain('La source a été ajoutée.');
    expect(html).toContain('demande de la mairie');
    expect(html).toContain('curator@example.org');
  });

  it('ties each refusal to its field, in French, and keeps what was typed', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/new');
    const refused = await curator.post('/sources', { ...newSource, host: 'http://mairie exemple', code: 'ABC' });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('<title>Erreur : Ajouter une source — Sources de confiance</title>');
    expect(html).toContain('Le formulaire contient 2 erreurs');
    expect(html).toContain('<a href="#field-host">Nom d&#39;hôte invalide');
    expect(html).toMatch(
      /<p class="error-message" id="field-host-error">Nom d&#39;hôte invalide[^<]*<\/p><input id="field-host" name="host" type="text" value="http:\/\/mairie exemple" required="" maxlength="300" spellcheck="false" aria-describedby="field-host-hint field-host-error" aria-invalid="true"/,
    );
    expect(html).toContain('id="field-code-error">Code invalide');
    const duplicate = await curator.post('/sources', { ...newSource, host: 'besancon.fr' });
    expect(await duplicate.text()).toContain('<a href="#field-host">Doublon : « besancon.fr » est déjà dans la liste (source syj66jel4pyz).</a>');
  });

  it('refuses a name that could show reversed or hide characters, saying which character', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/new');
    const refused = await curator.post('/sources', { ...newSource, name: 'Mairie de \u202enohtaM' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('id="field-name-error">Texte refusé : il contient un caractère invisible ou qui inverse le sens de l’écriture (U+202E)');
  });

  it('refuses a scope that would trust a hosting platform, saying why', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/new');
    const refused = await curator.post('/sources', { ...newSource, host: 'ecole.e-monsite.com' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('« e-monsite.com » est une plateforme d&#39;hébergement partagée');
  });

  it('never takes a platform’s own address, whatever the scope, and keeps its tenants at their exact hostname', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/new');
    for (const [host, scope, path] of [['wordpress.com', 'host', ''], ['www.wordpress.com', 'host', ''], ['free.fr', 'subdomains', ''], ['sitego.fr', 'path', '/mairie'], ['blogspot.com', 'host', '']]) {
      const refused = await curator.post('/sources', { ...newSource, host, scope, path });
      expect(refused.status, `${host} ${scope}`).toBe(422);
      const html = await refused.text();
      expect(html, host).toMatch(/id="field-host-error">Refusé : « [a-z.]+ » est l&#39;adresse d&#39;une plateforme d&#39;hébergement partagée, où chacun peut ouvrir un site ; elle ne peut être une source avec aucune portée\./);
      expect(html).not.toContain('cet hôte uniquement »)');
    }
    const tenant = await curator.post('/sources', { ...newSource, host: 'mairie.blogspot.com', scope: 'subdomains' });
    expect(tenant.status).toBe(422);
    expect(await tenant.text()).toContain('« blogspot.com » est une plateforme d&#39;hébergement partagée');
    expect((await curator.post('/sources', { ...newSource, host: 'mairie.blogspot.com', scope: 'host' })).status).toBe(303);
  });
});

describe('the source form reads what was pasted, and presets nothing', () => {
  it('reads a pasted address as its hostname, shows what it understood, and saves only once seen', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/new');
    const pasted = await curator.post('/sources', { ...newSource, host: 'https://www.Mairie-X.fr/accueil', scope: 'host' });
    expect(pasted.status).toBe(200);
    const html = await pasted.text();
    expect(html).toContain(
      '<p class="field-note" id="field-host-note">Adresse collée « https://www.Mairie-X.fr/accueil » comprise comme le nom d’hôte « mairie-x.fr » ; son chemin « /accueil » n’est pas retenu (il ne l’est qu’avec la portée « un chemin de cet hôte »). Vérifiez, puis enregistrez.</p>',
    );
    expect(html).toContain('<input id="field-host" name="host" type="text" value="mairie-x.fr" required="" maxlength="300" spellcheck="false" aria-describedby="field-host-hint field-host-note"');
    expect(html).toContain('<option value="commune" selected="">commune</option>');
    expect(await fixture.db.selectFrom('sources').select('id').where('host', '=', 'mairie-x.fr').executeTakeFirst()).toBeUndefined();
    const saved = await curator.post('/sources', { ...newSource, host: 'mairie-x.fr', scope: 'host' });
    expect(saved.status).toBe(303);
  });

  it('keeps the path of a pasted address with the path scope', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/new');
    const html = await (await curator.post('/sources', { ...newSource, host: 'https://sites.google.com/site/mairiedex/', scope: 'path', path: '' })).text();
    expect(html).toContain('comprise comme le nom d’hôte « sites.google.com » et le chemin « /site/mairiedex ». Vérifiez, puis enregistrez.');
    expect(html).toContain('name="path" type="text" value="/site/mairiedex"');
  });

  it('asks for the category and the status instead of presetting them, and says so when they are left unchosen', async () => {
    const curator = await fixture.as('curator');
    const { html } = await curator.page('/sources/new');
    expect(html).toMatch(/<select id="field-category" name="category" required=""[^>]*><option value="" selected="">— choisir —<\/option><option value="commune">commune<\/option>/);
    expect(html).toMatch(/<select id="field-status" name="status" required=""[^>]*><option value="" selected="">— choisir —<\/option><option value="active">active<\/option>/);
    expect(html).toContain('Nom de l’organisme, tel que le public le lira sur chaque badge');
    expect(html).not.toContain('aux curateurs');
    const refused = await curator.post('/sources', { ...newSource, category: '', status: '' });
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain('id="field-category-error">Choisissez une catégorie.</p>');
    expect(page).toContain('id="field-status-error">Choisissez un statut : seule une source « active » est signalée comme de confiance.</p>');
    // Left out of the form altogether: still asked for, never defaulted to « active ».
    const { status: _, ...withoutStatus } = newSource;
    const noStatus = await curator.post('/sources', withoutStatus);
    expect(noStatus.status).toBe(422);
    expect(await noStatus.text()).toContain('id="field-status-error">Choisissez un statut');
    expect(await fixture.db.selectFrom('sources').select('id').where('host', '=', 'mairie-exemple.fr').executeTakeFirst()).toBeUndefined();
  });

  it('reads a pasted address on the edit form too, and changes nothing until it is seen', async () => {
    const curator = await fixture.as('curator');
    const { html: before } = await curator.page('/sources/syj66jel4pyz');
    const revision = /name="revision" value="(\d+)"/.exec(before)?.[1] ?? '';
    const fields = { host: 'https://www.besancon.fr/mairie/', scope: 'subdomains', path: '', category: 'commune', status: 'active', name: 'Ville de Besançon', code: '25056', comment: '', revision };
    const shown = await curator.post('/sources/syj66jel4pyz', fields);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('comprise comme le nom d’hôte « besancon.fr » ; son chemin « /mairie » n’est pas retenu');
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.revision).toBe(Number(revision));
  });

  it('shows accented hostnames in Unicode, and the stored punycode form beside', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/new');
    const created = await curator.post('/sources', { ...newSource, host: 'mairie-égletons.fr', scope: 'host' });
    expect(created.status).toBe(303);
    const { html } = await curator.page(created.headers.get('location') ?? '');
    expect(html).toContain('<h1>mairie-égletons.fr</h1>');
    expect(html).toContain('<code>xn--mairie-gletons-hkb.fr</code>');
    expect(html).toContain('name="host" type="text" value="mairie-égletons.fr"');
    const list = await curator.page('/sources?q=gletons');
    expect(list.html).toContain('mairie-égletons.fr</a>');
  });
});

describe('editing a source', () => {
  it('saves the change, which the history shows with before and after', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/syj66jel4pyz');
    const saved = await curator.post('/sources/syj66jel4pyz', { ...newSource, host: 'besancon.fr', name: 'Mairie de Besançon', code: '25056', revision: '1', comment: 'nom officiel' });
    expect(saved.headers.get('location')).toBe('/sources/syj66jel4pyz?done=updated');
    const { html } = await curator.page('/sources/syj66jel4pyz?done=updated');
    expect(html).toContain('La source a été enregistrée.');
    expect(html).toMatch(/<th scope="row">Organisation<\/th><td>Ville de Besançon<\/td><td>Mairie de Besançon<\/td>/);
    expect(html).toContain('« nom officiel »');
  });

  it('refuses an edit made on a stale page, and shows the current values', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/syj66jel4pyz');
    await curator.post('/sources/syj66jel4pyz', { ...newSource, host: 'besancon.fr', name: 'Premier', revision: '1' });
    const stale = await curator.post('/sources/syj66jel4pyz', { ...newSource, host: 'besancon.fr', name: 'Second', revision: '1' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('modifiée par quelqu’un d’autre');
    expect(html).toContain('name="name" type="text" value="Premier"');
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.name).toBe('Premier');
  });

  it('suspends, and marks reviewed, from the source page', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/stlyon0000001');
    expect((await curator.post('/sources/stlyon0000001/status', { status: 'suspended', comment: '' })).headers.get('location')).toBe('/sources/stlyon0000001?done=status');
    expect((await curator.post('/sources/stlyon0000001/review', { comment: 'vérifié par téléphone' })).headers.get('location')).toBe('/sources/stlyon0000001?done=reviewed');
    expect(await sourceById(fixture.db, 'stlyon0000001')).toMatchObject({ status: 'suspended', validation: 'reviewed' });
    expect((await sourceHistory(fixture.db, 'stlyon0000001')).map((event) => event.action)).toEqual(['review', 'suspend']);
  });
});

describe('bulk actions', () => {
  it('asks for confirmation, writing nothing, then removes the checked sources and returns to the same list', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources?q=besancon');
    const asked = await curator.post('/sources/bulk', { ids: ['syj66jel4pyz', 'sxcmuyhvlacd', 'gone00000000'], action: 'remove', comment: 'fusion', return: '/sources?q=besancon' });
    expect(asked.status).toBe(200);
    const confirm = await asked.text();
    expect(confirm).toContain('Vous allez retirer 2 sources de la liste :');
    expect(confirm).toContain('1 source cochée n’existe plus.');
    expect(confirm).toContain('<input type="hidden" name="confirm" value="1"/>');
    expect(confirm).toContain('besancon.fr');
    expect(confirm).toContain('<a href="/sources?q=besancon">Annuler</a>');
    expect(confirm).toContain('name="comment" type="text" value="fusion"');
    expect((await sourceById(fixture.db, 'sxcmuyhvlacd'))?.status).toBe('active');
    const done = await curator.post('/sources/bulk', { ids: ['syj66jel4pyz', 'sxcmuyhvlacd'], action: 'remove', comment: 'fusion', return: '/sources?q=besancon', confirm: '1' });
    const [newest] = (await recentEvents(fixture.db, { limit: 1 })).events;
    expect(done.headers.get('location')).toBe(`/sources?q=besancon&done=bulk&changed=2&unchanged=0&batch=${newest.batch}`);
    const after = (await curator.page(done.headers.get('location') ?? '')).html;
    expect(after).toContain('2 sources modifiées.');
    expect(after).toContain(`<a href="/activity?batch=${newest.batch}">Voir ce lot dans l’activité, où vous pouvez le défaire d’un coup</a>`);
    expect((await sourceById(fixture.db, 'sxcmuyhvlacd'))?.status).toBe('removed');
  });

  it('returns to a path of the console only, however the return path is written', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources');
    const done = await curator.post('/sources/bulk', { ids: ['syj66jel4pyz'], action: 'suspend', comment: '', return: '/.//evil.example', confirm: '1' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/sources?done=bulk&changed=1&unchanged=0');
  });

  it('asks for a selection and an action', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources');
    const refused = await curator.post('/sources/bulk', { action: '', comment: '', return: '/sources' });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Cochez au moins une source.');
    expect(html).toContain('<a href="#field-action">Choisissez une action.</a>');
  });
});

describe('hostile input', () => {
  it('is shown as text everywhere: names, comments, search', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/syj66jel4pyz');
    const script = '<script>alert(1)</script>';
    const img = '"><img src=x onerror=alert(2)>';
    await curator.post('/sources/syj66jel4pyz', { ...newSource, host: 'besancon.fr', name: `${script}${img}`.slice(0, 300), revision: '1', comment: img });
    for (const path of ['/sources/syj66jel4pyz', '/sources?q=besancon', '/activity', `/sources?q=${encodeURIComponent(img)}`]) {
      const { html } = await curator.page(path);
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
    }
    const { html } = await curator.page('/sources/syj66jel4pyz');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('never changes anything from a form without its CSRF token, or sent cross-site', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/syj66jel4pyz');
    const forged = await curator.post('/sources/syj66jel4pyz/status', { status: 'removed' }, { csrf: false });
    expect(forged.status).toBe(403);
    const crossSite = await curator.request('/sources/syj66jel4pyz/status', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams({ _csrf: curator.csrfToken, status: 'removed' }),
    });
    expect(crossSite.status).toBe(403);
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('active');
  });

  it('answers a search holding a control character with 400 and the reason, on the list and the exports, and logs no crash', async () => {
    const crashes = vi.spyOn(console, 'error');
    const reader = await fixture.as('reader');
    const list = await reader.page('/sources?q=abc%00def');
    expect(list.response.status).toBe(400);
    expect(list.html).toContain('id="field-q-error">La recherche contient un caractère de contrôle');
    for (const path of ['/sources/export.csv?q=abc%00def', '/sources/export.json?q=abc%01def']) {
      const refused = await reader.request(path);
      expect(refused.status, path).toBe(400);
      expect(await refused.text()).toContain('La recherche contient un caractère de contrôle');
    }
    expect(crashes).not.toHaveBeenCalled();
    crashes.mockRestore();
  });

  it('answers a malformed form with 400, not a crash', async () => {
    const crashes = vi.spyOn(console, 'error');
    const curator = await fixture.as('curator');
    const refused = await curator.request('/sources', { method: 'POST', body: '--x\r\nnot a part', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Les données envoyées sont illisibles');
    expect(crashes).not.toHaveBeenCalled();
    crashes.mockRestore();
  });

  it('refuses bodies over 64 kB on ordinary forms', async () => {
    const curator = await fixture.as('curator');
    await curator.page('/sources/new');
    const huge = await curator.post('/sources', { ...newSource, name: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('Envoi trop volumineux');
  });
});
