/** @jsxImportSource hono/jsx */
/** CSV import: the upload form, and the preview of exactly what the file would change. */
import type { Source } from '../../corpus/source.ts';
import { fieldLabel } from '../i18n/messages.ts';
import { formatCount, formatInstant } from '../i18n/format.ts';
import { type ImportPlan, importIssueMessage, type PlannedLine } from '../sources/import-plan.ts';
import type { ImportRecord } from '../sources/source-imports.ts';
import { CommentField, CsrfField, ErrorSummary, type FieldErrors, fieldId, Notice } from './form-fields.tsx';
import { displayHost } from './display-host.ts';
import { fieldValue, sourceTarget } from './source-labels.tsx';
import type { View } from './view.ts';

export function ImportFormPage(props: { view: View; errors: FieldErrors; text?: string }) {
  const { view } = props;
  const { t } = view;
  const fileError = props.errors.file;
  return (
    <>
      <ErrorSummary view={view} errors={props.errors} />
      <p>{t.import.intro}</p>
      <p>{t.import.columns}</p>
      <p>{t.import.valuesRule}</p>
      <p>{t.import.defaultsRule}</p>
      <p>{t.import.idRule}</p>
      <form method="post" action="/import" enctype="multipart/form-data" class="import-form">
        <CsrfField view={view} />
        <div class={fileError === undefined ? 'field' : 'field field-invalid'}>
          <label for={fieldId('file')}>{t.import.file}</label>
          <p class="hint" id={`${fieldId('file')}-hint`}>
            {t.import.fileHint}
          </p>
          {fileError !== undefined && (
            <p class="error-message" id={`${fieldId('file')}-error`}>
              {fileError.join(' ')}
            </p>
          )}
          <input
            type="file"
            id={fieldId('file')}
            name="file"
            accept=".csv,text/csv"
            aria-describedby={fileError === undefined ? `${fieldId('file')}-hint` : `${fieldId('file')}-hint ${fieldId('file')}-error`}
            aria-invalid={fileError === undefined ? undefined : 'true'}
          />
        </div>
        <div class="field">
          <label for={fieldId('text')}>{t.import.text}</label>
          <textarea id={fieldId('text')} name="text" rows={8} spellcheck={false}>
            {props.text ?? ''}
          </textarea>
        </div>
        <button type="submit">{t.import.submit}</button>
      </form>
    </>
  );
}

/** How many lines of each kind a preview lists; the counts above always cover the whole file. */
const SHOWN_LINES = 2000;

function NotShown(props: { view: View; total: number }) {
  if (props.total <= SHOWN_LINES) return null;
  return <p>{props.view.t.import.notShown(formatCount(props.total - SHOWN_LINES, props.view.lang))}</p>;
}

function Summary(props: { view: View; plan: ImportPlan }) {
  const { t, lang } = props.view;
  const { counts } = props.plan;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t.import.summary}</h2>
      <ul class="import-counts">
        <li>
          <strong>{formatCount(counts.added, lang)}</strong> {t.import.added(counts.added)}
        </li>
        <li>
          <strong>{formatCount(counts.changed, lang)}</strong> {t.import.changed(counts.changed)}
        </li>
        <li>
          <strong>{formatCount(counts.unchanged, lang)}</strong> {t.import.unchanged(counts.unchanged)}
        </li>
        <li class={counts.error > 0 ? 'has-errors' : undefined}>
          <strong>{formatCount(counts.error, lang)}</strong> {t.import.errors(counts.error)}
        </li>
      </ul>
    </section>
  );
}

type LineOf<K extends PlannedLine['kind']> = Extract<PlannedLine, { kind: K }>;

