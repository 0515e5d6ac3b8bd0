/** @jsxImportSource hono/jsx */
/** The publication page (administrators): the version online, the button that publishes, the record of publications. */
import { formatCount, formatInstant } from '../i18n/format.ts';
import { fieldLabel } from '../i18n/messages.ts';
import type { PublicationRecord, PublisherStatus } from '../publishing/list-publisher.ts';
import { hasChanges, LEAVING_REASONS, type PreviewEntry, type PublicationPreview } from '../publishing/publication-preview.ts';
import { displayHost } from './display-host.ts';
import { CommentField, CsrfField, ErrorSummary, type FieldErrors, Notice } from './form-fields.tsx';
import { fieldValue } from './source-labels.tsx';
import type { View } from './view.ts';

export function PublicationsPage(props: {
  view: View;
  status: PublisherStatus;
  history: PublicationRecord[];
  preview: { preview: PublicationPreview; digest: string };
  errors: FieldErrors;
  notice?: string;
}) {
  const { view, status } = props;
  const { t, lang } = view;
  const p = t.publications;
  const canPublish = status.keyIds.length > 0;
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      <p>{p.intro}</p>
      <section aria-labelledby="current-title">
        <h2 id="current-title">{p.current}</h2>
        {status.manifest === null ? (
          <p>{p.none}</p>
        ) : (
          <dl class="details">
            <dt>{p.version}</dt>
            <dd>{status.manifest.version}</dd>
            <dt>{p.sources}</dt>
            <dd>{formatCount(status.manifest.sources, lang)}</dd>
            <dt>{p.created}</dt>
            <dd>
              <time datetime={status.manifest.created}>{formatInstant(status.manifest.created, lang)}</time>
            </dd>
            <dt>{p.expires}</dt>
            <dd>
              <time datetime={status.manifest.expires}>{formatInstant(status.manifest.expires, lang)}</time>
            </dd>
          </dl>
        )}
        <p>{p.channel}</p>
      </section>
      <PreviewSection view={view} preview={props.preview.preview} />
      <section aria-labelledby="publish-title">
        <h2 id="publish-title">{p.publish}</h2>
        {status.keyProblem !== null ? (
          <p class="warning">{p.keyProblem(status.keyProblem)}</p>
        ) : canPublish ? (
          <p>
            {p.keys} : <code>{status.keyIds.join(', ')}</code>
          </p>
        ) : (
          <p class="warning">{p.noKey}</p>
        )}
        {canPublish && (
          <form method="post" action="/admin/publications">
            <CsrfField view={view} />
            <input type="hidden" name="digest" value={props.preview.digest} />
            <p>{t.publicationPreview.nextVersion(Math.max(status.manifest?.version ?? 0, props.history[0]?.version ?? 0) + 1, formatCount(props.preview.preview.sources, lang))}</p>
            <p>{t.publicationPreview.confirm}</p>
            <CommentField view={view} />
            <div class="field field-check">
              <input type="checkbox" id="field-force" name="force" value="true" />
              <label for="field-force">{p.force}</label>
            </div>
            <button type="submit">{p.publish}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{p.history}</h2>
        {props.history.length === 0 ? (
          <p>{p.noHistory}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{p.version}</th>
                <th scope="col">{p.at}</th>
                <th scope="col">{p.by}</th>
                <th scope="col">{p.sources}</th>
                <th scope="col">{p.changes}</th>
              </tr>
            </thead>
            <tbody>
              {props.history.map((record) => (
                <tr>
                  <th scope="row">{record.version}</th>
                  <td>
                    <time datetime={record.at}>{formatInstant(record.at, lang)}</time>
                  </td>
                  <td>{record.actor}</td>
                  <td>{formatCount(record.sources, lang)}</td>
                  <td>
                    <p>
                      {p.counts(record.added, record.changed, record.removed)}
                      {record.forced && <> ({p.forced})</>}
                    </p>
                    {record.comment !== '' && (
                      <p>
                        {p.comment} : {record.comment}
                      </p>
                    )}
                    <HostSample label={p.upserted} hosts={record.upserted} total={record.added + record.changed} view={view} />
                    <HostSample label={p.removedHosts} hosts={record.removedHosts} total={record.removed} view={view} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function HostSample(props: { label: string; hosts: string[]; total: number; view: View }) {
  if (props.hosts.length === 0) return null;
  return (
    <details>
      <summary>
        {props.label} {props.total > props.hosts.length && props.view.t.publications.more(props.hosts.length)}
      </summary>
      <ul class="host-sample">
        {props.hosts.map((host) => (
          <li>
            <code>{host}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What the next version changes, from the diff that builds its delta. */
function PreviewSection(props: { view: View; preview: PublicationPreview }) {
  const { view, preview } = props;
  const { t, lang } = view;
  const pp = t.publicationPreview;
  const { counts } = preview;
  return (
    <section aria-labelledby="preview-title" class="publication-preview">
      <h2 id="preview-title">{pp.title}</h2>
      {preview.base === null ? <p>{pp.firstVersion}</p> : hasChanges(preview) ? <p>{pp.comparedWith(preview.base)}</p> : <p class="notice-text">{pp.nothing(preview.base)}</p>}
      {hasChanges(preview) && (
        <ul class="import-counts" aria-label={pp.countsLabel}>
          <li data-count="added">{pp.counts.added(counts.added)}</li>
          <li data-count="changed">{pp.counts.changed(counts.changed)}</li>
          {LEAVING_REASONS.map((reason) => (
            <li data-count={reason}>{pp.counts[reason](counts.leaving[reason])}</li>
          ))}
        </ul>
      )}
      {preview.added.length > 0 && (
        <section aria-labelledby="preview-added">
          <h3 id="preview-added">{pp.addedTitle}</h3>
          <Shown view={view} shown={preview.added.length} total={counts.added} />
          <ul class="preview-list" data-preview="added">
            {preview.added.map((entry) => (
              <li>
                <EntryLabel view={view} entry={entry} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.changed.length > 0 && (
        <section aria-labelledby="preview-changed">
          <h3 id="preview-changed">{pp.changedTitle}</h3>
          <Shown view={view} shown={preview.changed.length} total={counts.changed} />
          <ul class="preview-list" data-preview="changed">
            {preview.changed.map((change) => (
              <li>
                <EntryLabel view={view} entry={change.entry} />
                <ul class="preview-fields">
                  {change.fields.map((field) => (
                    <li data-field={field}>{pp.change(fieldLabel(lang, field), fieldValue(t, field, change.before[field]), fieldValue(t, field, change.entry[field]))}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.leaving.length > 0 && (
        <section aria-labelledby="preview-leaving">
          <h3 id="preview-leaving">{pp.leavingTitle}</h3>
          <Shown view={view} shown={preview.leaving.length} total={counts.removed} />
          <ul class="preview-list" data-preview="leaving">
            {preview.leaving.map((leaving) => (
              <li data-reason={leaving.reason}>
                <EntryLabel view={view} entry={leaving.entry} />{' '}
                <span class={leaving.reason === 'moved' ? 'leaving-moved' : `badge badge-${leaving.reason}`}>{pp.leavingReasons[leaving.reason]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function Shown(props: { view: View; shown: number; total: number }) {
  if (props.total <= props.shown) return null;
  return <p class="hint">{props.view.t.publicationPreview.shown(props.shown, formatCount(props.total, props.view.lang))}</p>;
}

/** A source of the preview: its address as people read it, its organisation and category. */
function EntryLabel(props: { view: View; entry: PreviewEntry }) {
  const { view, entry } = props;
  const { t } = view;
  return (
    <>
      <code class="preview-host">{`${displayHost(entry.host)}${entry.path}`}</code> — {entry.name === '' ? t.publicationPreview.noName : entry.name} ({t.categories[entry.category]})
    </>
  );
}
