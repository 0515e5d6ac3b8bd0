/** @jsxImportSource hono/jsx */
/** The Atlaas pages of the console: collectivités (search, card), actions (search), links waiting for a curator. */
import { AXES } from '../atlaas/action-file.ts';
import type { ActionRow } from '../atlaas/action-search.ts';
import type { ActorCard } from '../atlaas/actor-card.ts';
import type { ActorHit, ActorRow } from '../atlaas/actor-search.ts';
import type { LinkEvent, Suggestion } from '../atlaas/source-links.ts';
import { can } from '../auth/roles.ts';
import { ATLAAS_ACTOR_KINDS } from '../db/schema.ts';
import { formatCount, formatInstant } from '../i18n/format.ts';
import { CommentField, CsrfField, ErrorSummary, type FieldErrors, Notice, SelectField, TextField } from './form-fields.tsx';
import type { View } from './view.ts';

export interface ActorsQuery {
  q: string;
  departement: string;
  kind: string;
  page: number;
}

export interface ActionsQuery {
  q: string;
  axis: string;
  year: string;
  departement: string;
  actor: string;
  page: number;
}

export const CONSOLE_PAGE_SIZE = 25;

function href(path: string, params: Record<string, string | number>): string {
  const search = new URLSearchParams(Object.entries(params).filter(([key, value]) => value !== '' && !(key === 'page' && value === 1)).map(([key, value]) => [key, String(value)]));
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

export function AtlaasNav(props: { view: View }) {
  const { t, url, user } = props.view;
  const entries = [
    { href: '/atlaas', label: t.atlaas.subnav.actors, current: url.pathname === '/atlaas' || url.pathname.startsWith('/atlaas/actors') },
    { href: '/atlaas/actions', label: t.atlaas.subnav.actions, current: url.pathname.startsWith('/atlaas/actions') },
    ...(user !== null && can(user.role, 'edit') ? [{ href: '/atlaas/links', label: t.atlaas.subnav.links, current: url.pathname.startsWith('/atlaas/links') }] : []),
  ];
  return (
    <nav aria-label={t.atlaas.subnav.label} class="subnav">
      <ul>
        {entries.map((entry) => (
          <li>
            <a href={entry.href} aria-current={entry.current ? 'page' : undefined}>
              {entry.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Pager(props: { view: View; page: number; total: number; link: (page: number) => string }) {
  const { t } = props.view;
  const pages = Math.max(1, Math.ceil(props.total / CONSOLE_PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t.list.pagination} class="pagination">
      <ul>
        {props.page > 1 && (
          <li>
            <a href={props.link(props.page - 1)} rel="prev">
              {t.list.previous}
            </a>
          </li>
        )}
        <li>{t.list.pageOf(Math.min(props.page, pages), pages)}</li>
        {props.page < pages && (
          <li>
            <a href={props.link(props.page + 1)} rel="next">
              {t.list.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

const actorHref = (id: string) => `/atlaas/actors/${encodeURIComponent(id)}`;

function population(view: View, value: number | null): string {
  return value === null ? '—' : formatCount(value, view.lang);
}

export function ActorsPage(props: { view: View; query: ActorsQuery; found: { total: number; hits: ActorHit[] } | null; errors: FieldErrors }) {
  const { view, query, found } = props;
  const { t } = view;
  const link = (page: number) => href('/atlaas', { q: query.q, departement: query.departement, kind: query.kind, page });
  return (
    <>
      <AtlaasNav view={view} />
      <p>{t.atlaas.intro}</p>
      <ErrorSummary view={view} errors={props.errors} />
      <form method="get" action="/atlaas" role="search" class="search-form">
        <fieldset>
          <legend>{t.atlaas.searchLegend}</legend>
          <TextField view={view} name="q" type="search" label={t.atlaas.q} hint={t.atlaas.qHint} value={query.q} maxlength={200} spellcheck={false} errors={props.errors.q} />
          <div class="filters">
            <TextField view={view} name="departement" label={t.atlaas.departement} hint={t.atlaas.departementHint} value={query.departement} maxlength={3} errors={props.errors.departement} />
            <SelectField
              view={view}
              name="kind"
              label={t.atlaas.kind}
              value={query.kind}
              options={[{ value: '', label: t.atlaas.anyKind }, ...ATLAAS_ACTOR_KINDS.map((kind) => ({ value: kind, label: t.atlaas.kinds[kind] }))]}
            />
          </div>
          <div class="form-actions">
            <button type="submit">{t.actions.search}</button>
            <a href="/atlaas">{t.actions.reset}</a>
          </div>
        </fieldset>
      </form>
      {found !== null && (
        <>
          <p class="result-summary">
            <strong>{t.atlaas.count(formatCount(found.total, view.lang))}</strong>
          </p>
          {found.hits.length === 0 ? (
            <p>{t.atlaas.none}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption>{t.atlaas.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.atlaas.columns.name}</th>
                    <th scope="col">{t.atlaas.columns.kind}</th>
                    <th scope="col">{t.atlaas.columns.departement}</th>
                    <th scope="col">{t.atlaas.columns.population}</th>
                    <th scope="col">{t.atlaas.columns.code}</th>
                  </tr>
                </thead>
                <tbody>
                  {found.hits.map((hit) => (
                    <tr>
                      <th scope="row">
                        <a href={actorHref(hit.actor.id)}>{hit.actor.name}</a>
                      </th>
                      <td>{t.atlaas.kinds[hit.actor.kind]}</td>
                      <td>{hit.actor.departement}</td>
                      <td>{population(view, hit.actor.population)}</td>
                      <td>
                        {hit.actor.code}
                        {hit.matchedBy !== undefined && <span class="scope"> ({t.atlaas.matchedBy[hit.matchedBy]})</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager view={view} page={query.page} total={found.total} link={link} />
        </>
      )}
    </>
  );
}

function ActorLink(props: { actor: ActorRow }) {
  return <a href={actorHref(props.actor.id)}>{props.actor.name}</a>;
}

function ActionItem(props: { view: View; action: ActionRow; actor?: ActorRow }) {
  const { view, action } = props;
  return (
    <li>
      <strong>{action.title}</strong> <span class="scope">({action.date})</span>
      {action.subtitle !== '' && <> — {action.subtitle}</>}
      {props.actor !== undefined && (
        <>
          {' '}
          {view.t.atlaas.actions.by} <ActorLink actor={props.actor} />
        </>
      )}
      {action.summary !== '' && <p>{action.summary}</p>}
    </li>
  );
}

export function ActorCardPage(props: { view: View; card: ActorCard }) {
  const { view, card } = props;
  const { t } = view;
  const { actor } = card;
  const labels = t.atlaas.card;
  return (
    <>
      <AtlaasNav view={view} />
      {actor.current === 0 && <p class="notice">{labels.notCurrent}</p>}
      <h2>{labels.facts}</h2>
      <dl class="facts">
        <dt>{labels.kind}</dt>
        <dd>{t.atlaas.kinds[actor.kind]}</dd>
        <dt>{actor.kind === 'epci' ? labels.siren : labels.code}</dt>
        <dd>{actor.code}</dd>
        {actor.kind !== 'epci' && actor.siren !== '' && (
          <>
            <dt>{labels.siren}</dt>
            <dd>{actor.siren}</dd>
          </>
        )}
        <dt>{labels.population}</dt>
        <dd>{population(view, actor.population)}</dd>
        {actor.postal_codes !== '' && (
          <>
            <dt>{labels.postalCodes}</dt>
            <dd>{actor.postal_codes.split(' ').join(', ')}</dd>
          </>
        )}
        {actor.departement !== '' && actor.kind !== 'departement' && (
          <>
            <dt>{labels.departement}</dt>
            <dd>
              <a href={actorHref(`departement:${actor.departement}`)}>{actor.departement}</a>
            </dd>
          </>
        )}
        {actor.region !== '' && actor.kind !== 'region' && (
          <>
            <dt>{labels.region}</dt>
            <dd>
              <a href={actorHref(`region:${actor.region}`)}>{actor.region}</a>
            </dd>
          </>
        )}
        {card.partOf !== null && (
          <>
            <dt>{labels.partOf}</dt>
            <dd>
              <ActorLink actor={card.partOf} />
            </dd>
          </>
        )}
        {card.epci !== null && (
          <>
            <dt>{labels.epci}</dt>
            <dd>
              <ActorLink actor={card.epci} />
            </dd>
          </>
        )}
      </dl>
      {card.members !== null && (
        <>
          <h2>{labels.members(card.members.total)}</h2>
          {card.members.total > card.members.first.length && <p>{labels.moreMembers(card.members.first.length)}</p>}
          <ul class="columns">
            {card.members.first.map((member) => (
              <li>
                <ActorLink actor={member} /> ({population(view, member.population)})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{labels.labels}</h2>
      {card.labels.length === 0 ? (
        <p>{labels.noLabel}</p>
      ) : (
        <table>
          <caption>{labels.labelsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.year}</th>
              <th scope="col">{labels.arobases}</th>
              <th scope="col">{labels.labelTitle}</th>
              <th scope="col">{labels.mentions}</th>
            </tr>
          </thead>
          <tbody>
            {card.labels.map((label) => (
              <tr>
                <th scope="row">{label.year}</th>
                <td>{labels.arobaseCount(label.arobases)}</td>
                <td>{label.title}</td>
                <td>{(JSON.parse(label.mentions) as string[]).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{labels.actions}</h2>
      {card.actions.length === 0 ? (
        <p>{labels.noActions}</p>
      ) : (
        <>
          {card.actions.map((group) => (
            <section aria-labelledby={`axis-${group.axis}`}>
              <h3 id={`axis-${group.axis}`}>
                {t.atlaas.axes[group.axis]} — {labels.actionsOfAxis(group.total)}
              </h3>
              <ul>
                {group.latest.map((action) => (
                  <ActionItem view={view} action={action} />
                ))}
              </ul>
            </section>
          ))}
          <p>
            <a href={href('/atlaas/actions', { actor: actor.id })}>{labels.allActions}</a>
          </p>
        </>
      )}
      <h2>{labels.sites}</h2>
      {card.sites.length === 0 ? (
        <p>{labels.noSites}</p>
      ) : (
        <ul>
          {card.sites.map((site) => (
            <li>
              <a href={`/sources/${encodeURIComponent(site.sourceId)}`}>{site.host + site.path}</a>
              {site.name !== '' && <> — {site.name}</>} <span class="scope">({labels.linkMethods[site.method]})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ActionsPage(props: { view: View; query: ActionsQuery; found: { total: number; actions: ActionRow[] } | null; actors: Map<string, ActorRow>; errors: FieldErrors }) {
  const { view, query, found } = props;
  const { t } = view;
  const labels = t.atlaas.actions;
  const link = (page: number) => href('/atlaas/actions', { q: query.q, axis: query.axis, year: query.year, departement: query.departement, actor: query.actor, page });
  return (
    <>
      <AtlaasNav view={view} />
      <ErrorSummary view={view} errors={props.errors} />
      <form method="get" action="/atlaas/actions" role="search" class="search-form">
        <fieldset>
          <legend>{labels.searchLegend}</legend>
          <TextField view={view} name="q" type="search" label={labels.q} hint={labels.qHint} value={query.q} maxlength={200} errors={props.errors.q} />
          <div class="filters">
            <SelectField view={view} name="axis" label={labels.axis} value={query.axis} options={[{ value: '', label: labels.anyAxis }, ...AXES.map((axis) => ({ value: axis, label: t.atlaas.axes[axis] }))]} />
            <TextField view={view} name="year" label={labels.year} value={query.year} maxlength={4} errors={props.errors.year} />
            <TextField view={view} name="departement" label={t.atlaas.departement} value={query.departement} maxlength={3} errors={props.errors.departement} />
          </div>
          {query.actor !== '' && <input type="hidden" name="actor" value={query.actor} />}
          <div class="form-actions">
            <button type="submit">{t.actions.search}</button>
            <a href="/atlaas/actions">{t.actions.reset}</a>
          </div>
        </fieldset>
      </form>
      {found !== null && (
        <>
          <p class="result-summary">
            <strong>{labels.count(formatCount(found.total, view.lang))}</strong>
          </p>
          {found.actions.length === 0 ? (
            <p>{labels.none}</p>
          ) : (
            <ul class="action-list">
              {found.actions.map((action) => (
                <ActionItem view={view} action={action} actor={props.actors.get(action.actor_id)} />
              ))}
            </ul>
          )}
          <Pager view={view} page={query.page} total={found.total} link={link} />
        </>
      )}
    </>
  );
}

export type LinksNotice = 'confirm' | 'reject' | 'refreshed' | 'already-decided';

export function LinksPage(props: { view: View; page: number; total: number; suggestions: Suggestion[]; decisions: LinkEvent[]; notice?: LinksNotice }) {
  const { view } = props;
  const { t } = view;
  const labels = t.atlaas.links;
  const notice =
    props.notice === 'confirm' || props.notice === 'reject' ? labels.decided[props.notice] : props.notice === 'refreshed' ? labels.refreshed : props.notice === 'already-decided' ? labels.alreadyDecided : undefined;
  return (
    <>
      <AtlaasNav view={view} />
      <Notice message={notice} />
      <p>{labels.intro}</p>
      <form method="post" action="/atlaas/links/refresh">
        <CsrfField view={view} />
        <p class="hint" id="refresh-hint">
          {labels.refreshHint}
        </p>
        <button type="submit" aria-describedby="refresh-hint">
          {labels.refresh}
        </button>
      </form>
      <p class="result-summary">
        <strong>{labels.count(formatCount(props.total, view.lang))}</strong>
      </p>
      {props.suggestions.length === 0 ? (
        <p>{labels.none}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{labels.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.columns.source}</th>
                <th scope="col">{labels.columns.actor}</th>
                <th scope="col">{labels.columns.evidence}</th>
                <th scope="col">{labels.columns.decision}</th>
              </tr>
            </thead>
            <tbody>
              {props.suggestions.map((suggestion, index) => (
                <tr>
                  <th scope="row">
                    <a href={`/sources/${encodeURIComponent(suggestion.sourceId)}`}>{suggestion.host}</a>
                    {suggestion.sourceName !== '' && <span class="scope"> {suggestion.sourceName}</span>}
                  </th>
                  <td>
                    <a href={actorHref(suggestion.actorId)}>{suggestion.actorName}</a> ({suggestion.departement})
                  </td>
                  <td>{suggestion.evidence}</td>
                  <td>
                    <form method="post" action="/atlaas/links/decide" class="inline-form">
                      <fieldset>
                        <legend class="visually-hidden">{labels.decisionLegend(suggestion.host, suggestion.actorName)}</legend>
                        <CsrfField view={view} />
                        <input type="hidden" name="source" value={suggestion.sourceId} />
                        <input type="hidden" name="actor" value={suggestion.actorId} />
                        <input type="hidden" name="page" value={String(props.page)} />
                        <CommentField view={view} id={`comment-${index}`} />
                        <button type="submit" name="decision" value="confirm">
                          {labels.confirm}
                        </button>{' '}
                        <button type="submit" name="decision" value="reject" class="secondary">
                          {labels.reject}
                        </button>
                      </fieldset>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager view={view} page={props.page} total={props.total} link={(page) => href('/atlaas/links', { page })} />
      <h2>{labels.recent}</h2>
      {props.decisions.length === 0 ? (
        <p>{labels.noDecisions}</p>
      ) : (
        <ul>
          {props.decisions.map((decision) => (
            <li>
              <time datetime={decision.at}>{formatInstant(decision.at, view.lang)}</time> — {decision.actor} : {decision.sourceId} → <a href={actorHref(decision.actorId)}>{decision.actorId}</a>{' '}
              <strong>{labels.decisions[decision.decision]}</strong>
              {decision.comment !== '' && <> — {decision.comment}</>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
