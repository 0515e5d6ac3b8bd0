/**
 * How `npm start` wires its settings into the server, checked on the real process: SDC_PUBLIC_URL
 * with https turns on Secure `__Host-` cookies and HSTS, and without it neither is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient } from './testing/console-client.ts';
import { type RunningServer, runUserCommand, startCurationServer } from './testing/server-process.ts';
import { SAMPLE_SOURCES } from './testing/temp-database.ts';

const ADMIN = 'admin@example.org';
const PASSWORD = 'une phrase de passe pour la recette';

let https: RunningServer;
let plain: RunningServer;

beforeAll(async () => {
  [https, plain] = await Promise.all([
    startCurationServer({ sources: SAMPLE_SOURCES, env: { SDC_PUBLIC_URL: 'https://curation.example.org/', SDC_TRUST_PROXY: '1' } }),
    startCurationServer({ sources: SAMPLE_SOURCES }),
  ]);
  for (const server of [https, plain]) {
    const created = await runUserCommand(server.databasePath, ['add', ADMIN, '--role', 'admin'], `${PASSWORD}\n`);
    expect(created.code, created.output).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await Promise.all([https?.stop(), plain?.stop()]);
});

/** Every cookie the server sets on the way to a signed-in page: CSRF, language, session. */
async function cookiesOnTheWay(server: RunningServer) {
  const client = serverClient(server.url);
  const headers: string[] = [];
  const keep = (response: Response) => headers.push(...response.headers.getSetCookie());
  const login = await client.page('/login?lang=en');
  keep(login.response);
  const signedIn = await client.post('/login', { email: ADMIN, password: PASSWORD });
  expect(signedIn.status).toBe(303);
  keep(signedIn);
  return { headers, hsts: [login.response, signedIn].map((response) => response.headers.get('strict-transport-security')) };
}

describe('npm start', { timeout: 60_000 }, () => {
  it('sets Secure __Host- cookies and sends HSTS when SDC_PUBLIC_URL is https', async () => {
    const { headers, hsts } = await cookiesOnTheWay(https);
    expect(headers.map((header) => header.split('=')[0]).sort()).toEqual(['__Host-sdc_csrf', '__Host-sdc_csrf', '__Host-sdc_lang', '__Host-sdc_session']);
    // Set with every attribute; cleared (the sign-in's CSRF cookie) with Secure too, which __Host- requires.
    for (const header of headers) expect(header).toMatch(/Max-Age=0; Path=\/; Secure$|; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(headers.filter((header) => !header.includes('Max-Age=0'))).toHaveLength(3);
    expect(hsts).toEqual(['max-age=31536000; includeSubDomains', 'max-age=31536000; includeSubDomains']);
    expect(https.output()).toContain('Console de curation : https://curation.example.org/\n');
    expect(https.output()).toContain('Liste publiée pour les extensions : https://curation.example.org/v1/manifest.json\n');
  });

  it('sends neither without it', async () => {
    const { headers, hsts } = await cookiesOnTheWay(plain);
    expect(headers.map((header) => header.split('=')[0]).sort()).toEqual(['sdc_csrf', 'sdc_csrf', 'sdc_lang', 'sdc_session']);
    for (const header of headers) expect(header).not.toMatch(/Secure/i);
    expect(hsts).toEqual([null, null]);
  });
});
