/**
 * The outcome of a check, decided from its recorded evidence and the source's earlier checks only:
 * a pure function, so that every verdict can be re-derived and tested without a network. Order
 * matters: signs of a squatter (takeover, parking, marketplace) win over everything; then a failure
 * (flagged `unreachable` only once it has lasted, never on one blip); then where the site went
 * (another domain: moved or redirected); then what the page became (parking, owner change).
 */
import ipaddr from 'ipaddr.js';
import { getDomain } from 'tldts';
import type { CheckEvidence, SchemeAttempt } from './check-evidence.ts';
import type { CrawlOutcome, CrawlSuggestion } from './crawl-outcomes.ts';
import type { Hop } from './http-hop.ts';
import { foldText } from './page-facts.ts';
import { DOMAIN_MARKETPLACES, PARKING_ADDRESS_RANGES, PARKING_NAMESERVER_DOMAINS, TAKEOVER_SUFFIXES } from './signal-lists.ts';
import { fingerprintDistance } from './text-fingerprint.ts';

/** What an earlier check of the same source left for the next ones (newest first). */
export interface PriorCheck {
  checkedAt: string;
  outcome: string;
  failed: boolean;
  fingerprint: string | null;
  publicSignals: number;
}

export interface ClassifyPolicy {
  /** Failures in a row (this one included) before a source is `unreachable`… */
  unreachableAfterFailures: number;
  /** …spanning at least this long, from the first of them to this one. */
  unreachableAfterMs: number;
  /** Fingerprint bits (of 64) that differ when the content changed drastically. */
  drasticChangeBits: number;
}

export const DEFAULT_CLASSIFY_POLICY: ClassifyPolicy = { unreachableAfterFailures: 3, unreachableAfterMs: 3 * 24 * 3600_000, drasticChangeBits: 20 };

export interface Classification {
  outcome: CrawlOutcome;
  /** Reason codes, the first one the deciding one (`dangling-cname`, `http-503`, `redirect-to-other-domain`…). */
  reasons: string[];
  /** The site could not be reached or answered an error: counted by the next checks' history. */
  failed: boolean;
  suggestion: CrawlSuggestion | null;
}

const HOST_OPTIONS = { allowPrivateDomains: true } as const;
const PARKING_RANGES = PARKING_ADDRESS_RANGES.map(({ cidr, service }) => ({ range: ipaddr.parseCIDR(cidr), service }));

const endsWithDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
const stripWww = (host: string) => (host.startsWith('www.') ? host.slice(4) : host);

function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase();
}

function registrable(host: string): string {
  return getDomain(host, HOST_OPTIONS) ?? host;
}

/** Whether the source's own rule covers this hostname (the matcher's host and subdomain rules). */
function coversHost(evidence: CheckEvidence, host: string): boolean {
  const { source } = evidence;
  const bare = stripWww(host);
  if (bare === source.host) return true;
  return source.scope === 'subdomains' && host.endsWith(`.${source.host}`);
}

function takeoverReason(evidence: CheckEvidence): string[] {
  const { cnameChain, cnameTargetError } = evidence.dns;
  const target = cnameChain.at(-1);
  if (target === undefined || cnameTargetError !== 'ENOTFOUND') return [];
  const cloud = TAKEOVER_SUFFIXES.find((suffix) => endsWithDomain(target, suffix));
  return cloud === undefined ? ['dangling-cname'] : ['dangling-cname', `takeover-host:${cloud}`];
}

function parkingDnsReasons(evidence: CheckEvidence): string[] {
  const reasons: string[] = [];
  const nameserver = evidence.dns.ns.find((server) => PARKING_NAMESERVER_DOMAINS.some((domain) => endsWithDomain(server, domain)));
  if (nameserver !== undefined) reasons.push('parking-nameserver', `nameserver:${nameserver}`);
  for (const address of [...evidence.dns.a, ...evidence.dns.aaaa]) {
    if (!ipaddr.isValid(address)) continue;
    const parsed = ipaddr.process(address);
    const hit = PARKING_RANGES.find(({ range }) => parsed.kind() === range[0].kind() && parsed.match(range));
    if (hit !== undefined) {
      reasons.push('parking-address', `address:${address}:${hit.service}`);
      break;
    }
  }
  return reasons;
}

