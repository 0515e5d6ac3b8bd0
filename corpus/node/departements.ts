/** The départements as their names are written in hostnames (`cotedor`, `cote-dor`, `eurelien`) and in French sentences (« de l'Ain »). */
export interface Departement {
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

export const DEPARTEMENT_BY_SLUG = new Map<string, Departement>();
export const DEPARTEMENT_BY_CODE = new Map<string, Departement>();
for (const departement of DEPARTEMENTS) {
  DEPARTEMENT_BY_CODE.set(departement.code, departement);
  for (const slug of [hostnameSlug(departement.name), ...(departement.aliases ?? [])]) {
    DEPARTEMENT_BY_SLUG.set(slug, departement);
    DEPARTEMENT_BY_SLUG.set(slug.replace(/-/g, ''), departement);
  }
}

/** Every way a département's name is written in hostnames (`cotedor`, `cote-dor`, `eurelien`), with its code. */
export function departementSlugs(): [string, string][] {
  return [...DEPARTEMENT_BY_SLUG].map(([slug, departement]) => [slug, departement.code]);
}

