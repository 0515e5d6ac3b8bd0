/**
 * How actor names are folded for search, and how a query is read: accents, case, hyphens and
 * apostrophes ignored; « st »/« ste » read as « saint »/« sainte »; a leading article (« Le », « La »,
 * « Les », « L' ») optional; every word a prefix. Actors' names are searched in memory
 * (actor-name-index.ts); for actions, the query becomes an FTS5 expression built only from folded
 * words, each quoted: nothing typed by a visitor reaches FTS5's syntax.
 */

const ARTICLES = new Set(['le', 'la', 'les', 'l']);
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };
/** At most this many words of a query are searched (the longest French commune names have about 10). */
const MAX_QUERY_WORDS = 12;

/** `L'Haÿ-les-Roses` → `l hay les roses`: lowercase ASCII words separated by single spaces. */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => ABBREVIATIONS[word] ?? word);
}

/** The key names sort by: folded, « saint » spelled out, article kept. */
export function nameKey(name: string): string {
  return foldedWords(name).join(' ');
}

/** What the search index holds for a name: its words, and its words joined (`lhaylesroses`, `haylesroses`) for typed-together queries. */
export function searchForms(name: string): { words: string; joined: string } {
  const words = foldedWords(name);
  const joined = new Set([words.join('')]);
  if (words.length > 1 && ARTICLES.has(words[0])) joined.add(words.slice(1).join(''));
  return { words: words.join(' '), joined: [...joined].join(' ') };
}

/** A visitor's query for an actor's name: every word a prefix of one of the name's words, or all of them typed together a prefix of the joined name. */
export interface ActorNameQuery {
  words: string[];
  joined: string;
  /** The whole query as a name key, article kept: the names equal to it come first. */
  exactKey: string;
}

/**
 * How a visitor's query is searched, or null when it has no word. A leading article is dropped
 * when other words follow (« Le Mans » finds « Le Mans » and a query « mans » too); the words
 * typed together are also tried against the joined forms (`saintetienne`).
 */
export function actorNameQuery(query: string): ActorNameQuery | null {
  let words = foldedWords(query).slice(0, MAX_QUERY_WORDS);
  if (words.length > 1 && ARTICLES.has(words[0])) words = words.slice(1);
  if (words.length === 0) return null;
  return { words, joined: words.join(''), exactKey: nameKey(query) };
}

/** The FTS5 expression for a full-text search of actions: every folded word as a prefix, all required. */
export function actionMatchExpression(query: string): string | null {
  const words = foldedWords(query).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}" *`).join(' ');
}
