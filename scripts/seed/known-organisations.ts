/**
 * Names (and INSEE codes) that the open data does not give but that follow from well-known
 * hostname patterns — préfectures, départements, académies, régions — plus a short list of national
 * public services that people search for every day, checked by hand. The badge then says
 * « Préfecture de l'Ain » rather than only « site d'une préfecture ».
 */
import type { Category } from '../../corpus/categories.ts';

interface Departement {
  code: string;
  name: string;
  /** How French says "of" it: « de l'Ain », « du Nord », « de la Somme », « des Yvelines », « de Paris ». */
  of: string;
  /** Other spellings found in hostnames. */
  aliases?: string[];
}

// prettier-ignore
const DEPARTEMENTS: Departement[] = [
  { code: '01', name: 'Ain', of: "de l'Ain" }, { code: '02', name: 'Aisne', of: "de l'Aisne" },
  { code: '03', name: 'Allier', of: "de l'Allier" }, { code: '04', name: 'Alpes-de-Haute-Provence', of: 'des Alpes-de-Haute-Provence' },
  { code: '05', name: 'Hautes-Alpes', of: 'des Hautes-Alpes' }, { code: '06', name: 'Alpes-Maritimes', of: 'des Alpes-Maritimes' },
  { code: '07', name: 'Ardèche', of: "de l'Ardèche" }, { code: '08', name: 'Ardennes', of: 'des Ardennes' },
  { code: '09', name: 'Ariège', of: "de l'Ariège" }, { code: '10', name: 'Aube', of: "de l'Aube" },
  { code: '11', name: 'Aude', of: "de l'Aude" }, { code: '12', name: 'Aveyron', of: "de l'Aveyron" },
  { code: '13', name: 'Bouches-du-Rhône', of: 'des Bouches-du-Rhône' }, { code: '14', name: 'Calvados', of: 'du Calvados' },
  { code: '15', name: 'Cantal', of: 'du Cantal' }, { code: '16', name: 'Charente', of: 'de la Charente' },
  { code: '17', name: 'Charente-Maritime', of: 'de la Charente-Maritime' }, { code: '18', name: 'Cher', of: 'du Cher' },
  { code: '19', name: 'Corrèze', of: 'de la Corrèze' }, { code: '2A', name: 'Corse-du-Sud', of: 'de la Corse-du-Sud' },
  { code: '2B', name: 'Haute-Corse', of: 'de la Haute-Corse' }, { code: '21', name: "Côte-d'Or", of: "de la Côte-d'Or" },
  { code: '22', name: "Côtes-d'Armor", of: "des Côtes-d'Armor" }, { code: '23', name: 'Creuse', of: 'de la Creuse' },
  { code: '24', name: 'Dordogne', of: 'de la Dordogne' }, { code: '25', name: 'Doubs', of: 'du Doubs' },
  { code: '26', name: 'Drôme', of: 'de la Drôme' }, { code: '27', name: 'Eure', of: "de l'Eure" },
  { code: '28', name: 'Eure-et-Loir', of: "d'Eure-et-Loir", aliases: ['eurelien'] }, { code: '29', name: 'Finistère', of: 'du Finistère' },
  { code: '30', name: 'Gard', of: 'du Gard' }, { code: '31', name: 'Haute-Garonne', of: 'de la Haute-Garonne' },
  { code: '32', name: 'Gers', of: 'du Gers' }, { code: '33', name: 'Gironde', of: 'de la Gironde' },
  { code: '34', name: 'Hérault', of: "de l'Hérault" }, { code: '35', name: 'Ille-et-Vilaine', of: "d'Ille-et-Vilaine" },
  { code: '36', name: 'Indre', of: "de l'Indre" }, { code: '37', name: 'Indre-et-Loire', of: "d'Indre-et-Loire" },
  { code: '38', name: 'Isère', of: "de l'Isère" }, { code: '39', name: 'Jura', of: 'du Jura' },
  { code: '40', name: 'Landes', of: 'des Landes' }, { code: '41', name: 'Loir-et-Cher', of: 'de Loir-et-Cher' },
  { code: '42', name: 'Loire', of: 'de la Loire' }, { code: '43', name: 'Haute-Loire', of: 'de la Haute-Loire' },
  { code: '44', name: 'Loire-Atlantique', of: 'de la Loire-Atlantique' }, { code: '45', name: 'Loiret', of: 'du Loiret' },
  { code: '46', name: 'Lot', of: 'du Lot' }, { code: '47', name: 'Lot-et-Garonne', of: 'de Lot-et-Garonne' },
  { code: '48', name: 'Lozère', of: 'de la Lozère' }, { code: '49', name: 'Maine-et-Loire', of: 'de Maine-et-Loire' },
  { code: '50', name: 'Manche', of: 'de la Manche' }, { code: '51', name: 'Marne', of: 'de la Marne' },
  { code: '52', name: 'Haute-Marne', of: 'de la Haute-Marne' }, { code: '53', name: 'Mayenne', of: 'de la Mayenne' },
  { code: '54', name: 'Meurthe-et-Moselle', of: 'de Meurthe-et-Moselle' }, { code: '55', name: 'Meuse', of: 'de la Meuse' },
  { code: '56', name: 'Morbihan', of: 'du Morbihan' }, { code: '57', name: 'Moselle', of: 'de la Moselle' },
  { code: '58', name: 'Nièvre', of: 'de la Nièvre' }, { code: '59', name: 'Nord', of: 'du Nord' },
  { code: '60', name: 'Oise', of: "de l'Oise" }, { code: '61', name: 'Orne', of: "de l'Orne" },
  { code: '62', name: 'Pas-de-Calais', of: 'du Pas-de-Calais' }, { code: '63', name: 'Puy-de-Dôme', of: 'du Puy-de-Dôme' },
  { code: '64', name: 'Pyrénées-Atlantiques', of: 'des Pyrénées-Atlantiques' }, { code: '65', name: 'Hautes-Pyrénées', of: 'des Hautes-Pyrénées' },
  { code: '66', name: 'Pyrénées-Orientales', of: 'des Pyrénées-Orientales' }, { code: '67', name: 'Bas-Rhin', of: 'du Bas-Rhin' },
  { code: '68', name: 'Haut-Rhin', of: 'du Haut-Rhin' }, { code: '69', name: 'Rhône', of: 'du Rhône' },
  { code: '70', name: 'Haute-Saône', of: 'de la Haute-Saône' }, { code: '71', name: 'Saône-et-Loire', of: 'de Saône-et-Loire' },
  { code: '72', name: 'Sarthe', of: 'de la Sarthe' }, { code: '73', name: 'Savoie', of: 'de la Savoie' },
  { code: '74', name: 'Haute-Savoie', of: 'de la Haute-Savoie' }, { code: '75', name: 'Paris', of: 'de Paris' },
  { code: '76', name: 'Seine-Maritime', of: 'de la Seine-Maritime' }, { code: '77', name: 'Seine-et-Marne', of: 'de Seine-et-Marne' },
  { code: '78', name: 'Yvelines', of: 'des Yvelines' }, { code: '79', name: 'Deux-Sèvres', of: 'des Deux-Sèvres' },
  { code: '80', name: 'Somme', of: 'de la Somme' }, { code: '81', name: 'Tarn', of: 'du Tarn' },
  { code: '82', name: 'Tarn-et-Garonne', of: 'de Tarn-et-Garonne' }, { code: '83', name: 'Var', of: 'du Var' },
  { code: '84', name: 'Vaucluse', of: 'de Vaucluse' }, { code: '85', name: 'Vendée', of: 'de la Vendée' },
  { code: '86', name: 'Vienne', of: 'de la Vienne' }, { code: '87', name: 'Haute-Vienne', of: 'de la Haute-Vienne' },
  { code: '88', name: 'Vosges', of: 'des Vosges' }, { code: '89', name: 'Yonne', of: "de l'Yonne" },
  { code: '90', name: 'Territoire de Belfort', of: 'du Territoire de Belfort', aliases: ['territoire-belfort'] },
  { code: '91', name: 'Essonne', of: "de l'Essonne" }, { code: '92', name: 'Hauts-de-Seine', of: 'des Hauts-de-Seine' },
  { code: '93', name: 'Seine-Saint-Denis', of: 'de la Seine-Saint-Denis' }, { code: '94', name: 'Val-de-Marne', of: 'du Val-de-Marne' },
  { code: '95', name: "Val-d'Oise", of: "du Val-d'Oise" }, { code: '971', name: 'Guadeloupe', of: 'de la Guadeloupe' },
  { code: '972', name: 'Martinique', of: 'de la Martinique' }, { code: '973', name: 'Guyane', of: 'de la Guyane' },
  { code: '974', name: 'La Réunion', of: 'de La Réunion', aliases: ['reunion'] }, { code: '976', name: 'Mayotte', of: 'de Mayotte' },
];

