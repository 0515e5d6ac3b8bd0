import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingPackages, readRequiredPackages } from './check-test-machine.ts';

describe('the test machine check', () => {
  it('reads the package list beside the e2e tests: the browsers the tests launch, and their French locales', () => {
    const required = readRequiredPackages(readFileSync(new URL('../e2e/debian-packages.txt', import.meta.url), 'utf8'));
    expect(required.map((pkg) => pkg.name)).toEqual(['chromium', 'chromium-l10n', 'firefox-esr', 'firefox-esr-l10n-fr', 'nginx']);
    expect(required.find((pkg) => pkg.name === 'chromium')?.file).toBe('/usr/bin/chromium');
  });

  it('names exactly the packages whose file is absent', () => {
    const required = readRequiredPackages('a /bin/a\n# comment\nb  /bin/b   # trailing\n');
    expect(missingPackages(required, (file) => file === '/bin/a')).toEqual(['b']);
    expect(missingPackages(required, () => true)).toEqual([]);
  });

  it('refuses a line that is not "package file"', () => {
    expect(() => readRequiredPackages('chromium\n')).toThrow(/expected "package file"/);
  });
});
