/** Test data: a valid active source for a hostname, with any field overridden. */
import type { Source } from '../source.ts';

export function makeSource(host: string, extra: Partial<Source> = {}): Source {
  return {
    id: `id-${host.replace(/[^a-z0-9-]/g, '-')}`,
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
