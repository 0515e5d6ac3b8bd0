import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target.ts';

describe('redirect targets', () => {
  it('keeps a path of the console, with its query, as the browser will read it', () => {
    expect(safeRedirectTarget('/sources?q=besancon&status=active', '/x')).toBe('/sources?q=besancon&status=active');
    expect(safeRedirectTarget('/sources/./syj66jel4pyz', '/x')).toBe('/sources/syj66jel4pyz');
    expect(safeRedirectTarget('/sources?q=Besançon', '/x')).toBe('/sources?q=Besan%C3%A7on');
  });

  it('refuses what a browser would follow to another site, once dot segments and backslashes are resolved', () => {
    for (const target of ['/.//evil.example', '/././/evil.example/x', '/..//evil.example', '/%2e//evil.example', '/a/..//evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example/', 'evil.example', '']) {
      expect(safeRedirectTarget(target, '/fallback'), JSON.stringify(target)).toBe('/fallback');
    }
    expect(safeRedirectTarget(undefined, '/fallback')).toBe('/fallback');
  });
});