function allHops(evidence: CheckEvidence): Hop[] {
  return evidence.attempts.flatMap((attempt) => attempt.hops);
}

function marketplaceReason(evidence: CheckEvidence): string[] {
  for (const hop of allHops(evidence)) {
    const host = hostOf(hop.url);
    const market = DOMAIN_MARKETPLACES.find((domain) => endsWithDomain(host, domain));
    if (market !== undefined && !coversHost(evidence, host)) return ['marketplace-redirect', `marketplace:${market}`];
  }
  return [];
}

/** The reason the site failed this time, or null when it answered (2xx, or a redirect that was followed). */
function failureReason(evidence: CheckEvidence, attempt: SchemeAttempt | undefined): string | null {
  const { dns } = evidence;
  if (attempt === undefined) return dns.errors.a === 'ENOTFOUND' || dns.errors.aaaa === 'ENOTFOUND' ? 'dns-nxdomain' : `dns-no-address${dns.errors.a === undefined ? '' : `:${dns.errors.a}`}`;
  const ownRobots = attempt.robots[0];
  if (attempt.hops.length === 0 && ownRobots?.failure != null) return `${ownRobots.failure.kind}:${ownRobots.failure.code}`;
  if (attempt.hops.length === 0 && ownRobots?.status != null && ownRobots.status >= 500) return `robots-http-${ownRobots.status}`;
  if (attempt.stopped !== null && attempt.stopped.reason !== 'robots-disallow' && attempt.stopped.reason !== 'cancelled') return attempt.stopped.reason;
  const last = attempt.hops.at(-1);
  if (last === undefined) return null;
  if (last.failure !== null) return `${last.failure.kind}:${last.failure.code}`;
  if (last.status !== null && last.status >= 400) return `http-${last.status}`;
  if (last.status !== null && last.status >= 300) return 'redirect-without-location';
  return null;
}

function unreachableOrFailing(reason: string, history: readonly PriorCheck[], now: string, policy: ClassifyPolicy): Classification {
  const streak: PriorCheck[] = [];
  for (const check of history) {
    if (check.outcome === 'disallowed') continue;
    if (!check.failed) break;
    streak.push(check);
  }
  const first = streak.at(-1);
  const lasted = first !== undefined && Date.parse(now) - Date.parse(first.checkedAt) >= policy.unreachableAfterMs;
  if (streak.length + 1 >= policy.unreachableAfterFailures && lasted) {
    return { outcome: 'unreachable', reasons: [reason, `failures:${streak.length + 1}`, `since:${first.checkedAt}`], failed: true, suggestion: null };
  }
  return { outcome: 'failing', reasons: [reason, `failures:${streak.length + 1}`], failed: true, suggestion: null };
}

/** Whether the page at the new address shows it is the same organisation. */
function sameOrganisationReason(evidence: CheckEvidence): string | null {
  const { page, source } = evidence;
  if (page === null) return null;
  if (/^\d{9}$/.test(source.code) && page.sirens.includes(source.code)) return 'same-siren';
  const name = foldText(source.name);
  if (name.length >= 6 && foldText(page.title).includes(name)) return 'same-name';
  return null;
}

function lastGoodCheck(history: readonly PriorCheck[]): PriorCheck | undefined {
  return history.find((check) => !check.failed && check.fingerprint !== null && (check.outcome === 'ok' || check.outcome === 'candidate'));
}

