/**
 * Names (and INSEE codes) that the open data does not give but that follow from well-known
 * hostname patterns — préfectures, départements, académies, régions — plus a short list of national
 * public services that people search for every day, checked by hand. The badge then says
 * « Préfecture de l'Ain » rather than only « site d'une préfecture ».
 */
import type { Category } from '../../corpus/categories.ts';
import { DEPARTEMENT_BY_CODE, DEPARTEMENT_BY_SLUG } from '../../corpus/node/departements.ts';

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

type Curated = KnownOrganisation & { category: Category };

/** `[hostname, name, code?]` entries of one category, checked by hand. */
function curatedGroup(category: Category, entries: [string, string, string?][]): [string, Curated][] {
  return entries.map(([host, name, code = '']) => [host, { name, code, category }]);
}

/** The current site of each département council, by INSEE code (Paris, Corsica, Martinique and Guyane are single collectivities, listed elsewhere). */
// prettier-ignore
const DEPARTEMENT_SITES: Record<string, string> = {
  '01': 'ain.fr', '02': 'aisne.com', '03': 'allier.fr', '04': 'mondepartement04.fr', '05': 'hautes-alpes.fr', '06': 'departement06.fr',
  '07': 'ardeche.fr', '08': 'cd08.fr', '09': 'ariege.fr', '10': 'aube.fr', '11': 'aude.fr', '12': 'aveyron.fr', '13': 'departement13.fr',
  '14': 'calvados.fr', '15': 'cantal.fr', '16': 'lacharente.fr', '17': 'charente-maritime.fr', '18': 'departement18.fr', '19': 'correze.fr',
  '21': 'cotedor.fr', '22': 'cotesdarmor.fr', '23': 'creuse.fr', '24': 'dordogne.fr', '25': 'doubs.fr', '26': 'ladrome.fr',
  '27': 'eureennormandie.fr', '28': 'eurelien.fr', '29': 'finistere.fr', '30': 'gard.fr', '31': 'haute-garonne.fr', '32': 'gers.fr',
  '33': 'gironde.fr', '34': 'herault.fr', '35': 'ille-et-vilaine.fr', '36': 'indre.fr', '37': 'touraine.fr', '38': 'isere.fr',
  '39': 'jura.fr', '40': 'landes.fr', '41': 'departement41.fr', '42': 'loire.fr', '43': 'hauteloire.fr', '44': 'loire-atlantique.fr',
  '45': 'loiret.fr', '46': 'lot.fr', '47': 'lotetgaronne.fr', '48': 'lozere.fr', '49': 'maine-et-loire.fr', '50': 'manche.fr',
  '51': 'marne.fr', '52': 'haute-marne.fr', '53': 'lamayenne.fr', '54': 'meurthe-et-moselle.fr', '55': 'meuse.fr', '56': 'morbihan.fr',
  '57': 'moselle.fr', '58': 'nievre.fr', '59': 'lenord.fr', '60': 'oise.fr', '61': 'orne.fr', '62': 'pasdecalais.fr',
  '63': 'puy-de-dome.fr', '64': 'le64.fr', '65': 'hautespyrenees.fr', '66': 'ledepartement66.fr', '69': 'rhone.fr',
  '70': 'haute-saone.fr', '71': 'saoneetloire71.fr', '72': 'sarthe.fr', '73': 'savoie.fr', '74': 'hautesavoie.fr',
  '76': 'seinemaritime.fr', '77': 'seine-et-marne.fr', '78': 'yvelines.fr', '79': 'deux-sevres.fr', '80': 'somme.fr', '81': 'tarn.fr', '82': 'ledepartement.fr',
  '83': 'var.fr', '84': 'vaucluse.fr', '85': 'vendee.fr', '86': 'lavienne86.fr', '87': 'haute-vienne.fr', '88': 'vosges.fr',
  '89': 'yonne.fr', '90': 'territoiredebelfort.fr', '91': 'essonne.fr', '92': 'hauts-de-seine.fr', '93': 'seinesaintdenis.fr',
  '94': 'valdemarne.fr', '95': 'valdoise.fr', '971': 'cg971.fr', '974': 'departement974.fr', '976': 'cg976.fr',
};

/**
 * The sites people use most, checked by hand: named, categorized, and kept active even where the
 * 2024 consolidation did not see them (its robot was refused by some of them). Hostnames missing
 * from the open data (renamed services) are added with provenance `curated`.
 */
