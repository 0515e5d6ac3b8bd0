import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { responseCache } from './response-cache.ts';

let temp: TempDatabase;
let computed: string[];
beforeEach(async () => {
  temp = await tempDatabase([]);
  computed = [];
});
afterEach(async () => {
  await temp.close();
});

function app(options: { entries?: number; totalChars?: number } = {}) {
  const hono = new Hono();
  hono.use('*', responseCache(temp.db, { cacheControl: 'public, max-age=60', ...options }));
  hono.get('/:name', (c) => {
    computed.push(c.req.param('name'));
    return c.json({ name: c.req.param('name'), padding: 'x'.repeat(Number(c.req.query('size') ?? 0)) });
  });
  return hono;
}

describe('the response cache', () => {
  it('computes an answer once while the database does not change, and gives its ETag a 304', async () => {
    const server = app();
    const first = await server.request('/a');
    expect((await server.request('/a')).headers.get('etag')).toBe(first.headers.get('etag'));
    expect(computed).toEqual(['a']);
    const revalidated = await server.request('/a', { headers: { 'if-none-match': `W/${first.headers.get('etag')}` } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('cache-control')).toBe('public, max-age=60');
    await temp.db.insertInto('atlaas_labels').values({ actor_id: 'commune:42218', year: 2024, arobases: 1, title: '', mentions: '[]' }).execute();
    await server.request('/a');
    expect(computed).toEqual(['a', 'a']);
  });

  it('keeps the most recently used answers within its bounds', async () => {
    const server = app({ entries: 2 });
    for (const name of ['a', 'b', 'a', 'c', 'a', 'b']) await server.request(`/${name}`);
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
    const small = app({ totalChars: 300 });
    computed = [];
    for (const name of ['d', 'e', 'd']) await small.request(`/${name}?size=200`);
    expect(computed).toEqual(['d', 'e', 'd']);
  });
});
