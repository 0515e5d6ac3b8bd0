import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Source } from '../source.ts';
import { makeSource as source } from '../testing/make-source.ts';
import { applyDelta, deltaText } from './delta.ts';
import { snapshotText } from './snapshot.ts';


describe('deltaText and applyDelta', () => {
  const v1 = [source('ain.fr'), source('aisne.fr'), source('allier.fr'), source('sites.google.com', { scope: 'path', path: '/site/x' })];
  const v2 = [
    source('ain.fr', { name: "Département de l'Ain" }), // changed
    source('allier.fr'),
    source('ardeche.fr'), // added
    source('sites.google.com', { scope: 'path', path: '/site/x' }),
    source('sites.google.com', { scope: 'path', path: '/site/y' }), // added, same host
    source('aube.fr', { status: 'suspended' }), // not published
  ];
  const base = snapshotText(v1);
  const target = snapshotText(v2);

  it('lists removals and new or changed rows, and applying it gives the target byte for byte', () => {
    const delta = deltaText(1, 2, base, target);
    expect(delta.summary).toEqual({ added: 2, changed: 1, removed: 1 });
    expect(delta.text.split('\n').filter((line) => /^[-+]/.test(line))).toEqual([
      '-aisne.fr\t',
      "+\tain.fr\tsubdomains\t\tcommune\tactive\tDépartement de l'Ain\t\t",
      '+\tardeche.fr\tsubdomains\t\tcommune\tactive\t\t\t',
      '+\tsites.google.com\tpath\t/site/y\tcommune\tactive\t\t\t',
    ]);
    expect(applyDelta(base, delta.text, 1, 2)).toEqual({ ok: true, text: target });
  });

  it('refuses a delta meant for another base or version', () => {
    const delta = deltaText(1, 2, base, target).text;
    expect(applyDelta(base, delta, 0, 2)).toMatchObject({ ok: false });
    expect(applyDelta(base, delta, 1, 3)).toMatchObject({ ok: false });
    expect(applyDelta(target, delta, 1, 2)).toMatchObject({ ok: false, reason: expect.stringContaining('which the list does not have') });
  });

  it('refuses malformed lines instead of producing a partial list', () => {
    const header = 'sdc-delta/1 1 2';
    expect(applyDelta(base, `${header}\n+not a row\n`, 1, 2)).toMatchObject({ ok: false, reason: 'line 2: malformed entry' });
    expect(applyDelta(base, `${header}\n*what\n`, 1, 2)).toMatchObject({ ok: false, reason: 'line 2: unknown line' });
    const row = '+\tnew.fr\tsubdomains\t\tcommune\tactive\t\t\t';
    expect(applyDelta(base, `${header}\n${row}\n${row}\n`, 1, 2)).toMatchObject({ ok: false, reason: expect.stringContaining('twice') });
    expect(applyDelta(base, `${header}\n-ain.fr\t\n+\tain.fr\tsubdomains\t\tcommune\tactive\t\t\t\n`, 1, 2)).toMatchObject({ ok: false });
  });

  it('over random edit sequences, applying each cumulative delta equals the snapshot', () => {
    const hosts = fc.constantFrom(...Array.from({ length: 40 }, (_, i) => `commune-${i}.fr`));
    const edit = fc.record({
      host: hosts,
      action: fc.constantFrom('add', 'remove', 'rename', 'suspend', 'recategorize'),
      name: fc.string({ maxLength: 12 }).map((name) => name.replace(/[\t\n\r\u0000-\u001f\u007f]/g, '')),
    });
    fc.assert(
      fc.property(fc.array(fc.array(edit, { maxLength: 8 }), { minLength: 1, maxLength: 6 }), (versions) => {
        const sources = new Map<string, Source>();
        const snapshots: string[] = [snapshotText([])];
        for (const edits of versions) {
          for (const { host, action, name } of edits) {
            const current = sources.get(host);
            if (action === 'add') sources.set(host, source(host, { name }));
            else if (action === 'remove') sources.delete(host);
            else if (current && action === 'rename') sources.set(host, { ...current, name });
            else if (current && action === 'suspend') sources.set(host, { ...current, status: current.status === 'active' ? 'suspended' : 'active' });
            else if (current && action === 'recategorize') sources.set(host, { ...current, category: current.category === 'commune' ? 'autre' : 'commune' });
          }
          snapshots.push(snapshotText([...sources.values()]));
        }
        const last = snapshots.length - 1;
        for (let from = 0; from < last; from++) {
          const delta = deltaText(from, last, snapshots[from], snapshots[last]).text;
          expect(applyDelta(snapshots[from], delta, from, last)).toEqual({ ok: true, text: snapshots[last] });
        }
      }),
      { numRuns: 200 },
    );
  });
});
