/** What the extension knows about a list besides its text. */
export interface ListMeta {
  /** The form of the list the extension holds (corpus/matching/compact-list.ts). */
  format: 'sdc-compact/1';
  /** 0 for the list bundled from the seed corpus; signed updates count up from there. */
  version: number;
  /** Day the list was made, `YYYY-MM-DD`. */
  createdAt: string;
  /** Active sources in the list. */
  sourceCount: number;
}
