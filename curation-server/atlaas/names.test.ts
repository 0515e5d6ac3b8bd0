import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionMatchExpression, actorNameQuery, foldedWords, searchForms } from './names.ts';

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
        const expression = actionMatchExpression(query);
        if (expression !== null) expect(expression.replace(/"[a-z0-9]+" \*/g, '')).toMatch(/^ *$/);
      }),
    );
    expect(actionMatchExpression('" NEAR( *')).toBe('"near" *');
    expect(actionMatchExpression('***')).toBeNull();
  });

  it('reads a name query as folded words, a leading article optional', () => {
    expect(actorNameQuery('Le Mans')).toEqual({ words: ['mans'], joined: 'mans', exactKey: 'le mans' });
    expect(actorNameQuery('st-étie')).toEqual({ words: ['saint', 'etie'], joined: 'saintetie', exactKey: 'saint etie' });
    expect(actorNameQuery('Le')).toEqual({ words: ['le'], joined: 'le', exactKey: 'le' });
    expect(actorNameQuery(' -*- ')).toBeNull();
  });
});
