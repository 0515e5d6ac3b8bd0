/**
 * A set of hostnames that answers, for one hostname, which of its suffixes at label boundaries
 * it holds (`a.b.x.fr` → `fr`, `x.fr`, `b.x.fr`, `a.b.x.fr`) in a single right-to-left pass over
 * the characters: no substring is allocated, and a hostname that holds nothing costs, per label, one
 * look at a small bit filter and rarely one probe in a typed array. Result pages are mostly untrusted links; a JS Map with tens of
 * thousands of string keys costs several memory round-trips per level on the machines this runs on.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const DOT = 46;

/** FNV-1a over the characters from the last to the first, so that suffixes share their prefix of work. */
function suffixHash(host: string): number {
  let hash = FNV_OFFSET;
  for (let i = host.length - 1; i >= 0; i--) hash = Math.imul(hash ^ host.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** True when `subject[start, end)` is exactly `key`. */
function isSameText(subject: string, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (subject.charCodeAt(start + i) !== key.charCodeAt(i)) return false;
  return true;
}

export class HostTable {
  /** Hostname of each member, by member number (insertion order). */
  readonly hosts: string[] = [];
  /**
   * Open addressing, two integers per slot side by side (one memory access per probe): the hash
   * (never 0) and the member number + 1; a member number of 0 marks an empty slot.
   */
  private slots: Int32Array;
  private mask: number;
  /**
   * One bit per hash value (modulo its size), set for every member: small enough to stay in the
   * processor's cache, it turns away most suffixes that are not members before the table is read.
   */
  private filter: Uint32Array;

  constructor(expectedSize = 1024) {
    let capacity = 1024;
    while (capacity < expectedSize * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.filter = new Uint32Array(capacity / 8); // 4 bits per slot, 8 to 16 bits per member
  }

  private mayHold(hash: number): boolean {
    const bit = (hash >>> 7) & (this.filter.length * 32 - 1);
    return (this.filter[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }

  get size(): number {
    return this.hosts.length;
  }

  private static slotOf(hash: number, mask: number): number {
    return (hash ^ (hash >>> 15)) & mask;
  }

  /** The member number of a hostname, adding it if needed. */
  add(host: string): number {
    const hash = suffixHash(host) || 1;
    const found = this.memberAt(host, 0, host.length, hash);
    if (found >= 0) return found;
    if ((this.hosts.length + 1) * 2 > this.mask + 1) this.grow();
    const member = this.hosts.length;
    this.hosts.push(host);
    this.place(hash, member);
    return member;
  }

  /** The member number of a hostname, or -1. */
  find(host: string): number {
    return this.memberAt(host, 0, host.length, suffixHash(host) || 1);
  }

  /**
   * Finds the suffixes of the hostname `subject[start, end)` (at label boundaries, the whole
   * hostname included) that are members, from the shortest to the longest: writes each one's member
   * number in `members` and its first character's index in `starts`, and returns how many there
   * are — or -1 when the hostname has a character that no member has (upper case, port, IDN…), so
   * that the caller normalizes it first. The arrays are the caller's, reused from call to call;
   * 128 entries hold any hostname (at most 127 labels). Reading a hostname in place, inside a URL,
   * saves extracting it for the links that match nothing.
   */
  findSuffixMembers(subject: string, start: number, end: number, members: Int32Array, starts: Int32Array): number {
    let count = 0;
    let hash = FNV_OFFSET;
    for (let i = end - 1; i >= start - 1; i--) {
      const code = i >= start ? subject.charCodeAt(i) : DOT;
      if (code === DOT) {
        if (i < end - 1 && count < members.length) {
          const member = this.memberAt(subject, i + 1, end, hash || 1);
          if (member >= 0) {
            members[count] = member;
            starts[count] = i + 1;
            count++;
          }
        }
      } else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45)) {
        return -1;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
    }
    return count;
  }

  private memberAt(subject: string, start: number, end: number, hash: number): number {
    if (!this.mayHold(hash)) return -1;
    const { slots, mask } = this;
    for (let slot = HostTable.slotOf(hash, mask); slots[slot * 2 + 1] !== 0; slot = (slot + 1) & mask) {
      if (slots[slot * 2] !== hash) continue;
      const member = slots[slot * 2 + 1] - 1;
      if (isSameText(subject, start, end, this.hosts[member])) return member;
    }
    return -1;
  }

  private place(hash: number, member: number): void {
    let slot = HostTable.slotOf(hash, this.mask);
    while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot * 2] = hash;
    this.slots[slot * 2 + 1] = member + 1;
    const bit = (hash >>> 7) & (this.filter.length * 32 - 1);
    this.filter[bit >>> 5] |= 1 << (bit & 31);
  }

  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.filter = new Uint32Array(capacity / 8);
    this.hosts.forEach((host, member) => this.place(suffixHash(host) || 1, member));
  }
}
