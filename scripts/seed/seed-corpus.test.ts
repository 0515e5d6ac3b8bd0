import { describe, expect, it } from 'vitest';
import type { Source } from '../../corpus/source.ts';
import { parseCategorizedFile, parseVerifiedOrigins } from './etalab-input.ts';
import type { AdministrativeDivisions } from '../../corpus/node/communes.ts';
import { parseEstablishments, parseLocalDirectory, parseMairies, parseRorRecords } from '../../corpus/node/more-input.ts';
import { buildSeedCorpus, seedSourceId } from './seed-corpus.ts';

const files: Record<string, string> = {
  communes: [
    'ville-a.fr',
    'www.ville-a.fr',
    'www.ville-b.fr',
    'ville-c.fr',
    'houeillès.fr',
    'mairie_x.fr',
    'commune-parquee.com',
    'ww25.commune-parquee.com  # (redirection from commune-parquee.com)',
    'nouvelle-ville.fr  # (redirection from www.ancienne-ville.fr)',
    'lead-medecin-garde.com  # (redirection from www.ville-d.fr)',
    'ville-e.fr',
    'ville-e-nouveau.fr  # (redirection from ville-e.fr)',
    'beaumont.fr',
    'beaumont63.fr',
    'ancienne-commune.fr',
    'aubepierre-ozouerlerepos.fr',
    'beaumont-puydedome.fr',
  ].join('\n'),
  collectivites: [
    'mairie-x.free.fr',
    'vannes.aeroport.fr',
    'cc-vallee.fr',
    'cc-perigord-limousin.fr',
    'rimboval.fr',
    'wordpress.com',
    'sfr.fr',
    'www.sfr.fr',
    'sedo.com',
    'www.afternic.com',
    'het-onlinecasino.nl',
    'mairie-y.sitego.fr',
    'sitego.fr',
    'mairie-égletons.fr',
    'régionnormande.fr',
    'cluny-tourisme.com',
    'mairie-vannes.fr',
  ].join('\n'),
  epci: 'grandavignon.frfr\n',
  prefectures: 'ain.gouv.fr\n',
  'gouvfr-divers': [
    'ministere.gouv.fr',
    'demarches.ain.gouv.fr',
    'intranet.ministere.gouv.fr  # Found in cert of CN=intranet.ministere.gouv.fr',
    'portail.ministere.gouv.fr  # Found in cert of CN=portail.ministere.gouv.fr',
    'autodiscover.ministere.gouv.fr',
    'oublie.gouv.fr',
    'mail.ville-a.fr',
    'webmail2.ville-a.fr',
    'vpn.ville-a.fr',
    'owa.ville-a.fr',
    'smtp1.ville-a.fr',
    'mx-01.ville-a.fr',
    'mailing-liste.ville-a.fr',
    'default.prod02.ville-a.fr',
  ].join('\n'),
  'nongouvfr-divers': [
    'cci.fr', 'sub.unlisted-parent.org', 'centre-social.org', 'ca-agen.justice.fr', 'extranet.verified-parent.org', 'ch-vienne.fr',
    'ehpad-millas.fr', 'chi-poissy.fr', 'chateau-fort.fr', 'ch-metz.fr', 'msa.fr', 'www.msa.fr', 'gironde.msa.fr', 'lyon.cour-administrative-appel.fr',
    'rejoignez.thalasso-saintmalo.com', 'bibliotheque-archives.godf.org', 'bestfreecams.club', 'huissiers-justice-ca-lyon.com',
    'chambre-interdepartementale-de-savoie.notaires.fr', 'rhonearcalpin-interdepartemental.cidff.info', 'mairie-info.fr',
    'cgss-exemple.fr', 'cpam-exemple.fr', 'cacao-exemple.fr',
  ].join('\n'),
  'sante-fr': ['sante.fr', 'cns.sante.fr', 'ars.sante.fr', 'bretagne.ars.sante.fr'].join('\n'),
};
const verified = [
  'https://ville-a.fr',
  'http://www.ville-a.fr',
  'https://www.ville-b.fr',
  'https://ain.gouv.fr',
  'https://portail.ministere.gouv.fr',
  'https://nouveau.ministere.gouv.fr',
  'https://mairie-x.free.fr',
  'https://www.commune-parquee.com',
  'https://cc-vallee.fr',
  'https://xn--houeills-70a.fr',
  'https://lead-medecin-garde.com',
  'https://ville-e-nouveau.fr',
  'https://portal.verified-parent.org',
  'https://sedo.com',
  'https://mairie-y.sitego.fr',
  'https://sitego.fr',
].join('\n');

