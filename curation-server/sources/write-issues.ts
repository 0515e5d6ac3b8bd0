/**
 * Why a write to the list was refused, as values with a code (and the field concerned, so that
 * forms can tie the message to it): the corpus's own validation issues, plus what only the store
 * can tell — duplicates, a stale edit, a revert that would overwrite a later change.
 */
import { issueMessage, type Lang, type SourceIssue } from '../../corpus/source-validation.ts';
import type { Source } from '../../corpus/source.ts';
import { FIELD_LABELS } from '../i18n/field-labels.ts';

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
  return fields.map((field) => FIELD_LABELS[lang][field]).join(', ');
}

export function writeIssueMessage(issue: WriteIssue, lang: Lang = 'fr'): string {
  const fr = lang === 'fr';
  switch (issue.code) {
    case 'duplicate-key':
      return fr
        ? `Doublon : « ${issue.holderKey} » est déjà dans la liste (source ${issue.holderId}).`
        : `Duplicate: "${issue.holderKey}" is already in the list (source ${issue.holderId}).`;
    case 'duplicate-id':
      return fr ? 'Cet identifiant est déjà celui d’une autre source.' : 'This identifier already belongs to another source.';
    case 'not-found':
      return fr ? 'Source introuvable.' : 'Source not found.';
    case 'stale-revision':
      return fr
        ? 'Cette source a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte : voici ses valeurs actuelles, vérifiez-les puis recommencez.'
        : 'Someone else changed this source since you opened it: here are its current values; check them, then try again.';
    case 'nothing-to-revert':
      return fr ? 'Rien à défaire : la source a déjà les valeurs d’avant cette modification.' : 'Nothing to undo: the source already has its values from before this change.';
    case 'not-revertible':
      return fr ? 'Cette opération ne peut pas être défaite.' : 'This operation cannot be undone.';
    case 'revert-conflict':
      return fr
        ? `Impossible de défaire : ${fieldList(issue.fields, lang)} ont changé depuis. Défaites d’abord les modifications plus récentes.`
        : `Cannot undo: ${fieldList(issue.fields, lang)} changed since. Undo the more recent changes first.`;
    default:
      return issueMessage(issue, lang);
  }
}
