/**
 * The badge's styles, inside its shadow root: the page's CSS cannot reach them, and they cannot
 * reach the page. `all: initial` drops what the host element would inherit from the result.
 * Colours keep at least 4.5:1 contrast in light and dark themes (the page's own: badge.ts
 * pageTheme); system fonts only (no request).
 */
export const BADGE_CSS = `
:host { all: initial; display: block; margin: 0 0 4px; line-height: normal; }
.badge { position: relative; display: inline-flex; flex-direction: column; align-items: flex-start; gap: 4px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 13px; }
button { all: unset; position: relative; box-sizing: border-box; display: inline-flex; flex-wrap: wrap; align-items: center; column-gap: 6px; cursor: pointer;
  max-width: 100%; padding: 2px 10px 2px 6px; border: 1px solid #18753c; border-radius: 999px;
  background: #e8f5ec; color: #0c4a23; font: inherit; font-weight: 600; }
button:hover { background: #d3eddc; }
button:focus-visible { outline: 3px solid #0a5ecc; outline-offset: 2px; }
/* The label never breaks: « Source de confiance » stays on one line whatever the density. */
.label { white-space: nowrap; }
.glyph { display: inline-grid; flex: none; place-items: center; width: 16px; height: 16px; border-radius: 50%;
  background: #18753c; color: #ffffff; font-size: 11px; font-weight: 700; }
.extra { font-weight: 400; }
/* Read by screen readers, not drawn (the usual clip pattern). */
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
/* Who the source is and what the badge vouches for: over the result on hover and keyboard focus (no layout shift), kept open by a click. */
.details { position: absolute; top: 100%; left: 0; z-index: 2147483647; box-sizing: border-box;
  width: max-content; max-width: min(42em, 90vw); padding: 6px 10px; border: 1px solid #18753c; border-radius: 6px;
  background: #ffffff; color: #1e1e1e; font-weight: 400; line-height: 1.4; box-shadow: 0 2px 6px rgb(0 0 0 / 20%); }
.details[hidden] { display: none; }
.badge:not(.dismissed):hover .details, .badge:not(.dismissed):focus-within .details { display: block; }
.host { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.note { display: block; margin-top: 2px; font-size: 12px; color: #3a3a3a; }
/* « Qu'est-ce que c'est ? »: a button drawn as a link (it opens the extension's page through the background). */
.details .about { all: unset; display: inline-block; margin-top: 4px; cursor: pointer; color: #0a4fb4; text-decoration: underline; font-size: 12px; }
.details .about:focus-visible { outline: 3px solid #0a5ecc; outline-offset: 2px; }
.dark .details .about { color: #8ab8ff; }
/* Compact stays readable: 12 px at least. */
.compact { font-size: 12px; }
.compact button { padding: 0 6px 0 2px; column-gap: 4px; }
.compact .glyph { width: 14px; height: 14px; font-size: 10px; }
.detailed { font-size: 14px; }
.notice { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; padding: 6px 10px; border-left: 4px solid #18753c; background: #f2f7f4; color: #1e1e1e;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 13px; }
.notice p { margin: 0; }
.notice .notice-action { padding: 2px 10px; border-radius: 4px; font-weight: 600; }
/* A dark page (its own background, not the computer's theme). */
.dark button { background: #133822; color: #c9f2d6; border-color: #5ccf8a; }
.dark button:hover { background: #1b4a2e; }
.dark button:focus-visible { outline-color: #8ab8ff; }
.dark .glyph { background: #5ccf8a; color: #0b1f13; }
.dark .details { background: #1e1e1e; color: #f0f0f0; border-color: #5ccf8a; }
.dark .note { color: #cfcfcf; }
.notice.dark { background: #17261d; color: #f0f0f0; border-left-color: #5ccf8a; }
.notice.dark .notice-action { background: #133822; color: #c9f2d6; border-color: #5ccf8a; }
`;
