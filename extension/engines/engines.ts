/**
 * The engines the extension marks: the definitions bundled with this release
 * (engine-definitions.json, one declarative record each, see engine-record.ts; checked against
 * the schema by the build and the tests, engine-definitions-schema.ts). Each record's notes name
 * the saved pages (extension/engines/fixtures) that need its selectors, so that a layout change
 * can be checked against real pages.
 */
import definitions from './engine-definitions.json';
import type { EngineDefinitions, EngineRecord } from './engine-record.ts';

/** As bundled (the JSON's types are widened by the import; the schema test vouches for them). */
export const BUNDLED_ENGINE_DEFINITIONS = definitions as EngineDefinitions;

export const ENGINES: readonly EngineRecord[] = BUNDLED_ENGINE_DEFINITIONS.engines;

function bundledRecord(id: string): EngineRecord {
  const record = ENGINES.find((candidate) => candidate.id === id);
  if (record === undefined) throw new Error(`no bundled engine definition "${id}"`);
  return record;
}

export const GOOGLE = bundledRecord('google');
export const BING = bundledRecord('bing');
export const QWANT = bundledRecord('qwant');
export const QWANT_LITE = bundledRecord('qwant-lite');
export const DUCKDUCKGO = bundledRecord('duckduckgo-html');
export const ECOSIA = bundledRecord('ecosia');

/** The record that describes the result page at `url`, or null when it is not one. */
export function engineForPage(url: string, engines: readonly EngineRecord[] = ENGINES): EngineRecord | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return engines.find((record) => record.hosts.includes(parsed.hostname) && record.resultPaths.some((path) => parsed.pathname.startsWith(path))) ?? null;
}

/** The URL patterns of every result page, for the content script's declaration in the manifest. */
export function contentScriptMatches(engines: readonly EngineRecord[] = ENGINES): string[] {
  return engines.flatMap((record) => record.hosts.flatMap((host) => record.resultPaths.map((path) => `*://${host}${path}*`)));
}
