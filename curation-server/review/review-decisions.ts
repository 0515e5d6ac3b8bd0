/**
 * Which decisions fit an item, and what each one does to its source. Pure: the queue (review-queue.ts)
 * reads the item and the source, asks here, and writes through the source commands.
 */
import { validateSource } from '../../corpus/source-validation.ts';
import type { Source } from '../../corpus/source.ts';
import { changedFields } from '../sources/source-changes.ts';
import { reviewedProvenance } from '../sources/validation-state.ts';
import type { CrawlSuggestion, ReviewDecision, ReviewKind, ReviewReason } from './review-types.ts';

/** What deciding needs to know of an item. */
export interface DecidableItem {
  kind: ReviewKind;
  reason: ReviewReason;
  suggestion: CrawlSuggestion | null;
}

/**
 * The decisions a curator may take on an item, given its source (null when the host is none):
 * keep always; suspend a source that is not suspended; apply a suggested edit that is valid and
 * changes the source; activate a candidate,
 * or a source reported missing that is suspended.
 */
export function availableDecisions(item: DecidableItem, source: Source | null): ReviewDecision[] {
  const decisions: ReviewDecision[] = [];
  if (source !== null) {
    if (source.status !== 'suspended') decisions.push('suspend');
    if (item.suggestion !== null && isEffectiveEdit(source, suggestedFields(item.suggestion))) decisions.push('apply');
    const activates = (item.kind === 'crawl' && item.reason === 'candidate') || (item.kind === 'report' && item.reason === 'missing' && source.status === 'suspended');
    if (activates) decisions.push('activate');
  }
  decisions.push('keep');
  return decisions;
}

/**
 * Whether the suggested fields make a valid source that differs from this one once written as the
 * list writes it (`www.` dropped, case folded…): a suggestion of what the source already is is no edit.
 */
function isEffectiveEdit(source: Source, fields: Partial<Pick<Source, 'host' | 'path' | 'scope'>>): boolean {
  if (Object.keys(fields).length === 0) return false;
  const edited = validateSource({ ...source, ...fields });
  return edited.ok && changedFields(source, edited.source).length > 0;
}

/** The suggestion's fields that are set (the crawler may send only a new host). */
function suggestedFields(suggestion: CrawlSuggestion): Partial<Pick<Source, 'host' | 'path' | 'scope'>> {
  const fields: Partial<Record<'host' | 'path' | 'scope', string>> = {};
  for (const name of ['host', 'path', 'scope'] as const) if (typeof suggestion[name] === 'string') fields[name] = suggestion[name];
  // The scope is validated with the rest of the source when the edit is written.
  return fields as Partial<Pick<Source, 'host' | 'path' | 'scope'>>;
}

/**
 * What the source becomes by this decision, or null when it stays as it is (keep). Activating marks
 * it as checked by the team too: a curator has just looked at the evidence.
 */
export function decidedSource(item: DecidableItem, source: Source, decision: ReviewDecision): Source | null {
  switch (decision) {
    case 'keep':
      return null;
    case 'suspend':
      return { ...source, status: 'suspended' };
    case 'activate':
      return { ...source, status: 'active', provenance: reviewedProvenance(source.provenance) };
    case 'apply':
      return { ...source, ...suggestedFields(item.suggestion ?? {}) };
  }
}