const divisions: AdministrativeDivisions = {
  communes: [
    { code: '56260', nom: 'Vannes', type: 'commune-actuelle', departement: '56', codesPostaux: ['56000'] },
    { code: '19073', nom: 'Égletons', type: 'commune-actuelle', departement: '19', codesPostaux: ['19300'] },
    { code: '63032', nom: 'Beaumont', type: 'commune-actuelle', departement: '63', codesPostaux: ['63110'] },
    { code: '24028', nom: 'Beaumont', type: 'commune-actuelle', departement: '24', codesPostaux: ['24440'] },
    { code: '01015', nom: 'Arboys en Bugey', type: 'commune-actuelle', departement: '01', codesPostaux: ['01300'], anciensCodes: ['01340'] },
    { code: '01340', nom: 'Saint-Bois', type: 'commune-deleguee', chefLieu: '01015' },
    { code: '77011', nom: 'Aubepierre-Ozouer-le-Repos', type: 'commune-actuelle', departement: '77', codesPostaux: ['77720'] },
    { code: '38544', nom: 'Vienne', type: 'commune-actuelle', departement: '38', codesPostaux: ['38200'] },
    { code: '78498', nom: 'Poissy', type: 'commune-actuelle', departement: '78', codesPostaux: ['78300'] },
    { code: '57463', nom: 'Metz', type: 'commune-actuelle', departement: '57', codesPostaux: ['57000'] },
    { code: '71270', nom: 'Metz', type: 'commune-actuelle', departement: '71', codesPostaux: ['71000'] },
  ],
  epci: [
    { code: '200067932', nom: 'CA Golfe du Morbihan - Vannes Agglomération', type: 'CA', membres: [{ code: '56260' }] },
    { code: '242400752', nom: 'CC Périgord-Limousin', type: 'CC', membres: [{ code: '24028' }] },
  ],
};
const more = [
  ...parseEstablishments(
    [
      "identifiant interne,libellé,secteur d'établissement,site internet,siren",
      'a,Institut national des sciences appliquées de Strasbourg,public,http://www.insa-strasbourg.fr/,196700000',
      'b,École privée de commerce,privé,https://www.ecole-privee.fr/,123456789',
    ].join('\n'),
  ),
  ...parseRorRecords(['ror_id,name,status,types,city,website', 'x,Entreprise,active,company,Paris,https://labo-prive.com'].join('\n')),
  ...parseLocalDirectory(
    ['id,name,home_page,tag,code_insee', 'epci-56260-01,Agglomération - Vannes,http://www.golfedumorbihan-vannesagglomeration.bzh,epci,56260'].join('\n'),
  ),
  ...parseMairies(['id;mairie;url', 'mairie-01340-01;Mairie de Saint-Bois;http://www.ancienne-commune.fr'].join('\n')),
];
const input = {
  categorized: Object.entries(files).flatMap(([file, text]) => parseCategorizedFile(file, text)),
  verified: parseVerifiedOrigins(verified).hosts,
  more,
  divisions,
};
const seed = buildSeedCorpus(input);
const byHost = new Map(seed.sources.map((source) => [source.host, source]));
const source = (host: string): Source => {
  const found = byHost.get(host);
  if (found === undefined) throw new Error(`no source ${host}`);
  return found;
};
const rejection = (host: string) => seed.rejected.filter((r) => r.host === host).map((r) => r.reason);

