/**
 * Why a write to the list was refused, as values with a code (and the field concerned, so that
 * forms can tie the message to it): the corpus's own validation issues, plus what only the store
 * can tell — duplicates, a stale edit, a revert that would overwrite a later change.
 */
import { issueMessage, type Lang, type SourceIssue } from '../../corpus/source-validation.ts';
import type { Source } from '../../corpus/source.ts';
import { MESSAGES } from '../i18n/messages.ts';

export type StoreIssue =
  | { field: 'host' | 'path'; code: 'duplicate-key'; holderId: string; holderKey: string }
  | { field: 'id'; code: 'duplicate-id' }
  | { field?: undefined; code: 'not-found' | 'stale-revision' | 'nothing-to-revert' | 'not-revertible' }
  | { field?: undefined; code: 'revert-conflict'; fields: (keyof Source)[] };

export type WriteIssue = SourceIssue | StoreIssue;

export type WriteResult<T> = { ok: true; value: T } | { ok: false; issues: WriteIssue[] };

export function refused<T>(...issues: WriteIssue[]): WriteResult<T> {
  return { ok: false, issues };
}

function fieldList(fields: readonly (keyof Source)[], lang: Lang): string {
  return fields.map((field) => MESSAGES[lang].fields[field]).join(', ');
}

export function writeIssueMessage(issue: WriteIssue, lang: Lang = 'fr'): string {
  const t = MESSAGES[lang].writeIssues;
  switch (issue.code) {
    case 'duplicate-key':
      return t.duplicateKey(issue.holderKey, issue.holderId);
    case 'duplicate-id':
      return t.duplicateId;
    case 'not-found':
      return t.notFound;
    case 'stale-revision':
      return t.staleRevision;
    case 'nothing-to-revert':
      return t.nothingToRevert;
    case 'not-revertible':
      return t.notRevertible;
    case 'revert-conflict':
      return t.revertConflict(fieldList(issue.fields, lang));
    default:
      return issueMessage(issue, lang);
  }
}
