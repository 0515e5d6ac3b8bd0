import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionMatchExpression, actorMatchExpression, foldedWords, searchForms } from './names.ts';

describe('folding names for search', () => {
  it('drops accents, case, hyphens and apostrophes, and spells « st » out', () => {
    expect(foldedWords("L'Haÿ-les-Roses")).toEqual(['l', 'hay', 'les', 'roses']);
    expect(foldedWords('St-Étienne-du-Rouvray')).toEqual(['saint', 'etienne', 'du', 'rouvray']);
    expect(foldedWords('Ste-Foy')).toEqual(['sainte', 'foy']);
    expect(foldedWords('Œuilly')).toEqual(['oeuilly']);
  });

  it('indexes the name joined, with and without its article', () => {
    expect(searchForms('Les Sables-d’Olonne')).toEqual({ words: 'les sables d olonne', joined: 'lessablesdolonne sablesdolonne' });
  });

  it('builds expressions from quoted folded words only, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (query) => {
        for (const expression of [actorMatchExpression(query), actionMatchExpression(query)]) {
          if (expression === null) continue;
          const withoutQuoted = expression.replace(/"[a-z0-9]+" \*/g, '');
          expect(withoutQuoted).toMatch(/^[a-z_ :()OR]*$/);
        }
      }),
    );
    expect(actorMatchExpression('" NEAR( *')).toBe('search_words : ("near" *) OR search_joined : "near" *');
    expect(actorMatchExpression('***')).toBeNull();
  });
});
