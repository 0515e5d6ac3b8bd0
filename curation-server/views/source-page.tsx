/** @jsxImportSource hono/jsx */
/** A source: the form to add or edit it, its details, status and review actions, and its history. */
import { CATEGORY_IDS } from '../../corpus/categories.ts';
import { SCOPES, type Source, STATUSES } from '../../corpus/source.ts';
import { can } from '../auth/roles.ts';
import type { HistoryEvent } from '../history/event-log.ts';
import { fieldLabel } from '../i18n/messages.ts';
import { formatInstant } from '../i18n/format.ts';
import type { EditableFields } from '../sources/source-commands.ts';
import type { StoredSource } from '../sources/stored-source.ts';
import { displayHost } from './display-host.ts';
import { CommentField, CsrfField, ErrorSummary, type FieldErrors, Notice, SelectField, TextField } from './form-fields.tsx';
import { BadgePreview } from './badge-preview.tsx';
import { EventList } from './history.tsx';
import { provenanceSentences } from './provenance-text.ts';
import { StatusBadge, ValidationBadge } from './source-labels.tsx';
import type { View } from './view.ts';

/** What the server understood of some fields (a pasted address), by field name. */
export type FieldNotes = Partial<Record<keyof EditableFields, string>>;

export function SourceForm(props: { view: View; action: string; values: EditableFields; errors: FieldErrors; notes?: FieldNotes; revision?: number; comment?: string; submit: string }) {
  const { view, values, errors } = props;
  const { t, lang } = view;
  const notes = props.notes ?? {};
  const label = (field: keyof Source) => fieldLabel(lang, field);
  // No preset choice: one slip must not put a wrong category or an active source live.
  const choose = { value: '', label: t.source.choose };
  return (
    <form method="post" action={props.action} class="source-form">
      <CsrfField view={view} />
      {props.revision !== undefined && <input type="hidden" name="revision" value={String(props.revision)} />}
      <TextField view={view} name="host" label={label('host')} hint={t.source.hostHint} note={notes.host} value={displayHost(values.host)} errors={errors.host} required spellcheck={false} maxlength={300} />
      <SelectField
        view={view}
        name="scope"
        label={label('scope')}
        hint={t.source.scopeHint}
        value={values.scope}
        errors={errors.scope}
        required
        options={SCOPES.map((scope) => ({ value: scope, label: t.scopes[scope] }))}
      />
      <TextField view={view} name="path" label={label('path')} hint={t.source.pathHint} note={notes.path} value={values.path} errors={errors.path} spellcheck={false} maxlength={2000} />
      <SelectField
        view={view}
        name="category"
        label={label('category')}
        value={values.category}
        errors={errors.category}
        required
        options={[choose, ...CATEGORY_IDS.map((category) => ({ value: category, label: t.categories[category] }))]}
      />
      <SelectField
        view={view}
        name="status"
        label={label('status')}
        value={values.status}
        errors={errors.status}
        required
        options={[choose, ...STATUSES.map((status) => ({ value: status, label: t.statuses[status] }))]}
      />
      <TextField view={view} name="name" label={label('name')} hint={t.source.nameHint} value={values.name} errors={errors.name} maxlength={300} />
      <TextField view={view} name="code" label={label('code')} hint={t.source.codeHint} value={values.code} errors={errors.code} spellcheck={false} maxlength={20} />
      <CommentField view={view} value={props.comment} errors={errors.comment} />
      <button type="submit">{props.submit}</button>
    </form>
  );
}

export function NewSourcePage(props: { view: View; values: EditableFields; errors: FieldErrors; notes?: FieldNotes; comment?: string }) {
  return (
    <>
      <ErrorSummary view={props.view} errors={props.errors} />
      <SourceForm view={props.view} action="/sources" values={props.values} errors={props.errors} notes={props.notes} comment={props.comment} submit={props.view.t.actions.save} />
    </>
  );
}

function SourceDetails(props: { view: View; source: StoredSource }) {
  const { view, source } = props;
  const { t, lang } = view;
  const label = (field: keyof Source) => fieldLabel(lang, field);
  return (
    <dl class="details">
      <dt>{t.source.id}</dt>
      <dd>
        <code>{source.id}</code>
      </dd>
      {displayHost(source.host) !== source.host && (
        <>
          <dt>{t.source.storedHost}</dt>
          <dd>
            <code>{source.host}</code>
          </dd>
        </>
      )}
      <dt>{label('scope')}</dt>
      <dd>{t.scopes[source.scope]}</dd>
      <dt>{label('category')}</dt>
      <dd>{t.categories[source.category]}</dd>
      <dt>{label('status')}</dt>
      <dd>
        <StatusBadge t={t} status={source.status} />
      </dd>
      <dt>{t.list.columns.validation}</dt>
      <dd>
        <ValidationBadge t={t} state={source.validation} />
      </dd>
      <dt>{label('name')}</dt>
      <dd>{source.name}</dd>
      <dt>{label('code')}</dt>
      <dd>{source.code}</dd>
      <dt>{t.source.provenance}</dt>
      <dd>
        <ProvenanceText view={view} provenance={source.provenance} />
      </dd>
      <dt>{t.source.updated}</dt>
      <dd>
        <time datetime={source.updatedAt}>{formatInstant(source.updatedAt, lang)}</time> ({t.source.revision} {source.revision})
      </dd>
    </dl>
  );
}

