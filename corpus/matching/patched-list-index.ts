/**
 * A compact list with a patch over it, searched as one list: the extension keeps a newer signed
 * version as its difference from the bundled list (list-patch.ts), a few kilobytes that a result
 * page reads from storage at once instead of a whole list. The patch names the hostnames whose
 * sources it replaces (`#-` line) and holds every source they have now: for those hostnames, the
 * patch's rules stand and the base's are gone; for any other, the base's hold.
 *
 * Public Suffix List facts are properties of hostnames, not of versions: a platform's stop and a
 * wildcard's "every child is a suffix" hold from either side.
 */
import { CompactListIndex } from './compact-list.ts';
import { type LevelRule, PLATFORM_STOP, type RuleIndex } from './host-rules.ts';

const NONE = 0x7fffffff;

/**
 * The hostnames whose rules a patch may change: those it replaces and those it has entries for. A
 * link none of whose levels (its hostname and each parent) is one of them matches the same over
 * the patched list as over the base alone: a result page that knows them can mark every other link
 * with the base at once (extension/list/changed-host-buckets.ts).
 */
export function hostsChangedBy(patch: CompactListIndex): Set<string> {
  return new Set([...patch.replacedHosts, ...patch.listedHosts()]);
}

export class PatchedListIndex implements RuleIndex {
  // Each side's levels for the current lookup (see RuleIndex.findLevels).
  private readonly baseMembers = new Int32Array(128);
  private readonly baseStarts = new Int32Array(128);
  private readonly patchMembers = new Int32Array(128);
  private readonly patchStarts = new Int32Array(128);
  /** By member of this index: its hostname and each side's member for it (NONE: absent from that side). */
  private readonly memberOfHost = new Map<string, number>();
  private readonly hosts: string[] = [];
  private readonly fromBase: number[] = [];
  private readonly fromPatch: number[] = [];

  constructor(
    private readonly base: CompactListIndex,
    private readonly patch: CompactListIndex,
  ) {}

  findLevels(subject: string, start: number, end: number, members: Int32Array, starts: Int32Array): number {
    const baseCount = this.base.findLevels(subject, start, end, this.baseMembers, this.baseStarts);
    if (baseCount < 0) return -1;
    const patchCount = this.patch.findLevels(subject, start, end, this.patchMembers, this.patchStarts);
    if (patchCount < 0) return -1;
    // Both sides list levels from the shortest suffix to the hostname itself: their starts decrease.
    let count = 0;
    for (let b = 0, p = 0; b < baseCount || p < patchCount; ) {
      const baseStart = b < baseCount ? this.baseStarts[b] : -1;
      const patchStart = p < patchCount ? this.patchStarts[p] : -1;
      const levelStart = Math.max(baseStart, patchStart);
      const baseMember = baseStart === levelStart ? this.baseMembers[b++] : NONE;
      const patchMember = patchStart === levelStart ? this.patchMembers[p++] : NONE;
      if (count < members.length) {
        members[count] = this.memberFor(subject.slice(levelStart, end), baseMember, patchMember);
        starts[count] = levelStart;
        count++;
      }
    }
    return count;
  }

  ruleAt(member: number, exact: boolean, urlOrHostname: string): LevelRule {
    const baseMember = this.fromBase[member];
    const patchMember = this.fromPatch[member];
    if (!this.patch.replacedHosts.has(this.hosts[member])) {
      // The base's rules; a level only the patch has holds only a suffix fact there (its sources' hostnames are replaced ones).
      return baseMember !== NONE ? this.base.ruleAt(baseMember, exact, urlOrHostname) : this.patch.ruleAt(patchMember, exact, urlOrHostname);
    }
    const rule = patchMember === NONE ? null : this.patch.ruleAt(patchMember, exact, urlOrHostname);
    if (rule !== null || baseMember === NONE) return rule;
    // A replaced hostname that the patch no longer lists keeps its platform stop, if it is one.
    return this.base.ruleAt(baseMember, false, urlOrHostname) === PLATFORM_STOP ? PLATFORM_STOP : null;
  }

  hostOf(member: number): string {
    return this.hosts[member];
  }

  childrenAreSuffixes(member: number): boolean {
    const baseMember = this.fromBase[member];
    const patchMember = this.fromPatch[member];
    return (baseMember !== NONE && this.base.childrenAreSuffixes(baseMember)) || (patchMember !== NONE && this.patch.childrenAreSuffixes(patchMember));
  }

  /** This index's member for a hostname (kept: the same hostname keeps the same member). */
  private memberFor(host: string, baseMember: number, patchMember: number): number {
    let member = this.memberOfHost.get(host);
    if (member === undefined) {
      member = this.hosts.length;
      this.memberOfHost.set(host, member);
      this.hosts.push(host);
      this.fromBase.push(baseMember);
      this.fromPatch.push(patchMember);
    }
    return member;
  }
}
