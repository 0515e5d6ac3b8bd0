/**
 * Corpus and matcher figures: how many active sources, how long from corpus text to a ready
 * matcher, how much heap it holds, and how many result URLs it matches per second (one thread);
 * the same for the compact list the extension carries (no build: its first match, its rate).
 * The matcher is loaded from the client list — the corpus text as extensions receive it (active
 * sources, no provenance); figures for the full seed text are printed beside. The URL parser's own
 * rate on the same URLs is printed as a yardstick: compare ratios, not absolute values, across runs.
 * Run with --expose-gc (scripts/bench.ts does).
 */
import { clientSources, parseCorpusText, serializeCorpusText } from '../../corpus/corpus-text.ts';
import { compactMatcher, loadMatcher, type Matcher } from '../../corpus/matcher.ts';
import { encodeCompactList } from '../../corpus/matching/compact-list-encoder.ts';
import { readSeedCorpusText } from '../../corpus/node/seed-corpus-file.ts';
import { median, report, settleHeap } from './report.ts';
import { buildResultUrls } from './result-urls.ts';

const seedText = readSeedCorpusText();
const seed = parseCorpusText(seedText);
const clientText = serializeCorpusText(clientSources(seed.sources), seed.comments);
report('corpus_active_sources', seed.sources.filter((s) => s.status === 'active').length, 'sources');
report('client_list_bytes', new TextEncoder().encode(clientText).length, 'bytes');

/** A fresh copy of a text, as a page load reads it from storage. */
const freshCopy = (text: string) => text.split('').join('');

/** Build times: the first one (cold code, as in a new page) and the median of the next ones. */
function buildTimes(text: string): { cold: number; warm: number } {
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const copy = freshCopy(text);
    const start = performance.now();
    loadMatcher(copy);
    times.push(performance.now() - start);
  }
  return { cold: times[0], warm: median(times.slice(3)) };
}

/** Heap kept alive by a matcher, the corpus text included since the matcher retains it. */
function heapOf(makeText: () => string): { matcher: Matcher; megabytes: number } {
  const before = settleHeap();
  let text: string | undefined = makeText();
  const { matcher } = loadMatcher(text);
  text = undefined;
  return { matcher, megabytes: (settleHeap() - before) / 1024 / 1024 };
}

const client = buildTimes(clientText);
report('matcher_build_cold_ms', client.cold, 'ms');
report('matcher_build_ms', client.warm, 'ms');
report('matcher_build_full_corpus_ms', buildTimes(seedText).warm, 'ms');
const { matcher, megabytes } = heapOf(() => freshCopy(clientText));
report('matcher_heap_mb', megabytes, 'MB');
report('matcher_heap_full_corpus_mb', heapOf(() => readSeedCorpusText()).megabytes, 'MB');

const urls = buildResultUrls(seed.sources, 100_000).map(freshCopy);
let trusted = 0;
for (const url of urls) if (matcher.match(url) !== null) trusted++;
function rate(task: (url: string) => unknown): number {
  const rates: number[] = [];
  for (let run = 0; run < 9; run++) {
    const start = performance.now();
    for (const url of urls) task(url);
    rates.push(urls.length / ((performance.now() - start) / 1000));
  }
  return median(rates.slice(2));
}
report('matches_per_s', rate((url) => matcher.match(url)), 'matches/s');
report('url_parser_per_s', rate((url) => new URL(url).hostname), 'parses/s');
report('matches_trusted_share', (100 * trusted) / urls.length, '%');

const compactList = encodeCompactList(clientSources(seed.sources), seed.comments);
report('compact_list_bytes', new TextEncoder().encode(compactList).length, 'bytes');
const compactCopy = freshCopy(compactList);
const firstMatchStart = performance.now();
const compact = compactMatcher(compactCopy);
compact.match(urls.find((url) => matcher.match(url) !== null) ?? urls[0]);
report('compact_first_match_ms', performance.now() - firstMatchStart, 'ms');
report('compact_matches_per_s', rate((url) => compact.match(url)), 'matches/s');
