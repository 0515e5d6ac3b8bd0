/**
 * What robots.txt lets the crawler fetch, by RFC 9309: a file that was read applies its rules
 * (robots-parser); a 4xx means no rules (allow all); a 5xx or an unreachable file means disallow
 * all, since the site may be overloaded or the rules unknown.
 */
import robotsParser from 'robots-parser';

/** The product token robots.txt groups name; the full User-Agent adds the version and a contact URL. */
export const CRAWLER_PRODUCT_TOKEN = 'SourcesDeConfianceBot';

export type RobotsVerdict = 'rules' | 'allow-all' | 'disallow-all';

export interface RobotsRules {
  verdict: RobotsVerdict;
  isAllowed(url: string): boolean;
}

/** `status` null: the file could not be fetched (DNS, connection, TLS, timeout). */
export function robotsRules(robotsUrl: string, status: number | null, body: string | null): RobotsRules {
  if (status !== null && status >= 200 && status < 300) {
    const parsed = robotsParser(robotsUrl, body ?? '');
    // robots-parser answers undefined for another origin's URL: those are judged by their own file.
    return { verdict: 'rules', isAllowed: (url) => parsed.isAllowed(url, CRAWLER_PRODUCT_TOKEN) !== false };
  }
  if (status !== null && status >= 300 && status < 500) return { verdict: 'allow-all', isAllowed: () => true };
  return { verdict: 'disallow-all', isAllowed: () => false };
}
