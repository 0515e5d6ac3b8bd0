/**
 * The actors of the Atlaas, decided from the official administrative divisions
 * (`@etalab/decoupage-administratif`, COG of its year, Licence Ouverte): communes of metropolitan
 * France and the DROM (the COM have their own statutes and are left out), their communes déléguées
 * and associées, municipal arrondissements, EPCI à fiscalité propre, départements and régions —
 * with every code that leads to one (INSEE, former codes of merged communes, postcodes, SIREN).
 */
import { createRequire } from 'node:module';
import type { AtlaasActorKind, AtlaasActorsTable } from '../db/schema.ts';
import { nameKey, searchForms } from './names.ts';

interface CommuneRecord {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  zone?: string;
  departement?: string;
  region?: string;
  siren?: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
  chefLieu?: string;
  commune?: string;
}

interface EpciRecord {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: { code: string }[];
}

interface AreaRecord {
  code: string;
  nom: string;
  zone?: string;
  region?: string;
  chefLieu?: string;
}

export interface Divisions {
  communes: readonly CommuneRecord[];
  epci: readonly EpciRecord[];
  departements: readonly AreaRecord[];
  regions: readonly AreaRecord[];
}

export const DIVISIONS_VERSION = '@etalab/decoupage-administratif 6.0.0 (COG 2026)';

export function readDivisions(): Divisions {
  const require = createRequire(import.meta.url);
  const data = (file: string) => require(`@etalab/decoupage-administratif/data/${file}.json`) as unknown;
  return {
    communes: data('communes') as CommuneRecord[],
    epci: data('epci') as EpciRecord[],
    departements: data('departements') as AreaRecord[],
    regions: data('regions') as AreaRecord[],
  };
}

/** An actor as the divisions give it: a row of `atlaas_actors` without what the database keeps itself. */
export type ActorRecord = Omit<AtlaasActorsTable, 'seq' | 'current'>;

export interface ActorCode {
  code: string;
  kind: 'insee' | 'former' | 'postal' | 'siren';
  actor_id: string;
}

const KIND_OF_COMMUNE: Record<CommuneRecord['type'], AtlaasActorKind> = {
  'commune-actuelle': 'commune',
  'commune-deleguee': 'commune-deleguee',
  'commune-associee': 'commune-associee',
  'arrondissement-municipal': 'arrondissement',
};

export function actorId(kind: AtlaasActorKind, code: string): string {
  return `${kind}:${code}`;
}

/** `CC Faucigny - Glières` is also found as « Communauté de communes Faucigny - Glières ». */
const EPCI_FORMS: [RegExp, string][] = [
  [/^CC /, 'Communauté de communes '],
  [/^CA /, "Communauté d'agglomération "],
  [/^CU /, 'Communauté urbaine '],
];

const KIND_RANK: Record<AtlaasActorKind, number> = { commune: 0, epci: 1, departement: 2, region: 3, 'commune-deleguee': 4, 'commune-associee': 4, arrondissement: 4 };

/** Kind first, then the population, largest first (an unknown one after every known one). */
export function rankKey(kind: AtlaasActorKind, population: number | null): number {
  return KIND_RANK[kind] * 1e11 + (1e10 - (population ?? -1));
}

function record(fields: Omit<ActorRecord, 'name_key' | 'search_words' | 'search_joined' | 'rank_key'>, alias?: string): ActorRecord {
  const forms = searchForms(fields.name);
  const aliasForms = alias === undefined ? undefined : searchForms(alias);
  return {
    ...fields,
    rank_key: rankKey(fields.kind, fields.population),
    name_key: nameKey(fields.name),
    search_words: aliasForms === undefined ? forms.words : `${forms.words} ${aliasForms.words}`,
    search_joined: aliasForms === undefined ? forms.joined : `${forms.joined} ${aliasForms.joined}`,
  };
}

