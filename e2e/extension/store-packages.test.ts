/**
 * The packages as the stores receive them: the Firefox build passes Mozilla's addons-linter with
 * no error and no warning, and the minimum browser versions the manifests declare are the ones the
 * README and the deployment guide state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { compactListComments } from '../../corpus/matching/compact-list.ts';
import { compactMatcher } from '../../corpus/matching/compact-matcher.ts';
import { COMPACT_LIST_PLACEHOLDER, compactListLiteral } from '../../extension/list/bundled-list-module.ts';
import { contentScriptMatches } from '../../extension/engines/engines.ts';
import { CHROME_BUILD, FIREFOX_BUILD } from './extension-build.ts';

interface LinterMessage {
  code: string;
  message: string;
  description: string;
}
interface LinterResult {
  errors: LinterMessage[];
  warnings: LinterMessage[];
  notices: LinterMessage[];
}

const require = createRequire(import.meta.url);
const linter = require('addons-linter') as { createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): { run(): Promise<LinterResult> } };

function manifest(build: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

/** The double-quoted string literal that starts at `start` in a script, quotes included. */
function stringLiteralAt(script: string, start: number): string {
  let end = start + 1;
  while (end < script.length && script[end] !== '"') end += script[end] === '\\' ? 2 : 1;
  return script.slice(start, end + 1);
}

describe('the store packages', () => {
  it('passes addons-linter with no error and no warning (Firefox)', async () => {
    const result = await linter
      .createInstance({ config: { _: [FIREFOX_BUILD], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: true, selfHosted: false }, runAsBinary: false })
      .run();
    const summary = (messages: LinterMessage[]) => messages.map((message) => `${message.code}: ${message.description || message.message}`);
    expect(summary(result.errors)).toEqual([]);
    expect(summary(result.warnings)).toEqual([]);
  }, 120_000);

  it('declares the minimum versions the README and the deployment guide state', () => {
    const chrome = String(manifest(CHROME_BUILD).minimum_chrome_version);
    const gecko = (manifest(FIREFOX_BUILD).browser_specific_settings as { gecko: { strict_min_version: string } }).gecko.strict_min_version;
    const firefox = gecko.replace(/\.0$/, '');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const guide = readFileSync(new URL('../../docs/deploiement.md', import.meta.url), 'utf8');
    expect(readme).toContain(`Chrome and Edge ${chrome} or later, Firefox ${firefox} (ESR) or later`);
    expect(guide).toContain(`Chrome et Edge **${chrome}** ou plus`);
    expect(guide).toContain(`Firefox **ESR ${firefox}**`);
  });

  it('keeps the Public Suffix List out of the result pages\' script (the compact list carries what it needs), not out of the background', () => {
    // A label found only in the PSL's data (Japanese city suffixes), not in the project's own code.
    const marker = 'kitakyushu';
    for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
      expect(readFileSync(join(build, 'content-scripts', 'search-results.js'), 'utf8')).not.toContain(marker);
      expect(readFileSync(join(build, 'background.js'), 'utf8')).toContain(marker);
    }
  });

  it('writes the compact list into the result pages\' script and the background\'s as one double-quoted string, the bundled list', () => {
    for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
      const script = readFileSync(join(build, 'content-scripts', 'search-results.js'), 'utf8');
      expect(script).not.toContain(COMPACT_LIST_PLACEHOLDER);
      const literal = stringLiteralAt(script, script.indexOf('"# '));
      const compact = new Function(`return ${literal};`)() as string;
      expect(literal).toBe(compactListLiteral(compact));
      expect(compactListComments(compact)[0]).toBe(DATA_CREDIT.fr);
      expect(compactMatcher(compact).match('https://www.service-public.fr/')?.host).toBe('service-public.fr');
      expect(readFileSync(join(build, 'background.js'), 'utf8')).toContain(literal);
    }
  });

  it('ships its scripts in ASCII, so that browsers hold them at one byte a character', () => {
    for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
      for (const script of ['content-scripts/search-results.js', 'background.js']) {
        expect(/^[\x00-\x7f]*$/.test(readFileSync(join(build, script), 'utf8')), `${build}/${script}`).toBe(true);
      }
    }
  });

  it('asks for no permission but storage, tabs, scripting and alarms, and no host but the result pages', () => {
    for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
      const declared = manifest(build);
      const permissions = (declared.permissions as string[]).filter((permission) => !permission.includes('://'));
      expect(permissions.sort()).toEqual(['alarms', 'scripting', 'storage', 'tabs']);
      const hosts = [...((declared.host_permissions as string[] | undefined) ?? []), ...(declared.permissions as string[]).filter((permission) => permission.includes('://'))];
      for (const host of hosts) expect(host).toMatch(/google|bing|qwant|duckduckgo|ecosia/);
      // Every result page, though: the scripts the background registers there run only where the extension has host access.
      expect([...hosts].sort()).toEqual([...contentScriptMatches()].sort());
    }
  });
});
