/**
 * The Public Suffix List rules that lie below a hostname: what a trusted source's trust must not
 * reach past (a registrable domain whose operator hands out subdomains as separate domains, e.g.
 * `s3.amazonaws.com` below `amazonaws.com`). Written into the compact list at encoding time
 * (compact-list-encoder.ts), so that result pages match without carrying the PSL at all.
 *
 * tldts answers lookups but does not enumerate rules, so this walks the rule trie it ships (its
 * data module, a pinned version: package.json) and checks every rule it finds against tldts's own
 * answer, so that a change of that format stops the build instead of giving wrong stops.
 */
import { getPublicSuffix } from 'tldts';
import { edgeChild, edgeLength, edgeStart, labelText, nodeFlags, rulesRoot } from 'tldts/dist/es6/src/data/trie.js';

const WITH_PRIVATE = { allowPrivateDomains: true } as const;

let edgeOffsets: Uint32Array | undefined;

/** Where each edge's label starts in `labelText` (edges are stored in order, labels end to end). */
function offsets(): Uint32Array {
  if (edgeOffsets !== undefined) return edgeOffsets;
  edgeOffsets = new Uint32Array(edgeLength.length);
  for (let edge = 0, offset = 0; edge < edgeLength.length; edge++) {
    edgeOffsets[edge] = offset;
    offset += edgeLength[edge];
  }
  return edgeOffsets;
}

function labelOf(edge: number): string {
  const start = offsets()[edge];
  return labelText.slice(start, start + edgeLength[edge]);
}

/** By node, its children by label (made when first walked through: a few nodes serve every source). */
const children = new Map<number, Map<string, number>>();

function childNamed(node: number, label: string): number {
  let named = children.get(node);
  if (named === undefined) {
    named = new Map();
    for (let edge = edgeStart[node]; edge < edgeStart[node + 1]; edge++) named.set(labelOf(edge), edgeChild[edge]);
    children.set(node, named);
  }
  return named.get(label) ?? -1;
}

export interface SuffixesBelow {
  /** Public suffixes strictly below the hostname (explicit rules). */
  suffixes: string[];
  /** Hostnames at or below it whose every child is a public suffix (wildcard rules `*.name`). */
  wildcards: string[];
}

/** The rules strictly below `host` (a normalized hostname), checked against tldts's lookups. */
export function publicSuffixesBelow(host: string): SuffixesBelow {
  const found: SuffixesBelow = { suffixes: [], wildcards: [] };
  let node = rulesRoot;
  for (const label of host.split('.').reverse()) {
    node = childNamed(node, label);
    if (node < 0) return found;
  }
  const visit = (at: number, name: string) => {
    for (let edge = edgeStart[at]; edge < edgeStart[at + 1]; edge++) {
      const label = labelOf(edge);
      if (label === '*') {
        found.wildcards.push(name);
        continue;
      }
      const child = edgeChild[edge];
      const below = `${label}.${name}`;
      if (nodeFlags[child] !== 0) found.suffixes.push(below);
      visit(child, below);
    }
  };
  visit(node, host);
  for (const suffix of found.suffixes) {
    if (getPublicSuffix(`x.${suffix}`, WITH_PRIVATE) !== suffix && getPublicSuffix(`x.${suffix}`, WITH_PRIVATE) !== `x.${suffix}`) {
      throw new Error(`public suffix walk: tldts does not take ${suffix} for a public suffix (has its data format changed?)`);
    }
  }
  for (const wildcard of found.wildcards) {
    if (getPublicSuffix(`x.${wildcard}`, WITH_PRIVATE) !== `x.${wildcard}`) throw new Error(`public suffix walk: tldts has no rule *.${wildcard} (has its data format changed?)`);
  }
  found.suffixes.sort();
  found.wildcards.sort();
  return found;
}