describe('buildSeedCorpus', () => {
  it('folds www. into one source and records the duplicate', () => {
    expect(source('ville-a.fr')).toMatchObject({ scope: 'subdomains', category: 'commune', status: 'active' });
    expect(source('ville-a.fr').provenance).toBe('etalab/communes,etalab/verified');
    expect(rejection('www.ville-a.fr')).toEqual(['duplicate-www']);
    expect(source('ville-b.fr').status).toBe('active');
    expect(rejection('www.ville-b.fr')).toEqual([]);
  });

  it('stores IDN hostnames in punycode, once', () => {
    expect(source('xn--houeills-70a.fr')).toMatchObject({ category: 'commune', status: 'active' });
  });

  it('keeps platform tenants at their exact hostname and rejects platform homepages and operators', () => {
    expect(source('mairie-x.free.fr')).toMatchObject({ scope: 'host', category: 'commune', status: 'active' });
    expect(rejection('wordpress.com')).toEqual(['platform-homepage']);
    expect(rejection('sfr.fr')).toEqual(['platform-homepage']);
    expect(rejection('www.sfr.fr')).toEqual(['platform-homepage']);
  });

  it('keeps a subdomain of an unlisted parent at its exact hostname, suspended until seen alive', () => {
    expect(source('sub.unlisted-parent.org')).toMatchObject({ scope: 'host', category: 'autre', status: 'suspended' });
    expect(source('sub.unlisted-parent.org').provenance).toContain('unverified');
  });

  it('suspends a domain none of whose hosts was verified reachable', () => {
    expect(source('ville-c.fr').status).toBe('suspended');
    expect(source('demarches.ain.gouv.fr')).toMatchObject({ scope: 'subdomains', status: 'active' });
  });

  it('rejects certificate-log back-ends unless they were verified reachable', () => {
    expect(rejection('intranet.ministere.gouv.fr')).toEqual(['certificate-log']);
    expect(source('portail.ministere.gouv.fr').status).toBe('active');
  });

  it('rejects parked domains, infrastructure names, public suffixes and invalid names', () => {
    expect(rejection('ww25.commune-parquee.com')).toEqual(['parked-domain']);
    expect(rejection('commune-parquee.com')).toEqual(['parked-domain']);
    expect(rejection('www.commune-parquee.com')).toEqual(['parked-domain']);
    expect(rejection('autodiscover.ministere.gouv.fr')).toEqual(['infrastructure']);
    expect(rejection('cci.fr')).toEqual(['public-suffix']);
    expect(rejection('mairie_x.fr')).toEqual(['invalid-hostname']);
    expect(rejection('grandavignon.frfr')).toEqual(['unknown-tld']);
  });

  it('categorizes from the list, a listed parent, or the name', () => {
    expect(source('ain.gouv.fr').category).toBe('prefecture');
    expect(source('demarches.ain.gouv.fr')).toMatchObject({ category: 'prefecture' });
    expect(source('demarches.ain.gouv.fr').provenance).toContain('category-from-parent');
    expect(source('ministere.gouv.fr').category).toBe('etat');
    expect(source('nouveau.ministere.gouv.fr')).toMatchObject({ category: 'etat', status: 'active' });
    expect(source('cc-vallee.fr').category).toBe('intercommunalite');
    expect(source('rimboval.fr').provenance).toContain('category-default');
    expect(source('centre-social.org').category).toBe('autre');
  });

  it('records where a moved site came from', () => {
    expect(source('nouvelle-ville.fr').provenance).toContain('redirect-from:www.ancienne-ville.fr');
  });

  it('never suspends a gouv.fr name merely for being unverified: only the State delegates them', () => {
    expect(source('oublie.gouv.fr')).toMatchObject({ status: 'active' });
    expect(source('oublie.gouv.fr').provenance).not.toContain('unverified');
  });

  it('keeps a host active when its registrable domain answered in 2024', () => {
    expect(source('extranet.verified-parent.org')).toMatchObject({ scope: 'host', status: 'active' });
  });

  it('holds the target of a redirect from another registrable domain unverified until checked', () => {
    expect(source('lead-medecin-garde.com')).toMatchObject({ status: 'suspended' });
    expect(source('lead-medecin-garde.com').provenance).toContain('unverified');
    expect(source('nouvelle-ville.fr').status).toBe('suspended');
    // Same registrable domain: a site moving within its own domain is not suspect.
    expect(source('demarches.ain.gouv.fr').status).toBe('active');
  });

  it('refuses domain-trading companies, gambling and adult sites, with the reason', () => {
    expect(rejection('sedo.com')).toEqual(['domain-trade']);
    expect(rejection('www.afternic.com')).toEqual(['domain-trade']);
    expect(rejection('het-onlinecasino.nl')).toEqual(['gambling']);
  });

  it('keeps tenants of site builders at their hostname and refuses the builder itself', () => {
    expect(source('mairie-y.sitego.fr')).toMatchObject({ scope: 'host', status: 'active' });
    expect(rejection('sitego.fr')).toEqual(['platform-homepage']);
  });

  it('reads infrastructure names by label pattern', () => {
    for (const host of ['default.prod02.ville-a.fr', 'mail.ville-a.fr', 'webmail2.ville-a.fr', 'vpn.ville-a.fr', 'owa.ville-a.fr', 'smtp1.ville-a.fr', 'mx-01.ville-a.fr']) {
      expect(rejection(host)).toEqual(['infrastructure']);
    }
    expect(source('mailing-liste.ville-a.fr').status).toBe('active');
  });

  it('reads categories and commune names from the Unicode hostname', () => {
    expect(source('xn--mairie-gletons-hkb.fr')).toMatchObject({ category: 'commune', name: "Mairie d'Égletons", code: '19073' });
    expect(source('xn--rgionnormande-bhb.fr')).toMatchObject({ category: 'region' });
  });

  it("reads neither a court nor an intercommunalité nor a département in the professions' and interdepartmental bodies' names", () => {
    for (const host of ['huissiers-justice-ca-lyon.com', 'chambre-interdepartementale-de-savoie.notaires.fr', 'rhonearcalpin-interdepartemental.cidff.info']) {
      expect(source(host).category, host).toBe('autre');
    }
  });

  it('reads a social security fund from its hostname: CGSS, CPAM, CAF…, not any name that starts alike', () => {
    for (const host of ['cgss-exemple.fr', 'cpam-exemple.fr']) expect(source(host).category, host).toBe('securite-sociale');
    expect(source('cacao-exemple.fr').category).toBe('autre');
  });

  it('reads a hospital or care home from its hostname: centre hospitalier, CHI, EHPAD', () => {
    for (const host of ['ch-vienne.fr', 'ehpad-millas.fr', 'chi-poissy.fr']) expect(source(host).category, host).toBe('sante');
    expect(source('chateau-fort.fr').category).toBe('autre');
  });

  it('names a centre hospitalier after the one commune its domain spells', () => {
    expect(source('ch-vienne.fr')).toMatchObject({ name: 'Centre hospitalier de Vienne', code: '' });
    expect(source('chi-poissy.fr')).toMatchObject({ name: 'Centre hospitalier intercommunal de Poissy', code: '' });
    expect(source('ehpad-millas.fr').name).toBe('');
    // Two communes are called Metz in this fixture: the hospital stays unnamed rather than wrongly named.
    expect(source('ch-metz.fr')).toMatchObject({ category: 'sante', name: '' });
  });

  it('does not take a court of appeal for an intercommunality, and names the courts after their seat', () => {
    expect(source('ca-agen.justice.fr')).toMatchObject({ category: 'etat', name: "Cour d'appel d'Agen" });
    expect(source('lyon.cour-administrative-appel.fr')).toMatchObject({ category: 'etat', name: "Cour administrative d'appel de Lyon" });
  });

  it("gives a site under a hand-checked organisation's domain that organisation's kind and name", () => {
    expect(source('gironde.msa.fr')).toMatchObject({ category: 'securite-sociale', name: 'MSA, Mutualité sociale agricole' });
    expect(source('gironde.msa.fr').provenance).toContain('category-from-parent');
  });

  it("does not pass a shared domain's name to its subdomains, and names the regional health agencies", () => {
    expect(source('sante.fr').name).toBe('Santé.fr');
    expect(source('cns.sante.fr')).toMatchObject({ category: 'sante', name: '' });
    expect(source('bretagne.ars.sante.fr')).toMatchObject({ category: 'sante', name: 'Agence régionale de santé Bretagne' });
  });

  it('refuses private businesses, private organisations and adult sites found in the review, with the reason', () => {
    expect(rejection('rejoignez.thalasso-saintmalo.com')).toEqual(['private-business']);
    expect(rejection('bibliotheque-archives.godf.org')).toEqual(['private-organisation']);
    expect(rejection('bestfreecams.club')).toEqual(['adult']);
    expect(rejection('mairie-info.fr')).toEqual(['private-business']);
  });

  it("records the www. form of a hand-checked source as a duplicate, like any other's", () => {
    expect(source('msa.fr').provenance).toContain('curated');
    expect(rejection('www.msa.fr')).toEqual(['duplicate-www']);
  });

  it('names a site under a named organisation\'s domain, of the same kind, after it', () => {
    expect(source('demarches.ain.gouv.fr')).toMatchObject({ name: "Préfecture de l'Ain", code: '01' });
    expect(source('demarches.ain.gouv.fr').provenance).toContain('name-from-parent');
  });

  it('names a commune\'s site « Mairie de X » with its INSEE code, and leaves homonyms unnamed', () => {
    expect(source('mairie-vannes.fr')).toMatchObject({ category: 'commune', name: 'Mairie de Vannes', code: '56260' });
    expect(source('beaumont.fr')).toMatchObject({ category: 'commune', name: '', code: '' });
    expect(source('beaumont63.fr')).toMatchObject({ name: 'Mairie de Beaumont', code: '63032' });
    expect(source('beaumont-puydedome.fr')).toMatchObject({ name: 'Mairie de Beaumont', code: '63032' });
    expect(source('aubepierre-ozouerlerepos.fr')).toMatchObject({ name: "Mairie d'Aubepierre-Ozouer-le-Repos", code: '77011' });
  });

  it('takes no site under a sectoral suffix for a town hall, whatever town it spells', () => {
    expect(source('vannes.aeroport.fr')).toMatchObject({ category: 'autre', name: '', code: '' });
  });

  it('resolves a merged commune\'s former code from the directory to its commune nouvelle', () => {
    expect(source('ancienne-commune.fr')).toMatchObject({ name: "Mairie d'Arboys en Bugey", code: '01015' });
    expect(source('ancienne-commune.fr').provenance).toContain('dila/mairies-2018');
  });

  it('gives an EPCI from the directory its SIREN and name', () => {
    expect(source('golfedumorbihan-vannesagglomeration.bzh')).toMatchObject({
      category: 'intercommunalite',
      name: "Communauté d'agglomération Golfe du Morbihan - Vannes Agglomération",
      code: '200067932',
    });
  });

  it('gives an EPCI whose name its hostname spells its SIREN and name', () => {
    expect(source('cc-perigord-limousin.fr')).toMatchObject({
      category: 'intercommunalite',
      name: 'Communauté de communes Périgord-Limousin',
      code: '242400752',
    });
  });

  it('takes public higher-education establishments from the MESR list, named, and refuses private ones and companies', () => {
    expect(source('insa-strasbourg.fr')).toMatchObject({
      category: 'enseignement-superieur',
      status: 'active',
      name: 'Institut national des sciences appliquées de Strasbourg',
      code: '196700000',
    });
    expect(rejection('www.ecole-privee.fr')).toEqual(['private-establishment']);
    expect(rejection('labo-prive.com')).toEqual(['private-establishment']);
  });

  it('leaves a site of the collectivites list that no commune fits to curators as autre', () => {
    expect(source('cluny-tourisme.com')).toMatchObject({ category: 'autre' });
    expect(source('cluny-tourisme.com').provenance).toContain('category-default');
  });

  it('gives every source a stable id derived from its hostname', () => {
    expect(source('ville-a.fr').id).toBe(seedSourceId('ville-a.fr'));
    expect(seedSourceId('ville-a.fr')).toMatch(/^s[a-z2-7]{11}$/);
    expect(new Set(seed.sources.map((s) => s.id)).size).toBe(seed.sources.length);
  });

  it('is deterministic', () => {
    expect(buildSeedCorpus(input)).toEqual(seed);
  });
});

