/**
 * Collecting the evidence of one source (the only part of a check that touches the network): DNS,
 * then HTTPS — or HTTP when HTTPS cannot connect — with robots.txt read first for every origin met,
 * and redirects followed one hop at a time (capped, loops caught, each hop's address checked).
 */
import type { Dispatcher } from 'undici';
import type { Matcher } from '../../corpus/matcher.ts';
import { type AddressPolicy, addressVerdict, literalAddress } from './address-policy.ts';
import type { CheckEvidence, CheckedSource, RobotsEvidence, SchemeAttempt } from './check-evidence.ts';
import { dnsEvidence, hasNoAddress } from './dns-evidence.ts';
import type { DnsResolver } from './dns-resolver.ts';
import { fetchHop, type Hop, type HopRequest } from './http-hop.ts';
import { pageFacts } from './page-facts.ts';
import type { HostGate, RateLimiter } from './politeness.ts';
import { type RobotsRules, robotsRules } from './robots-rules.ts';

export interface FetchLimits {
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  totalTimeoutMs: number;
  maxPageBytes: number;
  maxRobotsBytes: number;
  maxRedirects: number;
}

export interface CheckContext {
  resolver: DnsResolver;
  dispatcher: Dispatcher;
  addressPolicy: AddressPolicy;
  userAgent: string;
  limits: FetchLimits;
  portOverrides: HopRequest['portOverrides'];
  gate: HostGate;
  rate: RateLimiter;
  matcher: Matcher;
  /** robots.txt by origin, shared by the checks of a run (bounded). */
  robotsCache: Map<string, { rules: RobotsRules; evidence: RobotsEvidence }>;
  signal?: AbortSignal;
}

// Most origins are met once a run; the cache serves hosts shared by several sources (path scopes) and redirect targets.
const ROBOTS_CACHE_SIZE = 1_000;
const ROBOTS_REDIRECTS = 5;
const isHtml = (contentType: string | null) => contentType === null || /text\/html|application\/xhtml\+xml/i.test(contentType);
const isText = (contentType: string | null) => contentType === null || /^text\//i.test(contentType);
/** Connection failures after which the other scheme is worth trying; an accepted connection that never answers is not one. */
const FALLBACK_KINDS = new Set(['refused', 'tls', 'connect-timeout', 'reset']);

function isRedirect(hop: Hop): boolean {
  return hop.status !== null && hop.status >= 300 && hop.status < 400 && hop.location !== null;
}

async function politeHop(context: CheckContext, url: string, maxBytes: number, wantBody: (type: string | null) => boolean) {
  const { hostname } = new URL(url);
  return context.gate.run(hostname, async () => {
    await context.rate.take();
    return fetchHop({ url, dispatcher: context.dispatcher, userAgent: context.userAgent, portOverrides: context.portOverrides, maxBytes, headersTimeoutMs: context.limits.headersTimeoutMs, bodyTimeoutMs: context.limits.bodyTimeoutMs, totalTimeoutMs: context.limits.totalTimeoutMs, wantBody, signal: context.signal });
  });
}

/** The address check for IP-literal hosts, which never reach the guarded lookup. */
function literalRefusal(url: URL, policy: AddressPolicy): string | null {
  const literal = literalAddress(url.hostname);
  if (literal === null) return null;
  const verdict = addressVerdict(literal, policy);
  return verdict.ok ? null : `${literal} (${verdict.range})`;
}

async function robotsFor(context: CheckContext, origin: string): Promise<{ rules: RobotsRules; evidence: RobotsEvidence }> {
  const cached = context.robotsCache.get(origin);
  if (cached !== undefined) return cached;
  let url = `${origin}/robots.txt`;
  let answer = await politeHop(context, url, context.limits.maxRobotsBytes, isText);
  // RFC 9309: follow at least five redirects for robots.txt.
  for (let hop = 0; hop < ROBOTS_REDIRECTS && isRedirect(answer.hop); hop++) {
    const next = URL.canParse(answer.hop.location ?? '', url) ? new URL(answer.hop.location ?? '', url) : null;
    if (next === null || (next.protocol !== 'https:' && next.protocol !== 'http:') || literalRefusal(next, context.addressPolicy) !== null) break;
    url = next.href;
    answer = await politeHop(context, url, context.limits.maxRobotsBytes, isText);
  }
  const status = answer.hop.failure === null ? answer.hop.status : null;
  // Redirects beyond the limit count as "unavailable" (allow), like a 4xx.
  const effective = status !== null && status >= 300 && status < 400 ? 404 : status;
  const rules = robotsRules(`${origin}/robots.txt`, effective, answer.body);
  const entry = { rules, evidence: { url: `${origin}/robots.txt`, status: answer.hop.status, failure: answer.hop.failure, verdict: rules.verdict } };
  // Network failures are not cached: they belong to this check's evidence, not to the next one's.
  if (answer.hop.failure === null) {
    if (context.robotsCache.size >= ROBOTS_CACHE_SIZE) context.robotsCache.delete(context.robotsCache.keys().next().value as string);
    context.robotsCache.set(origin, entry);
  }
  return entry;
}

