/**
 * Attacks on sign-in against the server as people run it: `npm start` on loopback (behind a
 * "proxy": SDC_TRUST_PROXY=1, so that X-Forwarded-For stands for the client's address), the
 * account made with `npm run user`, plain HTTP requests with the sign-in page's CSRF token.
 * A 429 is answered before any password is checked; a 401 means a password was evaluated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.ts';
import { seedFromCorpus } from '../db/seed-corpus.ts';
import { type RunningServer, runUserCommand, startCurationServer } from '../testing/server-process.ts';
import { SAMPLE_SOURCES } from '../testing/temp-database.ts';

const ADMIN = 'admin@example.org';
const PASSWORD = 'une phrase de passe pour la recette';
const BURST = 40;

let directory: string;
let server: RunningServer;

beforeAll(async () => {
  // A database seeded with a few sources, so that the start does not seed the whole corpus.
  directory = mkdtempSync(join(tmpdir(), 'sdc-login-attacks-'));
  const databasePath = join(directory, 'curation.sqlite');
  const db = await openDatabase(databasePath);
  await seedFromCorpus(db, () => SAMPLE_SOURCES);
  await db.destroy();
  server = await startCurationServer({ databasePath, env: { SDC_TRUST_PROXY: '1' } });
  const created = await runUserCommand(databasePath, ['add', ADMIN, '--role', 'admin'], `${PASSWORD}\n`);
  expect(created.code, created.output).toBe(0);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(directory, { recursive: true, force: true });
});

/** The sign-in page's cookie and CSRF token, which every attempt sends back (as a browser would). */
async function signInForm(): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${server.url}/login`);
  const cookie = page.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (csrf === undefined) throw new Error('no CSRF token on /login');
  return { cookie, csrf };
}

async function attempt(form: { cookie: string; csrf: string }, from: string, email: string, password: string): Promise<number> {
  const response = await fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
    body: new URLSearchParams({ _csrf: form.csrf, email, password }),
  });
  await response.body?.cancel();
  return response.status;
}

function countOf(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('sign-in attacks on the running server', { timeout: 60_000 }, () => {
  it(`evaluates at most five passwords of ${BURST} sent at once to one account, and the right one is refused after`, async () => {
    const form = await signInForm();
    const burst = await Promise.all(Array.from({ length: BURST }, (_, index) => attempt(form, '198.51.100.1', ADMIN, `essai numéro ${index}`)));
    expect(countOf(burst)).toEqual({ 401: 5, 429: BURST - 5 });
    expect(await attempt(form, '198.51.100.1', ADMIN, PASSWORD)).toBe(429);
  });

  it('does not lock the account for another address: failures from one address make that address wait, not the account', async () => {
    const form = await signInForm();
    const burst = await Promise.all(Array.from({ length: BURST }, (_, index) => attempt(form, '198.51.100.3', ADMIN, `autre essai ${index}`)));
    expect(countOf(burst)[401] ?? 0).toBeLessThanOrEqual(5);
    expect(await attempt(form, '198.51.100.3', ADMIN, PASSWORD)).toBe(429);
    expect(await attempt(form, '203.0.113.7', ADMIN, PASSWORD)).toBe(303);
  });

  it(`evaluates at most twenty passwords of ${BURST} sent at once from one address to as many accounts`, async () => {
    const form = await signInForm();
    const burst = await Promise.all(Array.from({ length: BURST }, (_, index) => attempt(form, '198.51.100.2', `compte${index}@example.org`, `essai numéro ${index}`)));
    expect(countOf(burst)).toEqual({ 401: 20, 429: BURST - 20 });
  });
});