describe('knownOrganisation', () => {
  it('names préfectures, départements, académies and régions from their hostname pattern', async () => {
    const { knownOrganisation } = await import('./known-organisations.ts');
    const lists = (...names: string[]) => new Set(names);
    expect(knownOrganisation('ain.gouv.fr', lists('prefectures'))).toEqual({ name: "Préfecture de l'Ain", code: '01', category: 'prefecture' });
    expect(knownOrganisation('cotes-darmor.gouv.fr', lists('prefectures'))).toMatchObject({ name: "Préfecture des Côtes-d'Armor", code: '22' });
    expect(knownOrganisation('ain.gouv.fr', lists('gouvfr-divers'))?.category).toBe('prefecture');
    expect(knownOrganisation('ain.fr', lists('conseils-departementaux'))).toMatchObject({ category: 'departement', code: '01' });
    expect(knownOrganisation('cg2a.fr', lists('conseils-departementaux'))).toEqual({ name: 'Département de la Corse-du-Sud', code: '2A' });
    expect(knownOrganisation('lenord.fr', lists('conseils-departementaux'))?.name).toBe('Département du Nord');
    expect(knownOrganisation('loiret.fr', lists('conseils-departementaux'))?.name).toBe('Département du Loiret');
    expect(knownOrganisation('hautesavoie.fr', lists('conseils-departementaux'))?.code).toBe('74');
    expect(knownOrganisation('saoneetloire71.fr', lists('conseils-departementaux'))?.code).toBe('71');
    expect(knownOrganisation('ac-orleans-tours.fr', lists('academies'))?.name).toBe("Académie d'Orléans-Tours");
    expect(knownOrganisation('cdg-41.org', lists('centre-de-gestion'))).toEqual({
      name: 'Centre de gestion de la fonction publique territoriale de Loir-et-Cher',
      code: '41',
    });
    expect(knownOrganisation('mdph13.fr', lists('mdph-mda'))?.name).toBe('Maison départementale des personnes handicapées des Bouches-du-Rhône');
    expect(knownOrganisation('laregion.fr', lists('conseils-regionaux'))).toEqual({ name: 'Région Occitanie', code: '', category: 'region' });
    expect(knownOrganisation('service-public.fr', lists())?.category).toBe('etat');
  });

  it('names the seed sources that match, and keeps curated national services active', () => {
    expect(source('ain.gouv.fr')).toMatchObject({ name: "Préfecture de l'Ain", code: '01' });
    expect(source('francetravail.fr')).toMatchObject({ status: 'active', category: 'etat', provenance: 'curated' });
  });
});
