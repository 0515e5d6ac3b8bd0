/**
 * Saved result pages for tests (Node only): parsed without running their scripts, as the content
 * script sees them, and their organic targets from ground_truth.json (../shared/serp-fixtures).
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

export const FIXTURES_DIR = new URL('./fixtures/', import.meta.url);

const groundTruth = JSON.parse(readFileSync(new URL('ground_truth.json', FIXTURES_DIR), 'utf8')) as Record<string, string[]>;

/** The saved pages of the engines the extension marks, by file name (`google-3.html`). */
export const SAVED_PAGES = Object.keys(groundTruth).filter((name) => /^(google|bing|qwant|duckduckgo|ecosia)-\d+\.html$/.test(name));

/** The ordered organic targets of a saved page, as the URL parser writes them. */
export function organicTargets(name: string): string[] {
  return groundTruth[name].map((url) => new URL(url).href);
}

export function readSavedPage(name: string): string {
  return readFileSync(new URL(name, FIXTURES_DIR), 'utf8');
}

/** Parses HTML into a document that runs no script and loads nothing. */
export function parsePage(html: string): Document {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