// prettier-ignore
export const CURATED_SOURCES: Record<string, Curated> = Object.fromEntries([
  // The Government, the Presidency, Parliament, the high courts and the independent authorities.
  ...curatedGroup('etat', [
    ['info.gouv.fr', 'Gouvernement — le site officiel (info.gouv.fr)'], ['gouvernement.fr', 'Gouvernement'],
    ['elysee.fr', 'Présidence de la République'], ['assemblee-nationale.fr', 'Assemblée nationale'], ['senat.fr', 'Sénat'],
    ['conseil-constitutionnel.fr', 'Conseil constitutionnel'], ['conseil-etat.fr', "Conseil d'État"],
    ['courdecassation.fr', 'Cour de cassation'], ['ccomptes.fr', 'Cour des comptes'], ['defenseurdesdroits.fr', 'Défenseur des droits'],
    ['cnil.fr', "CNIL, Commission nationale de l'informatique et des libertés"], ['arcep.fr', 'Arcep'],
    ['banque-france.fr', 'Banque de France'], ['caissedesdepots.fr', 'Caisse des Dépôts'],
    ['cada.fr', "CADA, Commission d'accès aux documents administratifs"], ['hatvp.fr', 'HATVP, Haute Autorité pour la transparence de la vie publique'],
    ['arcom.fr', 'Arcom, Autorité de régulation de la communication audiovisuelle et numérique'], ['cre.fr', "CRE, Commission de régulation de l'énergie"],
    ['anj.fr', 'ANJ, Autorité nationale des jeux'], ['autorite-transports.fr', 'Autorité de régulation des transports'],
    ['asnr.fr', 'ASNR, Autorité de sûreté nucléaire et de radioprotection'], ['lecese.fr', 'CESE, Conseil économique, social et environnemental'],
    ['cglpl.fr', 'Contrôleur général des lieux de privation de liberté'], ['energie-mediateur.fr', "Médiateur national de l'énergie"],
  ]),
  // Ministries.
  ...curatedGroup('etat', [
    ['interieur.gouv.fr', "Ministère de l'Intérieur"], ['justice.gouv.fr', 'Ministère de la Justice'],
    ['defense.gouv.fr', 'Ministère des Armées'], ['diplomatie.gouv.fr', "Ministère de l'Europe et des Affaires étrangères"],
    ['economie.gouv.fr', "Ministère de l'Économie et des Finances"], ['education.gouv.fr', "Ministère de l'Éducation nationale"],
    ['enseignementsup-recherche.gouv.fr', "Ministère de l'Enseignement supérieur et de la Recherche"],
    ['culture.gouv.fr', 'Ministère de la Culture'], ['ecologie.gouv.fr', 'Ministère de la Transition écologique'],
    ['agriculture.gouv.fr', "Ministère de l'Agriculture et de la Souveraineté alimentaire"],
    ['sante.gouv.fr', 'Ministère chargé de la Santé'], ['solidarites.gouv.fr', 'Ministère chargé des Solidarités'],
    ['travail-emploi.gouv.fr', 'Ministère du Travail et de l\'Emploi'], ['sports.gouv.fr', 'Ministère des Sports'],
    ['outre-mer.gouv.fr', 'Ministère des Outre-mer'], ['cohesion-territoires.gouv.fr', 'Ministère de la Cohésion des territoires'],
    ['fonction-publique.gouv.fr', 'Ministère de la Fonction publique'], ['entreprises.gouv.fr', 'Direction générale des Entreprises'],
    ['social.gouv.fr', 'Ministères sociaux'], ['developpement-durable.gouv.fr', 'Ministère de la Transition écologique'],
    ['finances.gouv.fr', "Ministère de l'Économie et des Finances"], ['travail.gouv.fr', 'Ministère du Travail'],
    ['emploi.gouv.fr', 'Ministère du Travail et de l\'Emploi'], ['aviation-civile.gouv.fr', "Direction générale de l'Aviation civile"],
    ['numerique.gouv.fr', 'DINUM, Direction interministérielle du numérique'], ['beta.gouv.fr', 'beta.gouv.fr (DINUM)'],
    ['anct.gouv.fr', 'Agence nationale de la cohésion des territoires'], ['dila.gouv.fr', "DILA, Direction de l'information légale et administrative"],
    ['accueil-etrangers.gouv.fr', 'Accueil des étrangers en France'], ['dreets.gouv.fr', "DREETS, services déconcentrés de l'État"],
  ]),
  // Services people use every day.
  ...curatedGroup('etat', [
    ['service-public.fr', "Service-Public.fr, le site officiel de l'administration française"], ['vie-publique.fr', 'Vie-publique.fr'],
    ['legifrance.gouv.fr', 'Légifrance'], ['impots.gouv.fr', 'Impots.gouv.fr (DGFiP)'], ['douane.gouv.fr', 'Douane'],
    ['ants.gouv.fr', 'ANTS, Agence nationale des titres sécurisés'], ['france-identite.gouv.fr', 'France Identité'],
    ['franceconnect.gouv.fr', 'FranceConnect'], ['mesdroitssociaux.gouv.fr', 'Mes droits sociaux'],
    ['pre-plainte-en-ligne.gouv.fr', 'Pré-plainte en ligne'], ['data.gouv.fr', 'data.gouv.fr'],
    ['cybermalveillance.gouv.fr', 'Cybermalveillance.gouv.fr'], ['cyber.gouv.fr', "ANSSI, Agence nationale de la sécurité des systèmes d'information"],
    ['ssi.gouv.fr', "ANSSI, Agence nationale de la sécurité des systèmes d'information"],
    ['1jeune1solution.gouv.fr', '1 jeune, 1 solution'], ['etudiant.gouv.fr', 'Etudiant.gouv.fr'],
    ['moncompteformation.gouv.fr', 'Mon compte formation'], ['service-civique.gouv.fr', 'Service civique'],
    ['monparcourshandicap.gouv.fr', 'Mon parcours handicap'], ['demarches-simplifiees.fr', 'Démarches simplifiées'],
    ['ensap.gouv.fr', "ENSAP, espace numérique sécurisé de l'agent public"], ['retraitesdeletat.gouv.fr', "Retraites de l'État"],
    ['agence-cohesion-territoires.gouv.fr', 'Agence nationale de la cohésion des territoires'],
    ['insee.fr', 'Insee'], ['ign.fr', "IGN, Institut national de l'information géographique et forestière"],
    ['meteofrance.com', 'Météo-France'], ['meteo.fr', 'Météo-France'], ['bnf.fr', 'Bibliothèque nationale de France'],
    ['ademe.fr', 'ADEME, Agence de la transition écologique'], ['ofb.gouv.fr', "Office français de la biodiversité"],
    ['onf.fr', 'Office national des forêts'], ['anah.gouv.fr', "Anah, Agence nationale de l'habitat"], ['inpi.fr', 'INPI'],
    ['ofpra.gouv.fr', 'Ofpra'], ['ofii.fr', "Ofii, Office français de l'immigration et de l'intégration"],
    ['anfr.fr', 'ANFR, Agence nationale des fréquences'], ['andra.fr', 'Andra, Agence nationale pour la gestion des déchets radioactifs'],
    ['irsn.fr', "IRSN, Institut de radioprotection et de sûreté nucléaire (aujourd'hui ASNR)"], ['inc-conso.fr', 'Institut national de la consommation'],
    ['assurance-banque-epargne.fr', 'Assurance Banque Épargne Info Service (Banque de France, ACPR, AMF)'],
    ['openedition.org', 'OpenEdition (CNRS, Aix-Marseille Université, EHESS, Avignon Université)'], ['persee.fr', 'Persée (CNRS, ENS de Lyon)'],
    ['idref.fr', 'IdRef (Abes)'],
    ['cnfpt.fr', 'CNFPT, Centre national de la fonction publique territoriale'], ['ladocumentationfrancaise.fr', 'La Documentation française (DILA)'],
    ['sengager.fr', "Armée de Terre, recrutement"], ['banquedesterritoires.fr', 'Banque des Territoires (Caisse des Dépôts)'],
    ['ircantec.retraites.fr', 'Ircantec (Caisse des Dépôts)'], ['cnracl.retraites.fr', 'CNRACL (Caisse des Dépôts)'],
    ['iledefrance-mobilites.fr', 'Île-de-France Mobilités'],
    ['antai.gouv.fr', "ANTAI, Agence nationale de traitement automatisé des infractions"], ['amendes.gouv.fr', 'Amendes.gouv.fr (ANTAI)'],
    ['permisdeconduire.gouv.fr', 'Permis de conduire (Sécurité routière)'], ['securite-routiere.gouv.fr', 'Sécurité routière'],
    ['cadastre.gouv.fr', 'Cadastre (DGFiP)'], ['geoportail.gouv.fr', 'Géoportail (IGN)'], ['georisques.gouv.fr', 'Géorisques'],
    ['vigicrues.gouv.fr', 'Vigicrues'], ['meteofrance.fr', 'Météo-France'], ['francearchives.gouv.fr', 'FranceArchives (Archives de France)'],
    ['archives-nationales.culture.gouv.fr', 'Archives nationales'], ['france-visas.gouv.fr', 'France-Visas'],
    ['chequeenergie.gouv.fr', 'Chèque énergie'], ['france-renov.gouv.fr', "France Rénov' (Anah)"], ['maprimerenov.gouv.fr', "MaPrimeRénov' (Anah)"],
    ['prix-carburants.gouv.fr', 'Prix des carburants'], ['rappel.conso.gouv.fr', 'RappelConso'], ['signal.conso.gouv.fr', 'SignalConso (DGCCRF)'],
    ['oups.gouv.fr', "Oups, le droit à l'erreur"], ['arretonslesviolences.gouv.fr', 'Arrêtons les violences'],
    ['internet-signalement.gouv.fr', 'Pharos, signalement des contenus illicites de l\'internet'],
    ['code.travail.gouv.fr', 'Code du travail numérique'], ['annuaire-entreprises.data.gouv.fr', "L'Annuaire des entreprises"],
    ['entreprendre.service-public.fr', 'Entreprendre.Service-Public.fr'], ['justice.fr', 'Justice.fr, le portail du service public de la justice'],
    ['gendarmerie.interieur.gouv.fr', 'Gendarmerie nationale'], ['police-nationale.interieur.gouv.fr', 'Police nationale'],
    ['masecurite.interieur.gouv.fr', 'Ma Sécurité (Police nationale, Gendarmerie nationale)'],
    ['education.fr', "Ministère de l'Éducation nationale (education.fr)"],
    ['service-public.gouv.fr', "Service-Public.gouv.fr, le site officiel de l'administration française"],
    ['jeveuxaider.gouv.fr', 'JeVeuxAider.gouv.fr (Réserve civique)'], ['jeunes.gouv.fr', 'Jeunes.gouv.fr'], ['associations.gouv.fr', 'Associations.gouv.fr'],
    ['monmaster.gouv.fr', 'Mon Master'], ['trouvermonmaster.gouv.fr', 'Trouver mon master'], ['sport.gouv.fr', 'Ministère des Sports'],
    ['base-donnees-publique.medicaments.gouv.fr', 'Base de données publique des médicaments'], ['esante.gouv.fr', 'Agence du numérique en santé'],
    ['handicap.gouv.fr', 'Handicap.gouv.fr'], ['egalite-femmes-hommes.gouv.fr', "Ministère chargé de l'Égalité entre les femmes et les hommes"],
    ['stop-violences-femmes.gouv.fr', 'Stop violences femmes'], ['allo119.gouv.fr', '119, Allô Enfance en danger'],
    ['jeprotegemonenfant.gouv.fr', 'Je protège mon enfant'], ['pass.culture.fr', 'pass Culture'],
    ['franceagrimer.fr', 'FranceAgriMer'], ['agencebio.org', 'Agence Bio'], ['cnrtl.fr', 'CNRTL, Centre national de ressources textuelles et lexicales (CNRS)'],
  ]),
  // Public bodies found as « autre » in the last review of the active list (établissements publics, authorities, national parks).
  ...curatedGroup('etat', [
    ['autoritedelaconcurrence.fr', 'Autorité de la concurrence'], ['cerema.fr', 'Cerema'], ['afd.fr', 'AFD, Agence française de développement'],
    ['afpa.fr', "Afpa, Agence nationale pour la formation professionnelle des adultes"], ['asn.fr', "ASN, Autorité de sûreté nucléaire (aujourd'hui ASNR)"],
    ['cades.fr', "Cades, Caisse d'amortissement de la dette sociale"], ['cnc.fr', "CNC, Centre national du cinéma et de l'image animée"],
    ['cnsa.fr', "CNSA, Caisse nationale de solidarité pour l'autonomie"], ['ecpad.fr', "ECPAD, Établissement de communication et de production audiovisuelle de la Défense"],
    ['epide.fr', "Epide, Établissement pour l'insertion dans l'emploi"], ['ifce.fr', "IFCE, Institut français du cheval et de l'équitation"],
    ['inrap.fr', 'Inrap, Institut national de recherches archéologiques préventives'], ['injep.fr', "INJEP, Institut national de la jeunesse et de l'éducation populaire"],
    ['institutdefrance.fr', 'Institut de France'], ['onac-vg.fr', 'ONaCVG, Office national des combattants et des victimes de guerre'],
    ['shom.fr', 'Shom, Service hydrographique et océanographique de la Marine'], ['taaf.fr', 'Terres australes et antarctiques françaises'],
    ['ugap.fr', "UGAP, Union des groupements d'achats publics"], ['telerecours.fr', "Télérecours (Conseil d'État)"],
    ['commission-refugies.fr', "CNDA, Cour nationale du droit d'asile"], ['conservatoire-du-littoral.fr', 'Conservatoire du littoral'],
    ['debatpublic.fr', 'Commission nationale du débat public'], ['cncdh.fr', "CNCDH, Commission nationale consultative des droits de l'homme"],
    ['cnccfp.fr', 'CNCCFP, Commission nationale des comptes de campagne et des financements politiques'], ['hautconseilclimat.fr', 'Haut Conseil pour le climat'],
    ['eaurmc.fr', "Agence de l'eau Rhône Méditerranée Corse"], ['eau-loire-bretagne.fr', "Agence de l'eau Loire-Bretagne"],
    ['culture.fr', 'Ministère de la Culture (culture.fr)'], ['dila.fr', "DILA, Direction de l'information légale et administrative"],
    ['calanques-parcnational.fr', 'Parc national des Calanques'], ['cevennes-parcnational.fr', 'Parc national des Cévennes'],
    ['forets-parcnational.fr', 'Parc national de forêts'], ['guadeloupe-parcnational.fr', 'Parc national de la Guadeloupe'],
    ['mercantour-parcnational.fr', 'Parc national du Mercantour'], ['portcros-parcnational.fr', 'Parc national de Port-Cros'],
    ['pyrenees-parcnational.fr', 'Parc national des Pyrénées'], ['reunion-parcnational.fr', 'Parc national de La Réunion'],
    ['vanoise-parcnational.fr', 'Parc national de la Vanoise'], ['parc-amazonien-guyane.fr', 'Parc amazonien de Guyane'],
  ]),
  // Employment.
  ...curatedGroup('etat', [
    ['pole-emploi.fr', 'France Travail (anciennement Pôle emploi)'], ['francetravail.fr', 'France Travail'],
    ['unedic.org', 'Unédic'], ['france-competences.fr', 'France compétences'],
    ['francetravail.org', 'France Travail (site institutionnel)'], ['pole-emploi.org', 'France Travail (site institutionnel)'],
  ]),
  // Social security: its branches and funds, national and regional.
  ...curatedGroup('securite-sociale', [
    ['ameli.fr', "L'Assurance Maladie"],
    ['caf.fr', "Caisses d'allocations familiales"], ['msa.fr', 'MSA, Mutualité sociale agricole'], ['urssaf.fr', 'Urssaf'],
    ['lassuranceretraite.fr', "L'Assurance retraite"], ['info-retraite.fr', 'Info Retraite (GIP Union Retraite)'],
    ['agirc-arrco.fr', 'Agirc-Arrco'], ['net-entreprises.fr', 'Net-entreprises'], ['securite-sociale.fr', 'La Sécurité sociale'],
    ['monenfant.fr', "Monenfant.fr (Caisses d'allocations familiales)"],
    ['cnav.fr', "Cnav, Caisse nationale d'assurance vieillesse"], ['cleiss.fr', 'Cleiss, Centre des liaisons européennes et internationales de sécurité sociale'],
    // The general social security funds of the overseas départements.
    ['cgss.re', 'CGSS de La Réunion, Caisse générale de sécurité sociale'], ['cgss-guadeloupe.fr', 'CGSS de la Guadeloupe, Caisse générale de sécurité sociale'],
    ['cgss-martinique.fr', 'CGSS de la Martinique, Caisse générale de sécurité sociale'],
    ...Object.entries({
      alsacemoselle: 'Alsace-Moselle', aquitaine: 'Aquitaine', auvergne: 'Auvergne', bfc: 'Bourgogne-Franche-Comté', bretagne: 'Bretagne',
      centreouest: 'Centre-Ouest', cvl: 'Centre-Val de Loire', hdf: 'Hauts-de-France', lr: 'Languedoc-Roussillon', mp: 'Midi-Pyrénées',
      nordest: 'Nord-Est', normandie: 'Normandie', pl: 'Pays de la Loire', ra: 'Rhône-Alpes', sudest: 'Sud-Est',
    }).map(([region, name]): [string, string] => [`carsat-${region}.fr`, `Carsat ${name} (Assurance retraite)`]),
  ]),
  // Health.
  ...curatedGroup('sante', [
    ['monespacesante.fr', 'Mon espace santé'], ['sante.fr', 'Santé.fr'],
    ['has-sante.fr', 'Haute Autorité de santé'], ['santepubliquefrance.fr', 'Santé publique France'],
    ['e-cancer.fr', 'Institut national du cancer'], ['anses.fr', "Anses, Agence nationale de sécurité sanitaire"],
    ['inserm.fr', 'Inserm'], ['ansm.sante.fr', 'ANSM, Agence nationale de sécurité du médicament et des produits de santé'],
    ['efs.sante.fr', 'Établissement français du sang'], ['hcsp.fr', 'Haut Conseil de la santé publique'],
    ['ars.sante.fr', 'Agences régionales de santé'],
  ]),
  // University hospitals (CHU).
  ...curatedGroup('sante', [
    ['aphp.fr', 'AP-HP, Assistance publique – Hôpitaux de Paris'], ['ap-hm.fr', 'AP-HM, Assistance publique – Hôpitaux de Marseille'],
    ['chu-lyon.fr', 'Hospices civils de Lyon'], ['chu-bordeaux.fr', 'CHU de Bordeaux'], ['chu-toulouse.fr', 'CHU de Toulouse'],
    ['chu-lille.fr', 'CHU de Lille'], ['chu-nantes.fr', 'CHU de Nantes'], ['chu-rennes.fr', 'CHU de Rennes'],
    ['chu-angers.fr', "CHU d'Angers"], ['chu-brest.fr', 'CHU de Brest'], ['chu-caen.fr', 'CHU de Caen Normandie'],
    ['chu-rouen.fr', 'CHU de Rouen'], ['chu-amiens.fr', "CHU Amiens-Picardie"], ['chu-reims.fr', 'CHU de Reims'],
    ['chru-strasbourg.fr', 'Hôpitaux universitaires de Strasbourg'], ['chu-nancy.fr', 'CHRU de Nancy'],
    ['chu-dijon.fr', 'CHU Dijon Bourgogne'], ['chu-besancon.fr', 'CHU de Besançon'],
    ['chu-clermontferrand.fr', 'CHU de Clermont-Ferrand'], ['chu-grenoble.fr', 'CHU Grenoble Alpes'],
    ['chu-st-etienne.fr', 'CHU de Saint-Étienne'], ['chu-montpellier.fr', 'CHU de Montpellier'], ['chu-nimes.fr', 'CHU de Nîmes'],
    ['chu-nice.fr', 'CHU de Nice'], ['chu-limoges.fr', 'CHU de Limoges'], ['chu-poitiers.fr', 'CHU de Poitiers'],
    ['chu-tours.fr', 'CHRU de Tours'], ['chr-orleans.fr', "CHU d'Orléans"], ['chr-metz-thionville.fr', 'CHR Metz-Thionville'],
    ['chu-martinique.fr', 'CHU de Martinique'], ['chu-guadeloupe.fr', 'CHU de la Guadeloupe'], ['chu-reunion.fr', 'CHU de La Réunion'],
  ]),
  // Research organisations (opérateurs de l'État) and research infrastructure.
  ...curatedGroup('etat', [
    ['cnrs.fr', 'CNRS, Centre national de la recherche scientifique'], ['inria.fr', 'Inria'],
    ['cea.fr', 'CEA, Commissariat à l\'énergie atomique et aux énergies alternatives'], ['cnes.fr', "CNES, Centre national d'études spatiales"],
    ['inrae.fr', 'INRAE'], ['ird.fr', 'IRD, Institut de recherche pour le développement'], ['ifremer.fr', 'Ifremer'],
    ['brgm.fr', 'BRGM'], ['ined.fr', "Ined, Institut national d'études démographiques"], ['cirad.fr', 'Cirad'],
    ['onera.fr', 'ONERA'], ['ineris.fr', 'Ineris'], ['anr.fr', 'Agence nationale de la recherche'], ['hceres.fr', 'Hcéres'],
    ['hal.science', 'HAL, archive ouverte pluridisciplinaire'], ['theses.fr', 'theses.fr'], ['abes.fr', "Abes, Agence bibliographique de l'enseignement supérieur"],
    ['renater.fr', 'RENATER'],
  ]),
  // Education and higher education services, and grandes écoles the national lists miss.
  ...curatedGroup('education', [
    ['onisep.fr', 'Onisep'], ['cned.fr', "Cned, Centre national d'enseignement à distance"], ['reseau-canope.fr', 'Réseau Canopé'],
    ['eduscol.education.fr', 'Éduscol'], ['clemi.fr', "CLEMI, centre pour l'éducation aux médias et à l'information (Réseau Canopé)"],
    ['france-education-international.fr', 'France Éducation international'],
  ]),
  ...curatedGroup('enseignement-superieur', [
    ['parcoursup.fr', 'Parcoursup'], ['polytechnique.edu', 'École polytechnique'], ['ens.psl.eu', 'École normale supérieure - PSL'],
    ['ens-lyon.fr', 'École normale supérieure de Lyon'], ['ens-paris-saclay.fr', 'École normale supérieure Paris-Saclay'], ['ens-rennes.fr', 'École normale supérieure de Rennes'],
    ['insa-lyon.fr', 'INSA Lyon'], ['cnam.fr', 'Conservatoire national des arts et métiers'],
    ['campusfrance.org', 'Campus France'],
    ['ut-capitole.fr', 'Université Toulouse Capitole'], ['sorbonne-nouvelle.fr', 'Université Sorbonne Nouvelle'],
    ['univ-corse.fr', 'Université de Corse Pasquale Paoli'], ['unimes.fr', 'Université de Nîmes'], ['ens.fr', 'École normale supérieure - PSL'],
    ['ec-nantes.fr', 'École centrale de Nantes'], ['enpc.fr', 'École nationale des ponts et chaussées'],
    ['ensta-paris.fr', 'ENSTA Paris'], ['ensta-bretagne.fr', 'ENSTA Bretagne'], ['ensae.fr', 'ENSAE Paris'], ['ensai.fr', 'Ensai'],
    ['imt.fr', 'IMT, Institut Mines-Télécom'], ['telecom-paris.fr', 'Télécom Paris'], ['imt-atlantique.fr', 'IMT Atlantique'],
    ['imt-nord-europe.fr', 'IMT Nord Europe'], ['mines-ales.fr', 'IMT Mines Alès'], ['mines-albi.fr', 'IMT Mines Albi'],
    ['mines-stetienne.fr', 'Mines Saint-Étienne'], ['agroparistech.fr', 'AgroParisTech'], ['ensam.eu', 'Arts et Métiers'],
    ['insa-rennes.fr', 'INSA Rennes'], ['insa-hdf.fr', 'INSA Hauts-de-France'], ['grenoble-inp.fr', 'Grenoble INP - UGA'],
    ['toulouse-inp.fr', 'Toulouse INP'], ['enseeiht.fr', 'Toulouse INP - ENSEEIHT'],
    ['sciencespo-lille.eu', 'Sciences Po Lille'], ['sciencespo-rennes.fr', 'Sciences Po Rennes'], ['sciencespo-strasbourg.fr', 'Sciences Po Strasbourg'],
    ['cnsmd-lyon.fr', 'Conservatoire national supérieur de musique et de danse de Lyon'],
    ['pantheonsorbonne.fr', 'Université Paris 1 Panthéon-Sorbonne'], ['dauphine.psl.eu', 'Université Paris Dauphine - PSL'],
    ['univ-brest.fr', 'Université de Bretagne Occidentale'], ['univ-st-etienne.fr', 'Université Jean Monnet Saint-Étienne'],
    ['u-bourgogne.fr', 'Université Bourgogne Europe'], ['univ-fcomte.fr', 'Université Marie et Louis Pasteur (Franche-Comté)'],
    ['univ-ag.fr', 'Université des Antilles'], ['centralesupelec.fr', 'CentraleSupélec'],
    ['ephe.psl.eu', 'École pratique des hautes études - PSL'], ['chartes.psl.eu', 'École nationale des chartes - PSL'],
    ['minesparis.psl.eu', 'Mines Paris - PSL'], ['ehesp.fr', 'EHESP, École des hautes études en santé publique'],
    ['enm.justice.fr', 'ENM, École nationale de la magistrature'], ['enap.justice.fr', "Enap, École nationale d'administration pénitentiaire"],
  ]),
  ...curatedGroup('ambassade', [['ambafrance.org', 'Ambassades et consulats de France']]),
  // Régions: the eighteen, by their current sites.
  ...curatedGroup('region', [
    ['auvergnerhonealpes.fr', 'Région Auvergne-Rhône-Alpes'], ['bourgognefranchecomte.fr', 'Région Bourgogne-Franche-Comté'],
    ['bretagne.bzh', 'Région Bretagne'], ['centre-valdeloire.fr', 'Région Centre-Val de Loire'], ['isula.corsica', 'Collectivité de Corse'],
    ['grandest.fr', 'Région Grand Est'], ['hautsdefrance.fr', 'Région Hauts-de-France'], ['iledefrance.fr', 'Région Île-de-France'],
    ['normandie.fr', 'Région Normandie'], ['nouvelle-aquitaine.fr', 'Région Nouvelle-Aquitaine'], ['laregion.fr', 'Région Occitanie'],
    ['paysdelaloire.fr', 'Région Pays de la Loire'], ['maregionsud.fr', "Région Sud Provence-Alpes-Côte d'Azur"],
    ['regionguadeloupe.fr', 'Région Guadeloupe'], ['collectivitedemartinique.mq', 'Collectivité territoriale de Martinique'],
    ['ctguyane.fr', 'Collectivité territoriale de Guyane'], ['regionreunion.com', 'Région Réunion'],
  ]),
  ...curatedGroup('departement', [
    ...Object.entries(DEPARTEMENT_SITES).map(([code, host]): [string, string, string] => {
      const departement = DEPARTEMENT_BY_CODE.get(code);
      if (departement === undefined) throw new Error(`unknown département ${code}`);
      return [host, `Département ${departement.of}`, code];
    }),
    ['alsace.eu', "Collectivité européenne d'Alsace"],
  ]),
  // Public cultural establishments and public broadcasting (établissements publics, sociétés nationales de programme).
  ...curatedGroup('etat', [
    ['louvre.fr', 'Musée du Louvre'], ['chateauversailles.fr', 'Château de Versailles'],
    ['centrepompidou.fr', 'Centre Pompidou'], ['musee-orsay.fr', "Musée d'Orsay"], ['quaibranly.fr', 'Musée du quai Branly - Jacques Chirac'],
    ['citedessciences.fr', 'Cité des sciences et de l\'industrie'], ['monuments-nationaux.fr', 'Centre des monuments nationaux'],
    ['grandpalais.fr', 'Grand Palais (Réunion des musées nationaux)'], ['universcience.fr', 'Universcience (Cité des sciences, Palais de la découverte)'],
    ['centrenationaldulivre.fr', 'Centre national du livre'], ['bpi.fr', "Bibliothèque publique d'information"],
    ['paris-musees.fr', 'Paris Musées'], ['musee-armee.fr', "Musée de l'Armée"], ['mucem.org', 'Mucem'], ['guimet.fr', 'Musée national des arts asiatiques – Guimet'],
    ['museedelhomme.fr', "Musée de l'Homme"], ['sevresciteceramique.fr', 'Cité de la céramique – Sèvres et Limoges'],
    ['theatre-odeon.eu', "Odéon-Théâtre de l'Europe"], ['colline.fr', 'La Colline – théâtre national'], ['opera-comique.com', 'Opéra Comique'],
    ['cnd.fr', 'Centre national de la danse'], ['citedelarchitecture.fr', "Cité de l'architecture et du patrimoine"],
    ['operadeparis.fr', 'Opéra national de Paris'], ['comedie-francaise.fr', 'Comédie-Française'], ['philharmoniedeparis.fr', 'Philharmonie de Paris'],
    ['ina.fr', 'INA, Institut national de l\'audiovisuel'], ['radiofrance.fr', 'Radio France'],
    ['francetelevisions.fr', 'France Télévisions'], ['france.tv', 'France Télévisions (france.tv)'], ['lumni.fr', 'Lumni, France Télévisions et audiovisuel public'],
    ['arte.tv', 'ARTE'], ['francemediasmonde.com', 'France Médias Monde'], ['rfi.fr', 'RFI'], ['france24.com', 'France 24'],
    ['franceinter.fr', 'France Inter (Radio France)'], ['franceinfo.fr', 'franceinfo (audiovisuel public)'], ['francetvinfo.fr', 'franceinfo (France Télévisions)'],
    ['franceculture.fr', 'France Culture (Radio France)'], ['francemusique.fr', 'France Musique (Radio France)'], ['fip.fr', 'FIP (Radio France)'],
    ['mouv.fr', 'Mouv (Radio France)'], ['francebleu.fr', 'ici, ex-France Bleu (Radio France)'],
    ['lcp.fr', 'LCP-Assemblée nationale'], ['publicsenat.fr', 'Public Sénat'], ['tv5monde.com', 'TV5MONDE'],
    ['lescrous.fr', 'Les Crous, réseau des œuvres universitaires'], ['ratp.fr', 'RATP'],
    ['amf-france.org', 'AMF, Autorité des marchés financiers'], ['monavislerendu.fr', 'Services publics + (DINUM)'],
  ]),
  // The chambers of trades and crafts (établissements publics).
  ...curatedGroup('autre', [['artisanat.fr', "Chambres de métiers et de l'artisanat"]]),
  // Santé publique France's information lines.
  ...curatedGroup('sante', [
    ['vaccination-info-service.fr', 'Vaccination Info Service (Santé publique France)'], ['tabac-info-service.fr', 'Tabac Info Service (Santé publique France)'],
    ['drogues-info-service.fr', 'Drogues Info Service (Santé publique France)'], ['alcool-info-service.fr', 'Alcool Info Service (Santé publique France)'],
    ['3114.fr', 'Le 3114, numéro national de prévention du suicide'], ['mangerbouger.fr', 'Manger Bouger (Santé publique France)'], ['sexualites-info-sante.fr', 'Sexualités Info Santé (Santé publique France)'],
  ]),
  // The académies' and régions' digital workspaces for schools.
  ...curatedGroup('education', [['toutatice.fr', 'Toutatice, espace numérique de l\'académie de Rennes'], ['monlycee.net', 'Monlycée.net, Région Île-de-France']]),
  // Communes people search for whose site the 2024 consolidation missed.
  ...curatedGroup('commune', [
    ['nantes.fr', 'Mairie de Nantes', '44109'], ['rennes.fr', 'Mairie de Rennes', '35238'],
    ['cannes.com', 'Mairie de Cannes', '06029'], ['champigny94.fr', 'Mairie de Champigny-sur-Marne', '94017'],
    ['vitry94.fr', 'Mairie de Vitry-sur-Seine', '94081'], ['montauban.com', 'Mairie de Montauban', '82121'],
    ['montlucon.com', 'Mairie de Montluçon', '03185'], ['saintlaurentduvar.fr', 'Mairie de Saint-Laurent-du-Var', '06123'],
    ['ville-romans.com', 'Mairie de Romans-sur-Isère', '26281'],
    ['lapossession.re', 'Mairie de La Possession', '97408'], ['lesmureaux.fr', 'Mairie des Mureaux', '78440'],
  ]),
  // Métropoles whose site the 2024 consolidation did not see answer.
  ...curatedGroup('intercommunalite', [
    ['metzmetropole.fr', 'Metz Métropole', '200039865'], ['grandnancy.eu', 'Métropole du Grand Nancy', '245400676'],
    ['ampmetropole.fr', "Métropole d'Aix-Marseille-Provence", '200054807'], ['grandlyon.com', 'Métropole de Lyon', '200046977'],
    ['metropole.nantes.fr', 'Nantes Métropole', '244400404'], ['metropole.rennes.fr', 'Rennes Métropole', '243500139'],
    ['gpseo.fr', 'Communauté urbaine Grand Paris Seine & Oise', '200059889'], ['tours-metropole.fr', 'Tours Métropole Val de Loire', '243700754'],
    ['clermontmetropole.eu', 'Clermont Auvergne Métropole', '246300701'], ['communaute-urbaine-dunkerque.fr', 'Communauté urbaine de Dunkerque', '245900428'],
    ['lecotentin.fr', "Communauté d'agglomération du Cotentin", '200067205'], ['mulhouse-alsace.fr', 'Mulhouse Alsace Agglomération', '200066009'],
    ['douaisis-agglo.com', 'Douaisis Agglo', '200044618'], ['saintbrieuc-armor-agglo.bzh', 'Saint-Brieuc Armor Agglomération', '200069409'],
    ['agglopole.fr', 'Sète Agglopôle Méditerranée', '200066355'], ['agglo-tlp.fr', "Communauté d'agglomération Tarbes-Lourdes-Pyrénées", '200069300'],
    ['capi-agglo.fr', "CAPI, Communauté d'agglomération Porte de l'Isère", '243800604'], ['capso.fr', "Communauté d'agglomération du Pays de Saint-Omer", '200069037'],
    ['grandbourg.fr', 'Grand Bourg Agglomération', '200071751'], ['grandperigueux.fr', 'Le Grand Périgueux', '200040392'],
    ['niortagglo.fr', 'Niort Agglo', '200041317'], ['sna27.fr', 'Seine Normandie Agglomération', '200072312'],
    ['aggloroanne.fr', 'Roannais Agglomération', '200035731'], ['agglo.morlaix.fr', 'Morlaix Communauté', '242900835'],
    ['cahorsagglo.fr', 'Grand Cahors', '200023737'], ['chalons-agglo.fr', 'Châlons Agglo', '200066876'],
    ['grandauch.fr', 'Grand Auch Cœur de Gascogne', '200066926'], ['guingamp-paimpol-agglo.bzh', 'Guingamp-Paimpol Agglomération', '200067981'],
    ['pornicagglo.fr', 'Pornic Agglo Pays de Retz', '200067346'],
  ]),
]);

