/**
 * Reading the open data the seed corpus is built from (a copy lives in corpus/upstream/etalab, see its README):
 * by-category/*.txt (one hostname per line, optional `# comment`) and verified-origins.txt
 * (one `scheme://host` origin per line).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The copy of the dataset kept in the repository, so that the seed can be rebuilt from a fresh clone. */
export const UPSTREAM_DIRECTORY = fileURLToPath(new URL('../../corpus/upstream/etalab', import.meta.url));

/** Dates of the two snapshots, as the dataset's README gives them: credited wherever the corpus goes. */
export const CATEGORIZED_SNAPSHOT_DATE = '2023-01-10';
export const VERIFIED_SNAPSHOT_DATE = '2024-12-11';

export interface CategorizedHost {
  /** Hostname as written in the file (not normalized). */
  host: string;
  /** File name without `.txt`: communes, collectivites, gouvfr-divers… */
  file: string;
  /** Text after `#`, if any: `(redirection from x)`, `Found in cert of …`. */
  comment: string;
}

export interface EtalabInput {
  categorized: CategorizedHost[];
  /** Hostnames of verified-origins.txt, as the URL parser reads them. */
  verified: string[];
}

export function parseCategorizedFile(file: string, text: string): CategorizedHost[] {
  const hosts: CategorizedHost[] = [];
  for (const line of text.split('\n')) {
    const hash = line.indexOf('#');
    const host = (hash < 0 ? line : line.slice(0, hash)).trim();
    if (host === '') continue;
    hosts.push({ host, file, comment: hash < 0 ? '' : line.slice(hash + 1).trim() });
  }
  return hosts;
}

export function parseVerifiedOrigins(text: string): { hosts: string[]; unreadable: string[] } {
  const hosts: string[] = [];
  const unreadable: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    try {
      hosts.push(new URL(line).hostname);
    } catch {
      unreadable.push(line);
    }
  }
  return { hosts, unreadable };
}

export function readEtalabInput(directory: string): EtalabInput & { unreadable: string[] } {
  const categoryDirectory = join(directory, 'by-category');
  const categorized = readdirSync(categoryDirectory)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => parseCategorizedFile(name.slice(0, -4), readFileSync(join(categoryDirectory, name), 'utf8')));
  const { hosts, unreadable } = parseVerifiedOrigins(readFileSync(join(directory, 'verified-origins.txt'), 'utf8'));
  return { categorized, verified: hosts, unreadable };
}