async function followScheme(context: CheckContext, scheme: 'https' | 'http', source: CheckedSource): Promise<{ attempt: SchemeAttempt; body: string | null }> {
  const attempt: SchemeAttempt = { scheme, robots: [], hops: [], stopped: null };
  const seen = new Set<string>();
  let url = new URL(`${scheme}://${source.host}${source.scope === 'path' ? source.path : '/'}`);
  let body: string | null = null;
  for (;;) {
    if (context.signal?.aborted === true) {
      attempt.stopped = { reason: 'cancelled', url: url.href };
      break;
    }
    const refused = literalRefusal(url, context.addressPolicy);
    if (refused !== null) {
      attempt.stopped = { reason: 'non-public-address', url: url.href, detail: refused };
      break;
    }
    const robots = await robotsFor(context, url.origin);
    if (!attempt.robots.some((entry) => entry.url === robots.evidence.url)) attempt.robots.push(robots.evidence);
    const robotsFailure = robots.evidence.failure;
    if (robotsFailure?.kind === 'non-public-address') {
      attempt.stopped = { reason: 'non-public-address', url: url.href, detail: robotsFailure.message };
      break;
    }
    // The site itself did not answer: that failure is the evidence, and no page may be fetched (RFC 9309).
    if (robotsFailure !== null && attempt.hops.length === 0) break;
    if (robotsFailure !== null) {
      attempt.stopped = { reason: 'robots-unreachable', url: url.href, detail: robotsFailure.code };
      break;
    }
    if (!robots.rules.isAllowed(url.href)) {
      attempt.stopped = { reason: 'robots-disallow', url: url.href };
      break;
    }
    seen.add(url.href);
    const answer = await politeHop(context, url.href, context.limits.maxPageBytes, isHtml);
    attempt.hops.push(answer.hop);
    if (!isRedirect(answer.hop)) {
      body = answer.body;
      break;
    }
    const location = answer.hop.location ?? '';
    const next = URL.canParse(location, url) ? new URL(location, url) : null;
    if (next === null || (next.protocol !== 'https:' && next.protocol !== 'http:')) {
      attempt.stopped = { reason: 'bad-redirect', url: url.href, detail: location.slice(0, 300) };
      break;
    }
    next.hash = '';
    if (seen.has(next.href)) {
      attempt.stopped = { reason: 'redirect-loop', url: next.href };
      break;
    }
    if (attempt.hops.length > context.limits.maxRedirects) {
      attempt.stopped = { reason: 'too-many-redirects', url: next.href };
      break;
    }
    url = next;
  }
  const last = attempt.hops.at(-1);
  if (last?.failure?.kind === 'non-public-address' && attempt.stopped === null) attempt.stopped = { reason: 'non-public-address', url: last.url, detail: last.failure.message };
  return { attempt, body };
}

/** Whether the first attempt failed in a way the other scheme may not (the server never answered over it). */
function worthFallback(attempt: SchemeAttempt): boolean {
  const failure = attempt.hops[0]?.failure ?? (attempt.hops.length === 0 ? attempt.robots[0]?.failure : null);
  return failure != null && FALLBACK_KINDS.has(failure.kind);
}

export async function collectEvidence(context: CheckContext, source: CheckedSource): Promise<CheckEvidence> {
  const started = performance.now();
  const dns = await dnsEvidence(context.resolver, source.host);
  const attempts: SchemeAttempt[] = [];
  let body: string | null = null;
  if (!hasNoAddress(dns) || literalAddress(source.host) !== null) {
    for (const scheme of ['https', 'http'] as const) {
      const followed = await followScheme(context, scheme, source);
      attempts.push(followed.attempt);
      body = followed.body;
      if (!worthFallback(followed.attempt)) break;
    }
  }
  const final = attempts.at(-1)?.hops.at(-1);
  const answered = final !== undefined && final.failure === null && final.status !== null && final.status >= 200 && final.status < 300;
  const page = answered && body !== null && isHtml(final.contentType) ? pageFacts(body, final.url) : null;
  const trusted = final === undefined ? null : context.matcher.match(final.url);
  return {
    source,
    dns,
    attempts,
    page,
    finalUrl: final?.url ?? null,
    finalTrustedSource: trusted === null ? null : { id: trusted.id, host: trusted.host },
    elapsedMs: Math.round(performance.now() - started),
  };
}
