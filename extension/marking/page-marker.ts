/**
 * The one generic marker: finds the organic results of the page with its engine record, asks for
 * their sources, and puts a badge on each trusted one; then, if chosen, moves the first trusted
 * result to the top or hides the untrusted ones. Runs again whenever results are added later
 * (single-page navigation, "more results", infinite scroll) or come back (back/forward cache).
 */
import { engineForPage } from '../engines/engines.ts';
import type { EngineRecord } from '../engines/engine-record.ts';
import { type ExtractedResult, extractResults } from '../engines/result-extraction.ts';
import type { MatchedSource, MatchResponse } from '../matching/messages.ts';
import { marksAlike, type Settings } from '../settings/settings.ts';
import { type BadgeText, createBadge, createNotice, OWN_ELEMENT_ATTRIBUTE, type PageTheme, pageTheme } from './badge.ts';

export interface MarkerEnvironment {
  document: Document;
  /** The page's current URL (a single-page app changes it without reloading). */
  pageUrl(): string;
  /** The sources of the targets, in order, or null when they cannot be had (the page is then left as it is). */
  matchTargets(targets: string[]): Promise<MatchResponse | null>;
  badgeText(source: MatchedSource): BadgeText;
  /** « 3 éléments masqués… » */
  hiddenNotice(count: number): string;
  /** « Résultat de confiance placé en tête : … » (default: nothing said). */
  promotedNotice?(source: MatchedSource): string;
  /** The label of the button that shows the hidden items again (default « Afficher »). */
  showHiddenLabel?(): string;
  /** The engine definitions in use (default: the bundled ones). */
  engines?(): readonly EngineRecord[];
  /** Opens the extension's « Qu'est-ce que c'est ? » page, on the user's click in a badge. */
  openAbout?(): void;
}

/** How long mutations are gathered before results are looked for again. */
const RESCAN_DELAY_MS = 40;

interface HiddenBlock {
  display: string;
  priority: string;
}

export class PageMarker {
  /** The target each result block was last checked for (engines reuse blocks when they redraw). */
  private checked = new WeakMap<Element, string>();
  private trusted = new Map<Element, MatchedSource>();
  private badges = new Map<Element, HTMLElement>();
  private hidden = new Map<HTMLElement, HiddenBlock>();
  private promoted: { block: Element; placeholder: Comment } | null = null;
  private notice: HTMLElement | null = null;
  /** The user asked to see what hiding took away: nothing is hidden on this page any more. */
  private revealed = false;
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  /**
   * What the next pass starts with, asked by redraw or recheck: done at the start of a pass, so
   * that a pass already under way (answered from the former list or settings) cannot leave its
   * answers behind as if they were checked against the new ones.
   */
  private reset: 'none' | 'recheck' | 'redraw' = 'none';

  constructor(
    private readonly environment: MarkerEnvironment,
    private settings: Settings,
  ) {}

  /** Marks the results present now, then follows the page. */
  start(): Promise<void> {
    const { document } = this.environment;
    // The content script's own MutationObserver; the document's window's where there is none (tests).
    const Observer = globalThis.MutationObserver ?? document.defaultView!.MutationObserver;
    this.observer = new Observer((mutations) => {
      if (mutations.some((mutation) => addsForeignNodes(mutation))) this.scheduleScan();
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
    const view = document.defaultView;
    // Back/forward cache: the page comes back as it was left, but the settings may have changed meanwhile.
    view?.addEventListener('pageshow', (event) => {
      if (event.persisted) this.scheduleScan();
    });
    view?.addEventListener('popstate', () => this.scheduleScan());
    return this.scan();
  }

  stop(): void {
    this.observer?.disconnect();
    if (this.timer !== null) clearTimeout(this.timer);
    this.clear();
  }

  /** New settings: badges are drawn again, with the new density, promotion and hiding. */
  applySettings(settings: Settings): Promise<void> {
    // The same marking again (a change read twice, the policy rewritten as it was): badges stay, never drawn twice.
    const unchanged = marksAlike(settings, this.settings);
    this.settings = settings;
    if (unchanged) return Promise.resolve();
    return this.redraw();
  }

  /** The engine definitions changed: everything is found and drawn again. */
  redraw(): Promise<void> {
    this.reset = 'redraw';
    return this.scan();
  }

  /** The list in use changed: every result is matched again, and a badge changes only where its source did (nothing flickers, nothing is read out again). */
  recheck(): Promise<void> {
    if (this.reset === 'none') this.reset = 'recheck';
    return this.scan();
  }

  private scheduleScan(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.scan();
    }, RESCAN_DELAY_MS);
  }