/** `Côte-d'Or` → `cote-dor`: how names are written in hostnames. */
export function hostnameSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/\s+/g, '-');
}

const DEPARTEMENT_BY_SLUG = new Map<string, Departement>();
const DEPARTEMENT_BY_CODE = new Map<string, Departement>();
for (const departement of DEPARTEMENTS) {
  DEPARTEMENT_BY_CODE.set(departement.code, departement);
  for (const slug of [hostnameSlug(departement.name), ...(departement.aliases ?? [])]) {
    DEPARTEMENT_BY_SLUG.set(slug, departement);
    DEPARTEMENT_BY_SLUG.set(slug.replace(/-/g, ''), departement);
  }
}

// prettier-ignore
const ACADEMIES: Record<string, string> = {
  'aix-marseille': "Académie d'Aix-Marseille", amiens: "Académie d'Amiens", besancon: 'Académie de Besançon',
  bordeaux: 'Académie de Bordeaux', caen: 'Académie de Caen', clermont: 'Académie de Clermont-Ferrand',
  corse: 'Académie de Corse', creteil: 'Académie de Créteil', dijon: 'Académie de Dijon', grenoble: 'Académie de Grenoble',
  guadeloupe: 'Académie de la Guadeloupe', guyane: 'Académie de la Guyane', lille: 'Académie de Lille',
  limoges: 'Académie de Limoges', lyon: 'Académie de Lyon', martinique: 'Académie de la Martinique',
  mayotte: 'Académie de Mayotte', montpellier: 'Académie de Montpellier', 'nancy-metz': 'Académie de Nancy-Metz',
  nantes: 'Académie de Nantes', nice: 'Académie de Nice', normandie: 'Académie de Normandie',
  noumea: 'Vice-rectorat de la Nouvelle-Calédonie', 'orleans-tours': "Académie d'Orléans-Tours", paris: 'Académie de Paris',
  poitiers: 'Académie de Poitiers', polynesie: 'Vice-rectorat de la Polynésie française', reims: 'Académie de Reims',
  rennes: 'Académie de Rennes', reunion: 'Académie de La Réunion', rouen: 'Académie de Rouen',
  spm: "Service de l'éducation de Saint-Pierre-et-Miquelon", strasbourg: 'Académie de Strasbourg',
  toulouse: 'Académie de Toulouse', versailles: 'Académie de Versailles', wf: 'Vice-rectorat de Wallis-et-Futuna',
};

