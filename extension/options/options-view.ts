/**
 * The options page: which engines to mark, promotion, hiding untrusted results, badge density.
 * What the enterprise policy fixes is shown as it is, locked, and says who set it.
 */
import { ENGINES } from '../engines/engines.ts';
import { ENGINE_IDS, type EngineId } from '../engines/engine-record.ts';
import { type MessageKey, text } from '../i18n/ui-text.ts';
import { creditFooter, element, preparePage } from '../pages/page-parts.ts';
import { DENSITIES, type Density, type LockedSettings, readPolicy, readSettings, type Settings, updateSettings } from '../settings/settings.ts';

const ENGINE_NAMES: Record<EngineId, string> = { google: 'Google', bing: 'Bing', qwant: 'Qwant', duckduckgo: 'DuckDuckGo', ecosia: 'Ecosia' };
const DENSITY_LABELS: Record<Density, MessageKey> = { compact: 'densityCompact', standard: 'densityStandard', detailed: 'densityDetailed' };

function choice(document: Document, type: 'checkbox' | 'radio', id: string, label: string, checked: boolean, locked: boolean, attributes: Record<string, string> = {}) {
  const input = element(document, 'input', undefined, { type, id, ...attributes, ...(locked ? { 'aria-describedby': 'locked-note' } : {}) });
  input.checked = checked;
  input.disabled = locked;
  const parts = [input, element(document, 'span', label)];
  if (locked) parts.push(element(document, 'span', ` — ${text('optionsLocked')}`, { class: 'locked' }));
  return { input, label: element(document, 'label', parts, { for: id, ...(locked ? { 'data-locked': 'true' } : {}) }) };
}

export async function showOptions(document: Document): Promise<void> {
  const language = preparePage(document, 'optionsTitle');
  document.body.classList.add('options');
  let settings = await readSettings();
  const { locked }: { locked: LockedSettings } = await readPolicy();
  const saved = element(document, 'p', '', { role: 'status', class: 'small' });
  const save = async (change: Partial<Settings>) => {
    settings = await updateSettings(change);
    saved.textContent = text('optionsSaved');
  };

  const engineChoices = ENGINE_IDS.map((id) => {
    const hosts = ENGINES.filter((record) => record.engine === id).flatMap((record) => record.hosts);
    const { input, label } = choice(document, 'checkbox', `engine-${id}`, `${ENGINE_NAMES[id]} (${hosts.slice(0, 3).join(', ')}${hosts.length > 3 ? '…' : ''})`, settings.engines[id], locked.engines === true);
    input.addEventListener('change', () => void save({ engines: { ...settings.engines, [id]: input.checked } }));
    return label;
  });

  const promote = choice(document, 'checkbox', 'promote', text('optionsPromote'), settings.promoteFirstTrusted, locked.promoteFirstTrusted === true);
  promote.input.addEventListener('change', () => void save({ promoteFirstTrusted: promote.input.checked }));
  const hide = choice(document, 'checkbox', 'hide-untrusted', text('optionsHide'), settings.hideUntrusted, locked.hideUntrusted === true);
  hide.input.addEventListener('change', () => void save({ hideUntrusted: hide.input.checked }));

  const densityChoices = DENSITIES.map((density) => {
    const { input, label } = choice(document, 'radio', `density-${density}`, text(DENSITY_LABELS[density]), settings.density === density, locked.density === true, {
      name: 'density',
      value: density,
    });
    input.addEventListener('change', () => {
      if (input.checked) void save({ density });
    });
    return label;
  });

  const main = element(document, 'main', [
    element(document, 'h1', text('optionsTitle')),
    element(document, 'fieldset', [element(document, 'legend', text('optionsEngines')), ...engineChoices]),
    element(document, 'fieldset', [element(document, 'legend', text('optionsDisplay')), promote.label, hide.label]),
    element(document, 'fieldset', [element(document, 'legend', text('optionsDensity')), ...densityChoices]),
    saved,
    element(document, 'p', text('optionsManagedNote'), { class: 'small' }),
    ...(Object.keys(locked).length > 0 ? [element(document, 'p', text('optionsLockedNote'), { class: 'small', id: 'locked-note' })] : []),
    element(document, 'p', text('privacyNote'), { class: 'small' }),
    creditFooter(document, language),
  ]);
  document.body.replaceChildren(main);
}