/**
 * Domains that several bodies share: their own name is not their subdomains' (`cns.sante.fr` is not « Santé.fr »,
 * a court or a council for access to the law under justice.fr is not the justice portal).
 */
export const SHARED_DOMAINS: ReadonlySet<string> = new Set(['sante.fr', 'justice.fr']);

// prettier-ignore
/** The seats of the courts of appeal and administrative courts, as their hostnames write them. */
const COURT_SEATS: Record<string, string> = {
  agen: "d'Agen", amiens: "d'Amiens", bastia: 'de Bastia', besancon: 'de Besançon', bordeaux: 'de Bordeaux', bourges: 'de Bourges',
  caen: 'de Caen', 'cergy-pontoise': 'de Cergy-Pontoise', 'chalons-en-champagne': 'de Châlons-en-Champagne',
  'clermont-ferrand': 'de Clermont-Ferrand', dijon: 'de Dijon', douai: 'de Douai', grenoble: 'de Grenoble', 'la-reunion': 'de La Réunion',
  lille: 'de Lille', limoges: 'de Limoges', lyon: 'de Lyon', marseille: 'de Marseille', martinique: 'de la Martinique', melun: 'de Melun',
  montpellier: 'de Montpellier', nancy: 'de Nancy', nantes: 'de Nantes', nice: 'de Nice', nimes: 'de Nîmes', orleans: "d'Orléans",
  papeete: 'de Papeete', paris: 'de Paris', pau: 'de Pau', poitiers: 'de Poitiers', rennes: 'de Rennes', rouen: 'de Rouen',
  strasbourg: 'de Strasbourg', toulouse: 'de Toulouse', versailles: 'de Versailles',
};
const COURT = /^(?:ca-([a-z-]+)\.justice|([a-z-]+)\.(cour-administrative-appel|tribunal-administratif))\.fr$/;
const COURT_KIND: Record<string, string> = { '': "Cour d'appel", 'cour-administrative-appel': "Cour administrative d'appel", 'tribunal-administratif': 'Tribunal administratif' };

