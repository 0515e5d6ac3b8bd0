/**
 * The badge's styles, inside its shadow root: the page's CSS cannot reach them, and they cannot
 * reach the page. `all: initial` drops what the host element would inherit from the result.
 * Colours keep at least 4.5:1 contrast in light and dark schemes; system fonts only (no request).
 */
export const BADGE_CSS = `
:host { all: initial; display: block; margin: 0 0 4px; line-height: normal; }
.badge { display: inline-flex; flex-direction: column; align-items: flex-start; gap: 4px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 13px; }
button { all: unset; position: relative; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; cursor: pointer;
  padding: 2px 10px 2px 6px; border: 1px solid #18753c; border-radius: 999px;
  background: #e8f5ec; color: #0c4a23; font: inherit; font-weight: 600; }
button:hover { background: #d3eddc; }
button:focus-visible { outline: 3px solid #0a5ecc; outline-offset: 2px; }
.glyph { display: inline-grid; place-items: center; width: 16px; height: 16px; border-radius: 50%;
  background: #18753c; color: #ffffff; font-size: 11px; font-weight: 700; }
.extra { font-weight: 400; }
/* Read by screen readers, not drawn (the usual clip pattern). */
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.details { display: block; max-width: 42em; padding: 6px 10px; border: 1px solid #18753c; border-radius: 6px;
  background: #ffffff; color: #1e1e1e; font-weight: 400; line-height: 1.4; }
.details[hidden] { display: none; }
.host { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.note { display: block; margin-top: 2px; font-size: 12px; color: #3a3a3a; }
.compact { font-size: 11px; }
.compact button { padding: 0 6px 0 2px; gap: 4px; }
.compact .glyph { width: 13px; height: 13px; font-size: 9px; }
.detailed { font-size: 14px; }
.notice { display: block; padding: 6px 10px; border-left: 4px solid #18753c; background: #f2f7f4; color: #1e1e1e;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 13px; }
@media (prefers-color-scheme: dark) {
  button { background: #133822; color: #c9f2d6; border-color: #5ccf8a; }
  button:hover { background: #1b4a2e; }
  button:focus-visible { outline-color: #8ab8ff; }
  .glyph { background: #5ccf8a; color: #0b1f13; }
  .details { background: #1e1e1e; color: #f0f0f0; border-color: #5ccf8a; }
  .note { color: #cfcfcf; }
  .notice { background: #17261d; color: #f0f0f0; border-left-color: #5ccf8a; }
}
`;
