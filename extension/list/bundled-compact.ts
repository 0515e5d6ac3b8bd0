/**
 * The bundled compact list, compiled into the scripts that import it: the result pages', which must
 * mark in the very task where their results are parsed, and the background's, whose list is then
 * ready without reading a megabyte first (written as one double-quoted string, which V8 reads in a
 * few milliseconds: compactListLiteralPlugin).
 */
import compact from 'virtual:sdc-bundled-list/compact';

export const BUNDLED_COMPACT: string = compact;
