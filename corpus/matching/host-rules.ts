/**
 * The rules that start at one hostname, and what they say for a link — shared by both rule
 * indexes (hashed-rule-index.ts, sorted-text-index.ts), so that they cannot disagree.
 */
import type { Source } from '../source.ts';
import { targetPath } from '../url-target.ts';

export class HostRules {
  host?: Source;
  subdomains?: Source;
  /** Longest prefix first. */
  paths?: Source[];
  /** A hosting platform, or a public suffix: trust never flows from here or above to the tenants below. */
  isPlatform = false;
  /** Every child of this hostname is a public suffix (a wildcard rule of the Public Suffix List). */
  childrenAreSuffixes = false;
}

/** What a level of a hostname says: trust stops here (a platform), no rule, or a source. */
export const PLATFORM_STOP = Symbol('platform');
export type LevelRule = Source | null | typeof PLATFORM_STOP;

/**
 * Where a matcher reads its rules: which suffixes of a hostname hold some (or are platforms),
 * and the rule each gives. Members are the index's own numbers for hostnames.
 */
export interface RuleIndex {
  /**
   * The suffixes of `subject[start, end)` at label boundaries (the whole hostname included) that
   * hold rules or are platforms, from the shortest to the longest: each one's member number in
   * `members`, its first character in `starts`; returns how many, or -1 when the hostname has a
   * character no hostname of the list can have (upper case, port, IDN…): the caller normalizes it.
   */
  findLevels(subject: string, start: number, end: number, members: Int32Array, starts: Int32Array): number;
  /** The rule of a member for a link to that hostname itself (`exact`) or to one of its subdomains. */
  ruleAt(member: number, exact: boolean, urlOrHostname: string): LevelRule;
  hostOf(member: number): string;
  /** Whether every child of the member's hostname is a public suffix: then no trust found at or above it reaches below it. */
  childrenAreSuffixes(member: number): boolean;
}

/** Adds an active source to the rules of its hostname, unless another one already claims the same hostname and path (the first claim wins). */
export function addRule(rules: HostRules, source: Source): void {
  if (source.scope === 'path') {
    if (rules.paths?.some((other) => other.path === source.path)) return;
    (rules.paths ??= []).push(source);
    rules.paths.sort((a, b) => b.path.length - a.path.length);
    return;
  }
  if (rules.host !== undefined || rules.subdomains !== undefined) return;
  rules[source.scope === 'host' ? 'host' : 'subdomains'] = source;
}

/** Exact-host and path rules apply to the hostname itself; a platform stops what was found above it. */
export function ruleOf(rules: HostRules, exact: boolean, urlOrHostname: string): LevelRule {
  if (exact) {
    const rule = (rules.paths === undefined ? undefined : matchPath(rules.paths, urlOrHostname)) ?? rules.host;
    if (rule !== undefined) return rule;
  }
  if (rules.isPlatform) return PLATFORM_STOP;
  return rules.subdomains ?? null;
}

function pathIsUnder(path: string, prefix: string): boolean {
  return path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === 47 /* / */);
}

function matchPath(paths: readonly Source[], urlOrHostname: string): Source | undefined {
  const path = targetPath(urlOrHostname);
  if (path === null) return undefined;
  return paths.find((source) => pathIsUnder(path, source.path));
}
