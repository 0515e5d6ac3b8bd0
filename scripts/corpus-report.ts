/** Tables that the corpus command-line tools print: counts per category and status, per provenance, names and codes, rejections. */
import { CATEGORIES, CATEGORY_IDS } from '../corpus/categories.ts';
import { type Source, STATUSES } from '../corpus/source.ts';

const pad = (value: string | number, width: number) => String(value).padStart(width);
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`);

export function categoryTable(sources: readonly Source[]): string {
  const lines = [`${'category'.padEnd(24)}${STATUSES.map((status) => pad(status, 11)).join('')}  label`];
  const count = (category: string | null, status: string) =>
    sources.filter((s) => (category === null || s.category === category) && s.status === status).length;
  for (const category of CATEGORY_IDS) {
    lines.push(`${category.padEnd(24)}${STATUSES.map((status) => pad(count(category, status), 11)).join('')}  ${CATEGORIES[category].fr}`);
  }
  lines.push(`${'total'.padEnd(24)}${STATUSES.map((status) => pad(count(null, status), 11)).join('')}`);
  return lines.join('\n');
}

export function countTable(counts: ReadonlyMap<string, number>, title: string): string {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return [`${title}: ${total}`, ...[...counts].map(([name, n]) => `  ${name.padEnd(34)}${pad(n, 7)}`)].join('\n');
}

export function tally(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/** Active sources per category: how many, how many named, how many with an INSEE or SIREN code. */
export function namesTable(sources: readonly Source[]): string {
  const active = sources.filter((s) => s.status === 'active');
  const lines = [`Active sources, named and with a code (INSEE or SIREN): ${active.length}`, `  ${'category'.padEnd(24)}${pad('active', 8)}${pad('named', 16)}${pad('with a code', 18)}`];
  const row = (label: string, group: readonly Source[]) => {
    const named = group.filter((s) => s.name !== '').length;
    const coded = group.filter((s) => s.code !== '').length;
    return `  ${label.padEnd(24)}${pad(group.length, 8)}${pad(`${named} ${percent(named, group.length)}`, 16)}${pad(`${coded} ${percent(coded, group.length)}`, 18)}`;
  };
  for (const category of CATEGORY_IDS) lines.push(row(category, active.filter((s) => s.category === category)));
  lines.push(row('total', active));
  return lines.join('\n');
}

/** Provenance tokens of the active sources (`redirect-from:x` counted as `redirect-from:…`). */
export function activeProvenanceTable(sources: readonly Source[]): string {
  const active = sources.filter((s) => s.status === 'active');
  return countTable(tally(active.flatMap((s) => s.provenance.split(',').map((token) => token.replace(/:.*/, ':…')))), 'Provenance tokens of active sources');
}
