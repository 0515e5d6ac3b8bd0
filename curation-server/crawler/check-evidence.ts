/**
 * The evidence one check records, as stored (JSON in crawl_checks.evidence) and as the
 * classification reads it: everything an outcome is decided from, nothing else.
 */
import type { Scope, Status } from '../../corpus/source.ts';
import type { ValidationState } from '../sources/validation-state.ts';
import type { DnsEvidence } from './dns-evidence.ts';
import type { Hop, HopFailure } from './http-hop.ts';
import type { PageFacts } from './page-facts.ts';
import type { RobotsVerdict } from './robots-rules.ts';

export interface CheckedSource {
  id: string;
  host: string;
  scope: Scope;
  path: string;
  status: Status;
  validation: ValidationState;
  name: string;
  code: string;
}

export interface RobotsEvidence {
  url: string;
  status: number | null;
  failure: HopFailure | null;
  verdict: RobotsVerdict;
}

/** Why following a scheme's hops stopped before a final answer. */
export type StopReason = 'robots-disallow' | 'robots-unreachable' | 'non-public-address' | 'redirect-loop' | 'too-many-redirects' | 'bad-redirect' | 'cancelled';

export interface SchemeAttempt {
  scheme: 'https' | 'http';
  /** robots.txt of each origin met, in order. */
  robots: RobotsEvidence[];
  hops: Hop[];
  stopped: { reason: StopReason; url: string; detail?: string } | null;
}

export interface CheckEvidence {
  source: CheckedSource;
  dns: DnsEvidence;
  /** HTTPS first; HTTP when HTTPS could not connect (refused, TLS, connect timeout). */
  attempts: SchemeAttempt[];
  /** The final page, when it answered 2xx with HTML. */
  page: PageFacts | null;
  finalUrl: string | null;
  /** The trusted source the final URL belongs to, if any (the corpus matcher, at check time). */
  finalTrustedSource: { id: string; host: string } | null;
  elapsedMs: number;
}