// prettier-ignore
const REGIONS: Record<string, string> = {
  'auvergnerhonealpes.fr': 'Région Auvergne-Rhône-Alpes', 'bourgognefranchecomte.fr': 'Région Bourgogne-Franche-Comté',
  'bretagne.bzh': 'Région Bretagne', 'regioncentre-valdeloire.fr': 'Région Centre-Val de Loire',
  'centre-valdeloire.fr': 'Région Centre-Val de Loire', 'corse.fr': 'Collectivité de Corse', 'grandest.fr': 'Région Grand Est',
  'hautsdefrance.fr': 'Région Hauts-de-France', 'iledefrance.fr': 'Région Île-de-France', 'normandie.fr': 'Région Normandie',
  'nouvelle-aquitaine.fr': 'Région Nouvelle-Aquitaine', 'laregion.fr': 'Région Occitanie', 'paysdelaloire.fr': 'Région Pays de la Loire',
  'maregionsud.fr': "Région Sud Provence-Alpes-Côte d'Azur", 'regionpaca.fr': "Région Sud Provence-Alpes-Côte d'Azur",
  'regionguadeloupe.fr': 'Région Guadeloupe', 'regionreunion.com': 'Région Réunion',
  'collectivitedemartinique.mq': 'Collectivité territoriale de Martinique', 'ctguyane.fr': 'Collectivité territoriale de Guyane',
};

export interface KnownOrganisation {
  name: string;
  code: string;
  category?: Category;
}

/**
 * National public services checked by hand: named, categorized, and kept active even where the
 * 2024 consolidation did not see them (its robot was refused by some of them). Hostnames missing
 * from the 2023 data (renamed services) are added with provenance `curated`.
 */
