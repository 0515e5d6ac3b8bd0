/**
 * Communes and EPCI from the official administrative divisions (`@etalab/decoupage-administratif`,
 * Etalab, Licence Ouverte 2.0): a commune's name and INSEE code from its site's hostname or from the
 * directory's INSEE links (former codes of merged communes resolved to the commune nouvelle), and an
 * EPCI's SIREN from its seat. A hostname that fits several communes (homonyms) stays unnamed rather
 * than wrongly named.
 */
import { createRequire } from 'node:module';
import { departementSlugs, hostnameSlug } from './departements.ts';

interface CommuneRecord {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement?: string;
  codesPostaux?: string[];
  anciensCodes?: string[];
  /** For a commune déléguée or associée: the commune it belongs to. */
  chefLieu?: string;
  /** For an arrondissement municipal: its commune. */
  commune?: string;
  population?: number;
}

interface EpciRecord {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: { code: string }[];
}

export interface Commune {
  code: string;
  nom: string;
  departement: string;
  codesPostaux: readonly string[];
  /** Municipal population (INSEE, as the divisions give it). */
  population: number;
}

export interface Epci {
  siren: string;
  nom: string;
  /** Population of its communes together (INSEE, as the divisions give it). */
  population: number;
}

export interface AdministrativeDivisions {
  communes: readonly CommuneRecord[];
  epci: readonly EpciRecord[];
}

export function readAdministrativeDivisions(): AdministrativeDivisions {
  const require = createRequire(import.meta.url);
  return {
    communes: require('@etalab/decoupage-administratif/data/communes.json') as CommuneRecord[],
    epci: require('@etalab/decoupage-administratif/data/epci.json') as EpciRecord[],
  };
}

/** How French says "of" a commune: « de Vannes », « du Mans », « des Sables-d'Olonne », « d'Angers ». */
export function ofCommune(nom: string): string {
  if (nom.startsWith('Le ')) return `du ${nom.slice(3)}`;
  if (nom.startsWith('Les ')) return `des ${nom.slice(4)}`;
  if (/^[AEIOUYÀÂÉÈÊÎÏÔŒ]/.test(nom)) return `d'${nom}`;
  return `de ${nom}`;
}

/** « Mairie de Vannes », « Mairie du Mans », « Mairie des Sables-d'Olonne », « Mairie d'Angers ». */
export function mairieName(nom: string): string {
  return `Mairie ${ofCommune(nom)}`;
}

const EPCI_KINDS: [RegExp, string][] = [
  [/^CC /, 'Communauté de communes '],
  [/^CA /, "Communauté d'agglomération "],
  [/^CU /, 'Communauté urbaine '],
];

/** `CC Faucigny - Glières` → `Communauté de communes Faucigny - Glières`. */
export function epciName(nom: string): string {
  const kind = EPCI_KINDS.find(([abbreviation]) => abbreviation.test(nom));
  return kind === undefined ? nom : nom.replace(kind[0], kind[1]);
}

