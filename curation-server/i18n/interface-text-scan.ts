/**
 * Finds interface text written outside the catalogue (messages.ts) in a TypeScript source: a test
 * of the language (`lang === 'fr' ? … : …`) or a literal that reads as French, in a string or in
 * JSX text. Comments are skipped. A heuristic for a test, not a parser: it reads string, template
 * and regular-expression literals well enough to tell code from text.
 */

export interface TextFinding {
  /** 1-based line of the literal's start. */
  line: number;
  kind: 'language-test' | 'french-text';
  text: string;
}

const LANGUAGE_TEST = /[=!]==?\s*['"`](?:fr|en)['"`]|['"`](?:fr|en)['"`]\s*[=!]==?/;
const FRENCH_LETTER = /[àâçéèêëîïôœùûüÿÀÂÇÉÈÊËÎÏÔŒÙÛÜ]/;
const FRENCH_WORD = /(?:^|[^\p{L}\-./])(?:le|la|les|des|du|de|une|est|et|ou|au|aux|dans|pour|par|pas|sur|avec|vous|sont|cette|aucun|aucune|votre|introuvable)(?![\p{L}@-])/iu;
const WORD = /\p{L}{2,}/u;

/** Whether a literal reads as French: accented letters, guillemets around words, or common French words. */
export function readsAsFrench(text: string): boolean {
  if (!WORD.test(text)) return false;
  return FRENCH_LETTER.test(text) || /«\s*[^\s{]/.test(text) || FRENCH_WORD.test(text);
}

// A `/` after one of these (or at the start) opens a regular expression, not a division (`</` closes a JSX tag).
const BEFORE_REGEX = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '>', '~', '^']);

/** The string literals, template literals and JSX text of a source, with their lines; comments and regular expressions left out. */
export function literalsOf(source: string): { line: number; text: string; inCode: boolean }[] {
  const found: { line: number; text: string; inCode: boolean }[] = [];
  let line = 1;
  let code = '';
  let codeLine = 1;
  let lastSignificant = '';
  const flushCode = () => {
    if (code.trim() !== '') found.push({ line: codeLine, text: code, inCode: true });
    code = '';
  };
  // Braces opened inside a template's `${…}`: when the count returns to zero, the template resumes.
  const templateDepths: number[] = [];
  let i = 0;
  const readString = (quote: string): string => {
    let text = '';
    i++;
    while (i < source.length && source[i] !== quote) {
      if (source[i] === '\\') {
        text += source[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (source[i] === '\n') line++;
      if (quote === '`' && source[i] === '$' && source[i + 1] === '{') {
        templateDepths.push(0);
        i += 2;
        return `${text} … \u0000`;
      }
      text += source[i];
      i++;
    }
    i++;
    return text;
  };
  while (i < source.length) {
    const char = source[i];
    const next = source[i + 1];
    if (char === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      for (let j = i; j < stop; j++) if (source[j] === '\n') line++;
      i = stop;
      continue;
    }
    if (char === '/' && (BEFORE_REGEX.has(lastSignificant) || /\b(?:return|typeof|case)\s*$/.test(code))) {
      let inClass = false;
      i++;
      while (i < source.length && source[i] !== '\n') {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        else if (source[i] === '/' && !inClass) break;
        i++;
      }
      if (source[i] === '/') i++;
      lastSignificant = 'x';
      continue;
    }
    if (char === "'" || char === '"' || char === '`' || (char === '}' && templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === 0)) {
      flushCode();
      const start = line;
      if (char === '}') templateDepths.pop();
      const text = readString(char === '}' ? '`' : char);
      found.push({ line: start, text: text.replace(/\u0000$/, ''), inCode: false });
      codeLine = line;
      lastSignificant = text.endsWith('\u0000') ? '{' : 'x';
      continue;
    }
    if (templateDepths.length > 0) {
      if (char === '{') templateDepths[templateDepths.length - 1]++;
      else if (char === '}') templateDepths[templateDepths.length - 1]--;
    }
    if (char === '\n') {
      flushCode();
      line++;
      codeLine = line;
    } else {
      code += char;
    }
    if (!/\s/.test(char)) lastSignificant = /[\w$)\]]/.test(char) ? 'x' : char;
    i++;
  }
  flushCode();
  return found;
}

/** Every language test and French-looking literal of a source file. */
export function interfaceTextFindings(source: string): TextFinding[] {
  const findings: TextFinding[] = [];
  source.split('\n').forEach((text, index) => {
    if (!/^\s*(?:\/\/|\/?\*)/.test(text) && LANGUAGE_TEST.test(text)) findings.push({ line: index + 1, kind: 'language-test', text: text.trim() });
  });
  for (const literal of literalsOf(source)) {
    // In code, outside strings, French can only be JSX text.
    if (readsAsFrench(literal.text)) findings.push({ line: literal.line, kind: 'french-text', text: literal.text.trim() });
  }
  return findings;
}
