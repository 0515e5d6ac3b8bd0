/** @jsxImportSource hono/jsx */
/** The sources list: search and filters (GET form), the table with sort links, bulk actions, pages. */
import { CATEGORY_IDS } from '../../corpus/categories.ts';
import { STATUSES } from '../../corpus/source.ts';
import { can } from '../auth/roles.ts';
import { formatCount, formatInstant } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';
import { BULK_ACTIONS } from '../db/schema.ts';
import { PAGE_SIZES, type SourceListQuery, type SourcePage, type SourceSort } from '../sources/source-list.ts';
import { VALIDATION_STATES } from '../sources/validation-state.ts';
import { CommentField, CsrfField, ErrorSummary, type FieldErrors, Notice, SelectField, TextField } from './form-fields.tsx';
import { displayHost } from './display-host.ts';
import { sourceTarget, StatusBadge, ValidationBadge } from './source-labels.tsx';
import type { View } from './view.ts';

const DEFAULTS: SourceListQuery = { q: '', sort: 'host', order: 'asc', page: 1, perPage: 50 };

/** The list's URL for a query, without the parameters that have their default value. */
export function listHref(query: SourceListQuery, changes: Partial<SourceListQuery> = {}, path = '/sources'): string {
  const merged: SourceListQuery = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of ['q', 'category', 'status', 'validation', 'sort', 'order', 'page', 'perPage'] as const) {
    const value = merged[key];
    if (value !== undefined && value !== DEFAULTS[key]) params.set(key, String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

function SearchForm(props: { view: View; query: SourceListQuery; errors: FieldErrors }) {
  const { view, query } = props;
  const { t } = view;
  const choice = (any: string, values: readonly string[], label: (value: string) => string) => [
    { value: '', label: any },
    ...values.map((value) => ({ value, label: label(value) })),
  ];
  return (
    <form method="get" action="/sources" role="search" class="search-form">
      <fieldset>
        <legend>{t.list.searchLegend}</legend>
        <TextField view={view} name="q" type="search" label={t.list.q} hint={t.list.qHint} value={query.q} maxlength={200} spellcheck={false} errors={props.errors.q} />
        <div class="filters">
          <SelectField view={view} name="category" label={t.list.category} value={query.category ?? ''} options={choice(t.list.any, CATEGORY_IDS, (id) => t.categories[id as keyof Messages['categories']])} />
          <SelectField view={view} name="status" label={t.list.status} value={query.status ?? ''} options={choice(t.list.anyStatus, STATUSES, (id) => t.statuses[id as keyof Messages['statuses']])} />
          <SelectField
            view={view}
            name="validation"
            label={t.list.validation}
            value={query.validation ?? ''}
            options={choice(t.list.anyStatus, VALIDATION_STATES, (id) => t.validation[id as keyof Messages['validation']])}
          />
          <SelectField view={view} name="perPage" label={t.list.perPage} value={String(query.perPage)} options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))} />
        </div>
        {query.sort !== 'host' && <input type="hidden" name="sort" value={query.sort} />}
        {query.order !== 'asc' && <input type="hidden" name="order" value={query.order} />}
        <div class="form-actions">
          <button type="submit">{t.actions.search}</button>
          <a href="/sources">{t.actions.reset}</a>
        </div>
      </fieldset>
    </form>
  );
}

function SortHeader(props: { view: View; query: SourceListQuery; sort: SourceSort; label: string }) {
  const { query, sort, label, view } = props;
  const active = query.sort === sort;
  const order = active && query.order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (query.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={listHref(query, { sort, order, page: 1 })} aria-label={view.t.list.sortBy(label)}>
        {label}
        {active && <span aria-hidden="true">{query.order === 'asc' ? ' ▲' : ' ▼'}</span>}
      </a>
    </th>
  );
}

