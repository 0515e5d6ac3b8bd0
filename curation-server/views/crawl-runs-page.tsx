/** @jsxImportSource hono/jsx */
/**
 * The crawler's runs: start one, follow its progress (the page's script polls a small JSON
 * endpoint; without it, a refresh link), cancel it, and the past runs with their outcomes — as a
 * table, and as a small chart (inline SVG, sized by attributes since the CSP allows no inline style)
 * that the table gives in words.
 */
import { can } from '../auth/roles.ts';
import { formatCount, formatInstant } from '../i18n/format.ts';
import { CRAWL_OUTCOMES, type CrawlOutcome, type CrawlRunProgress, type CrawlRunSummary } from '../review/review-types.ts';
import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextField } from './form-fields.tsx';
import type { View } from './view.ts';

export const CHART_OUTCOMES = ['ok', ...CRAWL_OUTCOMES] as const satisfies readonly (CrawlOutcome | 'ok')[];

/** One colour per outcome, told apart by people with the commonest colour-vision deficiencies (Okabe–Ito). */
const COLOURS: Record<(typeof CHART_OUTCOMES)[number], string> = {
  ok: '#009E73',
  moved: '#56B4E9',
  redirected: '#0072B2',
  unreachable: '#E69F00',
  suspicious: '#D55E00',
  candidate: '#CC79A7',
};

const CHART_RUNS = 20;

function outcomeParts(view: View, run: CrawlRunProgress): string {
  return CHART_OUTCOMES.map((outcome) => `${formatCount(run.outcomes[outcome] ?? 0, view.lang)} ${view.t.crawlRuns.outcomes[outcome]}`).join(', ');
}

/** Stacked bars, one per run (oldest on the left): each outcome's share of the sources checked. */
function OutcomeChart(props: { view: View; runs: CrawlRunSummary[] }) {
  const { view } = props;
  const { t } = view;
  const runs = props.runs.slice(0, CHART_RUNS).reverse();
  if (runs.length === 0) return null;
  const barWidth = 24;
  const gap = 8;
  const height = 120;
  const width = runs.length * (barWidth + gap);
  return (
    <figure class="run-chart">
      <figcaption id="run-chart-caption">
        <strong>{t.crawlRuns.chartTitle}</strong> — {t.crawlRuns.chartSummary(runs.length)}
      </figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="run-chart-caption">
        {runs.map((run, index) => {
          const total = CHART_OUTCOMES.reduce((sum, outcome) => sum + (run.outcomes[outcome] ?? 0), 0);
          let y = height;
          return (
            <g>
              <title>{t.crawlRuns.chartBar(run.id, outcomeParts(view, run))}</title>
              {CHART_OUTCOMES.map((outcome) => {
                const count = run.outcomes[outcome] ?? 0;
                if (total === 0 || count === 0) return null;
                const barHeight = (count / total) * height;
                y -= barHeight;
                return <rect x={index * (barWidth + gap)} y={y} width={barWidth} height={barHeight} fill={COLOURS[outcome]} />;
              })}
            </g>
          );
        })}
      </svg>
      <ul class="run-legend">
        {CHART_OUTCOMES.map((outcome) => (
          <li>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={COLOURS[outcome]} />
            </svg>{' '}
            {t.crawlRuns.outcomes[outcome]}
          </li>
        ))}
      </ul>
    </figure>
  );
}

