/**
 * Test data: the one factory of sources for every test and benchmark. `makeSource` builds a source
 * as given (tests of refusals need invalid ones); `makeValidSource` checks and normalizes it as
 * every write path does, and throws on a fixture that would be refused.
 */
import type { Source } from '../source.ts';
import { validateSource } from '../source-validation.ts';

/** An active source for a hostname (a commune's site and its subdomains), with any field overridden. */
export function makeSource(host: string, extra: Partial<Source> = {}): Source {
  return {
    id: `id-${host.replace(/[^a-z0-9-]/g, '-')}`.slice(0, 40),
    host,
    scope: 'subdomains',
    path: '',
    category: 'commune',
    status: 'active',
    name: '',
    code: '',
    provenance: 'test',
    ...extra,
  };
}

/** The same source, as validated and stored by the console, the API and imports. */
export function makeValidSource(host: string, extra: Partial<Source> = {}): Source {
  const checked = validateSource(makeSource(host, extra));
  if (!checked.ok) throw new Error(`invalid test source ${host}: ${checked.issues.map((issue) => issue.code).join(', ')}`);
  return checked.source;
}