// prettier-ignore
export const CURATED_SOURCES: Record<string, KnownOrganisation & { category: Category }> = {
  'service-public.fr': { name: "Service-Public.fr, le site officiel de l'administration française", code: '', category: 'etat' },
  'ameli.fr': { name: "L'Assurance Maladie", code: '', category: 'sante' },
  'caf.fr': { name: "Caisses d'allocations familiales", code: '', category: 'etat' },
  'pole-emploi.fr': { name: 'France Travail (anciennement Pôle emploi)', code: '', category: 'etat' },
  'francetravail.fr': { name: 'France Travail', code: '', category: 'etat' },
  'urssaf.fr': { name: 'Urssaf', code: '', category: 'etat' },
  'info-retraite.fr': { name: 'Info Retraite (GIP Union Retraite)', code: '', category: 'etat' },
  'lassuranceretraite.fr': { name: "L'Assurance retraite", code: '', category: 'etat' },
  'onisep.fr': { name: 'Onisep', code: '', category: 'education' },
  'cned.fr': { name: "Cned, Centre national d'enseignement à distance", code: '', category: 'education' },
  'reseau-canope.fr': { name: 'Réseau Canopé', code: '', category: 'education' },
  'parcoursup.fr': { name: 'Parcoursup', code: '', category: 'enseignement-superieur' },
  'cnil.fr': { name: "CNIL, Commission nationale de l'informatique et des libertés", code: '', category: 'etat' },
  'insee.fr': { name: 'Insee', code: '', category: 'etat' },
  'meteofrance.com': { name: 'Météo-France', code: '', category: 'etat' },
  'ign.fr': { name: "IGN, Institut national de l'information géographique et forestière", code: '', category: 'etat' },
  'bnf.fr': { name: 'Bibliothèque nationale de France', code: '', category: 'etat' },
  'ademe.fr': { name: "ADEME, Agence de la transition écologique", code: '', category: 'etat' },
  'cnrs.fr': { name: 'CNRS', code: '', category: 'enseignement-superieur' },
  'inserm.fr': { name: 'Inserm', code: '', category: 'sante' },
  'has-sante.fr': { name: 'Haute Autorité de santé', code: '', category: 'sante' },
  'vie-publique.fr': { name: 'Vie-publique.fr', code: '', category: 'etat' },
};

const PREFECTURE = /^([a-z-]+)\.(?:pref\.)?gouv\.fr$/;
const ACADEMIE = /^ac-([a-z-]+)\.[a-z]+$/;
const DEPARTEMENT_NUMBER = /^(?:cg|cd|departement|le|mondepartement)-?(\d{2,3}|2a|2b)\.fr$/;

/** The organisation behind a hostname of the seed, when its name follows from the pattern of the list it is in. */
export function knownOrganisation(host: string, lists: ReadonlySet<string>): KnownOrganisation | null {
  const curated = CURATED_SOURCES[host];
  if (curated !== undefined) return curated;
  if (lists.has('prefectures')) {
    const slug = PREFECTURE.exec(host)?.[1];
    const departement = slug === undefined ? undefined : DEPARTEMENT_BY_SLUG.get(slug);
    if (departement !== undefined) return { name: `Préfecture ${departement.of}`, code: departement.code };
  }
  if (lists.has('academies')) {
    const academie = ACADEMIES[ACADEMIE.exec(host)?.[1] ?? ''];
    if (academie !== undefined) return { name: academie, code: '' };
  }
  if (lists.has('conseils-regionaux') && REGIONS[host] !== undefined) return { name: REGIONS[host], code: '', category: 'region' };
  if (lists.has('conseils-departementaux')) {
    const number = DEPARTEMENT_NUMBER.exec(host)?.[1]?.toUpperCase();
    const label = host.slice(0, host.indexOf('.')).replace(/\d+$/, '');
    const bySlug = (slug: string) => DEPARTEMENT_BY_SLUG.get(slug) ?? DEPARTEMENT_BY_SLUG.get(slug.replace(/-/g, ''));
    const departement =
      (number === undefined ? undefined : DEPARTEMENT_BY_CODE.get(number)) ?? bySlug(label) ?? bySlug(label.replace(/^(?:la|le|l)-?/, ''));
    if (departement !== undefined) return { name: `Département ${departement.of}`, code: departement.code };
  }
  return null;
}
