/**
 * What a curator pasted in the hostname field of a form: often a whole address copied from the
 * browser (`https://www.Mairie-X.fr/accueil`). Pure: it reads the hostname out of it, and the path
 * when the scope asks for one; the form then shows what was understood before anything is saved.
 */
import { canonicalSourceHost, normalizePathPrefix } from '../../corpus/source-validation.ts';

export interface LocationFields {
  host: string;
  scope: string;
  path: string;
}

export type PastedAddress =
  | { kind: 'hostname' }
  | {
      kind: 'address';
      /** What was pasted, trimmed. */
      pasted: string;
      /** The hostname as it will be stored (punycode, without `www.`). */
      host: string;
      /** The path taken for the `path` scope, '' otherwise. */
      path: string;
      /** The path of the address, left out because the scope is not `path` ('' when there was none). */
      droppedPath: string;
    };

// What makes the field more than a hostname: a scheme, or a path, query or fragment after it.
const ADDRESS_SHAPE = /^(?:https?:\/\/)?[^\s/?#\\]+[/?#]|^https?:\/\//i;

/**
 * Reads an address pasted for a hostname. A plain hostname (however written) is left to the
 * validation; an address that is not `http(s)` or holds a port or credentials is too, so that it
 * is refused with the usual message rather than guessed at.
 */
export function readPastedAddress(fields: LocationFields): PastedAddress {
  const pasted = fields.host.trim();
  if (!ADDRESS_SHAPE.test(pasted)) return { kind: 'hostname' };
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(pasted) ? pasted : `http://${pasted}`);
  } catch {
    return { kind: 'hostname' };
  }
  if (url.port !== '' || url.username !== '' || url.password !== '') return { kind: 'hostname' };
  const host = canonicalSourceHost(url.hostname);
  if (host === null) return { kind: 'hostname' };
  const addressPath = normalizePathPrefix(url.pathname) ?? '';
  const keepsPath = fields.scope === 'path';
  // A path typed in its own field wins over the pasted one.
  const path = keepsPath ? (fields.path.trim() === '' ? addressPath : fields.path.trim()) : fields.path;
  return { kind: 'address', pasted, host, path, droppedPath: keepsPath ? '' : addressPath };
}

/** The form's fields with the pasted address replaced by what was understood. */
export function withUnderstoodAddress<T extends LocationFields>(fields: T, address: PastedAddress): T {
  return address.kind === 'hostname' ? fields : { ...fields, host: address.host, path: address.path };
}