function RunsTable(props: { view: View; runs: CrawlRunSummary[] }) {
  const { view, runs } = props;
  const { t, lang } = view;
  return (
    <div class="table-scroll">
      <table class="runs">
        <caption>{t.crawlRuns.history}</caption>
        <thead>
          <tr>
            <th scope="col">{t.crawlRuns.run}</th>
            <th scope="col">{t.crawlRuns.startedAt}</th>
            <th scope="col">{t.crawlRuns.state}</th>
            <th scope="col">{t.crawlRuns.checked}</th>
            {CHART_OUTCOMES.map((outcome) => (
              <th scope="col">{t.crawlRuns.outcomes[outcome]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr>
              <th scope="row">
                <a href={`/crawl-runs/${run.id}`}>{t.crawlRuns.runTitle(run.id)}</a>
              </th>
              <td>
                <time datetime={run.startedAt}>{formatInstant(run.startedAt, lang)}</time>
              </td>
              <td>{t.crawlRuns.states[run.state]}</td>
              <td>{t.crawlRuns.checkedOf(formatCount(run.checked, lang), formatCount(run.total, lang))}</td>
              {CHART_OUTCOMES.map((outcome) => (
                <td>{formatCount(run.outcomes[outcome] ?? 0, lang)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CrawlRunsPage(props: { view: View; runs: CrawlRunSummary[]; errors: FieldErrors; limit?: string }) {
  const { view, runs } = props;
  const { t, user } = view;
  const canStart = user !== null && can(user.role, 'edit');
  const running = runs.find((run) => run.state === 'running');
  return (
    <>
      <ErrorSummary view={view} errors={props.errors} />
      <p>{t.crawlRuns.intro}</p>
      <p>
        <a href="/review">{t.crawlRuns.toQueue}</a>
      </p>
      {running !== undefined && (
        <p>
          {t.crawlRuns.running} <a href={`/crawl-runs/${running.id}`}>{t.crawlRuns.runTitle(running.id)}</a>
        </p>
      )}
      {canStart && running === undefined && (
        <form method="post" action="/crawl-runs" class="inline-form">
          <CsrfField view={view} />
          <TextField view={view} name="limit" label={t.crawlRuns.limit} hint={t.crawlRuns.limitHint} value={props.limit ?? ''} maxlength={7} errors={props.errors.limit} />
          <button type="submit">{t.crawlRuns.start}</button>
        </form>
      )}
      <h2>{t.crawlRuns.history}</h2>
      {runs.length === 0 ? (
        <p>{t.crawlRuns.none}</p>
      ) : (
        <>
          <OutcomeChart view={view} runs={runs} />
          <RunsTable view={view} runs={runs} />
        </>
      )}
    </>
  );
}

export function CrawlRunPage(props: { view: View; id: number; progress: CrawlRunProgress; notice?: string }) {
  const { view, id, progress } = props;
  const { t, lang, user } = view;
  const canCancel = user !== null && can(user.role, 'edit') && progress.state === 'running';
  return (
    <>
      <Notice message={props.notice} />
      <section id="run-progress" data-progress-url={`/crawl-runs/${id}/progress.json`} data-state={progress.state}>
        <h2>{t.crawlRuns.progress}</h2>
        <progress id="run-progress-bar" max={Math.max(progress.total, 1)} value={progress.checked} aria-labelledby="run-progress-text"></progress>
        <p id="run-progress-text" aria-live="polite">
          <span data-field="checkedOf">{t.crawlRuns.checkedOf(formatCount(progress.checked, lang), formatCount(progress.total, lang))}</span> —{' '}
          <span data-field="state">{t.crawlRuns.states[progress.state]}</span>
        </p>
        <dl class="details">
          <dt>{t.crawlRuns.startedAt}</dt>
          <dd>{formatInstant(progress.startedAt, lang)}</dd>
          {progress.eta !== null && progress.state === 'running' && (
            <>
              <dt>{t.crawlRuns.eta}</dt>
              <dd data-field="eta">{formatInstant(progress.eta, lang)}</dd>
            </>
          )}
          {CHART_OUTCOMES.map((outcome) => (
            <>
              <dt>{t.crawlRuns.outcomes[outcome]}</dt>
              <dd data-outcome={outcome}>{formatCount(progress.outcomes[outcome] ?? 0, lang)}</dd>
            </>
          ))}
        </dl>
        {progress.state === 'running' && (
          <p>
            <a href={`/crawl-runs/${id}`}>{t.crawlRuns.refresh}</a>
          </p>
        )}
      </section>
      {canCancel && (
        <form method="post" action={`/crawl-runs/${id}/cancel`}>
          <CsrfField view={view} />
          <button type="submit" class="secondary">
            {t.crawlRuns.cancel}
          </button>
        </form>
      )}
      <p>
        <a href="/crawl-runs">{t.crawlRuns.history}</a> · <a href="/review">{t.crawlRuns.toQueue}</a>
      </p>
    </>
  );
}
