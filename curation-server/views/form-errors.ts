/** Refusals (zod shape errors, write issues) as messages under the form fields they concern. */
import type { ZodError } from 'zod';
import type { Lang, Messages } from '../i18n/messages.ts';
import { type WriteIssue, writeIssueMessage } from '../sources/write-issues.ts';
import type { FieldErrors } from './form-fields.tsx';

function add(errors: FieldErrors, field: string, message: string): void {
  errors[field] = [...(errors[field] ?? []), message];
}

/** Shape errors from zod: each under its field, in plain words. */
export function shapeErrors(error: ZodError, t: Messages): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    add(errors, field, field === 'comment' ? t.comment.tooLong : t.invalidValue);
  }
  return errors;
}

/** Write issues under the fields the form shows; the others (id, provenance, stale edits…) at the top. */
export function issueErrors(issues: readonly WriteIssue[], lang: Lang, formFields: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.field !== undefined && formFields.includes(issue.field) ? issue.field : '';
    add(errors, field, writeIssueMessage(issue, lang));
  }
  return errors;
}
