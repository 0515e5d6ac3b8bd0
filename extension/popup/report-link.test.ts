import { describe, expect, it } from 'vitest';
import { reportHref, reportPageUrl } from './report-link.ts';

const MAIL = { subject: 'Sources de confiance : signalement', body: (site: string) => `Site concerné : ${site}` };
const CHANNEL = 'https://listes.sources-de-confiance.fr/v1/';

describe('the report link', () => {
  it('opens the server’s report page beside the list channel, with the site of the tab (its origin only)', () => {
    expect(reportHref('', 'https://www.ain.gouv.fr/recherche?q=mon+nom#top', CHANNEL, MAIL)).toBe('https://listes.sources-de-confiance.fr/signaler?site=https%3A%2F%2Fwww.ain.gouv.fr');
    expect(reportHref('', 'http://127.0.0.1:8787/x', 'http://127.0.0.1:8787/v1/', MAIL)).toBe('http://127.0.0.1:8787/signaler?site=http%3A%2F%2F127.0.0.1%3A8787');
  });

  it('leaves the site out on a page that is not a web page', () => {
    expect(reportHref('', 'chrome://extensions/', CHANNEL, MAIL)).toBe('https://listes.sources-de-confiance.fr/signaler');
    expect(reportHref('', undefined, CHANNEL, MAIL)).toBe('https://listes.sources-de-confiance.fr/signaler');
  });

  it('follows a channel served under a path', () => {
    expect(reportPageUrl('https://asso.example/sdc/v1/')).toBe('https://asso.example/sdc/signaler');
  });

  it('keeps a page set by policy as it is, and prefills a mailto: address with the whole page address', () => {
    expect(reportHref('https://intranet.example/signaler', 'https://www.ain.gouv.fr/', CHANNEL, MAIL)).toBe('https://intranet.example/signaler');
    const mail = reportHref('mailto:signalement@sources-de-confiance.fr', 'https://www.ain.gouv.fr/page', CHANNEL, MAIL);
    expect(mail).toBe('mailto:signalement@sources-de-confiance.fr?subject=Sources%20de%20confiance%20%3A%20signalement&body=Site%20concern%C3%A9%20%3A%20https%3A%2F%2Fwww.ain.gouv.fr%2Fpage');
  });
});
