/**
 * Where the popup's « signaler » link leads. By default, the report page of the curation server
 * that publishes the list (`/signaler`, beside the channel's `/v1/`), with the site of the current
 * tab — its origin only: a page's path or query may hold what the person searched or typed.
 * A policy may set another page (opened as it is) or a mailto: address (prefilled with the site).
 * Only the person's click opens it: nothing is sent in the background.
 */

/** The report page beside a list channel: `https://listes.example.fr/v1/` → `https://listes.example.fr/signaler`. */
export function reportPageUrl(channelUrl: string): string {
  return new URL('../signaler', channelUrl).href;
}

function isWebPage(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//.test(url);
}

export interface ReportMailText {
  subject: string;
  body(site: string): string;
}

/**
 * The link for these settings: `reportUrl` is the policy's or user's page or mailto: address, ''
 * for the server's page beside `channelUrl` (the channel in use: the policy's first, else the built-in one).
 */
export function reportHref(reportUrl: string, pageUrl: string | undefined, channelUrl: string, mail: ReportMailText): string {
  if (reportUrl.startsWith('mailto:')) {
    const site = isWebPage(pageUrl) ? pageUrl : '';
    const query = new URLSearchParams({ subject: mail.subject, body: mail.body(site) });
    // mailto: bodies want %20, not the + that URLSearchParams writes for spaces.
    return `${reportUrl}?${query.toString().replace(/\+/g, '%20')}`;
  }
  if (reportUrl !== '') return reportUrl;
  const page = new URL(reportPageUrl(channelUrl));
  if (isWebPage(pageUrl)) page.searchParams.set('site', new URL(pageUrl).origin);
  return page.href;
}
