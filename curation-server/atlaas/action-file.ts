/**
 * The Atlaas export format (« atlaas-export/1 »): NDJSON, one JSON object a line, either an action
 * (`"type": "action"`) or a label result (`"type": "label"`); blank lines are skipped. Documented,
 * with an example file, in curation-server/atlaas/example/. This module only reads and checks the
 * lines (a pure function); resolving actors and writing is action-import.ts.
 */
import { z } from 'zod';

export const AXES = ['democratie-services-publics', 'vivre-ensemble', 'creation-richesses', 'partage-connaissance'] as const;
export type Axis = (typeof AXES)[number];

const text = (max: number) => z.string().max(max);
const list = z.array(z.string().min(1).max(500)).max(100).default([]);

export const ActionLineSchema = z
  .object({
    type: z.literal('action'),
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'identifiant : lettres, chiffres, « . », « _ », « - », 64 caractères au plus'),
    actor: z.string().min(2).max(40),
    title: z.string().trim().min(1).max(300),
    subtitle: text(500).default(''),
    date: z.string().regex(/^(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'date : AAAA, AAAA-MM ou AAAA-MM-JJ'),
    axis: z.enum(AXES),
    issues: list,
    services: list,
    summary: text(20_000).default(''),
    done: text(20_000).default(''),
    results: text(20_000).default(''),
    recommendations: text(20_000).default(''),
    links: z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(50).default([]),
    tools: list,
    providers: list,
  })
  .strict();

export const LabelLineSchema = z
  .object({
    type: z.literal('label'),
    actor: z.string().min(2).max(40),
    year: z.number().int().min(1999).max(2100),
    arobases: z.number().int().min(1).max(5),
    title: text(200).default(''),
    mentions: list,
  })
  .strict();

export type ActionLine = z.infer<typeof ActionLineSchema>;
export type LabelLine = z.infer<typeof LabelLineSchema>;

export type FileLine = { line: number; kind: 'action'; value: ActionLine } | { line: number; kind: 'label'; value: LabelLine };

export interface LineIssue {
  line: number;
  code: 'invalid-json' | 'invalid-type' | 'invalid-field' | 'unknown-actor' | 'duplicate-action' | 'duplicate-label';
  /** In French, for the person who made the file. */
  message: string;
}

/** Every line of the file read and checked on its own; duplicates within the file are refused at their second line. */
export function readExportFile(content: string): { lines: FileLine[]; issues: LineIssue[] } {
  const lines: FileLine[] = [];
  const issues: LineIssue[] = [];
  const actionLines = new Map<string, number>();
  const labelLines = new Map<string, number>();
  const rows = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  rows.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      issues.push({ line, code: 'invalid-json', message: 'ligne illisible : un objet JSON par ligne' });
      return;
    }
    const type = typeof parsed === 'object' && parsed !== null && 'type' in parsed ? (parsed as { type: unknown }).type : undefined;
    const schema = type === 'action' ? ActionLineSchema : type === 'label' ? LabelLineSchema : null;
    if (schema === null) {
      issues.push({ line, code: 'invalid-type', message: '« type » doit valoir « action » ou « label »' });
      return;
    }
    const checked = schema.safeParse(parsed);
    if (!checked.success) {
      for (const issue of checked.error.issues) issues.push({ line, code: 'invalid-field', message: `${issue.path.join('.') || '(ligne)'} : ${issue.message}` });
      return;
    }
    if (checked.data.type === 'action') {
      const first = actionLines.get(checked.data.id);
      if (first !== undefined) {
        issues.push({ line, code: 'duplicate-action', message: `action « ${checked.data.id} » déjà décrite ligne ${first}` });
        return;
      }
      actionLines.set(checked.data.id, line);
      lines.push({ line, kind: 'action', value: checked.data });
    } else {
      const key = `${checked.data.actor} ${checked.data.year}`;
      const first = labelLines.get(key);
      if (first !== undefined) {
        issues.push({ line, code: 'duplicate-label', message: `label ${checked.data.year} de « ${checked.data.actor} » déjà donné ligne ${first}` });
        return;
      }
      labelLines.set(key, line);
      lines.push({ line, kind: 'label', value: checked.data });
    }
  });
  return { lines, issues };
}
