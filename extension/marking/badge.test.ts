import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createBadge } from './badge.ts';

const TEXT = { label: 'Source de confiance', description: " : site d'une commune — Mairie de Lyon", summary: "Site d'une commune — Mairie de Lyon", note: 'note' };

function badgeIn(density: 'compact' | 'standard' | 'detailed') {
  const document = new Window().document as unknown as Document;
  const host = createBadge(document, 'lyon.fr', TEXT, density);
  document.body.append(host);
  const root = host.shadowRoot!;
  return { host, root, button: root.querySelector('button')!, details: root.getElementById(root.querySelector('button')!.getAttribute('aria-controls')!)! };
}

describe('badge', () => {
  it('carries the source hostname and names itself « Source de confiance : site … — … » from its own text', () => {
    const { host, button } = badgeIn('standard');
    expect(host.getAttribute('data-sdc-source')).toBe('lyon.fr');
    expect(button.hasAttribute('aria-label')).toBe(false);
    const spoken = [...button.children].filter((child) => child.getAttribute('aria-hidden') !== 'true').map((child) => child.textContent).join('');
    expect(spoken).toBe("Source de confiance : site d'une commune — Mairie de Lyon");
    expect(button.querySelector('.glyph')!.textContent).toBe('✓');
  });

  it('shows the description in the detailed density only', () => {
    expect(badgeIn('standard').button.querySelector('.extra')!.classList.contains('visually-hidden')).toBe(true);
    expect(badgeIn('detailed').button.querySelector('.extra')!.classList.contains('visually-hidden')).toBe(false);
  });

  it('opens and closes its details with the button, and closes them with Escape', () => {
    const { button, details } = badgeIn('standard');
    expect(details.hidden).toBe(true);
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(details.hidden).toBe(false);
    expect(details.textContent).toContain('(lyon.fr)');
    button.dispatchEvent(new (button.ownerDocument.defaultView as unknown as typeof globalThis).KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(details.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('keeps a click on the badge from reaching the result around it', () => {
    const { host, button } = badgeIn('standard');
    let reached = false;
    host.ownerDocument.body.addEventListener('click', () => {
      reached = true;
    });
    button.click();
    expect(reached).toBe(false);
  });
});
