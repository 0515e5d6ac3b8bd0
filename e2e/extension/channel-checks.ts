/** What the extension may send to its list channel, the same in every browser: a plain GET of a published file. */
import { expect } from 'vitest';
import { E2E_CHANNEL } from './extension-build.ts';

const CHANNEL_FILE = /^(?:manifest\.json|snapshots\/\d+\.tsv|deltas\/\d+-\d+\.tsv|engines\/[0-9a-f]{64}\.json)$/;
/**
 * Headers a browser adds by itself; anything else would be the extension's. Among them the cache
 * validators of a revalidation (the manifest is fetched with `cache: 'no-cache'`): they echo what
 * the channel itself sent (ETag, Last-Modified), the same for every client.
 */
const BROWSER_HEADERS = new Set(['priority', 'te', 'if-none-match', 'if-modified-since', 'accept', 'accept-encoding', 'accept-language', 'cache-control', 'pragma', 'user-agent', 'origin', 'host', 'connection', 'sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest', 'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform']);

export function expectOnlyAListChannelRequest(request: { url: string; method: string; headers: Record<string, string> }): void {
  expect(request.url.startsWith(E2E_CHANNEL), request.url).toBe(true);
  expect(request.url.slice(E2E_CHANNEL.length), request.url).toMatch(CHANNEL_FILE);
  expect(request.method).toBe('GET');
  expect(Object.keys(request.headers).filter((name) => !BROWSER_HEADERS.has(name.toLowerCase())), request.url).toEqual([]);
}
