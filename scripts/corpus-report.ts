/** Tables that the corpus command-line tools print: counts per category and status, per rejection reason. */
import { CATEGORIES, CATEGORY_IDS } from '../corpus/categories.ts';
import { type Source, STATUSES } from '../corpus/source.ts';

const pad = (value: string | number, width: number) => String(value).padStart(width);

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
