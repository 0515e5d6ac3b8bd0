/**
 * The crawler's tunable settings, validated where they come in (CLI flags, the server's config):
 * concurrency, rate, politeness, timeouts and size caps, with defaults fit for the real web.
 */
import { z } from 'zod';
import type { FetchLimits } from './check-source.ts';

export const CRAWLER_VERSION = '1.0';
/** Where site owners learn who is knocking and how to reach us; sent in every User-Agent. */
export const CRAWLER_CONTACT_URL = 'https://sources-de-confiance.fr/robot';
export const DEFAULT_USER_AGENT = `Mozilla/5.0 (compatible; SourcesDeConfianceBot/${CRAWLER_VERSION}; +${CRAWLER_CONTACT_URL})`;

const ms = (max: number) => z.number().int().min(1).max(max);

export const CrawlSettingsSchema = z.object({
  /** Sources checked at the same time. */
  concurrency: z.number().int().min(1).max(1_000).default(32),
  /** Requests started per second, all hosts together. */
  requestsPerSecond: z.number().min(0.1).max(5_000).default(50),
  /** Pause between two requests to the same host. */
  hostDelayMs: z.number().int().min(0).max(60_000).default(1_000),
  dnsTimeoutMs: ms(60_000).default(5_000),
  connectTimeoutMs: ms(60_000).default(10_000),
  headersTimeoutMs: ms(120_000).default(15_000),
  bodyTimeoutMs: ms(120_000).default(15_000),
  /** The whole of one request, body included (a server that drips an endless page). */
  totalTimeoutMs: ms(300_000).default(30_000),
  maxPageBytes: z.number().int().min(1_024).max(16 * 1024 * 1024).default(1024 * 1024),
  /** RFC 9309 asks crawlers to read at least 500 KiB of robots.txt. */
  maxRobotsBytes: z.number().int().min(512 * 1024).max(4 * 1024 * 1024).default(512 * 1024),
  maxRedirects: z.number().int().min(0).max(30).default(10),
  userAgent: z
    .string()
    .min(1)
    .refine((value) => value.includes('SourcesDeConfianceBot') && /\+https?:\/\//.test(value), { error: 'le User-Agent nomme le robot (SourcesDeConfianceBot) et une adresse de contact (+https://…)' })
    .default(DEFAULT_USER_AGENT),
});

export type CrawlSettings = z.infer<typeof CrawlSettingsSchema>;

export type SettingsResult = { ok: true; settings: CrawlSettings } | { ok: false; issues: string[] };

export function crawlSettings(input: unknown = {}): SettingsResult {
  const parsed = CrawlSettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}

export function fetchLimits(settings: CrawlSettings): FetchLimits {
  const { headersTimeoutMs, bodyTimeoutMs, totalTimeoutMs, maxPageBytes, maxRobotsBytes, maxRedirects } = settings;
  return { headersTimeoutMs, bodyTimeoutMs, totalTimeoutMs, maxPageBytes, maxRobotsBytes, maxRedirects };
}
