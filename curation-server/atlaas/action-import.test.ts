import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { divisionsOf } from '../testing/atlaas-fixture.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { importActionFile } from './action-import.ts';
import { importActors } from './actor-import.ts';

const EXAMPLE = readFileSync(new URL('./example/atlaas-export.ndjson', import.meta.url), 'utf8');

let temp: TempDatabase;
beforeAll(async () => {
  temp = await tempDatabase();
  await importActors(temp.db, divisionsOf(['42', '91']));
});
afterAll(async () => {
  await temp.close();
});
beforeEach(async () => {
  await temp.db.deleteFrom('atlaas_actions').execute();
  await temp.db.deleteFrom('atlaas_labels').execute();
});

const action = (fields: Record<string, unknown> = {}) => JSON.stringify({ type: 'action', id: 'a-1', actor: '42218', title: 'Un titre', date: '2024-01-02', axis: 'vivre-ensemble', ...fields });
const label = (fields: Record<string, unknown> = {}) => JSON.stringify({ type: 'label', actor: '42218', year: 2024, arobases: 3, ...fields });

async function contents() {
  return {
    actions: await temp.db.selectFrom('atlaas_actions').selectAll().orderBy('id').execute(),
    labels: await temp.db.selectFrom('atlaas_labels').selectAll().orderBy('actor_id').orderBy('year').execute(),
  };
}

describe('importing an Atlaas export file', () => {
  it('imports the documented example, a former INSEE code leading to today’s commune', async () => {
    const result = await importActionFile(temp.db, EXAMPLE);
    expect(result).toEqual({ ok: true, counts: { actions: { added: 3, changed: 0, unchanged: 0 }, labels: { added: 3, changed: 0, unchanged: 0 } } });
    const { actions } = await contents();
    expect(actions.map((row) => [row.id, row.actor_id, row.year, row.departement])).toEqual([
      ['atlaas-2024-0001', 'commune:42218', 2024, '42'],
      ['atlaas-2024-0002', 'commune:91228', 2023, '91'],
      ['atlaas-2024-0003', 'epci:244200770', 2022, '42'],
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    await importActionFile(temp.db, EXAMPLE);
    const before = await contents();
    const again = await importActionFile(temp.db, EXAMPLE);
    expect(again).toEqual({ ok: true, counts: { actions: { added: 0, changed: 0, unchanged: 3 }, labels: { added: 0, changed: 0, unchanged: 3 } } });
    expect(await contents()).toEqual(before);
  });

  it('updates an action in place when its line changed, and keeps what the file does not name', async () => {
    await importActionFile(temp.db, EXAMPLE);
    const result = await importActionFile(temp.db, action({ id: 'atlaas-2024-0001', title: 'Nouveau titre' }));
    expect(result.ok && result.counts.actions).toEqual({ added: 0, changed: 1, unchanged: 0 });
    const { actions } = await contents();
    expect(actions).toHaveLength(3);
    expect(actions[0].title).toBe('Nouveau titre');
  });

  it('refuses the whole file, with line numbers, for bad lines, unknown codes and duplicates', async () => {
    const file = [
      action({ id: 'ok-1' }),
      '{ pas du json',
      '',
      action({ id: 'ok-2', axis: 'autre-axe' }),
      action({ id: 'ok-3', actor: '99999' }),
      action({ id: 'ok-1' }),
      label(),
      label({ actor: 'commune:42218' }),
      JSON.stringify({ type: 'commentaire' }),
      action({ id: 'ok-4', date: '24/01/2024', extra: 1 }),
    ].join('\n');
    const result = await importActionFile(temp.db, file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.line, issue.code])).toEqual([
      [2, 'invalid-json'],
      [4, 'invalid-field'],
      [5, 'unknown-actor'],
      [6, 'duplicate-action'],
      [8, 'duplicate-label'],
      [9, 'invalid-type'],
      [10, 'invalid-field'],
      [10, 'invalid-field'],
    ]);
    expect(result.issues[0].message).toContain('JSON');
    expect(result.issues[3].message).toContain('ligne 1');
    expect(await contents()).toEqual({ actions: [], labels: [] });
  });

  it('refuses an arobase count outside 1 to 5 and a link that is not http(s)', async () => {
    const result = await importActionFile(temp.db, [label({ arobases: 6 }), action({ links: ['javascript:alert(1)'] })].join('\n'));
    expect(result.ok === false && result.issues.map((issue) => issue.line)).toEqual([1, 2]);
  });
});
