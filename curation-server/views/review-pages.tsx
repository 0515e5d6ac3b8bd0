/** @jsxImportSource hono/jsx */
/**
 * The review queue: filters (GET form), each item with its evidence and one-click decisions, and
 * checkboxes for a batch decision, which a confirmation page shows again before it is applied.
 */
import { can } from '../auth/roles.ts';
import { formatCount, formatInstant } from '../i18n/format.ts';
import type { ReviewItem, ReviewPage, ReviewQuery } from '../review/review-queue.ts';
import { CRAWL_OUTCOMES, REPORT_KINDS, REVIEW_DECISIONS, type ReviewDecision, REVIEW_KINDS } from '../review/review-types.ts';
import { CommentField, CsrfField, ErrorSummary, type FieldErrors, Notice, SelectField } from './form-fields.tsx';
import { sourceTarget, StatusBadge } from './source-labels.tsx';
import type { View } from './view.ts';

/** The queue's URL for a query, defaults left out. */
export function reviewHref(query: ReviewQuery, changes: Partial<ReviewQuery> = {}): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  if (merged.state !== 'open') params.set('state', merged.state);
  if (merged.kind !== undefined) params.set('kind', merged.kind);
  if (merged.reason !== undefined) params.set('reason', merged.reason);
  if (merged.batch !== undefined) params.set('batch', merged.batch);
  if (merged.page !== 1) params.set('page', String(merged.page));
  const search = params.toString();
  return search === '' ? '/review' : `/review?${search}`;
}

function FilterForm(props: { view: View; query: ReviewQuery }) {
  const { view, query } = props;
  const { t } = view;
  return (
    <form method="get" action="/review" class="search-form">
      <fieldset>
        <legend>{t.review.filtersLegend}</legend>
        <div class="filters">
          <SelectField view={view} name="state" label={t.review.state} value={query.state} options={(['open', 'decided'] as const).map((state) => ({ value: state, label: t.review.states[state] }))} />
          <SelectField view={view} name="kind" label={t.review.kind} value={query.kind ?? ''} options={[{ value: '', label: t.review.any }, ...REVIEW_KINDS.map((kind) => ({ value: kind, label: t.review.kinds[kind] }))]} />
          <SelectField
            view={view}
            name="reason"
            label={t.review.reason}
            value={query.reason ?? ''}
            options={[{ value: '', label: t.review.any }, ...[...CRAWL_OUTCOMES, ...REPORT_KINDS].map((reason) => ({ value: reason, label: t.review.reasons[reason] }))]}
          />
        </div>
        <div class="form-actions">
          <button type="submit">{t.review.filter}</button>
        </div>
      </fieldset>
    </form>
  );
}

const MAX_DEPTH = 4;
const MAX_ENTRIES = 40;

/**
 * Any recorded evidence, readable: objects as term lists (known terms translated), lists as lists,
 * values as text — all escaped by JSX, however the crawled page wrote its title.
 */
