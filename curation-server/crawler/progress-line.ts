/** How `npm run crawl` shows a run's progress: a bar and an ETA on a terminal, plain lines otherwise. */
import { CRAWL_OUTCOMES } from './crawl-outcomes.ts';
import type { CrawlRunProgress } from './crawl-runs.ts';

const time = (iso: string) => iso.slice(11, 16);

export function outcomeSummary(progress: CrawlRunProgress): string {
  return CRAWL_OUTCOMES.filter((outcome) => progress.outcomes[outcome] > 0)
    .map((outcome) => `${outcome} ${progress.outcomes[outcome]}`)
    .join(' · ');
}

export function progressLine(progress: CrawlRunProgress, barWidth: number | null): string {
  const share = progress.total === 0 ? 1 : progress.checked / progress.total;
  const percent = `${Math.floor(share * 100)} %`;
  const rate = progress.perMinute === null ? '' : ` · ${Math.round(progress.perMinute)}/min`;
  const eta = progress.eta === null ? '' : ` · fin vers ${time(progress.eta)} UTC`;
  const counts = `${progress.checked}/${progress.total}`;
  const summary = outcomeSummary(progress);
  if (barWidth === null) return `passe ${progress.runId} : ${counts} (${percent})${rate}${eta}${summary === '' ? '' : ` · ${summary}`}`;
  const filled = Math.round(share * barWidth);
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${counts} ${percent}${rate}${eta}`;
}
