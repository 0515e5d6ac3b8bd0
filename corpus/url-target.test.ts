import { describe, expect, it } from 'vitest';
import { parseHttpUrl, targetHostname, targetPath } from './url-target.ts';

/** What the URL parser itself says, trailing dot removed: the reference the fast path must agree with. */
function hostnameByUrlParser(input: string): string | null {
  const host = parseHttpUrl(input)?.hostname;
  return host ? host.replace(/\.$/, '') : null;
}

describe('targetHostname', () => {
  const inputs = [
    'https://www.service-public.fr/particuliers/vosdroits/F1234?lang=fr#top',
    'http://WWW.AIN.FR',
    'https://ain.fr.',
    'https://ain.fr.:8443/x',
    'https://ain.fr:443',
    'https://ain.fr:0/',
    'https://ain.fr:65536/',
    'https://ain.fr:12ab/',
    'http://user@ain.fr/',
    'http://user:pass@ain.fr:81/',
    'https://mairie-égletons.fr/',
    'https://xn--mairie-gletons-hkb.fr/',
    'https://a%2eb.fr/',
    'https:\\\\ain.fr\\x',
    'http:///ain.fr/x',
    'http://ain..fr/',
    'http://.ain.fr/',
    'http://192.168.0.1/',
    'http://0x7f.1/',
    'http://1.2.3.4.5/',
    'http://[::1]:8080/',
    'http://ain.fr?x',
    'http://ain.fr#x',
    'http://a_b.ain.fr/',
    'http://ain.fr\t/',
    'http://ain\n.fr/',
    'https://ＡＩＮ.fr/',
    'https://ain.fr/\u00e9t\u00e9',
  ];
  it.each(inputs)('agrees with the URL parser on %j', (input) => {
    expect(targetHostname(input)).toBe(hostnameByUrlParser(input));
  });

  it('reads bare hostnames and protocol-relative URLs as http', () => {
    expect(targetHostname('ain.fr')).toBe('ain.fr');
    expect(targetHostname('Ain.Fr/aides')).toBe('ain.fr');
    expect(targetHostname('ain.fr:8080')).toBe('ain.fr');
    expect(targetHostname('//ain.fr/x')).toBe('ain.fr');
  });

  it('has no host for other schemes', () => {
    for (const input of ['javascript:alert(1)', 'mailto:a@ain.fr', 'ftp://ain.fr/', 'file:///etc/passwd', 'data:,x', 'about:blank']) {
      expect(targetHostname(input)).toBeNull();
    }
  });
});

describe('targetPath', () => {
  it('gives the path as browsers normalize it', () => {
    expect(targetPath('https://sites.google.com/site/a/../b/?x#y')).toBe('/site/b/');
    expect(targetPath('https://ain.fr')).toBe('/');
    expect(targetPath('ain.fr/été')).toBe('/%C3%A9t%C3%A9');
    expect(targetPath('mailto:x')).toBeNull();
  });
});
