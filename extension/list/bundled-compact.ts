/**
 * The bundled compact list, compiled into the script that imports it: the result pages', which must
 * mark in the very task where their results are parsed. The background reads the packaged copy
 * instead (bundled-snapshot-file.ts, list-updates.ts).
 */
import compact from 'virtual:sdc-bundled-list/compact';

export const BUNDLED_COMPACT: string = compact;
