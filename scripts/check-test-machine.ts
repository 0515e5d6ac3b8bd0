/**
 * First step of `npm test`: says at once, in one line, which Debian packages the browser tests
 * need and are missing, and the command that brings them — instead of failing minutes later in
 * the middle of the end-to-end tests. The list lives in e2e/debian-packages.txt (.ci/run reads it too).
 */
import { existsSync, readFileSync } from 'node:fs';

const listFile = new URL('../e2e/debian-packages.txt', import.meta.url);

export interface RequiredPackage {
  name: string;
  /** A file the package installs, present when it is installed. */
  file: string;
}

export function readRequiredPackages(text: string): RequiredPackage[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [name, file, ...rest] = line.split(/\s+/);
      if (file === undefined || rest.length > 0) throw new Error(`e2e/debian-packages.txt: expected "package file", got "${line}"`);
      return { name, file };
    });
}

export function missingPackages(required: readonly RequiredPackage[], exists: (file: string) => boolean = existsSync): string[] {
  return required.filter((pkg) => !exists(pkg.file)).map((pkg) => pkg.name);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const missing = missingPackages(readRequiredPackages(readFileSync(listFile, 'utf8')));
  if (missing.length > 0) {
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    console.error(`Missing for the browser tests: ${missing.join(', ')} — install them with: ${sudo}apt-get update && ${sudo}apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
}