// prettier-ignore
/** The regional health agencies, by the first label of their site under ars.sante.fr. */
const ARS_REGIONS: Record<string, string> = {
  'auvergne-rhone-alpes': 'Auvergne-Rhône-Alpes', 'bourgogne-franche-comte': 'Bourgogne-Franche-Comté', bretagne: 'Bretagne',
  'centre-val-de-loire': 'Centre-Val de Loire', corse: 'de Corse', 'grand-est': 'Grand Est', guadeloupe: 'de Guadeloupe',
  guyane: 'de Guyane', 'hauts-de-france': 'Hauts-de-France', iledefrance: 'Île-de-France', lareunion: 'La Réunion',
  martinique: 'de Martinique', mayotte: 'de Mayotte', normandie: 'Normandie', 'nouvelle-aquitaine': 'Nouvelle-Aquitaine',
  occitanie: 'Occitanie', 'ocean-indien': 'Océan Indien', paca: "Provence-Alpes-Côte d'Azur", 'pays-de-la-loire': 'Pays de la Loire',
};
const ARS = /^([a-z-]+)\.ars\.sante\.fr$/;

const PREFECTURE = /^([a-z-]+)\.(?:pref\.)?gouv\.fr$/;
const ACADEMIE = /^ac-([a-z-]+)\.[a-z]+$/;
const CENTRE_DE_GESTION = /^cdg-?(\d{2,3}|2a|2b)\.[a-z]+$/;
const MDPH = /^(mdph|mda)-?(\d{2,3}|2a|2b)\.[a-z]+$/;
const DEPARTEMENT_NUMBER = /^(?:cg|cd|departement|le|mondepartement)-?(\d{2,3}|2a|2b)\.fr$/;

