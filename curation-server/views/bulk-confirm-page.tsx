/** @jsxImportSource hono/jsx */
/** The step between choosing a bulk action and applying it: what will change, Confirmer or Annuler. Nothing is written until confirmed. */
import type { BulkAction } from '../db/schema.ts';
import type { StoredSource } from '../sources/stored-source.ts';
import { displayHost } from './display-host.ts';
import { CommentField, CsrfField } from './form-fields.tsx';
import { StatusBadge, ValidationBadge } from './source-labels.tsx';
import type { View } from './view.ts';

export interface ConfirmedSource {
  source: StoredSource;
  /** Already in the state the action gives: it will stay as it is. */
  unchanged: boolean;
}

export function BulkConfirmPage(props: { view: View; action: BulkAction; sources: ConfirmedSource[]; missing: number; comment: string; back: string }) {
  const { view, action, sources } = props;
  const { t } = view;
  return (
    <form method="post" action="/sources/bulk" class="bulk-confirm">
      <CsrfField view={view} />
      <input type="hidden" name="return" value={props.back} />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="confirm" value="1" />
      <p class="confirm-intro">
        <strong>{t.bulkConfirm.intro[action](sources.length)}</strong>
      </p>
      {props.missing > 0 && <p class="warning">{t.bulkConfirm.missing(props.missing)}</p>}
      {/* A list, not a table: it wraps on a phone instead of scrolling sideways. */}
      <h2 id="bulk-confirm-list">{t.bulkConfirm.listCaption}</h2>
      <ul class="confirm-list" aria-labelledby="bulk-confirm-list">
        {sources.map(({ source, unchanged }) => (
          <li>
            <input type="hidden" name="ids" value={source.id} />
            <strong>
              {displayHost(source.host)}
              {source.path}
            </strong>
            {source.name !== '' && <> — {source.name}</>} <StatusBadge t={t} status={source.status} /> <ValidationBadge t={t} state={source.validation} />
            {unchanged && <span class="scope">{t.bulkConfirm.already}</span>}
          </li>
        ))}
      </ul>
      <p>{t.bulkConfirm.nothingYet}</p>
      <CommentField view={view} id="bulk-comment" value={props.comment} />
      <div class="form-actions">
        <button type="submit">{t.bulkConfirm.confirm}</button>
        <a href={props.back}>{t.bulkConfirm.cancel}</a>
      </div>
    </form>
  );
}
