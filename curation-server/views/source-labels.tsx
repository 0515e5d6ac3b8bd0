/** @jsxImportSource hono/jsx */
/** How source values read in the console: labels for the fixed vocabularies, status badges. */
import type { Source, Status } from '../../corpus/source.ts';
import type { Messages } from '../i18n/messages.ts';
import type { ValidationState } from '../sources/validation-state.ts';

/** The hostname with its path for `path` sources: what the source claims. */
export function sourceTarget(source: Pick<Source, 'host' | 'path'>): string {
  return `${source.host}${source.path}`;
}

/** A field's value as people read it (labels for scope, category, status), raw otherwise. */
export function fieldValue(t: Messages, field: keyof Source, value: string): string {
  if (field === 'scope') return t.scopes[value as Source['scope']] ?? value;
  if (field === 'category') return t.categories[value as Source['category']] ?? value;
  if (field === 'status') return t.statuses[value as Status] ?? value;
  return value;
}

export function StatusBadge(props: { t: Messages; status: Status }) {
  return <span class={`badge badge-${props.status}`}>{props.t.statuses[props.status]}</span>;
}

export function ValidationBadge(props: { t: Messages; state: ValidationState }) {
  return <span class={`badge badge-validation-${props.state}`}>{props.t.validation[props.state]}</span>;
}
