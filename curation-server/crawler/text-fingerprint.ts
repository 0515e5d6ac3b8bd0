/**
 * A 64-bit SimHash of a text's word trigrams: near-identical pages get fingerprints a few bits
 * apart, a rewritten page (a squatter's, a parking page) about half of the bits apart. Two 32-bit
 * FNV-1a hashes with different offsets make the 64 bits, without BigInt.
 */
function fnv1a(text: string, offset: number): number {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The fingerprint (16 hex digits) of a folded text, or null when it has no words. */
export function textFingerprint(foldedText: string): string | null {
  const words = foldedText.split(' ').filter((word) => word !== '');
  if (words.length === 0) return null;
  const weights = new Int32Array(64);
  const shingles = words.length < 3 ? [words.join(' ')] : words.slice(0, -2).map((word, i) => `${word} ${words[i + 1]} ${words[i + 2]}`);
  for (const shingle of shingles) {
    const halves = [fnv1a(shingle, 0x811c9dc5), fnv1a(shingle, 0x050c5d1f)];
    for (let bit = 0; bit < 64; bit++) weights[bit] += (halves[bit >> 5] >>> (bit & 31)) & 1 ? 1 : -1;
  }
  let hex = '';
  for (let half = 0; half < 2; half++) {
    let value = 0;
    for (let bit = 0; bit < 32; bit++) if (weights[half * 32 + bit] > 0) value |= 1 << bit;
    hex += (value >>> 0).toString(16).padStart(8, '0');
  }
  return hex;
}

/** Bits that differ between two fingerprints (0 to 64). */
export function fingerprintDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (Number.parseInt(a.slice(i, i + 8), 16) ^ Number.parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x !== 0) {
      distance += x & 1;
      x >>>= 1;
    }
  }
  return distance;
}