/** The organisation behind a hostname of the seed, when its name follows from the pattern of the list it is in. */
export function knownOrganisation(host: string, lists: ReadonlySet<string>): KnownOrganisation | null {
  if (Object.hasOwn(CURATED_SOURCES, host)) return CURATED_SOURCES[host];
  // `<département>.gouv.fr` is its préfecture's, whichever list it was found in: gouv.fr names are the State's.
  const prefectureSlug = PREFECTURE.exec(host)?.[1];
  const prefectureOf = prefectureSlug === undefined ? undefined : DEPARTEMENT_BY_SLUG.get(prefectureSlug);
  if (prefectureOf !== undefined) return { name: `Préfecture ${prefectureOf.of}`, code: prefectureOf.code, category: 'prefecture' };
  // A court of appeal (`ca-agen.justice.fr`), an administrative court of appeal or an administrative court: the State's.
  const court = COURT.exec(host);
  const seat = court === null ? undefined : COURT_SEATS[court[1] ?? court[2]];
  if (court !== null && seat !== undefined) return { name: `${COURT_KIND[court[3] ?? '']} ${seat}`, code: '', category: 'etat' };
  const arsRegion = ARS_REGIONS[ARS.exec(host)?.[1] ?? ''];
  if (arsRegion !== undefined) return { name: `Agence régionale de santé ${arsRegion}`, code: '', category: 'sante' };
  if (lists.has('academies')) {
    const academie = ACADEMIES[ACADEMIE.exec(host)?.[1] ?? ''];
    if (academie !== undefined) return { name: academie, code: '' };
  }
  if (lists.has('conseils-regionaux') && REGIONS[host] !== undefined) return { name: REGIONS[host], code: '', category: 'region' };
  if (lists.has('centre-de-gestion')) {
    const number = CENTRE_DE_GESTION.exec(host)?.[1]?.toUpperCase();
    const departement = number === undefined ? undefined : DEPARTEMENT_BY_CODE.get(number);
    if (departement !== undefined) return { name: `Centre de gestion de la fonction publique territoriale ${departement.of}`, code: departement.code };
  }
  if (lists.has('mdph-mda')) {
    const number = MDPH.exec(host)?.[2]?.toUpperCase();
    const departement = number === undefined ? undefined : DEPARTEMENT_BY_CODE.get(number);
    if (departement !== undefined) {
      const kind = MDPH.exec(host)?.[1] === 'mda' ? "Maison départementale de l'autonomie" : 'Maison départementale des personnes handicapées';
      return { name: `${kind} ${departement.of}`, code: departement.code };
    }
  }
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
