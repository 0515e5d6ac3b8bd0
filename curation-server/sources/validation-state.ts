/**
 * How far a source has been checked, read from its provenance tokens (see corpus/README.md):
 * the seed marks what it could not verify (`unverified`) and the categories it guessed
 * (`category-from-*`); a curator who checks a source replaces those marks with `reviewed`.
 */
export const VALIDATION_STATES = ['reviewed', 'unverified', 'category-guessed', 'upstream'] as const;
export type ValidationState = (typeof VALIDATION_STATES)[number];

const GUESSED_CATEGORY = new Set(['category-from-parent', 'category-from-name', 'category-default']);
const REVIEWED = new Set(['reviewed', 'curated']);

function tokensOf(provenance: string): string[] {
  return provenance
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

export function isValidationState(value: string): value is ValidationState {
  return (VALIDATION_STATES as readonly string[]).includes(value);
}

export function validationState(provenance: string): ValidationState {
  const tokens = tokensOf(provenance);
  if (tokens.some((token) => REVIEWED.has(token))) return 'reviewed';
  if (tokens.includes('unverified')) return 'unverified';
  if (tokens.some((token) => GUESSED_CATEGORY.has(token))) return 'category-guessed';
  return 'upstream';
}

/** The provenance of a source a curator has checked: origin tokens kept, doubt marks replaced by `reviewed`. */
export function reviewedProvenance(provenance: string): string {
  const kept = tokensOf(provenance).filter((token) => token !== 'unverified' && !GUESSED_CATEGORY.has(token) && token !== 'reviewed');
  return [...kept, 'reviewed'].join(',');
}

/** Provenance of a source created by a curator (console, API or import). */
export const CURATED_PROVENANCE = 'curated';
