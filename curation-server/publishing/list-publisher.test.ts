import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readManifest } from '../../corpus/list/manifest.ts';
import { createKeyFiles, readSigningKeyDirectory } from '../../corpus/node/signing-key-files.ts';
import { SYSTEM_ACTOR, userActor } from '../auth/actor.ts';
import { createSource, setStatus } from '../sources/source-commands.ts';
import { SAMPLE_SOURCES, type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { ListPublisher, RESIGN_AFTER_MS } from './list-publisher.ts';

const ADMIN = userActor({ id: 1, email: 'admin@example.org', role: 'admin' });
let temp: TempDatabase;
let clock: Date;
let publisher: ListPublisher;
let keysDirectory: string;
let directory: string;

beforeEach(async () => {
  temp = await tempDatabase();
  await temp.db.insertInto('users').values({ email: 'admin@example.org', role: 'admin', password_hash: 'scrypt$x', created_at: '2026-01-01T00:00:00.000Z', disabled_at: null }).execute();
  keysDirectory = join(temp.directory, 'keys');
  directory = join(temp.directory, 'lists', 'v1');
  clock = new Date('2026-11-23T09:00:00.000Z');
  publisher = new ListPublisher({ db: temp.db, directory, keysDirectory, now: () => clock });
});
afterEach(async () => {
  await temp.close();
});

async function manifestOnDisk() {
  const [key] = await readSigningKeyDirectory(keysDirectory);
  const reading = await readManifest(readFileSync(join(directory, 'manifest.json'), 'utf8'), [key.publicKey]);
  if (!reading.ok) throw new Error(reading.reason);
  return reading.manifest;
}

describe('publishing the curated list', () => {
  it('refuses without a signing key, and writes nothing', async () => {
    expect(await publisher.publish(ADMIN)).toEqual({ status: 'no-key' });
    expect(existsSync(directory)).toBe(false);
    expect(await publisher.history()).toEqual([]);
    expect((await publisher.status()).keyIds).toEqual([]);
  });

  it('publishes the active sources, signed, and records who published what', async () => {
    const { keyId } = await createKeyFiles(keysDirectory);
    const outcome = await publisher.publish(ADMIN, { comment: 'première <version>' });
    const active = SAMPLE_SOURCES.filter((source) => source.status === 'active');
    expect(outcome).toMatchObject({ status: 'published', record: { version: 1, sources: active.length, added: active.length, actor: 'admin@example.org', keyIds: [keyId] } });
    const manifest = await manifestOnDisk();
    expect(manifest.version).toBe(1);
    const snapshot = readFileSync(join(directory, manifest.snapshot.path), 'utf8');
    for (const source of SAMPLE_SOURCES) expect(snapshot.includes(`\t${source.host}\t`)).toBe(source.status === 'active');
    const [record] = await publisher.history();
    expect(record).toMatchObject({ version: 1, at: clock.toISOString(), comment: 'première <version>', forced: false });
    const [row] = await temp.db.selectFrom('publications').selectAll().execute();
    expect(row.user_id).toBe(1);
  });

  it('publishes nothing when nothing changed, unless forced; a change gives the next version and its delta', async () => {
    await createKeyFiles(keysDirectory);
    await publisher.publish(ADMIN);
    expect(await publisher.publish(ADMIN)).toEqual({ status: 'unchanged', version: 1 });
    expect(await publisher.publish(ADMIN, { force: true })).toMatchObject({ status: 'published', record: { version: 2, added: 0, changed: 0, removed: 0, forced: true } });

    const besancon = SAMPLE_SOURCES.find((source) => source.host === 'besancon.fr');
    await setStatus(temp.db, ADMIN, [besancon!.id], 'suspended', '');
    const third = await publisher.publish(SYSTEM_ACTOR);
    expect(third).toMatchObject({ status: 'published', record: { version: 3, added: 0, changed: 0, removed: 1, removedHosts: ['besancon.fr'], actor: 'système' } });
    const manifest = await manifestOnDisk();
    expect(manifest.deltas.map((delta) => delta.from)).toEqual([2, 1]);

    await createSource(temp.db, ADMIN, { host: 'mairie-recette.fr', scope: 'host', path: '', category: 'commune', status: 'active', name: 'Mairie de Recette', code: '' }, '');
    await setStatus(temp.db, ADMIN, [besancon!.id], 'active', '');
    const fourth = await publisher.publish(ADMIN);
    expect(fourth).toMatchObject({ status: 'published', record: { version: 4, added: 2, removed: 0, removedHosts: [] } });
    expect(fourth.status === 'published' && [...fourth.record.upserted].sort()).toEqual(['besancon.fr', 'mairie-recette.fr']);
    expect((await publisher.history()).map((record) => record.version)).toEqual([4, 3, 2, 1]);
  });

  it('never gives a recorded version number again, even when the list directory was wiped', async () => {
    await createKeyFiles(keysDirectory);
    await publisher.publish(ADMIN);
    await publisher.publish(ADMIN, { force: true });
    rmSync(directory, { recursive: true });
    const outcome = await publisher.publish(ADMIN);
    expect(outcome).toMatchObject({ status: 'published', record: { version: 3, added: SAMPLE_SOURCES.filter((source) => source.status === 'active').length } });
    const manifest = await manifestOnDisk();
    expect(manifest.version).toBe(3);
    // Nothing to build a delta from: clients take the snapshot.
    expect(manifest.deltas).toEqual([]);
    expect(existsSync(join(directory, manifest.snapshot.path))).toBe(true);
    expect((await publisher.history()).map((record) => record.version)).toEqual([3, 2, 1]);
  });

  it('records, once, a version published outside it (the extension build), and numbers the next one after it', async () => {
    await createKeyFiles(keysDirectory);
    const other = await tempDatabase();
    await new ListPublisher({ db: other.db, directory, keysDirectory, now: () => clock }).publish(SYSTEM_ACTOR);
    await other.close();
    expect(await publisher.history()).toEqual([]);
    const adopted = await publisher.recordUnrecordedVersion(SYSTEM_ACTOR, 'publiée hors de ce serveur');
    expect(adopted).toMatchObject({ version: 1, actor: SYSTEM_ACTOR.label, comment: 'publiée hors de ce serveur', sources: SAMPLE_SOURCES.filter((source) => source.status === 'active').length });
    expect(await publisher.recordUnrecordedVersion(SYSTEM_ACTOR, 'encore')).toBeNull();
    expect((await publisher.history()).map((record) => record.version)).toEqual([1]);
    const { id } = await temp.db.selectFrom('sources').select('id').where('status', '=', 'active').executeTakeFirstOrThrow();
    await setStatus(temp.db, ADMIN, [id], 'suspended', 'test');
    expect(await publisher.publish(ADMIN)).toMatchObject({ status: 'published', record: { version: 2 } });
  });

  it('publishes one version at a time when two publications are asked at once', async () => {
    await createKeyFiles(keysDirectory);
    const outcomes = await Promise.all([publisher.publish(ADMIN, { force: true }), publisher.publish(ADMIN, { force: true })]);
    expect(outcomes.map((outcome) => (outcome.status === 'published' ? outcome.record.version : null)).sort()).toEqual([1, 2]);
    expect((await manifestOnDisk()).deltas.map((delta) => delta.from)).toEqual([1]);
  });

  it('signs the manifest again once a day, same version, new expiry', async () => {
    await createKeyFiles(keysDirectory);
    await publisher.publish(ADMIN);
    const first = await manifestOnDisk();
    clock = new Date(clock.getTime() + RESIGN_AFTER_MS / 2);
    expect(await publisher.resignIfDue()).toBeNull();
    clock = new Date(clock.getTime() + RESIGN_AFTER_MS);
    const again = await publisher.resignIfDue();
    expect(again).toMatchObject({ version: 1, created: clock.toISOString() });
    const onDisk = await manifestOnDisk();
    expect(onDisk.version).toBe(1);
    expect(Date.parse(onDisk.expires)).toBeGreaterThan(Date.parse(first.expires));
    expect(await publisher.history()).toHaveLength(1);
  });

  it('signs with every key of the directory during a rotation, and announces them', async () => {
    const old = await createKeyFiles(keysDirectory);
    const next = await createKeyFiles(keysDirectory);
    const outcome = await publisher.publish(ADMIN);
    expect(outcome.status === 'published' && [...outcome.record.keyIds].sort()).toEqual([old.keyId, next.keyId].sort());
    const envelope = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8'));
    expect(envelope.signed.keys.map((key: { keyId: string }) => key.keyId).sort()).toEqual([old.keyId, next.keyId].sort());
    // A client pinning only the old key accepts it.
    expect((await readManifest(readFileSync(join(directory, 'manifest.json'), 'utf8'), [old.publicKey])).ok).toBe(true);
  });

  it('keeps the record of publications append-only', async () => {
    await createKeyFiles(keysDirectory);
    await publisher.publish(ADMIN);
    await expect(temp.db.updateTable('publications').set({ actor: 'quelqu’un d’autre' }).execute()).rejects.toThrow(/append-only/);
    await expect(temp.db.deleteFrom('publications').execute()).rejects.toThrow(/append-only/);
  });
});