export function EvidenceValue(props: { view: View; value: unknown; depth?: number }) {
  const { view, value } = props;
  const depth = props.depth ?? 0;
  const { t } = view;
  if (value === null || value === undefined) return <span>—</span>;
  if (typeof value !== 'object') return <span class="evidence-value">{String(value)}</span>;
  if (depth >= MAX_DEPTH) return <code>{JSON.stringify(value).slice(0, 200)}</code>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span>—</span>;
    return (
      <ol class="evidence-list">
        {value.slice(0, MAX_ENTRIES).map((entry) => (
          <li>
            <EvidenceValue view={view} value={entry} depth={depth + 1} />
          </li>
        ))}
        {value.length > MAX_ENTRIES && <li>{t.review.more(value.length - MAX_ENTRIES)}</li>}
      </ol>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return (
    <dl class="evidence">
      {entries.slice(0, MAX_ENTRIES).map(([key, entry]) => (
        <>
          <dt>{t.review.evidenceLabels[key] ?? key}</dt>
          <dd>
            <EvidenceValue view={view} value={entry} depth={depth + 1} />
          </dd>
        </>
      ))}
      {entries.length > MAX_ENTRIES && (
        <>
          <dt>…</dt>
          <dd>{t.review.more(entries.length - MAX_ENTRIES)}</dd>
        </>
      )}
    </dl>
  );
}

function DecisionLine(props: { view: View; item: ReviewItem }) {
  const { view, item } = props;
  const { t, lang } = view;
  const decision = item.decision;
  if (decision === null) return null;
  return (
    <p class="review-decision">
      {t.review.decidedBy(t.review.decided[decision.decision], decision.actor, formatInstant(decision.at, lang))}
      {decision.comment !== '' && <span class="comment"> « {decision.comment} »</span>}
      {decision.eventId !== null && item.source !== null && (
        <>
          {' '}
          <a href={`/sources/${item.source.id}`}>{t.review.decisionEvent}</a>
        </>
      )}
      {decision.batch !== null && (
        <>
          {' '}
          <a href={`/review?state=decided&batch=${encodeURIComponent(decision.batch)}`}>{t.review.decisionBatch}</a>
        </>
      )}
    </p>
  );
}

function ReviewItemCard(props: { view: View; item: ReviewItem; canDecide: boolean }) {
  const { view, item, canDecide } = props;
  const { t, lang } = view;
  const headingId = `item-${item.id}`;
  return (
    <li class="review-item">
      <div class="review-item-heading">
        {canDecide && item.available.length > 0 && <input type="checkbox" name="ids" value={String(item.id)} aria-label={t.review.select(item.host)} />}
        <h2 id={headingId}>
          {item.host} <span class={`badge badge-review-${item.kind}`}>{t.review.reasons[item.reason]}</span>
        </h2>
      </div>
      <p class="review-meta">
        {t.review.kinds[item.kind]} — {t.review.openedAt} {formatInstant(item.openedAt, lang)}
        {item.kind === 'crawl' && (
          <>
            {' '}
            — {t.review.seenAt} {formatInstant(item.seenAt, lang)} ({t.review.findings(item.findings)}
            {item.runId !== null && `, ${t.review.run(item.runId)}`})
          </>
        )}
      </p>
      <p>
        {item.source === null ? (
          t.review.noSource
        ) : (
          <>
            {t.review.source} : <a href={`/sources/${item.source.id}`}>{sourceTarget(item.source)}</a> {item.source.name !== '' && `(${item.source.name})`}{' '}
            <StatusBadge t={t} status={item.source.status} />
          </>
        )}
      </p>
      {item.kind === 'report' && (
        <dl class="details">
          <dt>{t.review.report.site}</dt>
          <dd>{item.site}</dd>
          <dt>{t.review.report.message}</dt>
          <dd class="report-message">{item.message === null || item.message === '' ? t.review.report.noMessage : item.message}</dd>
          {item.contact !== null && (
            <>
              <dt>{t.review.report.contact}</dt>
              <dd>{item.contact}</dd>
            </>
          )}
        </dl>
      )}
      {item.kind === 'crawl' && (
        <details open={item.decision === null}>
          <summary>{t.review.evidence}</summary>
          <EvidenceValue view={view} value={item.evidence} />
        </details>
      )}
      {item.suggestion !== null && (
        <div class="review-suggestion">
          <h3>{t.review.suggestion}</h3>
          <EvidenceValue view={view} value={item.suggestion} />
        </div>
      )}
      <DecisionLine view={view} item={item} />
      {canDecide && item.available.length > 0 && (
        <div class="review-actions">
          {item.available.map((decision) => (
            <button type="submit" name="one" value={`${item.id}:${decision}`} class={decision === 'keep' ? 'secondary' : undefined} aria-label={t.review.decisionFor(t.review.decisions[decision], item.host)}>
              {t.review.decisions[decision]}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

function Pages(props: { view: View; query: ReviewQuery; pages: number }) {
  const { view, query, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav aria-label={view.t.review.pagination} class="pagination">
      <ul>
        {query.page > 1 && (
          <li>
            <a href={reviewHref(query, { page: query.page - 1 })} rel="prev">
              {view.t.review.previous}
            </a>
          </li>
        )}
        {query.page < pages && (
          <li>
            <a href={reviewHref(query, { page: query.page + 1 })} rel="next">
              {view.t.review.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function ReviewQueuePage(props: { view: View; query: ReviewQuery; page: ReviewPage; errors: FieldErrors; notice?: string; hasRuns?: boolean }) {
  const { view, query, page } = props;
  const { t, lang, user } = view;
  const canDecide = user !== null && can(user.role, 'edit') && query.state === 'open';
  const pages = Math.max(1, Math.ceil(page.total / query.perPage));
  return (
    <>
      <Notice message={props.notice} />
      <ErrorSummary view={view} errors={props.errors} />
      <p>{t.review.intro}</p>
      {props.hasRuns === true && (
        <p>
          <a href="/crawl-runs">{t.crawlRuns.link}</a>
        </p>
      )}
      <FilterForm view={view} query={query} />
      <p class="result-summary">
        <strong>{t.review.count(formatCount(page.total, lang), query.state === 'open')}</strong>
      </p>
      {page.items.length === 0 ? (
        <p>{t.review.none}</p>
      ) : (
        <form method="post" action="/review/decide" id="review-batch">
          <CsrfField view={view} />
          <input type="hidden" name="return" value={reviewHref(query)} />
          <ul class="review-items">
            {page.items.map((item) => (
              <ReviewItemCard view={view} item={item} canDecide={canDecide} />
            ))}
          </ul>
          {canDecide && (
            <fieldset class="bulk-actions">
              <legend>{t.review.batchLegend}</legend>
              <SelectField
                view={view}
                name="action"
                label={t.review.batchAction}
                value=""
                options={[{ value: '', label: t.review.batchChoose }, ...REVIEW_DECISIONS.map((decision) => ({ value: decision, label: t.review.decisions[decision] }))]}
                errors={props.errors.action}
              />
              <CommentField view={view} id="review-comment" />
              <button type="submit">{t.review.batchSubmit}</button>
            </fieldset>
          )}
        </form>
      )}
      <Pages view={view} query={query} pages={pages} />
    </>
  );
}

/** A batch decision shown again, with what it will touch, before it is applied. */
export function ReviewConfirmPage(props: { view: View; items: ReviewItem[]; decision: ReviewDecision; comment: string; back: string }) {
  const { view, items, decision } = props;
  const { t } = view;
  return (
    <form method="post" action="/review/decide">
      <CsrfField view={view} />
      <input type="hidden" name="return" value={props.back} />
      <input type="hidden" name="action" value={decision} />
      <input type="hidden" name="confirm" value="1" />
      <p>{t.review.confirmIntro(t.review.decisions[decision], items.length)}</p>
      <ul>
        {items.map((item) => (
          <li>
            <input type="hidden" name="ids" value={String(item.id)} />
            {item.host} — {t.review.reasons[item.reason]}
            {item.source !== null && (
              <>
                {' '}
                (<StatusBadge t={t} status={item.source.status} />)
              </>
            )}
          </li>
        ))}
      </ul>
      <CommentField view={view} id="confirm-comment" value={props.comment} />
      <div class="form-actions">
        <button type="submit">{t.review.confirm}</button>
        <a href={props.back}>{t.review.back}</a>
      </div>
    </form>
  );
}
