/** The packaged copy of the bundled list's snapshot (written by the build, read by the background for a first delta). */
export const BUNDLED_SNAPSHOT_FILE = 'list/snapshot.tsv';
/**
 * The packaged copy of the bundled compact list: what the background matches with, read at its
 * start (a file read costs it less than compiling a megabyte of script at every start of the worker).
 */
export const BUNDLED_COMPACT_FILE = 'list/compact.txt';