  /** One pass over the page; a pass asked for while one runs is done right after it. */
  scan(): Promise<void> {
    if (this.running !== null) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.rerun) {
        this.rerun = false;
        void this.scan();
      }
    });
    return this.running;
  }

  private pageThemeSeen: PageTheme | null = null;
  private themeAsked = false;

  /**
   * The page's theme, read once. Reading a computed background forces a style pass, which the task
   * that draws the first badges must not pay (it runs before the page is first shown): those are
   * drawn light, and turn dark just after the first frame if the page is dark.
   */
  private theme(): PageTheme {
    if (this.pageThemeSeen !== null) return this.pageThemeSeen;
    if (!this.themeAsked) {
      this.themeAsked = true;
      const view = this.environment.document.defaultView;
      const afterFrame = (read: () => void) => (view?.requestAnimationFrame === undefined ? setTimeout(read, 0) : view.requestAnimationFrame(() => setTimeout(read, 0)));
      afterFrame(() => this.applyTheme(pageTheme(this.environment.document)));
    }
    return 'light';
  }

  private applyTheme(theme: PageTheme): void {
    this.pageThemeSeen = theme;
    if (theme === 'light') return;
    this.pause(() => {
      for (const badge of this.badges.values()) badge.shadowRoot?.querySelector('.badge')?.classList.replace('light', theme);
      this.notice?.shadowRoot?.querySelector('.notice')?.classList.replace('light', theme);
    });
  }

  private activeRecord(): EngineRecord | null {
    const record = engineForPage(this.environment.pageUrl(), this.environment.engines?.());
    if (record === null || this.settings.paused || !this.settings.engines[record.engine]) return null;
    return record;
  }

  private async pass(): Promise<void> {
    if (this.reset === 'redraw') this.clear();
    else if (this.reset === 'recheck') this.checked = new WeakMap();
    this.reset = 'none';
    const record = this.activeRecord();
    if (record === null) {
      this.clear();
      return;
    }
    const results = extractResults(this.environment.document, record, this.environment.pageUrl());
    const pending = results.filter((result) => this.checked.get(result.block) !== result.target);
    if (pending.length > 0) {
      const targets = [...new Set(pending.map((result) => result.target))];
      const sources = await this.environment.matchTargets(targets);
      // No answer: leave the page as it is.
      if (sources === null) return;
      const byTarget = new Map(targets.map((target, index) => [target, sources[index]]));
      this.pause(() => {
        for (const result of pending) this.markResult(result, byTarget.get(result.target) ?? null);
      });
    }
    this.pause(() => this.arrange(results, record));
  }

  private markResult({ block, target }: ExtractedResult, source: MatchedSource | null): void {
    this.checked.set(block, target);
    if (source !== null && sameSource(this.trusted.get(block), source) && this.badges.get(block)?.isConnected === true) return;
    this.badges.get(block)?.remove();
    this.badges.delete(block);
    this.trusted.delete(block);
    if (source === null) return;
    const badge = createBadge(this.environment.document, source.host, this.environment.badgeText(source), this.settings.density, this.theme(), this.environment.openAbout);
    block.prepend(badge);
    this.badges.set(block, badge);
    this.trusted.set(block, source);
  }

  /** Promotion and hiding, from the results as they stand. */
  private arrange(results: readonly ExtractedResult[], record: EngineRecord): void {
    const blocks = results.map((result) => result.block).filter((block) => block.isConnected);
    const firstTrusted = blocks.find((block) => this.trusted.has(block));
    if (this.settings.promoteFirstTrusted && firstTrusted !== undefined && firstTrusted !== blocks[0]) {
      this.restorePromoted();
      const placeholder = this.environment.document.createComment('sdc: promoted result was here');
      firstTrusted.before(placeholder);
      blocks[0].before(firstTrusted);
      this.promoted = { block: firstTrusted, placeholder };
    } else if (!this.settings.promoteFirstTrusted) {
      this.restorePromoted();
    }

    const hiding = this.settings.hideUntrusted && !this.revealed;
    // Hiding takes away untrusted results, and the ads and answer boxes around them (the engine's
    // excluded regions) unless a trusted result sits inside one.
    const toHide = new Set<HTMLElement>();
    if (hiding) {
      for (const block of blocks) if (isHtmlElement(block) && !this.trusted.has(block)) toHide.add(block);
      for (const region of excludedRegions(this.environment.document, record)) {
        if (isHtmlElement(region) && ![...this.trusted.keys()].some((block) => region.contains(block))) toHide.add(region);
      }
    }
    for (const element of [...this.hidden.keys()]) if (!toHide.has(element)) this.unhide(element);
    for (const element of toHide) {
      if (this.hidden.has(element)) continue;
      this.hidden.set(element, { display: element.style.getPropertyValue('display'), priority: element.style.getPropertyPriority('display') });
      element.style.setProperty('display', 'none', 'important');
    }

    const promotedSource = this.promoted === null ? undefined : this.trusted.get(this.promoted.block);
    const sentences = [
      ...(promotedSource !== undefined && this.environment.promotedNotice !== undefined ? [this.environment.promotedNotice(promotedSource)] : []),
      ...(toHide.size > 0 ? [this.environment.hiddenNotice(toHide.size)] : []),
    ];
    this.showNotice(sentences.length === 0 ? null : sentences.join(' '), this.promoted?.block ?? blocks[0], toHide.size > 0);
  }

  /** « Afficher »: everything hiding took away comes back, on this page, until it is loaded again. */
  private reveal(): void {
    this.revealed = true;
    this.pause(() => {
      for (const element of [...this.hidden.keys()]) this.unhide(element);
    });
    void this.scan();
  }

  /** The status line about promotion and hidden results, redrawn only when its text changes (screen readers announce each change). */
  private showNotice(message: string | null, firstBlock: Element | undefined, canReveal = false): void {
    if (message !== null && this.notice?.getAttribute(NOTICE_TEXT_ATTRIBUTE) === message && this.notice.isConnected) return;
    this.notice?.remove();
    this.notice = null;
    if (message === null || firstBlock === undefined) return;
    const action = canReveal ? { label: this.environment.showHiddenLabel?.() ?? 'Afficher', run: () => this.reveal() } : undefined;
    this.notice = createNotice(this.environment.document, message, this.theme(), action);
    this.notice.setAttribute(NOTICE_TEXT_ATTRIBUTE, message);
    firstBlock.before(this.notice);
  }

  private unhide(block: HTMLElement): void {
    const previous = this.hidden.get(block);
    if (previous === undefined) return;
    block.style.setProperty('display', previous.display, previous.priority);
    this.hidden.delete(block);
  }

  private restorePromoted(): void {
    if (this.promoted === null) return;
    const { block, placeholder } = this.promoted;
    if (placeholder.isConnected) placeholder.replaceWith(block);
    this.promoted = null;
  }

  /** Removes everything the extension added or changed. */
  private clear(): void {
    this.pause(() => {
      for (const badge of this.badges.values()) badge.remove();
      for (const block of [...this.hidden.keys()]) this.unhide(block);
      this.restorePromoted();
      this.showNotice(null, undefined);
    });
    this.badges.clear();
    this.trusted.clear();
    this.checked = new WeakMap();
  }

  /** Runs a change of ours without the observer taking it for new results (but not missing the page's own). */
  private pause(change: () => void): void {
    change();
    const records = this.observer?.takeRecords() ?? [];
    if (records.some((mutation) => addsForeignNodes(mutation))) this.scheduleScan();
  }
}

const NOTICE_TEXT_ATTRIBUTE = 'data-sdc-notice';

/** Whether a badge drawn for `drawn` says what one for `source` would. */
function sameSource(drawn: MatchedSource | undefined, source: MatchedSource): boolean {
  return drawn !== undefined && drawn.host === source.host && drawn.category === source.category && drawn.name === source.name;
}

/** The engine's excluded regions (ads, answer boxes, panels) present on the page, outermost only. */
function excludedRegions(document: Document, record: EngineRecord): Element[] {
  if (record.excludeWithin.length === 0) return [];
  let regions: Element[];
  try {
    regions = [...document.querySelectorAll(record.excludeWithin.join(', '))];
  } catch {
    return [];
  }
  return regions.filter((region) => !regions.some((other) => other !== region && other.contains(region)));
}

function isHtmlElement(element: Element): element is HTMLElement {
  return 'style' in element;
}

/** Whether a mutation adds something other than the extension's own elements. */
function addsForeignNodes(mutation: MutationRecord): boolean {
  for (const node of mutation.addedNodes) {
    if (node.nodeType !== 1) continue;
    if (!(node as Element).hasAttribute(OWN_ELEMENT_ATTRIBUTE)) return true;
  }
  return false;
}
