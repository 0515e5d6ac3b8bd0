/**
 * Reading the open data beside the Etalab list (a copy lives in corpus/upstream/more, see its README):
 * higher-education establishments (MESR 2025), research structures (RNSR 2022), ROR records in
 * France (2026), and the local public services of the Annuaire de l'administration with their
 * websites and INSEE codes (DILA 2019, mairies 2018). Each row becomes a website candidate with
 * what the dataset says of it; `scripts/seed/seed-corpus.ts` decides what is trusted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MORE_DIRECTORY = fileURLToPath(new URL('../upstream/more', import.meta.url));

/** Each dataset: its file, the provenance token of what comes from it, and its date (credited in corpus/README.md and credit.ts). */
export const MORE_DATASETS = {
  'mesr-etablissements': { file: 'esr-etablissements-2025.csv', token: 'mesr/etablissements-2025', date: '2025' },
  rnsr: { file: 'rnsr-structures-recherche-2022.csv', token: 'mesr/rnsr-2022', date: '2022-02' },
  ror: { file: 'ror-france-2026.csv', token: 'ror/v2.9-2026-06-23', date: '2026-06-23' },
  'dila-annuaire': { file: 'annuaire-local-2019-sites.csv', token: 'dila/annuaire-2019', date: '2019-09' },
  'dila-mairies': { file: 'mairies-2018-sites.csv', token: 'dila/mairies-2018', date: '2018-05' },
} as const;

export type MoreDataset = keyof typeof MORE_DATASETS;

export type WebsiteKind =
  | 'public-establishment' // a public higher-education establishment (MESR)
  | 'private-establishment' // a private one (MESR `privé`), or a company (ROR): not a public body
  | 'research-structure' // a public research structure (RNSR)
  | 'research-record' // a ROR record that is neither a company nor a nonprofit: public or not, ROR does not say
  | 'nonprofit' // a ROR nonprofit: associations and foundations, not public bodies
  | 'mairie'
  | 'epci';

export interface WebsiteRecord {
  dataset: MoreDataset;
  /** The website's hostname as written (not normalized). */
  host: string;
  /** Whether the website address is the site's root (no path beyond a language or home page). */
  isRoot: boolean;
  name: string;
  kind: WebsiteKind;
  /** SIREN (MESR) or INSEE code of the commune (DILA), empty when none. */
  code: string;
  /** ROR `types`, for the record's category. */
  types?: string;
}

/** RFC 4180 rows: quoted fields may hold the separator, quotes (doubled) and line breaks. */
export function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.length > 1 || row[0] !== '') rows.push(row);
  return rows;
}

function records(text: string, separator = ','): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''), separator);
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, (cells[i] ?? '').trim()])));
}

// A home page: `/`, a language or `index.html`; anything deeper is a section of someone's site.
const ROOT_PATH = /^\/?(?:(?:fr|en|fr-fr|accueil|home|index\.(?:php|html?|htm|aspx?|jsp))\/?)?$/i;

/** The hostname of a website address as the datasets write them (`www.x.fr`, `http://x.fr/fr/`), or null. */
export function websiteHost(address: string): { host: string; isRoot: boolean } | null {
  const raw = address.trim().split(/\s+/)[0] ?? '';
  if (raw === '' || raw.includes('@')) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(raw) ? raw : `http://${raw}`);
    if (url.hostname === '' || !url.hostname.includes('.')) return null;
    return { host: url.hostname, isRoot: ROOT_PATH.test(url.pathname) };
  } catch {
    return null;
  }
}

export function parseEstablishments(text: string): WebsiteRecord[] {
  return records(text).flatMap((row): WebsiteRecord[] => {
    const site = websiteHost(row['site internet'] ?? '');
    if (site === null) return [];
    const kind = row["secteur d'établissement"] === 'public' ? 'public-establishment' : 'private-establishment';
    const siren = (row.siren ?? '').split(',')[0]?.trim() ?? '';
    return [{ dataset: 'mesr-etablissements', ...site, name: row['libellé'] ?? '', kind, code: /^\d{9}$/.test(siren) ? siren : '' }];
  });
}

export function parseResearchStructures(text: string): WebsiteRecord[] {
  return records(text).flatMap((row): WebsiteRecord[] => {
    const site = websiteHost(row.site_web ?? '');
    return site === null ? [] : [{ dataset: 'rnsr', ...site, name: row.libelle ?? '', kind: 'research-structure', code: '' }];
  });
}

export function parseRorRecords(text: string): WebsiteRecord[] {
  return records(text).flatMap((row): WebsiteRecord[] => {
    const site = websiteHost(row.website ?? '');
    if (site === null || row.status !== 'active') return [];
    const types = (row.types ?? '').split(';');
    const kind: WebsiteKind = types.includes('company') ? 'private-establishment' : types.includes('nonprofit') ? 'nonprofit' : 'research-record';
    return [{ dataset: 'ror', ...site, name: row.name ?? '', kind, code: '', types: row.types }];
  });
}

/** The 2019 directory: mairies and EPCI only (the other services are often associations, or under gouv.fr already). */
export function parseLocalDirectory(text: string): WebsiteRecord[] {
  return records(text).flatMap((row): WebsiteRecord[] => {
    const site = websiteHost(row.home_page ?? '');
    const kind = row.tag === 'mairie' ? 'mairie' : /^epci\b/.test(row.tag ?? '') ? 'epci' : null;
    if (site === null || kind === null) return [];
    return [{ dataset: 'dila-annuaire', ...site, name: row.name ?? '', kind, code: row.code_insee ?? '' }];
  });
}

/** The 2018 mairies: `id;mairie;url`, the INSEE code in the id (`mairie-45210-01`). */
export function parseMairies(text: string): WebsiteRecord[] {
  return records(text, ';').flatMap((row): WebsiteRecord[] => {
    const site = websiteHost(row.url ?? '');
    const insee = /^mairie-([0-9][0-9AB][0-9]{3})-/.exec(row.id ?? '')?.[1];
    if (site === null || insee === undefined) return [];
    return [{ dataset: 'dila-mairies', ...site, name: row.mairie ?? '', kind: 'mairie', code: insee }];
  });
}

const PARSERS: Record<MoreDataset, (text: string) => WebsiteRecord[]> = {
  'mesr-etablissements': parseEstablishments,
  rnsr: parseResearchStructures,
  ror: parseRorRecords,
  'dila-annuaire': parseLocalDirectory,
  'dila-mairies': parseMairies,
};

export function readMoreInput(directory: string = MORE_DIRECTORY): WebsiteRecord[] {
  return (Object.keys(MORE_DATASETS) as MoreDataset[]).flatMap((dataset) =>
    PARSERS[dataset](readFileSync(join(directory, MORE_DATASETS[dataset].file), 'utf8')),
  );
}