function Pagination(props: { view: View; query: SourceListQuery; pages: number }) {
  const { view, query, pages } = props;
  const { t } = view;
  if (pages <= 1) return null;
  const current = query.page;
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])].filter((page) => page >= 1 && page <= pages).sort((a, b) => a - b);
  return (
    <nav aria-label={t.list.pagination} class="pagination">
      <ul>
        {current > 1 && (
          <li>
            <a href={listHref(query, { page: current - 1 })} rel="prev">
              {t.list.previous}
            </a>
          </li>
        )}
        {shown.map((page, index) => (
          <>
            {index > 0 && page - shown[index - 1] > 1 && (
              <li aria-hidden="true" class="ellipsis">
                …
              </li>
            )}
            <li>
              <a href={listHref(query, { page })} aria-label={t.list.page(page)} aria-current={page === current ? 'page' : undefined}>
                {page}
              </a>
            </li>
          </>
        ))}
        {current < pages && (
          <li>
            <a href={listHref(query, { page: current + 1 })} rel="next">
              {t.list.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** After a bulk action: where its batch is, to check or undo it. */
function BatchLink(props: { view: View }) {
  const { url, t } = props.view;
  const batch = url.searchParams.get('batch');
  if (url.searchParams.get('done') !== 'bulk' || batch === null || !/^[\w-]{1,64}$/.test(batch)) return null;
  return (
    <p class="batch-link">
      <a href={`/activity?batch=${encodeURIComponent(batch)}`}>{t.batches.seeBulk}</a>
    </p>
  );
}

export function SourcesPage(props: { view: View; query: SourceListQuery; page: SourcePage; errors: FieldErrors; notice?: string }) {
  const { view, query, page } = props;
  const { t, lang, user } = view;
  const canEdit = user !== null && can(user.role, 'edit');
  const pages = Math.max(1, Math.ceil(page.total / query.perPage));
  const sortLabels: Record<SourceSort, string> = { host: t.list.columns.host, name: t.list.columns.name, category: t.list.columns.category, status: t.list.columns.status, updated: t.list.columns.updated };
  const exportQuery = { ...query, page: 1, perPage: 50 } as SourceListQuery;
  return (
    <>
      <Notice message={props.notice} />
      <BatchLink view={view} />
      <ErrorSummary view={view} errors={props.errors} />
      {canEdit && (
        <p>
          <a href="/sources/new" class="button">
            {t.list.add}
          </a>
        </p>
      )}
      <SearchForm view={view} query={query} errors={props.errors} />
      <p class="result-summary">
        <strong>{t.list.count(formatCount(page.total, lang))}</strong> — {t.list.pageOf(query.page, pages)}. {t.list.export}{' '}
        <a href={listHref(exportQuery, {}, '/sources/export.csv')}>{t.export.csv}</a>, <a href={listHref(exportQuery, {}, '/sources/export.json')}>{t.export.json}</a>,{' '}
        <a href={listHref(exportQuery, {}, '/sources/export-tableur.csv')}>{t.export.spreadsheet}</a>
      </p>
      {page.sources.length === 0 ? (
        <p>{t.list.none}</p>
      ) : (
        <form method="post" action="/sources/bulk" id="bulk">
          <CsrfField view={view} />
          <input type="hidden" name="return" value={listHref(query)} />
          <div class="table-scroll">
            <table class="sources">
              <caption>
                {t.list.caption(sortLabels[query.sort], query.order)}, {t.list.pageOf(query.page, pages)}
              </caption>
              <thead>
                <tr>
                  {canEdit && (
                    <th scope="col" class="select-column">
                      <span class="visually-hidden">{t.list.columns.select}</span>
                    </th>
                  )}
                  <SortHeader view={view} query={query} sort="host" label={t.list.columns.host} />
                  <SortHeader view={view} query={query} sort="name" label={t.list.columns.name} />
                  <SortHeader view={view} query={query} sort="category" label={t.list.columns.category} />
                  <th scope="col">{t.list.columns.code}</th>
                  <SortHeader view={view} query={query} sort="status" label={t.list.columns.status} />
                  <th scope="col">{t.list.columns.validation}</th>
                  <SortHeader view={view} query={query} sort="updated" label={t.list.columns.updated} />
                </tr>
              </thead>
              <tbody>
                {page.sources.map((source) => (
                  <tr>
                    {canEdit && (
                      <td>
                        <input type="checkbox" name="ids" value={source.id} aria-label={t.list.select(sourceTarget(source))} />
                      </td>
                    )}
                    <th scope="row">
                      <a href={`/sources/${source.id}`}>
                        {displayHost(source.host)}
                        {source.path}
                      </a>
                      <span class="scope">{t.scopes[source.scope]}</span>
                    </th>
                    <td>{source.name}</td>
                    <td>{t.categories[source.category]}</td>
                    <td>{source.code}</td>
                    <td>
                      <StatusBadge t={t} status={source.status} />
                    </td>
                    <td>
                      <ValidationBadge t={t} state={source.validation} />
                    </td>
                    <td>
                      <time datetime={source.updatedAt}>{formatInstant(source.updatedAt, lang)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {canEdit && (
            <fieldset class="bulk-actions">
              <legend>{t.list.bulkLegend}</legend>
              <SelectField
                view={view}
                name="action"
                label={t.list.bulkAction}
                value=""
                options={[{ value: '', label: t.list.bulkChoose }, ...BULK_ACTIONS.map((action) => ({ value: action, label: t.list.bulkActions[action] }))]}
                errors={props.errors.action}
              />
              <CommentField view={view} id="bulk-comment" />
              <button type="submit">{t.list.bulkSubmit}</button>
            </fieldset>
          )}
        </form>
      )}
      <Pagination view={view} query={query} pages={pages} />
    </>
  );
}
