import { describe, expect, it } from 'vitest';
import { reviewedProvenance, validationState } from './validation-state.ts';

describe('validation state', () => {
  it('reads how far a source was checked from its provenance', () => {
    expect(validationState('etalab/communes,etalab/verified')).toBe('upstream');
    expect(validationState('etalab/communes,unverified')).toBe('unverified');
    expect(validationState('etalab/gouvfr-divers,category-from-name,unverified')).toBe('unverified');
    expect(validationState('etalab/verified,category-default')).toBe('category-guessed');
    expect(validationState('curated')).toBe('reviewed');
    expect(validationState('etalab/communes,reviewed')).toBe('reviewed');
  });

  it('keeps the origin and replaces the doubt marks when a curator checks a source', () => {
    expect(reviewedProvenance('etalab/gouvfr-divers,category-from-name,unverified')).toBe('etalab/gouvfr-divers,reviewed');
    expect(reviewedProvenance('etalab/communes,reviewed')).toBe('etalab/communes,reviewed');
    expect(reviewedProvenance('')).toBe('reviewed');
  });
});
