/** A source's provenance tokens as sentences of the catalogue, in the order the source carries them. */
import type { Messages } from '../i18n/messages.ts';
import { ETALAB_LISTS, type EtalabList, PROVENANCE_TOKENS, type ProvenanceToken } from '../sources/provenance-tokens.ts';
import { displayHost } from './display-host.ts';

export interface ProvenanceSentence {
  token: string;
  /** Null for a token the catalogue does not describe (an imported file may carry anything). */
  sentence: string | null;
}

const isToken = (token: string): token is ProvenanceToken => (PROVENANCE_TOKENS as readonly string[]).includes(token);
const isEtalabList = (list: string): list is EtalabList => (ETALAB_LISTS as readonly string[]).includes(list);

export function provenanceSentence(token: string, t: Messages): string | null {
  const p = t.provenance;
  if (isToken(token)) return p.tokens[token];
  if (token.startsWith('etalab/')) {
    const list = token.slice('etalab/'.length);
    return isEtalabList(list) ? p.etalabFile(p.etalabLists[list]) : null;
  }
  if (token.startsWith('redirect-from:') && token.length > 'redirect-from:'.length) return p.redirectFrom(displayHost(token.slice('redirect-from:'.length)));
  return null;
}

export function provenanceSentences(provenance: string, t: Messages): ProvenanceSentence[] {
  return provenance
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '')
    .map((token) => ({ token, sentence: provenanceSentence(token, t) }));
}
