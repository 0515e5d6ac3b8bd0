import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.ts';
import { sourceHistory } from '../history/event-log.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { createSource, markReviewed, revertChange, setStatus, updateSource } from './source-commands.ts';
import { sourceById } from './source-store.ts';
import { writeIssueMessage } from './write-issues.ts';

const alice: Actor = { label: 'alice@example.org', role: 'curator', userId: null, tokenId: null };
const fields = { host: 'www.Mairie-Exemple.fr', scope: 'host', path: '', category: 'commune', status: 'active', name: 'Mairie d’Exemple', code: '01001' };

let temp: TempDatabase;
beforeEach(async () => {
  temp = await tempDatabase();
});
afterEach(async () => {
  await temp.close();
});

describe('creating a source', () => {
  it('normalizes the hostname, gives a new id and curated provenance, and records the event', async () => {
    const created = await createSource(temp.db, alice, { ...fields, host: 'Mairie-Exemple.fr.' }, 'nouvelle commune');
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({ host: 'mairie-exemple.fr', provenance: 'curated', validation: 'reviewed', revision: 1 });
    expect(created.value.id).toMatch(/^c[a-z2-7]{11}$/);
    const history = await sourceHistory(temp.db, created.value.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', actor: 'alice@example.org', comment: 'nouvelle commune', before: null });
    expect(history[0].after?.host).toBe('mairie-exemple.fr');
  });

  it('refuses a duplicate hostname, naming the source that has it, in French', async () => {
    const created = await createSource(temp.db, alice, { ...fields, host: 'www.besancon.fr', scope: 'subdomains' }, '');
    expect(created.ok).toBe(false);
    if (created.ok) return;
    expect(created.issues).toEqual([{ field: 'host', code: 'duplicate-key', holderId: 'syj66jel4pyz', holderKey: 'besancon.fr' }]);
    expect(writeIssueMessage(created.issues[0])).toBe('Doublon : « besancon.fr » est déjà dans la liste (source syj66jel4pyz).');
  });

  it('refuses a scope that would trust a whole hosting platform, with the reason', async () => {
    const created = await createSource(temp.db, alice, { ...fields, host: 'mairie-x.free.fr', scope: 'subdomains' }, '');
    expect(created.ok).toBe(false);
    if (created.ok) return;
    expect(created.issues.map((issue) => issue.code)).toEqual(['platform']);
    expect(writeIssueMessage(created.issues[0])).toContain("« free.fr » est une plateforme d'hébergement partagée");
    const suffix = await createSource(temp.db, alice, { ...fields, host: 'gouv.fr', scope: 'subdomains' }, '');
    expect(suffix.ok ? [] : suffix.issues.map((issue) => issue.code)).toEqual(['public-suffix']);
  });

  it('reports every invalid field at once and writes nothing', async () => {
    const created = await createSource(temp.db, alice, { ...fields, host: 'pas un nom', category: 'bakery', code: 'x' }, '');
    expect(created.ok ? [] : created.issues.map((issue) => issue.field)).toEqual(['host', 'category', 'code']);
    expect(await temp.db.selectFrom('events').select('id').where('action', '=', 'create').execute()).toEqual([]);
  });
});

describe('editing a source', () => {
  it('writes the change with before and after, and bumps the revision', async () => {
    const updated = await updateSource(temp.db, alice, 'syj66jel4pyz', { name: 'Mairie de Besançon' }, { comment: 'nom officiel', revision: 1 });
    expect(updated.ok && updated.value.changed).toBe(true);
    const source = await sourceById(temp.db, 'syj66jel4pyz');
    expect(source).toMatchObject({ name: 'Mairie de Besançon', revision: 2 });
    const [event] = await sourceHistory(temp.db, 'syj66jel4pyz');
    expect(event).toMatchObject({ action: 'update', comment: 'nom officiel' });
    expect([event.before?.name, event.after?.name]).toEqual(['Ville de Besançon', 'Mairie de Besançon']);
  });

  it('refuses an edit made on an older revision instead of overwriting the newer one', async () => {
    await updateSource(temp.db, alice, 'syj66jel4pyz', { name: 'Premier' }, { comment: '', revision: 1 });
    const late = await updateSource(temp.db, alice, 'syj66jel4pyz', { name: 'Second' }, { comment: '', revision: 1 });
    expect(late).toEqual({ ok: false, issues: [{ code: 'stale-revision' }] });
    expect((await sourceById(temp.db, 'syj66jel4pyz'))?.name).toBe('Premier');
  });

  it('records nothing when nothing changes', async () => {
    const same = await updateSource(temp.db, alice, 'syj66jel4pyz', { name: ' Ville de Besançon ' }, { comment: '' });
    expect(same.ok && same.value.changed).toBe(false);
    expect(await sourceHistory(temp.db, 'syj66jel4pyz')).toEqual([]);
  });
});

describe('status changes on a selection', () => {
  it('suspends several sources in one batch, and skips those already suspended', async () => {
    const result = await setStatus(temp.db, alice, ['syj66jel4pyz', 'sk3kwbhz3cg2', 'sy6dyqktpki6'], 'suspended', 'contrôle');
    expect(result).toMatchObject({ ok: true, changed: 2, unchanged: 1 });
    const events = await temp.db.selectFrom('events').select(['action', 'batch', 'source_id']).where('action', '=', 'suspend').execute();
    expect(events).toHaveLength(2);
    expect(new Set(events.map((event) => event.batch)).size).toBe(1);
    expect(events[0].batch).not.toBeNull();
  });

  it('changes none when one of them cannot take the change', async () => {
    const result = await setStatus(temp.db, alice, ['syj66jel4pyz', 'nope-nope'], 'removed', '');
    expect(result).toEqual({ ok: false, failures: [{ id: 'nope-nope', issues: [{ code: 'not-found' }] }] });
    expect((await sourceById(temp.db, 'syj66jel4pyz'))?.status).toBe('active');
  });

  it('marks sources as reviewed by replacing the doubt marks in their provenance', async () => {
    await markReviewed(temp.db, alice, ['sy6dyqktpki6', 'stlyon0000001'], '');
    expect(await sourceById(temp.db, 'sy6dyqktpki6')).toMatchObject({ provenance: 'etalab/hopitaux,reviewed', validation: 'reviewed' });
    expect(await sourceById(temp.db, 'stlyon0000001')).toMatchObject({ provenance: 'etalab/verified,reviewed', validation: 'reviewed' });
    expect((await sourceHistory(temp.db, 'sy6dyqktpki6'))[0].action).toBe('review');
  });
});

describe('reverting a change', () => {
  it('puts back the fields the change touched, as a new event', async () => {
    const edit = await updateSource(temp.db, alice, 'sk3kwbhz3cg2', { name: 'Préfecture', code: '' }, { comment: '' });
    expect(edit.ok).toBe(true);
    const [editEvent] = await sourceHistory(temp.db, 'sk3kwbhz3cg2');
    const reverted = await revertChange(temp.db, alice, editEvent.id, 'erreur de saisie');
    expect(reverted.ok && reverted.value).toMatchObject({ name: "Préfecture de l'Ain", code: '01', revision: 3 });
    const history = await sourceHistory(temp.db, 'sk3kwbhz3cg2');
    expect(history.map((event) => event.action)).toEqual(['revert', 'update']);
    expect(history[0]).toMatchObject({ reverts: editEvent.id, comment: 'erreur de saisie' });
    expect(history[1].revertedBy).toEqual([history[0].id]);
  });

  it('refuses when a later change touched the same field, and keeps the later value', async () => {
    await updateSource(temp.db, alice, 'sk3kwbhz3cg2', { name: 'Un' }, { comment: '' });
    await updateSource(temp.db, alice, 'sk3kwbhz3cg2', { name: 'Deux' }, { comment: '' });
    const [, first] = await sourceHistory(temp.db, 'sk3kwbhz3cg2');
    const refused = await revertChange(temp.db, alice, first.id, '');
    expect(refused).toEqual({ ok: false, issues: [{ code: 'revert-conflict', fields: ['name'] }] });
    expect(writeIssueMessage(refused.ok ? { code: 'not-found' } : refused.issues[0])).toBe(
      'Impossible de défaire : organisation ont changé depuis. Défaites d’abord les modifications plus récentes.',
    );
    expect((await sourceById(temp.db, 'sk3kwbhz3cg2'))?.name).toBe('Deux');
  });

  it('reverts a creation by removing the source, and refuses to revert the seed', async () => {
    const created = await createSource(temp.db, alice, fields, '');
    if (!created.ok) throw new Error('fixture');
    const [creation] = await sourceHistory(temp.db, created.value.id);
    const reverted = await revertChange(temp.db, alice, creation.id, '');
    expect(reverted.ok && reverted.value.status).toBe('removed');
    const seed = await temp.db.selectFrom('events').select('id').where('action', '=', 'seed').executeTakeFirstOrThrow();
    expect(await revertChange(temp.db, alice, seed.id, '')).toEqual({ ok: false, issues: [{ code: 'not-revertible' }] });
  });

  it('refuses a revert that would bring back a hostname another source now has', async () => {
    await updateSource(temp.db, alice, 'syj66jel4pyz', { host: 'ville-besancon.fr' }, { comment: '' });
    const [rename] = await sourceHistory(temp.db, 'syj66jel4pyz');
    const other = await createSource(temp.db, alice, { ...fields, host: 'besancon.fr' }, '');
    expect(other.ok).toBe(true);
    const refused = await revertChange(temp.db, alice, rename.id, '');
    expect(refused.ok ? [] : refused.issues.map((issue) => issue.code)).toEqual(['duplicate-key']);
  });
});
