import { describe, expect, it } from 'vitest';
import definitions from './engine-definitions.json';
import { readEngineDefinitions } from './engine-definitions-schema.ts';
import { BUNDLED_ENGINE_DEFINITIONS, contentScriptMatches } from './engines.ts';
import { parsePage } from './saved-page.ts';

/** The bundled file with one change to its first record (Google's). */
function withGoogle(change: Record<string, unknown>): unknown {
  const copy = structuredClone(definitions) as { engines: Record<string, unknown>[] };
  copy.engines[0] = { ...copy.engines[0], ...change };
  return copy;
}

describe('engine definitions', () => {
  it('reads the bundled file as it is, within the pages the built manifest declares', () => {
    expect(readEngineDefinitions(definitions, contentScriptMatches())).toEqual({ ok: true, definitions: BUNDLED_ENGINE_DEFINITIONS });
  });

  it('holds only selectors the browser can read', () => {
    const document = parsePage('<main><p>x</p></main>');
    for (const record of BUNDLED_ENGINE_DEFINITIONS.engines) {
      for (const selector of [record.result, record.link, ...record.excludeWithin, ...(record.excludeContaining ?? [])]) {
        expect(() => document.querySelectorAll(selector), `${record.id}: ${selector}`).not.toThrow();
      }
    }
  });

  it.each([
    ['another format', { ...definitions, format: 'sdc-engines/2' }, /^format: /],
    ['an unknown field', withGoogle({ script: 'alert(1)' }), /^engines\.0: .*script/],
    ['an unknown engine', withGoogle({ engine: 'yahoo' }), /^engines\.0\.engine: /],
    ['a hostname in capitals', withGoogle({ hosts: ['WWW.GOOGLE.FR'] }), /^engines\.0\.hosts\.0: a lowercase hostname/],
    ['a selector with a block', withGoogle({ result: 'div.g { color: red }' }), /^engines\.0\.result: no "\{"/],
    ['a selector with :has()', withGoogle({ link: 'div:has(> a)' }), /^engines\.0\.link: ":has\(" is not supported/],
    ['an unknown redirect decoder', withGoogle({ redirects: [{ path: '/url', param: 'q', decoder: 'eval' }] }), /^engines\.0\.redirects\.0\.decoder: /],
    ['a result path that is not a path', withGoogle({ resultPaths: ['search'] }), /^engines\.0\.resultPaths\.0: a path/],
    ['an own host that is a pattern of another kind', withGoogle({ ownHosts: ['*.google.com'] }), /^engines\.0\.ownHosts\.0: a lowercase hostname, or a name ending with/],
    ['a record defined twice', { ...definitions, engines: [...definitions.engines, definitions.engines[0]] }, /"google" is defined twice/],
    ['two records for one page', withGoogle({ hosts: ['www.bing.com'], resultPaths: ['/search'] }), /www\.bing\.com\/search is described by two records/],
  ])('refuses %s, with the reason', (_what, value, reason) => {
    const reading = readEngineDefinitions(value, contentScriptMatches());
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.reason).toMatch(reason);
  });

  it('refuses a page the built extension does not run on: a new host needs a release', () => {
    const reading = readEngineDefinitions(withGoogle({ hosts: ['www.google.fr', 'evil.example'] }), contentScriptMatches());
    expect(reading).toEqual({ ok: false, reason: expect.stringMatching(/evil\.example\/search is not a result page this version of the extension runs on/) });
    // A path the manifest does not cover either (the manifest declares /search on Google hosts).
    expect(readEngineDefinitions(withGoogle({ resultPaths: ['/'] }), contentScriptMatches()).ok).toBe(false);
    // A narrower path within a declared one is fine.
    expect(readEngineDefinitions(withGoogle({ resultPaths: ['/search/web'] }), contentScriptMatches()).ok).toBe(true);
  });
});
