/** Test fixtures for the Atlaas: the real divisions, or the part of them in a few départements (quick to import). */
import { type Divisions, readDivisions } from '../atlaas/divisions.ts';

let all: Divisions | undefined;

export function realDivisions(): Divisions {
  all ??= readDivisions();
  return all;
}

/** The communes, EPCI (those with a member there), départements and régions of these départements only. */
export function divisionsOf(departements: readonly string[]): Divisions {
  const divisions = realDivisions();
  const wanted = new Set(departements);
  const communes = divisions.communes.filter((commune) => wanted.has(commune.departement ?? ''));
  const codes = new Set(communes.map((commune) => commune.code));
  const kept = divisions.departements.filter((departement) => wanted.has(departement.code));
  const regions = new Set(kept.map((departement) => departement.region));
  return {
    communes,
    epci: divisions.epci.filter((epci) => epci.membres.some((member) => codes.has(member.code))),
    departements: kept,
    regions: divisions.regions.filter((region) => regions.has(region.code)),
  };
}