/** The provenance codes as sentences; the codes themselves stay one click away. */
function ProvenanceText(props: { view: View; provenance: string }) {
  const { t } = props.view;
  const sentences = provenanceSentences(props.provenance, t);
  if (sentences.length === 0) return <>{t.provenance.none}</>;
  return (
    <>
      <ul class="provenance">
        {sentences.map((item) => (
          <li data-token={item.token}>{item.sentence ?? t.provenance.unknown(item.token)}</li>
        ))}
      </ul>
      <details class="provenance-codes">
        <summary>{t.provenance.raw}</summary>
        <code>{props.provenance}</code>
      </details>
    </>
  );
}

/** The address of the site a source claims, to open and check it (in a new tab, said so). */
export function siteAddress(source: Pick<Source, 'host' | 'path'>): string {
  return `https://${source.host}${source.path === '' ? '/' : source.path}`;
}

function SiteLink(props: { view: View; source: StoredSource }) {
  const { t } = props.view;
  const shown = `https://${displayHost(props.source.host)}${props.source.path === '' ? '/' : props.source.path}`;
  return (
    <section aria-labelledby="site-title">
      <h2 id="site-title">{t.sourceSite.title}</h2>
      <p>
        <a href={siteAddress(props.source)} target="_blank" rel="noopener noreferrer" class="site-link">
          {t.sourceSite.open(shown)} <span class="new-tab">{t.sourceSite.newTab}</span>
        </a>
      </p>
      <p class="hint">{t.sourceSite.hint}</p>
    </section>
  );
}

function StatusForm(props: { view: View; source: StoredSource }) {
  const { view, source } = props;
  const { t } = view;
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">{t.source.statusTitle}</h2>
      <form method="post" action={`/sources/${source.id}/status`} class="inline-form">
        <CsrfField view={view} />
        <SelectField
          view={view}
          name="status"
          id="status-new"
          label={t.list.columns.status}
          value={source.status}
          options={STATUSES.map((status) => ({ value: status, label: t.statuses[status] }))}
        />
        <CommentField view={view} id="status-comment" />
        <button type="submit">{t.source.statusSubmit}</button>
      </form>
    </section>
  );
}

function ReviewForm(props: { view: View; source: StoredSource }) {
  const { view, source } = props;
  const { t } = view;
  if (source.validation === 'reviewed') return null;
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{t.source.reviewTitle}</h2>
      <form method="post" action={`/sources/${source.id}/review`} class="inline-form">
        <CsrfField view={view} />
        <p>{t.source.reviewText}</p>
        <CommentField view={view} id="review-comment" />
        <button type="submit">{t.source.reviewSubmit}</button>
      </form>
    </section>
  );
}

export function SourcePage(props: {
  view: View;
  source: StoredSource;
  history: HistoryEvent[];
  /** The edit form's values, when they are not the source's own (a refused edit). */
  values?: EditableFields;
  errors: FieldErrors;
  notes?: FieldNotes;
  comment?: string;
  notice?: string;
}) {
  const { view, source } = props;
  const { t, user } = view;
  const canEdit = user !== null && can(user.role, 'edit');
  const values: EditableFields = props.values ?? editableFields(source);
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      <p>
        <a href="/sources">{t.source.backToList}</a>
      </p>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t.source.details}</h2>
        <SourceDetails view={view} source={source} />
      </section>
      <SiteLink view={view} source={source} />
      <BadgePreview view={view} source={source} />
      {canEdit && (
        <>
          <section aria-labelledby="edit-title">
            <h2 id="edit-title">{t.source.editTitle}</h2>
            <SourceForm view={view} action={`/sources/${source.id}`} values={values} errors={props.errors} notes={props.notes} revision={source.revision} comment={props.comment} submit={t.actions.save} />
          </section>
          <StatusForm view={view} source={source} />
          <ReviewForm view={view} source={source} />
        </>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t.source.historyTitle}</h2>
        {props.history.length === 0 ? <p>{t.source.historyEmpty}</p> : <EventList view={view} events={props.history} withSource={false} returnTo={`/sources/${source.id}`} />}
      </section>
    </>
  );
}

export function editableFields(source: Source): EditableFields {
  const { host, scope, path, category, status, name, code } = source;
  return { host, scope, path, category, status, name, code };
}
