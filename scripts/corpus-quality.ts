/**
 * A quality report on the committed corpus, for curators:
 * - a random sample of active sources, drawn with a fixed seed so that two curators review the same ones;
 * - every registrable domain with many tenant hostnames in the data (a platform not yet in corpus/platforms.ts?);
 * - every source whose scope widens over more than N hostnames of the data.
 *
 *   npm run corpus:quality [-- --sample 300 --seed 12 --tenants 10 --wide 50]
 */
import { parseArgs } from 'node:util';
import { CATEGORIES } from '../corpus/categories.ts';
import { isSameOrSubdomain, parentHostname } from '../corpus/hostname.ts';
import { readSeedCorpus, readSeedRejections, SEED_CORPUS_PATH } from '../corpus/node/seed-corpus-file.ts';
import { platformOf } from '../corpus/platforms.ts';
import { registrableDomain } from '../corpus/registrable-domain.ts';
import type { Source } from '../corpus/source.ts';
import { canonicalSourceHost } from '../corpus/source-validation.ts';
import { seededRandom } from './seeded-random.ts';

const { values } = parseArgs({
  options: {
    sample: { type: 'string', default: '300' },
    seed: { type: 'string', default: '12' },
    tenants: { type: 'string', default: '10' },
    wide: { type: 'string', default: '50' },
  },
});
const sampleSize = Number(values.sample);
const minTenants = Number(values.tenants);
const wideOver = Number(values.wide);


export function sampleOf<T>(items: readonly T[], size: number, seed: number): T[] {
  const random = seededRandom(seed);
  const pool = [...items];
  for (let i = 0; i < Math.min(size, pool.length); i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, size);
}

const { sources } = readSeedCorpus();
const active = sources.filter((s) => s.status === 'active');
// Hostnames of the data: every source, and every upstream hostname rejected for a reason other than being a www. duplicate.
const dataHosts = new Set(sources.map((s) => s.host));
for (const { host, reason } of readSeedRejections()) {
  const canonical = reason === 'duplicate-www' ? null : canonicalSourceHost(host);
  if (canonical !== null) dataHosts.add(canonical);
}

const describe = (s: Source) => [s.host, s.scope, CATEGORIES[s.category].fr, s.name || '—', s.provenance].join('\t');

console.log(`# Quality report of ${SEED_CORPUS_PATH} (${active.length} active sources)\n`);
console.log(`## Random sample of ${sampleSize} active sources (seed ${values.seed}): is each a public body's site?\n`);
for (const source of sampleOf(active, sampleSize, Number(values.seed))) console.log(describe(source));

console.log(`\n## Registrable domains with ${minTenants} or more tenant hostnames in the data\n`);
const tenants = new Map<string, string[]>();
for (const host of dataHosts) {
  const domain = registrableDomain(host);
  if (domain === null || domain === host) continue;
  tenants.set(domain, [...(tenants.get(domain) ?? []), host]);
}
const sourceAt = new Map(sources.map((s) => [s.host, s]));
for (const [domain, hosts] of [...tenants].filter(([, hosts]) => hosts.length >= minTenants).sort((a, b) => b[1].length - a[1].length)) {
  const own = sourceAt.get(domain);
  const status = platformOf(domain) !== undefined ? 'platform' : own === undefined ? 'not a source' : `${own.status} ${own.scope} ${own.category}`;
  console.log(`${String(hosts.length).padStart(5)}  ${domain}\t${status}\t${hosts.slice(0, 3).join(' ')}`);
}

console.log(`\n## Active sources whose scope covers more than ${wideOver} hostnames of the data\n`);
const covered = new Map<string, number>();
for (const host of dataHosts) {
  for (let level = parentHostname(host); level !== null; level = parentHostname(level)) {
    const source = sourceAt.get(level);
    if (source !== undefined && source.scope === 'subdomains' && source.status === 'active' && isSameOrSubdomain(host, level)) {
      covered.set(level, (covered.get(level) ?? 0) + 1);
    }
  }
}
for (const [host, count] of [...covered].filter(([, count]) => count > wideOver).sort((a, b) => b[1] - a[1])) {
  const source = sourceAt.get(host) as Source;
  console.log(`${String(count).padStart(5)}  ${describe(source)}`);
}
