import { describe, expect, it } from 'vitest';
import { activityHref, eventFilters, parisDayStart, readActivityQuery } from './activity-query.ts';

describe('the activity query', () => {
  it('reads every filter, and treats an empty field as no filter', () => {
    expect(readActivityQuery({ actor: 'alice@example.org', from: '2026-03-01', to: '2026-03-31', action: 'suspend', batch: 'Ab_3-x', before: '120' })).toEqual({
      query: { actor: 'alice@example.org', from: '2026-03-01', to: '2026-03-31', action: 'suspend', batch: 'Ab_3-x', before: 120 },
      refused: [],
    });
    expect(readActivityQuery({ actor: '', from: '', to: ' ', action: '', batch: '', before: '' })).toEqual({ query: {}, refused: [] });
  });

  it('drops, and names, a value it does not understand: a day that does not exist, an unknown kind, a batch id with other characters', () => {
    const read = readActivityQuery({ from: '2026-02-30', to: '31/03/2026', action: 'delete', batch: 'a b', before: '-3' });
    expect(read.query).toEqual({});
    expect(read.refused).toEqual([
      { name: 'from', reason: 'invalid' },
      { name: 'to', reason: 'invalid' },
      { name: 'action', reason: 'invalid' },
      { name: 'batch', reason: 'invalid' },
    ]);
  });

  it('refuses a last day before the first, keeping the first', () => {
    expect(readActivityQuery({ from: '2026-03-10', to: '2026-03-09' })).toEqual({ query: { from: '2026-03-10' }, refused: [{ name: 'to', reason: 'before-from' }] });
  });

  it('starts a day at midnight in Paris, in winter and in summer time', () => {
    expect(parisDayStart('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(parisDayStart('2026-07-15')).toBe('2026-07-14T22:00:00.000Z');
    // The night of the change to summer time (29 March 2026) and back (25 October).
    expect(parisDayStart('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(parisDayStart('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
    expect(parisDayStart('2026-10-26')).toBe('2026-10-25T23:00:00.000Z');
  });

  it('includes the whole last day', () => {
    expect(eventFilters({ from: '2026-03-01', to: '2026-03-31', actor: 'a' })).toEqual({
      actor: 'a',
      batch: undefined,
      action: undefined,
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
  });

  it('writes the URL of a page with the same filters', () => {
    expect(activityHref({ actor: 'a@b.fr', action: 'suspend' }, { before: 40 })).toBe('/activity?actor=a%40b.fr&action=suspend&before=40');
    expect(activityHref({ before: 40 }, { before: undefined })).toBe('/activity');
  });
});