export function classifyCheck(evidence: CheckEvidence, history: readonly PriorCheck[], now: string, policy: ClassifyPolicy = DEFAULT_CLASSIFY_POLICY): Classification {
  const squatted = [...takeoverReason(evidence), ...parkingDnsReasons(evidence), ...marketplaceReason(evidence)];
  if (squatted.length > 0) return { outcome: 'suspicious', reasons: squatted, failed: false, suggestion: null };

  const attempt = evidence.attempts.at(-1);
  const hops = attempt?.hops ?? [];
  // A redirect to a non-public address after a public first hop: someone points trusted visitors somewhere they should not go.
  if (attempt?.stopped?.reason === 'non-public-address' && hops.length > 0) {
    return { outcome: 'suspicious', reasons: ['redirect-to-non-public-address', attempt.stopped.detail ?? attempt.stopped.url], failed: true, suggestion: null };
  }
  if (attempt?.stopped?.reason === 'robots-disallow' && hops.length === 0 && (attempt.robots[0]?.status ?? 0) < 500) {
    return { outcome: 'disallowed', reasons: ['robots-disallow'], failed: false, suggestion: null };
  }

  const failure = failureReason(evidence, attempt);
  const finalHost = evidence.finalUrl === null ? null : hostOf(evidence.finalUrl);
  const leftDomain = finalHost !== null && registrable(finalHost) !== registrable(evidence.source.host);

  if (leftDomain) {
    const reasons = ['redirect-to-other-domain', `target:${finalHost}`];
    if (failure !== null) reasons.push(`target-failed:${failure}`);
    if (evidence.page !== null && evidence.page.parkingPatterns.length > 0) {
      return { outcome: 'suspicious', reasons: ['parking-page', ...reasons], failed: false, suggestion: null };
    }
    if (evidence.finalTrustedSource !== null) {
      return { outcome: 'redirected', reasons: [...reasons, `trusted-target:${evidence.finalTrustedSource.id}`], failed: false, suggestion: null };
    }
    const same = failure === null ? sameOrganisationReason(evidence) : null;
    if (same !== null) return { outcome: 'moved', reasons: [same, ...reasons], failed: false, suggestion: { host: stripWww(finalHost) } };
    return { outcome: 'redirected', reasons: [...reasons, 'untrusted-target'], failed: false, suggestion: null };
  }

  if (failure !== null) return unreachableOrFailing(failure, history, now, policy);

  // Within the organisation's domain, but at a host the source's rule does not cover: the address moved.
  if (finalHost !== null && !coversHost(evidence, finalHost)) {
    return { outcome: 'moved', reasons: ['redirect-within-domain', `target:${finalHost}`], failed: false, suggestion: { host: stripWww(finalHost) } };
  }

  const page = evidence.page;
  if (page !== null && page.parkingPatterns.length > 0) return { outcome: 'suspicious', reasons: ['parking-page', ...page.parkingPatterns.map((p) => `pattern:${p}`)], failed: false, suggestion: null };
  const reasons: string[] = page === null ? ['no-html-page'] : page.publicSignals.map((signal) => `public:${signal}`);
  const good = lastGoodCheck(history);
  if (page !== null && page.fingerprint !== null && good?.fingerprint != null) {
    const distance = fingerprintDistance(page.fingerprint, good.fingerprint);
    if (distance >= policy.drasticChangeBits) {
      const lostSignals = good.publicSignals > 0 && page.publicSignals.length === 0;
      if (lostSignals || page.spamPatterns.length > 0) {
        return { outcome: 'suspicious', reasons: ['owner-change', `content-distance:${distance}`, ...(lostSignals ? ['public-signals-lost'] : []), ...page.spamPatterns.map((p) => `spam:${p}`)], failed: false, suggestion: null };
      }
      reasons.push(`content-changed:${distance}`);
    }
  }
  const outcome = evidence.source.validation === 'unverified' ? 'candidate' : 'ok';
  return { outcome, reasons, failed: false, suggestion: null };
}