function ErrorLines(props: { view: View; lines: LineOf<'error'>[] }) {
  const { t, lang } = props.view;
  if (props.lines.length === 0) return null;
  return (
    <section aria-labelledby="errors-title">
      <h2 id="errors-title">{t.import.errorsTitle}</h2>
      <p>{t.import.errorsBlock}</p>
      <table class="import-lines">
        <thead>
          <tr>
            <th scope="col">{t.import.line}</th>
            <th scope="col">{t.import.site}</th>
            <th scope="col">{t.import.problems}</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.slice(0, SHOWN_LINES).map((line) => (
            <tr>
              <th scope="row">{line.line}</th>
              <td>{line.host === '' ? <span class="empty">{t.import.noHost}</span> : line.host}</td>
              <td>
                <ul>
                  {line.issues.map((issue) => (
                    <li>
                      {issue.field !== undefined && <strong>{fieldLabel(lang, issue.field)}</strong>}
                      {issue.field !== undefined && ' — '}
                      {importIssueMessage(issue, lang)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NotShown view={props.view} total={props.lines.length} />
    </section>
  );
}

/** Says that a value is the import's default, not what the file wrote. */
function ByDefault(props: { view: View; shown: boolean }) {
  return props.shown ? <span class="by-default"> ({props.view.t.import.byDefault})</span> : null;
}

function AddedLines(props: { view: View; lines: LineOf<'added'>[] }) {
  const { t } = props.view;
  if (props.lines.length === 0) return null;
  return (
    <section aria-labelledby="added-title">
      <h2 id="added-title">{t.import.addedTitle}</h2>
      <table class="import-lines">
        <thead>
          <tr>
            <th scope="col">{t.import.line}</th>
            <th scope="col">{t.list.columns.host}</th>
            <th scope="col">{t.source.id}</th>
            <th scope="col">{t.list.columns.name}</th>
            <th scope="col">{t.list.columns.category}</th>
            <th scope="col">{t.list.columns.status}</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.slice(0, SHOWN_LINES).map((line) => (
            <tr>
              <th scope="row">{line.line}</th>
              <td>
                {displayHost(line.source.host)}
                {line.source.path} <span class="scope">{t.scopes[line.source.scope]}</span>
                <ByDefault view={props.view} shown={line.defaulted.includes('scope')} />
              </td>
              <td>{line.generatedId ? <em>{t.import.newId}</em> : <code>{line.source.id}</code>}</td>
              <td>{line.source.name}</td>
              <td>
                {t.categories[line.source.category]}
                <ByDefault view={props.view} shown={line.defaulted.includes('category')} />
              </td>
              <td>
                {t.statuses[line.source.status]}
                <ByDefault view={props.view} shown={line.defaulted.includes('status')} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NotShown view={props.view} total={props.lines.length} />
    </section>
  );
}

function ChangedLines(props: { view: View; lines: LineOf<'changed'>[] }) {
  const { t, lang } = props.view;
  if (props.lines.length === 0) return null;
  const value = (source: Source, field: keyof Source) => (source[field] === '' ? <span class="empty">{t.history.empty}</span> : fieldValue(t, field, source[field]));
  return (
    <section aria-labelledby="changed-title">
      <h2 id="changed-title">{t.import.changedTitle}</h2>
      <table class="import-lines">
        <thead>
          <tr>
            <th scope="col">{t.import.line}</th>
            <th scope="col">{t.activity.source}</th>
            <th scope="col">{t.history.field}</th>
            <th scope="col">{t.history.before}</th>
            <th scope="col">{t.history.after}</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.slice(0, SHOWN_LINES).flatMap((line) =>
            line.fields.map((field, index) => (
              <tr>
                {index === 0 && (
                  <>
                    <th scope="row" rowspan={line.fields.length}>
                      {line.line}
                    </th>
                    <td rowspan={line.fields.length}>
                      <a href={`/sources/${line.before.id}`}>{sourceTarget(line.before)}</a>
                    </td>
                  </>
                )}
                <td>{fieldLabel(lang, field)}</td>
                <td>{value(line.before, field)}</td>
                <td>{value(line.after, field)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <NotShown view={props.view} total={props.lines.length} />
    </section>
  );
}

export function ImportPreviewPage(props: { view: View; record: ImportRecord; plan: ImportPlan; digest: string; errors: FieldErrors; notice?: string }) {
  const { view, record, plan } = props;
  const { t, lang } = view;
  const linesOf = <K extends PlannedLine['kind']>(kind: K) => plan.lines.filter((line): line is LineOf<K> => line.kind === kind);
  const { counts } = plan;
  const canApply = record.appliedAt === null && counts.error === 0 && counts.added + counts.changed > 0;
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      <p>
        {t.import.fileName} <strong>{record.fileName}</strong> — {t.import.by} {record.createdBy},{' '}
        <time datetime={record.createdAt}>{formatInstant(record.createdAt, lang)}</time>
      </p>
      <Summary view={view} plan={plan} />
      {record.appliedAt !== null && <p class="notice">{t.import.applied}</p>}
      {counts.added + counts.changed === 0 && counts.error === 0 && <p>{t.import.nothing}</p>}
      <ErrorLines view={view} lines={linesOf('error')} />
      <AddedLines view={view} lines={linesOf('added')} />
      <ChangedLines view={view} lines={linesOf('changed')} />
      {canApply && (
        <section aria-labelledby="apply-title">
          <h2 id="apply-title">{t.import.applyTitle}</h2>
          <form method="post" action={`/import/${record.id}/apply`}>
            <CsrfField view={view} />
            <input type="hidden" name="digest" value={props.digest} />
            <CommentField view={view} />
            <button type="submit">{t.import.applySubmit(counts.added, counts.changed)}</button>
          </form>
        </section>
      )}
      <p>
        <a href="/import">{t.import.another}</a>
      </p>
    </>
  );
}
