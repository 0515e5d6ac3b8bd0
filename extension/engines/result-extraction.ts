/**
 * The one generic extractor: reads an engine record (engines.ts) against a result page and gives
 * its organic results in page order, each with its block and its real target.
 */
import type { EngineRecord } from './engine-record.ts';
import { linkTarget } from './redirect-target.ts';

export interface ExtractedResult {
  /** The organic result's block, where the badge goes. */
  block: Element;
  /** The result's main link. */
  link: Element;
  /** The real target, redirects decoded. */
  target: string;
}

/**
 * The organic results under `root`, in document order. A block inside an excluded region (ads,
 * "people also ask", knowledge panels, packs) or nested in another result is left out, as is a
 * link that leads back to the engine itself.
 */
export function extractResults(root: ParentNode, engine: EngineRecord, pageUrl: string): ExtractedResult[] {
  const exclusion = engine.excludeWithin.join(', ');
  const results: ExtractedResult[] = [];
  const seenBlocks = new Set<Element>();
  let blocks: Iterable<Element>;
  try {
    blocks = root.querySelectorAll(engine.result);
    if (exclusion !== '') root.querySelector(exclusion);
    for (const selector of [engine.link, ...(engine.excludeContaining ?? [])]) root.querySelector(selector);
  } catch {
    // A selector the browser cannot read (definitions published with the list pass the schema, not
    // every browser's parser): nothing is marked rather than the page broken.
    return [];
  }
  for (const block of blocks) {
    // Result selectors can match both a block and its wrapper (Google's `div.g` inside `div.g`): keep the outer one.
    if (hasAncestorIn(block, seenBlocks)) continue;
    if (engine.excludeContaining?.some((selector) => block.querySelector(selector) !== null)) continue;
    const link = block.querySelector(engine.link);
    // An excluded region may sit around the block or inside it, around its link (a video carousel in a result-like block).
    if (link === null || (exclusion !== '' && link.closest(exclusion) !== null)) continue;
    const target = readTarget(link, engine, pageUrl);
    if (target === null) continue;
    seenBlocks.add(block);
    results.push({ block, link, target });
  }
  return results;
}

function hasAncestorIn(element: Element, blocks: ReadonlySet<Element>): boolean {
  for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
    if (blocks.has(parent)) return true;
  }
  return false;
}

/** The target of a result link, redirects decoded; null for an engine link or a link that is not http(s). */
function readTarget(link: Element, engine: EngineRecord, pageUrl: string): string | null {
  const href = link.getAttribute('href');
  if (href === null || href === '') return null;
  const target = linkTarget(href, pageUrl, engine);
  return target.ok ? target.url : null;
}
