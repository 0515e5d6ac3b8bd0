/** The packaged copy of the bundled list's snapshot (written by the build, read by the background for a first delta). */
export const BUNDLED_SNAPSHOT_FILE = 'list/snapshot.tsv';
