/** @jsxImportSource hono/jsx */
/** The publication page (administrators): the version online, the button that publishes, the record of publications. */
import { formatCount, formatInstant } from '../i18n/format.ts';
import type { PublicationRecord, PublisherStatus } from '../publishing/list-publisher.ts';
import { CommentField, CsrfField, ErrorSummary, type FieldErrors, Notice } from './form-fields.tsx';
import type { View } from './view.ts';

export function PublicationsPage(props: { view: View; status: PublisherStatus; history: PublicationRecord[]; errors: FieldErrors; notice?: string }) {
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
