/**
 * What a result page knows, the moment its results are parsed, of a newer list in storage: which
 * hostnames it may answer differently for. Storage answers only after the page's first layout, so
 * the background tells the page without it, the way browsers let an extension tell its pages
 * anything before they run: by which packaged scripts it registers on them.
 *
 * The hostnames a stored patch may change (corpus hostsChangedBy) are hashed into a filter of
 * BUCKETS buckets, two buckets a hostname; the package holds one tiny script per bucket, which
 * adds its number to a set of the content scripts' own global; the background registers the
 * scripts of the buckets in use. A link none of whose levels falls in two set buckets matches the
 * same with the newer list as with the bundled one: the page marks it at once. Any other link
 * waits for storage; so does every link when the filter would hold more than MAX_BUCKETS_SET
 * buckets (the "stored state differs" flag, settings-signal.ts), for then most links would.
 * A hashed filter errs one way only: a link of a changed hostname always waits.
 */

/** Buckets of the filter, and scripts in the package (`signals/changed-host-<bucket>.js`). */
export const BUCKETS = 1024;
/** Beyond this many buckets set (about 60 changed hostnames), pages wait for storage instead. */
export const MAX_BUCKETS_SET = 128;
const GLOBAL = 'sdcChangedHostBuckets';

export function bucketScriptFile(bucket: number): string {
  return `signals/changed-host-${bucket}.js`;
}

/** The packaged script of a bucket: one line, in the content scripts' world (never the page's). */
export function bucketScript(bucket: number): string {
  return `(globalThis.${GLOBAL} || (globalThis.${GLOBAL} = new Set())).add(${bucket});\n`;
}

/** The two buckets of a hostname (FNV-1a, 32 bits, split in two). */
export function bucketsOfHost(host: string): [number, number] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) hash = Math.imul(hash ^ host.charCodeAt(i), 0x01000193);
  const first = (hash >>> 0) % BUCKETS;
  const second = ((hash >>> 16) ^ Math.imul(hash, 0x9e3779b1)) >>> 0;
  return [first, second % BUCKETS];
}

/** Background: the buckets of these hostnames, in order, or null when they are too many for the filter to be worth it. */
export function bucketsOfHosts(hosts: Iterable<string>): number[] | null {
  const set = new Set<number>();
  for (const host of hosts) for (const bucket of bucketsOfHost(host)) set.add(bucket);
  return set.size > MAX_BUCKETS_SET ? null : [...set].sort((a, b) => a - b);
}

/** Result page: the buckets the background set (null: none registered, no stored list differs by hostname). */
export function signalledBuckets(): ReadonlySet<number> | null {
  const buckets = (globalThis as Record<string, unknown>)[GLOBAL];
  return buckets instanceof Set ? (buckets as Set<number>) : null;
}

/** Whether a link to `host` may be answered differently by the stored list: one of its levels (the hostname or a parent with a dot) has both its buckets set. */
export function mayHaveChanged(host: string, buckets: ReadonlySet<number>): boolean {
  for (let start = 0; start >= 0; ) {
    const level = start === 0 ? host : host.slice(start);
    if (!level.includes('.')) break;
    const [first, second] = bucketsOfHost(level);
    if (buckets.has(first) && buckets.has(second)) return true;
    const dot = host.indexOf('.', start);
    start = dot < 0 ? -1 : dot + 1;
  }
  return false;
}
