/**
 * The current actors' names, searchable in memory: about 39,000 actors, a few words each, held in
 * the order results come in (rank_key: communes, EPCI, départements, régions, others, the most
 * populous first; then the folded name, then the id). A word of a query is a prefix of a name's
 * word: a binary search in the sorted words gives a range, whose postings mark the actors that
 * have it. A query costs what its words match (« sain »: 5,000 postings), not a scan of the
 * database, and paging is a slice.
 *
 * The index is built from the database and rebuilt when the actors' version moves
 * (atlaas_data_versions, raised by triggers on every write, from any process).
 */
import type { Kysely } from 'kysely';
import type { AtlaasActorKind, Database } from '../db/schema.ts';
import { atlaasDataVersion } from './data-version.ts';
import type { ActorNameQuery } from './names.ts';

/** Sorted distinct words, each with the positions (in result order) of the actors that have it. */
interface WordPostings {
  words: string[];
  /** Postings of words[i]: positions[starts[i] … starts[i + 1]). */
  starts: Int32Array;
  positions: Int32Array;
}

function wordPostings(wordsByPosition: readonly string[][]): WordPostings {
  const byWord = new Map<string, number[]>();
  wordsByPosition.forEach((words, position) => {
    for (const word of new Set(words)) {
      const list = byWord.get(word);
      if (list === undefined) byWord.set(word, [position]);
      else list.push(position);
    }
  });
  const words = [...byWord.keys()].sort();
  const starts = new Int32Array(words.length + 1);
  const positions = new Int32Array([...byWord.values()].reduce((total, list) => total + list.length, 0));
  let next = 0;
  words.forEach((word, index) => {
    starts[index] = next;
    for (const position of byWord.get(word) as number[]) positions[next++] = position;
  });
  starts[words.length] = next;
  return { words, starts, positions };
}

/** The first index of `words` not before `key` (binary search). */
function lowerBound(words: readonly string[], key: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Calls `visit` with every position holding a word that starts with `prefix` (a position may come twice). */
function forEachWithPrefix(index: WordPostings, prefix: string, visit: (position: number) => void): void {
  for (let word = lowerBound(index.words, prefix); word < index.words.length && index.words[word].startsWith(prefix); word++) {
    for (let posting = index.starts[word]; posting < index.starts[word + 1]; posting++) visit(index.positions[posting]);
  }
}

export interface IndexedActor {
  seq: number;
  nameKey: string;
  departement: string;
  kind: AtlaasActorKind;
}

export interface NameFilters {
  departement?: string;
  kind?: AtlaasActorKind;
}

export class ActorNameIndex {
  private readonly words: WordPostings;
  private readonly joined: WordPostings;

  /** `actors` in result order, each with the words of its name (and aliases) and their joined forms. */
  constructor(
    private readonly actors: readonly IndexedActor[],
    words: readonly string[][],
    joined: readonly string[][],
  ) {
    this.words = wordPostings(words);
    this.joined = wordPostings(joined);
  }

  get size(): number {
    return this.actors.length;
  }

  /**
   * The actors matching a query, in result order with exact names first: every word of the query a
   * prefix of one of the name's words, or the words typed together a prefix of the joined name.
   * Returns the total and the page's sequence numbers.
   */
  search(query: ActorNameQuery | null, filters: NameFilters, page: { offset: number; limit: number }): { total: number; seqs: number[] } {
    const keep = (position: number) => {
      const actor = this.actors[position];
      return (filters.departement === undefined || actor.departement === filters.departement) && (filters.kind === undefined || actor.kind === filters.kind);
    };
    let matched: number[];
    if (query === null) {
      matched = [];
      for (let position = 0; position < this.actors.length; position++) if (keep(position)) matched.push(position);
    } else {
      // counts[p] = how many of the query's words, in order, position p has matched so far.
      const counts = new Uint8Array(this.actors.length);
      query.words.forEach((word, index) => {
        forEachWithPrefix(this.words, word, (position) => {
          if (counts[position] === index) counts[position] = index + 1;
        });
      });
      const all = query.words.length;
      forEachWithPrefix(this.joined, query.joined, (position) => {
        counts[position] = all;
      });
      matched = [];
      for (let position = 0; position < counts.length; position++) if (counts[position] === all && keep(position)) matched.push(position);
      const exactKey = query.exactKey;
      const exact = matched.filter((position) => this.actors[position].nameKey === exactKey);
      if (exact.length > 0) matched = [...exact, ...matched.filter((position) => this.actors[position].nameKey !== exactKey)];
    }
    return { total: matched.length, seqs: matched.slice(page.offset, page.offset + page.limit).map((position) => this.actors[position].seq) };
  }
}

export async function buildActorNameIndex(db: Kysely<Database>): Promise<ActorNameIndex> {
  const rows = await db
    .selectFrom('atlaas_actors')
    .select(['seq', 'name_key', 'search_words', 'search_joined', 'departement', 'kind'])
    .where('current', '=', 1)
    .orderBy('rank_key')
    .orderBy('name_key')
    .orderBy('id')
    .execute();
  const split = (text: string) => text.split(' ').filter((word) => word !== '');
  return new ActorNameIndex(
    rows.map((row) => ({ seq: row.seq, nameKey: row.name_key, departement: row.departement, kind: row.kind })),
    rows.map((row) => split(row.search_words)),
    rows.map((row) => split(row.search_joined)),
  );
}

const built = new WeakMap<Kysely<Database>, { version: number; index: Promise<ActorNameIndex> }>();

/** The index of this database's current actors, rebuilt when they have changed since it was built. */
export async function actorNameIndex(db: Kysely<Database>): Promise<ActorNameIndex> {
  const version = await atlaasDataVersion(db, 'actors');
  const known = built.get(db);
  if (known !== undefined && known.version === version) return known.index;
  const index = buildActorNameIndex(db);
  built.set(db, { version, index });
  index.catch(() => built.delete(db));
  return index;
}
