/** axe-core in a real browser tab: the serious and critical violations, which must be none (RGAA / WCAG 2.1 AA). */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface Violation {
  id: string;
  impact: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page, or only in the elements `include` selects (shadow trees included). */
export async function seriousViolations(tab: Page, include?: string): Promise<Violation[]> {
  await tab.evaluate(axe.source);
  return tab.evaluate(async (selector) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const results = await engine.run(selector === undefined ? document : { include: [[selector]] }, { resultTypes: ['violations'] });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact ?? '', targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  }, include);
}