export function actorsFromDivisions(divisions: Divisions): { actors: ActorRecord[]; codes: ActorCode[] } {
  const actors: ActorRecord[] = [];
  const codes: ActorCode[] = [];
  const inScope = (zone: string | undefined) => zone !== 'com';
  const epciOfMember = new Map<string, string>();
  for (const epci of divisions.epci) for (const member of epci.membres) epciOfMember.set(member.code, epci.code);
  const communes = new Map<string, CommuneRecord>();
  const populationOf = new Map<string, number>();

  for (const commune of divisions.communes) {
    if (!inScope(commune.zone)) continue;
    const kind = KIND_OF_COMMUNE[commune.type];
    const id = actorId(kind, commune.code);
    const isCurrent = kind === 'commune';
    if (isCurrent) communes.set(commune.code, commune);
    const parent = commune.type === 'arrondissement-municipal' ? (commune.commune ?? '') : isCurrent ? '' : (commune.chefLieu ?? '');
    actors.push(
      record({
        id,
        kind,
        code: commune.code,
        name: commune.nom,
        population: commune.population ?? null,
        postal_codes: (commune.codesPostaux ?? []).join(' '),
        departement: commune.departement ?? '',
        region: commune.region ?? '',
        siren: commune.siren ?? '',
        epci: isCurrent ? (epciOfMember.get(commune.code) ?? '') : '',
        parent,
        detail: '',
      }),
    );
    codes.push({ code: commune.code, kind: 'insee', actor_id: id });
    for (const postal of commune.codesPostaux ?? []) codes.push({ code: postal, kind: 'postal', actor_id: id });
    if (commune.siren !== undefined) codes.push({ code: commune.siren, kind: 'siren', actor_id: id });
    if (isCurrent) {
      for (const former of commune.anciensCodes ?? []) codes.push({ code: former, kind: 'former', actor_id: id });
      if (commune.departement !== undefined && commune.population !== undefined) {
        populationOf.set(commune.departement, (populationOf.get(commune.departement) ?? 0) + commune.population);
      }
    }
  }

  for (const epci of divisions.epci) {
    const seat = communes.get(epci.membres[0]?.code ?? '');
    const id = actorId('epci', epci.code);
    const alias = EPCI_FORMS.find(([abbreviation]) => abbreviation.test(epci.nom));
    actors.push(
      record(
        {
          id,
          kind: 'epci',
          code: epci.code,
          name: epci.nom,
          population: epci.populationMunicipale ?? null,
          postal_codes: '',
          departement: seat?.departement ?? '',
          region: seat?.region ?? '',
          siren: epci.code,
          epci: '',
          parent: '',
          detail: epci.type,
        },
        alias === undefined ? undefined : epci.nom.replace(alias[0], alias[1]),
      ),
    );
    codes.push({ code: epci.code, kind: 'siren', actor_id: id });
  }

  const regionPopulation = new Map<string, number>();
  for (const departement of divisions.departements) {
    if (!inScope(departement.zone)) continue;
    const id = actorId('departement', departement.code);
    const population = populationOf.get(departement.code) ?? null;
    if (population !== null && departement.region !== undefined) regionPopulation.set(departement.region, (regionPopulation.get(departement.region) ?? 0) + population);
    actors.push(
      record({
        id,
        kind: 'departement',
        code: departement.code,
        name: departement.nom,
        population,
        postal_codes: '',
        departement: departement.code,
        region: departement.region ?? '',
        siren: '',
        epci: '',
        parent: '',
        detail: departement.chefLieu ?? '',
      }),
    );
    codes.push({ code: departement.code, kind: 'insee', actor_id: id });
  }
  for (const region of divisions.regions) {
    if (!inScope(region.zone)) continue;
    const id = actorId('region', region.code);
    actors.push(
      record({
        id,
        kind: 'region',
        code: region.code,
        name: region.nom,
        population: regionPopulation.get(region.code) ?? null,
        postal_codes: '',
        departement: '',
        region: region.code,
        siren: '',
        epci: '',
        parent: '',
        detail: region.chefLieu ?? '',
      }),
    );
  }
  return { actors, codes: dedupeCodes(codes) };
}

function dedupeCodes(codes: ActorCode[]): ActorCode[] {
  const seen = new Set<string>();
  return codes.filter((code) => {
    const key = `${code.code} ${code.kind} ${code.actor_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
