import { describe, expect, it } from 'vitest';
import { buildSeedCorpus } from './seed-corpus.ts';
import { readSeedInput } from './seed-input.ts';
import { CATEGORY_IDS } from '../../corpus/categories.ts';
import { parseCorpusText, serializeCorpusText } from '../../corpus/corpus-text.ts';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { readSeedCorpus, readSeedCorpusText, readSeedRejections } from '../../corpus/node/seed-corpus-file.ts';
import { platformAt } from '../../corpus/platforms.ts';
import { sourceKey } from '../../corpus/source.ts';
import { validateSource } from '../../corpus/source-validation.ts';

const text = readSeedCorpusText();
const { sources, comments } = readSeedCorpus();

describe('the committed seed corpus', () => {
  it('holds at least 35,000 active sources, each in a category', () => {
    const active = sources.filter((s) => s.status === 'active');
    expect(active.length).toBeGreaterThanOrEqual(35_000);
    expect(active.every((s) => CATEGORY_IDS.includes(s.category))).toBe(true);
  });

  it('passes the validation every write path applies, with unique ids and unique hostnames', () => {
    const invalid = sources.filter((source) => {
      const result = validateSource(source);
      return !result.ok || JSON.stringify(result.source) !== JSON.stringify(source);
    });
    expect(invalid.map((s) => s.host)).toEqual([]);
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
    expect(new Set(sources.map(sourceKey)).size).toBe(sources.length);
  });

  it('is sorted and written canonically, with the data credit in its header', () => {
    expect(serializeCorpusText(sources, comments)).toBe(text);
    expect(comments).toContain(DATA_CREDIT.fr);
  });

  it('contains no platform homepage and no www. duplicate', () => {
    expect(sources.filter((s) => platformAt(s.host) !== undefined)).toEqual([]);
    const hosts = new Set(sources.map((s) => s.host));
    expect(sources.filter((s) => s.host.startsWith('www.') && hosts.has(s.host.slice(4)))).toEqual([]);
  });

  it('trusts the major public sites of issue 12, named and in the right category', () => {
    const byHost = new Map(sources.map((s) => [s.host, s]));
    const expected: [string, string][] = [
      ['info.gouv.fr', 'etat'], ['gouvernement.fr', 'etat'], ['mesdroitssociaux.gouv.fr', 'etat'], ['pre-plainte-en-ligne.gouv.fr', 'etat'],
      ['nantes.fr', 'commune'], ['msa.fr', 'securite-sociale'], ['caf.fr', 'securite-sociale'], ['urssaf.fr', 'securite-sociale'], ['monespacesante.fr', 'sante'], ['meteo.fr', 'etat'], ['cnrs.fr', 'etat'],
      ['polytechnique.edu', 'enseignement-superieur'], ['ens.psl.eu', 'enseignement-superieur'], ['insa-lyon.fr', 'enseignement-superieur'],
      ['hal.science', 'etat'], ['cnes.fr', 'etat'], ['grandest.fr', 'region'], ['centre-valdeloire.fr', 'region'],
    ];
    for (const [host, category] of expected) {
      expect(byHost.get(host), host).toMatchObject({ status: 'active', category });
      expect(byHost.get(host)?.name, host).not.toBe('');
    }
    const regions = sources.filter((s) => s.status === 'active' && s.category === 'region' && s.provenance.includes('curated'));
    expect(regions.length).toBeGreaterThanOrEqual(17); // the eighteen, Mayotte's being its département's
    expect(byHost.get('cg976.fr')).toMatchObject({ status: 'active', category: 'departement', name: 'Département de Mayotte', code: '976' });
    const departements = new Set(sources.filter((s) => s.status === 'active' && s.category === 'departement').map((s) => s.code));
    expect(departements.size).toBeGreaterThanOrEqual(90);
  });

  it('keeps every hand-checked source active, with its name', async () => {
    const { CURATED_SOURCES } = await import('./known-organisations.ts');
    const byHost = new Map(sources.map((s) => [s.host, s]));
    const wrong = Object.entries(CURATED_SOURCES).filter(([host, known]) => byHost.get(host)?.status !== 'active' || byHost.get(host)?.name !== known.name);
    expect(wrong.map(([host]) => host)).toEqual([]);
  });

  it('names at least 90 % of the active commune sources « Mairie de … », with an INSEE code', () => {
    const communes = sources.filter((s) => s.status === 'active' && s.category === 'commune');
    const named = communes.filter((s) => s.name.startsWith('Mairie ') && /^[0-9][0-9AB][0-9]{3}$/.test(s.code));
    expect(named.length / communes.length).toBeGreaterThanOrEqual(0.9);
  });

  it('applies the rules of issue 12 on the real data', () => {
    const byHost = new Map(sources.map((s) => [s.host, s]));
    const rejectedReasons = new Map<string, string[]>();
    for (const { host, reason } of readSeedRejections()) {
      rejectedReasons.set(host, [...(rejectedReasons.get(host) ?? []), reason]);
    }
    // Homonyms stay unnamed: Crans is a commune of the Ain and of the Jura.
    expect(byHost.get('mairie-crans.fr')).toMatchObject({ category: 'commune', name: '', code: '' });
    // Accented mairie domains are read in Unicode.
    expect(byHost.get('xn--chens-sur-lman-lkb.fr')).toMatchObject({ category: 'commune', name: 'Mairie de Chens-sur-Léman' });
    // Courts are the State's, not intercommunalities.
    expect(byHost.get('ca-agen.justice.fr')?.category).toBe('etat');
    // A target of a redirect from another registrable domain stays unverified.
    expect(byHost.get('7vallees.fr')).toMatchObject({ status: 'suspended' });
    expect(rejectedReasons.get('sedo.com')).toEqual(['domain-trade']);
    expect(rejectedReasons.get('het-onlinecasino.nl')).toEqual(['gambling']);
    expect(rejectedReasons.get('www.dentiste-degarde.fr')).toEqual(['private-business']);
    expect(rejectedReasons.get('essec.edu')).toEqual(['private-establishment']);
    expect(rejectedReasons.get('mail.academie.def.gouv.fr')).toEqual(['infrastructure']);
    // No gouv.fr source is suspended merely for being unverified.
    expect(sources.filter((s) => s.host.endsWith('.gouv.fr') && s.status !== 'active').map((s) => s.host)).toEqual([]);
  });

  it('trusts the public sites people use most, named and in the right category', () => {
    const byHost = new Map(sources.map((s) => [s.host, s]));
    const expected: [string, string, string][] = [
      ['metropole.nantes.fr', 'intercommunalite', 'Nantes Métropole'], ['grandlyon.com', 'intercommunalite', 'Métropole de Lyon'],
      ['ampmetropole.fr', 'intercommunalite', "Métropole d'Aix-Marseille-Provence"], ['cannes.com', 'commune', 'Mairie de Cannes'],
      ['vitry94.fr', 'commune', 'Mairie de Vitry-sur-Seine'], ['geoportail.gouv.fr', 'etat', 'Géoportail (IGN)'],
      ['ants.gouv.fr', 'etat', 'ANTS, Agence nationale des titres sécurisés'], ['vigilance.meteofrance.fr', 'etat', 'Météo-France'],
      ['ca-versailles.justice.fr', 'etat', "Cour d'appel de Versailles"], ['paca.ars.sante.fr', 'sante', "Agence régionale de santé Provence-Alpes-Côte d'Azur"],
      ['pantheonsorbonne.fr', 'enseignement-superieur', 'Université Paris 1 Panthéon-Sorbonne'], ['autoritedelaconcurrence.fr', 'etat', 'Autorité de la concurrence'],
      ['enm.justice.fr', 'enseignement-superieur', 'ENM, École nationale de la magistrature'], ['univ-brest.fr', 'enseignement-superieur', 'Université de Bretagne Occidentale'],
    ];
    for (const [host, category, name] of expected) {
      const found = byHost.get(host) ?? byHost.get(host.slice(host.indexOf('.') + 1));
      expect(found, host).toMatchObject({ status: 'active', category, name });
    }
    // A shared domain's name does not reach the other bodies under it.
    expect(sources.filter((s) => s.host !== 'sante.fr' && s.name === 'Santé.fr').map((s) => s.host)).toEqual([]);
    expect(sources.filter((s) => s.host !== 'justice.fr' && s.name.startsWith('Justice.fr')).map((s) => s.host)).toEqual([]);
  });

  it('trusts no domain-trading company, casino or site builder as a whole', () => {
    const hosts = new Set(sources.filter((s) => s.status === 'active').map((s) => s.host));
    for (const host of ['sedo.com', 'afternic.com', 'dan.com', 'het-onlinecasino.nl', 'sitego.fr', 'monclocher.com', 'france-mairie.info', 'annuaire.action-sociale.org', 'bibliotheques.icp.fr', 'changersyndic.net', 'ccb.com', 'mark.brough.io', 'bestfreecams.club', 'rejoignez.thalasso-saintmalo.com', 'bibliotheque-archives.godf.org']) expect(hosts.has(host), host).toBe(false);
  });

  it('keeps the hosts the end-to-end tests rely on active, in their category', () => {
    const byHost = new Map(sources.map((s) => [s.host, s]));
    const expected: [string, string][] = [
      ['service-public.fr', 'etat'], ['ain.gouv.fr', 'prefecture'], ['paris.fr', 'commune'], ['ac-lyon.fr', 'education'],
      ['isere.fr', 'departement'], ['caf.fr', 'securite-sociale'], ['univ-lyon1.fr', 'enseignement-superieur'], ['ameli.fr', 'securite-sociale'],
      ['lyon.fr', 'commune'], ['auvergnerhonealpes.fr', 'region'], ['bordeaux.fr', 'commune'], ['aphp.fr', 'sante'],
      ['chu-lyon.fr', 'sante'], ['sorbonne-universite.fr', 'enseignement-superieur'], ['legifrance.gouv.fr', 'etat'],
      ['impots.gouv.fr', 'etat'], ['grandlyon.com', 'intercommunalite'], ['agence-cohesion-territoires.gouv.fr', 'etat'],
      ['marseille.fr', 'commune'], ['strasbourg.eu', 'intercommunalite'],
    ];
    for (const [host, category] of expected) expect(byHost.get(host), host).toMatchObject({ status: 'active', category });
    expect(byHost.get('service-public.fr')?.name).toBe("Service-Public.fr, le site officiel de l'administration française");
    expect(byHost.get('ameli.fr')?.name).toBe("L'Assurance Maladie");
  });

  it('is exactly what the seed script builds from the upstream copy, rejections included', () => {
    const rebuilt = buildSeedCorpus(readSeedInput());
    expect(serializeCorpusText(rebuilt.sources, comments)).toBe(text);
    expect(readSeedRejections()).toEqual(rebuilt.rejected.map(({ host, reason, detail, lists }) => ({ host, reason, detail, lists })));
    expect(parseCorpusText(text).errors).toEqual([]);
  }, 60_000);

  it("activates a town's own-name site that the State's directory gives, alone for its commune; an old address beside a new one waits", () => {
    const byHost = new Map(sources.map((s) => [s.host, s]));
    for (const host of ['clermont-ferrand.fr', 'valence.fr', 'mairie-perpignan.fr']) {
      expect(byHost.get(host)).toMatchObject({ status: 'active', category: 'commune', provenance: expect.stringContaining('city-in-official-directory') });
    }
    // Annonay has two sites in the list: neither is activated without a check.
    for (const host of ['annonay.fr', 'mairie-annonay.fr']) expect(byHost.get(host)?.status).toBe('suspended');
    // Every site activated so: one per commune, under the commune's own name, listed by DILA.
    const activated = sources.filter((s) => s.provenance.includes('city-in-official-directory'));
    expect(activated.length).toBeGreaterThan(40);
    expect(activated.every((s) => s.code !== '' && s.provenance.includes('dila/') && s.status === 'active')).toBe(true);
    expect(new Set(activated.map((s) => s.code)).size).toBe(activated.length);
  });

  it("activates a large intercommunalité's own-name site that the State's directory gives, alone for its SIREN; an old address beside a new one waits", () => {
    const byHost = new Map(sources.map((s) => [s.host, s]));
    for (const host of ['toulouse-metropole.fr', 'metropole-dijon.fr', 'cu-arras.fr']) {
      expect(byHost.get(host), host).toMatchObject({ status: 'active', category: 'intercommunalite', provenance: expect.stringContaining('epci-in-official-directory') });
    }
    // Nantes Métropole has its old address beside metropole.nantes.fr: it waits for a check.
    expect(byHost.get('nantesmetropole.fr')?.status).toBe('suspended');
    const activated = sources.filter((s) => s.provenance.includes('epci-in-official-directory'));
    expect(activated.every((s) => /^\d{9}$/.test(s.code) && s.provenance.includes('dila/') && s.host.endsWith('.fr'))).toBe(true);
    expect(new Set(activated.map((s) => s.code)).size).toBe(activated.length);
  });
});
