/**
 * When the background checks the channel next. Pure: the delays are decided here, the alarms set
 * elsewhere. After a success, the usual interval (a few hours, never below the server's minimum),
 * with ±10 % jitter so that thousands of machines started at 9 o'clock do not all ask at once;
 * after failures, a short retry that doubles each time, up to the usual interval.
 */
export const DEFAULT_INTERVAL_MINUTES = 4 * 60;
/** The first retry after a failure; then 2×, 4×… */
export const FIRST_RETRY_MINUTES = 5;
/** Below this, a configured interval is raised (the channel is not a chat). */
export const SHORTEST_INTERVAL_MINUTES = 15;

export interface ScheduleInput {
  /** The configured interval (build default or policy). */
  intervalMinutes: number;
  /** The server's minimum, from the last verified manifest (0: none). */
  serverMinimumMinutes: number;
  /** Failed checks in a row (0 after a success). */
  consecutiveFailures: number;
  /** A number in [0, 1). */
  random: number;
}

export function usualIntervalMinutes(input: Pick<ScheduleInput, 'intervalMinutes' | 'serverMinimumMinutes'>): number {
  const configured = Number.isFinite(input.intervalMinutes) ? input.intervalMinutes : DEFAULT_INTERVAL_MINUTES;
  return Math.max(SHORTEST_INTERVAL_MINUTES, configured, input.serverMinimumMinutes);
}

/** Minutes until the next check. */
export function nextCheckDelayMinutes(input: ScheduleInput): number {
  const usual = usualIntervalMinutes(input);
  const base = input.consecutiveFailures === 0 ? usual : Math.min(usual, FIRST_RETRY_MINUTES * 2 ** Math.min(input.consecutiveFailures - 1, 20));
  return base * (0.9 + 0.2 * input.random);
}
