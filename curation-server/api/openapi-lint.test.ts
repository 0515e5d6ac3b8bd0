import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

// Redocly's own command line, as a person or a CI step would run it, on the document the server serves.
const REDOCLY = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

let fixture: ConsoleFixture;
let directory: string;
beforeAll(async () => {
  fixture = await consoleFixture();
  directory = mkdtempSync(join(tmpdir(), 'sdc-openapi-'));
});
afterAll(async () => {
  await fixture.close();
  rmSync(directory, { recursive: true, force: true });
});

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer: string }[];
}

describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const response = await fixture.app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const file = join(directory, 'openapi.json');
    writeFileSync(file, await response.text());
    const run = await promisify(execFile)(process.execPath, [REDOCLY, 'lint', file, '--format=json'], {
      cwd: directory,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: LintProblem[] };
    expect(report.problems.map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('names every operation, the public Atlaas ones without a token', async () => {
    const document = (await (await fixture.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.values(methods).map((operation) => ({ path, ...operation })));
    expect(operations.filter((operation) => operation.operationId === undefined)).toEqual([]);
    const atlaas = operations.filter((operation) => operation.path.startsWith('/atlaas/'));
    expect(atlaas.map((operation) => operation.operationId).sort()).toEqual(['getAtlaasAction', 'getAtlaasActor', 'getAtlaasActorsByHost', 'searchAtlaasActions', 'searchAtlaasActors']);
    expect(atlaas.every((operation) => Array.isArray(operation.security) && operation.security.length === 0)).toBe(true);
  });
});
