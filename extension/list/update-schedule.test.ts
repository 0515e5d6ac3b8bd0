import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_MINUTES, FIRST_RETRY_MINUTES, nextCheckDelayMinutes, SHORTEST_INTERVAL_MINUTES } from './update-schedule.ts';

const input = { intervalMinutes: DEFAULT_INTERVAL_MINUTES, serverMinimumMinutes: 0, consecutiveFailures: 0, random: 0.5 };

describe('when the next list check is', () => {
  it('waits the usual interval after a success, with ±10 % jitter', () => {
    expect(nextCheckDelayMinutes(input)).toBe(DEFAULT_INTERVAL_MINUTES);
    expect(nextCheckDelayMinutes({ ...input, random: 0 })).toBeCloseTo(DEFAULT_INTERVAL_MINUTES * 0.9);
    expect(nextCheckDelayMinutes({ ...input, random: 0.999999 })).toBeCloseTo(DEFAULT_INTERVAL_MINUTES * 1.1);
  });

  it('backs off exponentially after failures, never beyond the usual interval', () => {
    const delays = [1, 2, 3, 4, 10, 200].map((consecutiveFailures) => nextCheckDelayMinutes({ ...input, consecutiveFailures }));
    expect(delays).toEqual([FIRST_RETRY_MINUTES, FIRST_RETRY_MINUTES * 2, FIRST_RETRY_MINUTES * 4, FIRST_RETRY_MINUTES * 8, DEFAULT_INTERVAL_MINUTES, DEFAULT_INTERVAL_MINUTES]);
  });

  it('lets the server raise the interval, and refuses one that is too short or not a number', () => {
    expect(nextCheckDelayMinutes({ ...input, serverMinimumMinutes: 12 * 60 })).toBe(12 * 60);
    expect(nextCheckDelayMinutes({ ...input, intervalMinutes: 1 })).toBe(SHORTEST_INTERVAL_MINUTES);
    expect(nextCheckDelayMinutes({ ...input, intervalMinutes: Number.NaN })).toBe(DEFAULT_INTERVAL_MINUTES);
  });
});
