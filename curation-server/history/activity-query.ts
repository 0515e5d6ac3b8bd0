/**
 * The activity page's query string (GET): filters by person, dates, kind of change and batch, and
 * the page (`before`). Read leniently — a value that does not parse is dropped and said so — and
 * turned into the instants the history is filtered on (days are the curators' days, in Paris).
 */
import { z } from 'zod';
import { EVENT_ACTIONS, type EventAction } from '../db/schema.ts';
import type { EventFilters } from './event-log.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as `<input type="date">` sends it, that exists (no 31 February). */
const DaySchema = z.string().refine((value) => {
  const match = DAY.exec(value);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
});

export const ActivityQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  batch: z.string().regex(/^[\w-]{1,64}$/).optional(),
  actor: z.string().min(1).max(320).optional(),
  from: DaySchema.optional(),
  to: DaySchema.optional(),
  action: z.enum(EVENT_ACTIONS).optional(),
});

export type ActivityQuery = z.output<typeof ActivityQuerySchema>;
export type ActivityFilterName = 'batch' | 'actor' | 'from' | 'to' | 'action';

const FILTER_NAMES: readonly ActivityFilterName[] = ['actor', 'from', 'to', 'action', 'batch'];

/** A filter not applied: its value does not parse, or the last day comes before the first. */
export interface FilterRefusal {
  name: ActivityFilterName;
  reason: 'invalid' | 'before-from';
}

export type ReadActivityQuery = { query: ActivityQuery; refused: FilterRefusal[] };

/** The query as given, without the values that do not parse (named in `refused`); empty values are no filter. */
export function readActivityQuery(raw: Record<string, string | undefined>): ReadActivityQuery {
  const query: ActivityQuery = {};
  const refused: FilterRefusal[] = [];
  const before = ActivityQuerySchema.shape.before.safeParse(raw.before === '' ? undefined : raw.before);
  if (before.success) query.before = before.data;
  for (const name of FILTER_NAMES) {
    const value = raw[name]?.trim();
    if (value === undefined || value === '') continue;
    const parsed = ActivityQuerySchema.shape[name].safeParse(value);
    if (parsed.success) Object.assign(query, { [name]: parsed.data });
    else refused.push({ name, reason: 'invalid' });
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    refused.push({ name: 'to', reason: 'before-from' });
    delete query.to;
  }
  return { query, refused };
}

/** Minutes east of UTC in Paris at that instant. */
function parisOffsetMinutes(instant: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match === null ? 0 : (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant a day (`YYYY-MM-DD`) begins in Paris, as the history writes instants. Midnight is never inside a clock change there. */
export function parisDayStart(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const utcMidnight = Date.UTC(year, month - 1, date);
  const guess = utcMidnight - parisOffsetMinutes(utcMidnight) * 60_000;
  return new Date(utcMidnight - parisOffsetMinutes(guess) * 60_000).toISOString();
}

function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** The history's filters for a query: `to` is a whole day, included. */
export function eventFilters(query: ActivityQuery): EventFilters {
  return {
    actor: query.actor,
    batch: query.batch,
    action: query.action as EventAction | undefined,
    from: query.from === undefined ? undefined : parisDayStart(query.from),
    to: query.to === undefined ? undefined : parisDayStart(nextDay(query.to)),
  };
}

/** Whether anything narrows the activity (the batch aside). */
export function isFiltered(query: ActivityQuery): boolean {
  return query.actor !== undefined || query.from !== undefined || query.to !== undefined || query.action !== undefined;
}

/** The activity's URL for a query, with `changes`; parameters without a value are left out. */
export function activityHref(query: ActivityQuery, changes: Partial<Record<keyof ActivityQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const name of ['actor', 'from', 'to', 'action', 'batch', 'before'] as const) {
    const value = merged[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search === '' ? '/activity' : `/activity?${search}`;
}