/** How a commune's name can be written in a hostname: `saint-etienne`, `saintetienne`, `st-etienne`, `stetienne`… */
export function nameSlugs(nom: string): string[] {
  const base = hostnameSlug(nom);
  const forms = new Set([base]);
  forms.add(base.replace(/^(?:saint|sainte)-/, (m) => (m === 'saint-' ? 'st-' : 'ste-')).replace(/-(saint|sainte)-/g, (m, s) => (s === 'saint' ? '-st-' : '-ste-')));
  // Without the article: `Les Mureaux` → `mureaux`, `L'Isle-Adam` → `isle-adam`.
  const withoutArticle = hostnameSlug(nom.replace(/^(?:Le |La |Les |L')/, ''));
  if (withoutArticle !== base) forms.add(withoutArticle);
  for (const form of [...forms]) forms.add(form.replace(/-/g, ''));
  return [...forms];
}

const EPCI_KIND = /^(?:CC|CA|CU|Métropole|Communauté de communes|Communauté d'agglomération|Communauté urbaine) (?:du |de la |des |de l'|d'|de )?/;
const EPCI_WORDS = /-?(?:agglomeration|agglo|communaute|metropole|communes)$/;
const EPCI_LABEL_PREFIX = /^(?:cc|ca|cu|cdc|agglo|communaute|comcom|metropole)-?(?:de-|du-|des-|d-)?/;
const EPCI_LABEL_SUFFIX = /-?(?:agglomeration|agglo|communaute|metropole|cc|com)$/;

/** How an EPCI's name can be written in a hostname: its name without the kind of body, with or without hyphens. */
export function epciSlugs(nom: string): string[] {
  const base = hostnameSlug(nom.replace(EPCI_KIND, '').replace(/ - /g, ' '));
  const forms = new Set([base, base.replace(EPCI_WORDS, '')]);
  for (const form of [...forms]) forms.add(form.replace(/-/g, ''));
  return [...forms].filter((form) => form.length >= 4);
}

const PREFIX = /^(?:mairie|ville|commune|cm|marie)-?(?:de-?|d-|du-?|des-?|d)?/;
const SUFFIX = /-?(?:mairie|ville|commune|officiel|village|site|fr|\d{2,5})$/;

// Longest first, so that `haute-garonne` is read before `garonne`… and `hautesavoie` before `savoie`.
const DEPARTEMENT_SUFFIXES = departementSlugs()
  .filter(([slug]) => slug.length >= 3)
  .sort((a, b) => b[0].length - a[0].length);

export class CommuneIndex {
  private readonly current = new Map<string, Commune>();
  private readonly resolved = new Map<string, string>();
  private readonly bySlug = new Map<string, Set<string>>();
  private readonly epciByMember = new Map<string, Epci>();
  private readonly epciBySlug = new Map<string, Set<Epci>>();
  private readonly epciBySiren = new Map<string, Epci>();

  constructor(divisions: AdministrativeDivisions) {
    for (const record of divisions.communes) {
      if (record.type !== 'commune-actuelle') continue;
      this.current.set(record.code, {
        code: record.code,
        nom: record.nom,
        departement: record.departement ?? '',
        codesPostaux: record.codesPostaux ?? [],
        population: record.population ?? 0,
      });
      this.resolved.set(record.code, record.code);
      for (const slug of nameSlugs(record.nom)) {
        const codes = this.bySlug.get(slug) ?? new Set<string>();
        codes.add(record.code);
        this.bySlug.set(slug, codes);
      }
    }
    // Former codes: of communes merged into a commune nouvelle, of communes déléguées and associées, of arrondissements.
    for (const record of divisions.communes) {
      if (record.type === 'commune-actuelle') {
        for (const former of record.anciensCodes ?? []) if (!this.resolved.has(former)) this.resolved.set(former, record.code);
      }
    }
    for (const record of divisions.communes) {
      const parent = record.type === 'arrondissement-municipal' ? record.commune : record.chefLieu;
      if (record.type !== 'commune-actuelle' && parent !== undefined && !this.resolved.has(record.code)) this.resolved.set(record.code, parent);
    }
    for (const record of divisions.epci) {
      const epci = { siren: record.code, nom: epciName(record.nom), population: record.populationTotale ?? 0 };
      this.epciBySiren.set(record.code, epci);
      for (const member of record.membres) this.epciByMember.set(member.code, epci);
      for (const slug of epciSlugs(record.nom)) this.epciBySlug.set(slug, (this.epciBySlug.get(slug) ?? new Set()).add(epci));
    }
  }

  /** The commune today behind an INSEE code of any year (a merged commune's code gives its commune nouvelle). */
  communeOfCode(code: string): Commune | undefined {
    const resolved = this.resolved.get(code);
    return resolved === undefined ? undefined : this.current.get(resolved);
  }

  /** The EPCI a commune belongs to today. */
  epciOfCommune(code: string): Epci | undefined {
    const commune = this.communeOfCode(code);
    return commune === undefined ? undefined : this.epciByMember.get(commune.code);
  }

  /** The EPCI of this SIREN today. */
  epciOfSiren(siren: string): Epci | undefined {
    return this.epciBySiren.get(siren);
  }

  /** The one EPCI a hostname label names (`cc-perigord-limousin`, `angersloiremetropole`, `provencealpesagglo`), or undefined. */
  epciOfLabel(label: string): Epci | undefined {
    const bare = label.replace(EPCI_LABEL_PREFIX, '').replace(EPCI_LABEL_SUFFIX, '');
    for (const form of [label, label.replace(/-/g, ''), bare, bare.replace(/-/g, '')]) {
      if (form.length < 4) continue;
      const found = this.epciBySlug.get(form);
      if (found !== undefined) return found.size === 1 ? [...found][0] : undefined;
    }
    return undefined;
  }

  /**
   * The one commune a hostname label names (`mairie-vannes`, `ville-saint-etienne`, `beaumont63`),
   * or undefined when none or several fit: a département number or postcode in the label picks among homonyms.
   */
  communeOfLabel(label: string, departementCode?: string): Commune | undefined {
    const found = this.communeOfForms(label, departementCode);
    if (found !== undefined || departementCode !== undefined) return found;
    // A département written after the name (`pampelonne-tarn`) picks among homonyms like its number does.
    const departement = DEPARTEMENT_SUFFIXES.find(([slug]) => label.endsWith(slug) && label.length > slug.length + 2);
    return departement === undefined ? undefined : this.communeOfForms(label.slice(0, -departement[0].length).replace(/-$/, ''), departement[1]);
  }

  private communeOfForms(label: string, departementCode: string | undefined): Commune | undefined {
    const digits = /(\d{2,5})$/.exec(label)?.[1];
    const forms = new Set<string>([label]);
    const unprefixed = label.replace(PREFIX, '');
    // Hyphens are placed at will in hostnames (`aubepierre-ozouerlerepos`): the forms without any are tried last.
    for (const form of [label, unprefixed, label.replace(/-/g, ''), unprefixed.replace(/-/g, '')]) {
      forms.add(form);
      for (let stripped = form, previous = ''; stripped !== previous; ) {
        previous = stripped;
        stripped = stripped.replace(SUFFIX, '');
        forms.add(stripped);
      }
    }
    for (const form of forms) {
      if (form.length < 3) continue;
      const codes = this.bySlug.get(form);
      if (codes === undefined) continue;
      let communes = [...codes].map((code) => this.current.get(code) as Commune);
      if (departementCode !== undefined) communes = communes.filter((c) => c.departement === departementCode);
      if (communes.length > 1 && digits !== undefined) {
        communes = communes.filter((c) => (digits.length === 5 ? c.codesPostaux.includes(digits) || c.code === digits : c.departement === digits.padStart(2, '0')));
      }
      return communes.length === 1 ? communes[0] : undefined;
    }
    return undefined;
  }
}
