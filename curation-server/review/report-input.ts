/**
 * The public report form, validated where it lands: only its own fields (anything else is refused),
 * a site given as a web address or a hostname, a kind from the list, a capped message, an optional
 * email. The refusals say which field and why.
 */
import { z } from 'zod';
import { normalizeHostname } from '../../corpus/hostname.ts';
import { CSRF_FIELD } from '../middleware/csrf.ts';
import type { PublicReport } from './review-queue.ts';
import { REPORT_KINDS } from './review-types.ts';

export const MAX_REPORT_MESSAGE = 2000;
const MAX_SITE = 2000;

/** The hostname of what a person typed as a site: `https://www.mairie.fr/page`, `mairie.fr`, `www.mairie.fr/contact`. Null when it is none. */
export function reportedHost(site: string): string | null {
  const typed = site.trim();
  if (typed === '' || typed.length > MAX_SITE) return null;
  if (typed.includes('://')) {
    let url: URL;
    try {
      url = new URL(typed);
    } catch {
      return null;
    }
    return url.protocol === 'http:' || url.protocol === 'https:' ? normalizeHostname(url.hostname) : null;
  }
  // A bare name, maybe with a path or a port after it.
  return normalizeHostname(typed.split(/[/?#]/)[0].replace(/:\d{1,5}$/, ''));
}

const FIELDS = new Set([CSRF_FIELD, 'site', 'kind', 'message', 'contact']);

export type ReportField = 'site' | 'kind' | 'message' | 'contact' | '';
export type ReportProblem = 'site' | 'kind' | 'message-too-long' | 'contact' | 'unknown-fields';

export type ReportReading = { ok: true; report: PublicReport } | { ok: false; problems: { field: ReportField; problem: ReportProblem }[] };

const KindSchema = z.enum(REPORT_KINDS);
const EmailSchema = z.email().max(254);

/** Reads the posted form, every field on its own so that each refusal is said (a repeated field is not a string: refused). */
export function readReportForm(body: Record<string, unknown>): ReportReading {
  const problems: { field: ReportField; problem: ReportProblem }[] = [];
  if (Object.keys(body).some((name) => !FIELDS.has(name))) problems.push({ field: '', problem: 'unknown-fields' });
  const text = (name: string): string | null => (body[name] === undefined ? '' : typeof body[name] === 'string' ? body[name].trim() : null);
  const site = text('site');
  const host = site === null ? null : reportedHost(site);
  if (host === null) problems.push({ field: 'site', problem: 'site' });
  const kind = KindSchema.safeParse(body.kind);
  if (!kind.success) problems.push({ field: 'kind', problem: 'kind' });
  const message = text('message');
  // Counted as people count characters (an accented letter is one), after trimming.
  if (message === null || [...message].length > MAX_REPORT_MESSAGE) problems.push({ field: 'message', problem: 'message-too-long' });
  const contact = text('contact');
  if (contact === null || (contact !== '' && !EmailSchema.safeParse(contact).success)) problems.push({ field: 'contact', problem: 'contact' });
  if (problems.length > 0 || site === null || host === null || !kind.success || message === null || contact === null) return { ok: false, problems };
  return { ok: true, report: { site, host, kind: kind.data, message, contact: contact === '' ? null : contact } };
}
