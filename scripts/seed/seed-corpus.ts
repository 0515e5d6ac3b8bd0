/**
 * From the open data (Etalab's categorized hostnames and verified origins) to the seed corpus:
 * which hostnames become sources, with which category, scope and status, and why the others are
 * rejected. Pure: the same input always gives the same corpus.
 */
import { createHash } from 'node:crypto';
import { domainToUnicode } from 'node:url';
import type { Category } from '../../corpus/categories.ts';
import { isSameOrSubdomain, normalizeHostname, parentHostname } from '../../corpus/hostname.ts';
import { platformAt, platformOf, platformsUnder } from '../../corpus/platforms.ts';
import { registrableDomain, suffixStatus } from '../../corpus/registrable-domain.ts';
import type { Scope, Source, Status } from '../../corpus/source.ts';
import { canonicalSourceHost, validateSource } from '../../corpus/source-validation.ts';
import type { AdministrativeDivisions, Commune } from '../../corpus/node/communes.ts';
import { CommuneIndex, mairieName, nameSlugs, ofCommune } from '../../corpus/node/communes.ts';
import { hostnameSlug } from '../../corpus/node/departements.ts';
import type { EtalabInput } from './etalab-input.ts';
import { MORE_DATASETS, type WebsiteRecord } from '../../corpus/node/more-input.ts';
import { CURATED_SOURCES, type KnownOrganisation, knownOrganisation, SHARED_DOMAINS } from './known-organisations.ts';
import { notPublicReason } from './not-public-bodies.ts';

export const REJECTION_REASONS = {
  'invalid-hostname': 'not a valid hostname (underscore, missing dot…)',
  'unknown-tld': 'top-level domain unknown to the Public Suffix List',
  'public-suffix': 'a public suffix: trusting it would trust unrelated owners',
  'platform-homepage': 'homepage or operator of a hosting platform or social network, not a public body',
  'parked-domain': 'a parking name (wwNN.) was seen under this hostname: expired and parked or re-registered',
  'certificate-log': 'only seen in certificate-transparency logs and never verified reachable: an internal back-end',
  infrastructure: 'mail, VPN, DNS or discovery service name, not a website',
  'domain-trade': 'a domain-trading or parking company (scripts/seed/not-public-bodies.ts), not a public body',
  gambling: 'a gambling site, not a public body',
  adult: 'an adult site, not a public body',
  'private-business': 'a private business or a person (lead generation, directory, shop, agency, host, personal domain), not a public body',
  'private-organisation': 'a religious body, private foundation or private society, not a public body',
  'private-establishment': 'a private higher-education establishment (MESR: privé) or a company (ROR), not a public body',
  'duplicate-www': 'the same site as its www-less hostname, kept once',
} as const;

export type RejectionReason = keyof typeof REJECTION_REASONS;

export interface Rejection {
  /** Hostname as written in the data. */
  host: string;
  reason: RejectionReason;
  detail: string;
  /** Where it was listed: category files and/or verified-origins. */
  lists: string;
}

/** What the seed is built from: the Etalab list, and optionally the other open data and the administrative divisions. */
export interface SeedInput extends EtalabInput {
  more?: readonly WebsiteRecord[];
  divisions?: AdministrativeDivisions;
}

export interface SeedCorpus {
  sources: Source[];
  rejected: Rejection[];
}

/** Category files whose name says what the organisation is. */
const CATEGORY_OF_FILE: Record<string, Category> = {
  prefectures: 'prefecture',
  'conseils-regionaux': 'region',
  'conseils-departementaux': 'departement',
  'mdph-mda': 'departement', // maisons départementales des personnes handicapées / de l'autonomie
  epci: 'intercommunalite',
  communes: 'commune',
  universites: 'enseignement-superieur',
  academies: 'education',
  'etablissements-scolaires': 'education',
  hopitaux: 'sante',
  aphp: 'sante',
  'sante-fr': 'sante',
  ambassades: 'ambassade',
  'centre-de-gestion': 'autre', // centres de gestion de la fonction publique territoriale
};

/** Files that mix several kinds of organisations: the category is read from a listed parent or the hostname. */
const MIXED_FILES = ['collectivites', 'gouvfr-divers', 'nongouvfr-divers'];
const VERIFIED_LIST = 'verified-origins';

/** When a site is listed in two files (`x.fr` and `www.x.fr`), the first specific one wins. */
const FILE_PRIORITY = [...Object.keys(CATEGORY_OF_FILE), ...MIXED_FILES];

const PARKING_PREFIX = /^ww\d{2}\./;
/** A centre hospitalier's (intercommunal) domain and the town it names: `ch-vienne.fr`, `chi-poissy.fr`. */
const CENTRE_HOSPITALIER = /^(ch|chi)-([a-z-]+)\.fr$/;
const ENGLISH_NAME = /\b(?:Hospital|University|Institute|Laboratory|Center|Department|School of|Research)\b/;
const REDIRECT_COMMENT = /^\(redirection from ([^)\s]+)\)/;
// The French sectoral suffixes of the Public Suffix List: a name under one is an airport's, a notary's, an association's…,
// never a town hall's, whatever town it spells (`beziers.aeroport.fr`).
const SECTORAL_SUFFIX = /\.(?:aeroport|asso|avocat|cci|chambagri|chirurgiens-dentistes|experts-comptables|geometre-expert|greta|huissier-justice|medecin|notaires|pharmacien|port|prd|presse|tm|veterinaire)\.fr$/;
// The first label of a service that is no website people search for: `mail.`, `webmail2.`, `smtp1.`, `mx-01.`, `vpn.`, `owa.`…,
// and a host's `default.` virtual host (`default.prod02.stratis.pro`, a web agency's machine).
const INFRASTRUCTURE_LABEL =
  /^(?:imaps?|smtps?|pop3?|mx|ns|dns|mail|webmail|vpn|sslvpn|owa|exchange|ftp|sftp|relay|mta|autodiscover|autoconfig|lyncdiscover|sip|enterpriseenrollment|enterpriseregistration|default|srv|vps)(?:[-_]?\d{1,3})?\./;

// Hostname patterns that tell the kind of body in the mixed lists; the first that fits wins.
// They read the Unicode hostname (`mairie-égletons.fr`, not its punycode).
const CATEGORY_BY_NAME: [RegExp, Category][] = [
  [/(?:^|\.)justice\.fr$|tribunal|cour-d-?appel|cour-administrative|conseil-etat/, 'etat'],
  // The professions' own bodies (bailiffs', notaries', barristers'): neither a court nor an intercommunalité (`huissiers-justice-ca-lyon.com`).
  [/huissier|notaires?(?:[.-]|$)|barreau|avocats?(?:[.-]|$)/, 'autre'],
  // A social security fund: `cpam-xxx.fr`, `cgss-guadeloupe.fr`, `caf-reunion.fr`.
  [/(?:^|[.-])(?:caf|cpam|cgss|carsat|cnav|urssaf|msa)(?:[.-]|\d)/, 'securite-sociale'],
  // A hospital or a care home: `ch-vienne.fr`, `chi-poissy.fr` (centre hospitalier, intercommunal), `ehpad-millas.fr`.
  [/agence-regionale-sante|(?:^|[.-])(?:ars|chu|chr|hopital|hopitaux|ght)(?:[.-]|\d)|^(?:ch|chi|chic|chs|ghu?|ehpad)-/, 'sante'],
  [/region-academique|academie|(?:^|\.)ac-|(?:^|[.-])(?:ecole|college|lycee|clg|lyc)[.-]/, 'education'],
  [/(?:^|[.-])(?:cc|ca|cu|cdc)[.-]|communaute|agglo|metropole|comcom|intercom|syndicat|sivom|sivu|sictom|smictom|sidom|smirtom/, 'intercommunalite'],
  [/(?<!inter-?)departement|(?:^|[.-])c[dg]\d{2,3}(?:[.-]|$)/, 'departement'],
  [/^(?:www\.)?(?:la|ma)?r[eé]gion(?!s-france|-de-)[\p{L}-]*\.[a-z]+$/u, 'region'],
  [/^(?:mairie|ville|commune)/, 'commune'],
];

/** A category guessed from a hostname, for the mixed lists; null when the name says nothing. */
function categoryFromName(host: string): Category | null {
  const unicode = domainToUnicode(host) || host;
  return CATEGORY_BY_NAME.find(([pattern]) => pattern.test(unicode))?.[1] ?? null;
}

interface Candidate {
  host: string;
  /** Hostnames as written in the data that fold into this one. */
  written: Set<string>;
  files: Set<string>;
  comments: string[];
  isVerified: boolean;
  /** Listed in a category file at least once without being a redirect's target. */
  isListedPlainly: boolean;
  /** The other open datasets that name this site, with what they say. */
  records: WebsiteRecord[];
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Stable id derived from what the seed source claims, so rebuilding the seed never renumbers it. */
export function seedSourceId(host: string, path = ''): string {
  const digest = createHash('sha256').update(`${host}${path}`).digest();
  let id = 's';
  for (let i = 0; i < 11; i++) id += BASE32[digest[i] % 32];
  return id;
}

function listsOf(candidate: Candidate): string {
  const datasets = new Set(candidate.records.map((record) => record.dataset));
  return [...candidate.files, ...(candidate.isVerified ? [VERIFIED_LIST] : []), ...datasets].join(',');
}

/**
 * The category a site takes from the dataset that lists it, when no Etalab list says. The directories
 * (a mairie's, an EPCI's, a public establishment's site) say what the site is; a research record only
 * for a site no Etalab list holds (a ROR unit's site may be its operator's: cerema.fr).
 */
function categoryOfRecords(records: readonly WebsiteRecord[], isInEtalab: boolean): Category | null {
  for (const record of records) {
    if (isInEtalab && (record.kind === 'research-structure' || record.kind === 'research-record')) continue;
    if (record.kind === 'public-establishment' || record.kind === 'research-structure') return 'enseignement-superieur';
    if (record.kind === 'mairie') return 'commune';
    if (record.kind === 'epci') return 'intercommunalite';
    if (record.kind === 'research-record') {
      const types = (record.types ?? '').split(';');
      return types.includes('healthcare') ? 'sante' : types.includes('government') ? 'etat' : 'enseignement-superieur';
    }
  }
  return null;
}

const newCandidate = (host: string): Candidate => ({
  host,
  written: new Set(),
  files: new Set(),
  comments: [],
  isVerified: false,
  isListedPlainly: false,
  records: [],
});

export function buildSeedCorpus(input: SeedInput): SeedCorpus {
  const rejected: Rejection[] = [];
  const candidates = new Map<string, Candidate>();
  const parkedHosts = new Set<string>();

  const collect = (written: string, file: string | null, comment: string) => {
    const normalized = normalizeHostname(written);
    const host = normalized === null ? null : canonicalSourceHost(normalized);
    if (normalized === null || host === null) {
      rejected.push({ host: written, reason: 'invalid-hostname', detail: '', lists: file ?? VERIFIED_LIST });
      return;
    }
    if (PARKING_PREFIX.test(normalized)) parkedHosts.add(normalized.slice(normalized.indexOf('.') + 1));
    let candidate = candidates.get(host);
    if (candidate === undefined) {
      candidate = newCandidate(host);
      candidates.set(host, candidate);
    }
    candidate.written.add(normalized);
    if (file === null) candidate.isVerified = true;
    else candidate.files.add(file);
    if (comment !== '') candidate.comments.push(comment);
    if (file !== null && !REDIRECT_COMMENT.test(comment)) candidate.isListedPlainly = true;
  };
  for (const entry of input.categorized) collect(entry.host, entry.file, entry.comment);
  for (const host of input.verified) collect(host, null, '');
  for (const host of Object.keys(CURATED_SOURCES)) {
    if (!candidates.has(host)) candidates.set(host, { ...newCandidate(host), written: new Set([host]), isListedPlainly: true });
  }

  // The other open data. A mairie's site must be one commune's (a site several mairies point to is an
  // EPCI's or a platform's). A research unit's site under a domain already listed adds nothing to trust
  // (its parent covers it): only those on a domain of their own become sources. A ROR record that is
  // neither a company nor a nonprofit may still be private: it only names sites other lists hold.
  const communes = input.divisions === undefined ? undefined : new CommuneIndex(input.divisions);
  const more = input.more ?? [];
  const hostOfRecord = (record: WebsiteRecord): string | null => {
    // Some addresses are written `www.www.x.fr`: fold every `www.`.
    let host = normalizeHostname(record.host);
    while (host !== null) {
      const bare = canonicalSourceHost(host);
      if (bare === host) break;
      host = bare;
    }
    return host;
  };
  const mairieCodes = new Map<string, Set<string>>();
  for (const record of more) {
    const host = hostOfRecord(record);
    if (host === null || record.kind !== 'mairie' || !record.isRoot) continue;
    const code = communes?.communeOfCode(record.code)?.code ?? record.code;
    mairieCodes.set(host, (mairieCodes.get(host) ?? new Set()).add(code));
  }
  const publicDomains = new Set<string>();
  for (const host of candidates.keys()) publicDomains.add(registrableDomain(host) ?? host);
  const rank = (record: WebsiteRecord) => ['public-establishment', 'private-establishment', 'mairie', 'epci', 'research-structure'].indexOf(record.kind) >>> 0;
  for (const record of [...more].sort((a, b) => rank(a) - rank(b))) {
    const host = hostOfRecord(record);
    if (host === null) continue;
    const isKnown = candidates.has(host);
    const domain = registrableDomain(host) ?? host;
    const takes =
      (record.isRoot &&
        (record.kind === 'private-establishment' ||
        (record.kind === 'public-establishment' ||
          record.kind === 'epci' ||
          (record.kind === 'mairie' && mairieCodes.get(host)?.size === 1) ||
          (record.kind === 'research-structure' && !publicDomains.has(domain)) ||
          (record.kind === 'research-record' && isSameOrSubdomain(host, 'gouv.fr')))));
    if (!takes && !(isKnown && record.kind !== 'mairie')) continue;
    let candidate = candidates.get(host);
    if (candidate === undefined) {
      candidate = { ...newCandidate(host), isListedPlainly: true };
      candidates.set(host, candidate);
      publicDomains.add(domain);
    }
    candidate.written.add(normalizeHostname(record.host) as string);
    candidate.records.push(record);
  }

  // A private establishment's own site; never one that the State delegates or that was checked by hand.
  const isPrivate = (candidate: Candidate) =>
    candidate.records.some((record) => record.kind === 'private-establishment') &&
    !candidate.records.some((record) => record.kind === 'public-establishment') &&
    !Object.hasOwn(CURATED_SOURCES, candidate.host) &&
    !isSameOrSubdomain(candidate.host, 'gouv.fr');

  // Which candidates are not sources at all.
  const accepted = new Map<string, Candidate>();
  for (const candidate of candidates.values()) {
    const reject = (reason: RejectionReason, detail = '') => {
      for (const written of candidate.written) rejected.push({ host: written, reason, detail, lists: listsOf(candidate) });
    };
    const { host } = candidate;
    const isCurated = Object.hasOwn(CURATED_SOURCES, host);
    const suffix = suffixStatus(host);
    const parkedUnder = [...parkedHosts].find((parked) => isSameOrSubdomain(host, parked));
    const platform = platformAt(host) ?? platformsUnder(host)[0] ?? (platformOf(host)?.tenants === 'paths' ? platformOf(host) : undefined);
    const notPublic = suffix === 'registrable' ? notPublicReason(host, registrableDomain(host) ?? host) : null;
    if (suffix !== 'registrable') reject(suffix);
    else if (notPublic !== null) reject(notPublic);
    else if (parkedUnder !== undefined) reject('parked-domain', `parking seen at a wwNN. name of ${parkedUnder}`);
    else if (isPrivate(candidate)) reject('private-establishment', candidate.records.find((r) => r.kind === 'private-establishment')?.name ?? '');
    else if (platform !== undefined) reject('platform-homepage', platform.host);
    // Checked by hand: a certificate log does not make it a back-end.
    else if (!isCurated && !candidate.isVerified && candidate.comments.some((comment) => comment.startsWith('Found in cert'))) reject('certificate-log');
    else if (!isCurated && INFRASTRUCTURE_LABEL.test(host)) reject('infrastructure');
    else {
      accepted.set(host, candidate);
      // `www.x.fr` listed beside `x.fr` is the same site; listed alone, it simply becomes `x.fr`.
      if (candidate.written.has(host)) {
        for (const written of candidate.written) {
          if (written !== host) rejected.push({ host: written, reason: 'duplicate-www', detail: host, lists: listsOf(candidate) });
        }
      }
    }
  }

  // Categories: from the file when it names the kind of body, else from a listed parent, else from the name.
  const fromFile = new Map<string, Category>();
  for (const candidate of accepted.values()) {
    const file = FILE_PRIORITY.find((name) => candidate.files.has(name) && name in CATEGORY_OF_FILE);
    if (file !== undefined) fromFile.set(candidate.host, CATEGORY_OF_FILE[file]);
  }
  const categoryOfParent = (host: string): Category | undefined => {
    const domain = registrableDomain(host) ?? host;
    for (let level = parentHostname(host); level !== null && level.length >= domain.length; level = parentHostname(level)) {
      const category = fromFile.get(level);
      if (category !== undefined) return category;
    }
    return undefined;
  };
  // A site under a hand-checked organisation's own domain is that organisation's kind (`gironde.msa.fr`, `cote-azur.cnrs.fr`).
  const categoryOfCuratedParent = (host: string): Category | undefined => {
    const domain = registrableDomain(host) ?? host;
    for (let level = parentHostname(host); level !== null && level.length >= domain.length; level = parentHostname(level)) {
      if (Object.hasOwn(CURATED_SOURCES, level) && !SHARED_DOMAINS.has(level)) return CURATED_SOURCES[level].category;
    }
    return undefined;
  };
  const categoryOf = (candidate: Candidate): { category: Category; how: string } => {
    const { host } = candidate;
    const category = fromFile.get(host);
    if (category !== undefined) return { category, how: '' };
    const fromParent = categoryOfParent(host);
    if (fromParent !== undefined) return { category: fromParent, how: 'category-from-parent' };
    if (host.endsWith('.gouv.fr')) {
      // gouvfr-divers is the State's own list; a verified-only .gouv.fr host is the State's too.
      const how = candidate.files.has('gouvfr-divers') ? '' : 'category-from-name';
      return { category: host.endsWith('.pref.gouv.fr') ? 'prefecture' : 'etat', how };
    }
    const fromCurated = categoryOfCuratedParent(host);
    if (fromCurated !== undefined) return { category: fromCurated, how: 'category-from-parent' };
    const fromRecords = categoryOfRecords(candidate.records, candidate.files.size > 0 || candidate.isVerified);
    if (fromRecords !== null) return { category: fromRecords, how: '' };
    // collectivites holds mostly communes' own sites; names tell the groupings, départements and régions apart.
    const fromName = categoryFromName(host);
    if (fromName !== null) return { category: fromName, how: 'category-from-name' };
    return { category: candidate.files.has('collectivites') ? 'commune' : 'autre', how: 'category-default' };
  };

  // A site found only as the target of a redirect from another registrable domain may be anyone's
  // (a lapsed name redirected to a lead-generation site): its own answer in 2024 proves nothing.
  const redirectSourceOf = (candidate: Candidate): string | undefined =>
    candidate.comments.map((comment) => REDIRECT_COMMENT.exec(comment)?.[1]).find((from) => from !== undefined);
  const isForeignRedirectTarget = (candidate: Candidate): boolean => {
    if (candidate.isListedPlainly) return false;
    const from = redirectSourceOf(candidate);
    const fromHost = from === undefined ? null : normalizeHostname(from);
    return fromHost !== null && registrableDomain(fromHost) !== registrableDomain(candidate.host);
  };

  // Scope and status.
  const verifiedDomains = new Set<string>();
  for (const candidate of candidates.values()) {
    if (!candidate.isVerified || isForeignRedirectTarget(candidate)) continue;
    const domain = registrableDomain(candidate.host);
    if (domain !== null) verifiedDomains.add(domain);
  }
  // The commune a site is the mairie's: the directory's one INSEE link, else the one commune its hostname names.
  const communeOf = (candidate: Candidate, domain: string): Commune | undefined => {
    if (communes === undefined) return undefined;
    const linked = mairieCodes.get(candidate.host);
    if (linked !== undefined) return linked.size === 1 ? communes.communeOfCode([...linked][0]) : undefined;
    const { host } = candidate;
    if (SECTORAL_SUFFIX.test(host)) return undefined;
    // An accented name is read in Unicode, without its accents (`xn--mairie-bthune-ihb.fr` is mairie-béthune, Béthune's).
    const label = hostnameSlug(domainToUnicode((host === domain || platformOf(host) !== undefined ? host : domain).split('.')[0]));
    return communes.communeOfLabel(label);
  };
  // Names and codes the open data gives: a public establishment's (MESR), a commune's, an EPCI's.
  const namedByData = (candidate: Candidate, category: Category, domain: string): KnownOrganisation | null => {
    const establishment = candidate.records.find((record) => record.kind === 'public-establishment');
    if (establishment !== undefined) return { name: establishment.name, code: establishment.code, category: 'enseignement-superieur' };
    if (category === 'commune') {
      const commune = communeOf(candidate, domain);
      return commune === undefined ? null : { name: mairieName(commune.nom), code: commune.code };
    }
    if (category === 'intercommunalite') {
      // The directory's seat commune, else the one EPCI whose name the hostname spells.
      const seat = candidate.records.find((record) => record.kind === 'epci');
      const byName = candidate.host === domain ? communes?.epciOfLabel(domain.split('.')[0]) : undefined;
      const epci = seat === undefined ? byName : communes?.epciOfCommune(seat.code);
      return epci === undefined ? null : { name: epci.nom, code: epci.siren };
    }
    // A centre hospitalier's own domain that spells one commune's name (`ch-vienne.fr`): homonyms stay unnamed. The
    // commune's code is not the hospital's: none is given.
    const hospital = category === 'sante' && candidate.host === domain ? CENTRE_HOSPITALIER.exec(domain) : null;
    const town = hospital === null ? undefined : communes?.communeOfLabel(hospital[2]);
    if (hospital !== null && town !== undefined) {
      return { name: `${hospital[1] === 'chi' ? 'Centre hospitalier intercommunal' : 'Centre hospitalier'} ${ofCommune(town.nom)}`, code: '' };
    }
    // A hospital's, a university's or a research body's own site (its root, in ROR or RNSR) takes the record's name;
    // RNSR writes many names in capitals: only names written as names are shown.
    const isItsOwnKind = candidate.files.size === 0 || category === 'sante' || category === 'enseignement-superieur';
    // RNSR's name first, else ROR's. Several units giving one site (cerema.fr, a hospital group's) name none of them;
    // English names are not shown.
    for (const kind of ['research-structure', 'research-record'] as const) {
      if (!isItsOwnKind) break;
      const records = candidate.records.filter((record) => record.kind === kind);
      const names = new Set(records.map((record) => record.name));
      const [name] = names;
      if (names.size > 1 || records.some((record) => !record.isRoot)) break;
      if (name !== undefined && name !== name.toUpperCase() && !ENGLISH_NAME.test(name)) return { name, code: '' };
    }
    return null;
  };

  const sources: Source[] = [];
  const ids = new Map<string, string>();
  for (const candidate of accepted.values()) {
    const { host } = candidate;
    const domain = registrableDomain(host) as string;
    // Trust reaches subdomains only where the registrable domain itself is a listed public site;
    // tenants of platforms and sites under an unlisted parent stay at their exact hostname.
    const scope: Scope = platformOf(host) === undefined && (host === domain || accepted.has(domain)) ? 'subdomains' : 'host';
    const isCurated = Object.hasOwn(CURATED_SOURCES, host);
    // Names under gouv.fr are delegated by the State only: one cannot lapse into someone else's hands.
    const isStateName = isSameOrSubdomain(host, 'gouv.fr');
    // A host whose registrable domain answered in 2024 did not lapse; a platform's tenant answers for itself only.
    const isDomainAlive = platformOf(host) === undefined && verifiedDomains.has(domain);
    // The MESR's 2025 list of public establishments names their sites: as good as a hand check.
    const isOfficiallyListed = candidate.records.some((record) => record.kind === 'public-establishment');
    const isAlive =
      isCurated ||
      isStateName ||
      isOfficiallyListed ||
      (isForeignRedirectTarget(candidate) ? host !== domain && isDomainAlive : candidate.isVerified || isDomainAlive);
    const status: Status = isAlive ? 'active' : 'suspended';
    const guessed = categoryOf(candidate);
    const known = knownOrganisation(host, candidate.files) ?? namedByData(candidate, guessed.category, domain);
    let { category, how } = known?.category === undefined ? guessed : { category: known.category, how: '' };
    // The tail of collectivites is not all communes: a site no commune's name fits is left to curators as `autre`.
    if (how === 'category-default' && category === 'commune' && known === null) category = 'autre';
    const redirectedFrom = redirectSourceOf(candidate);
    const provenance = [
      ...[...candidate.files].sort().map((file) => `etalab/${file}`),
      ...(candidate.isVerified ? ['etalab/verified'] : []),
      ...[...new Set(candidate.records.map((record) => MORE_DATASETS[record.dataset].token))].sort(),
      ...(redirectedFrom === undefined ? [] : [`redirect-from:${redirectedFrom}`]),
      ...(how === '' ? [] : [how]),
      ...(isCurated ? ['curated'] : []),
      ...(isAlive ? [] : ['unverified']),
    ].join(',');
    const id = seedSourceId(host);
    const clash = ids.get(id);
    if (clash !== undefined) throw new Error(`Seed id collision: ${host} and ${clash}`);
    ids.set(id, host);
    const validation = validateSource({ id, host, scope, path: '', category, status, name: known?.name ?? '', code: known?.code ?? '', provenance });
    if (!validation.ok) throw new Error(`Seed source ${host} fails validation: ${JSON.stringify(validation.issues)}`);
    sources.push(validation.source);
  }

  // A site under a named organisation's own domain, of the same kind, is that organisation's
  // (`demarches.ain.gouv.fr` is the Préfecture de l'Ain's, `bibliotheque.ville-x.fr` the Mairie de X's).
  const byHost = new Map(sources.map((source) => [source.host, source]));
  const named = sources.map((source): Source => {
    if (source.name !== '') return source;
    const domain = registrableDomain(source.host) ?? source.host;
    for (let level = parentHostname(source.host); level !== null && level.length >= domain.length; level = parentHostname(level)) {
      const parent = byHost.get(level);
      if (parent === undefined || parent.scope !== 'subdomains' || SHARED_DOMAINS.has(level)) continue;
      if (parent.name === '' || parent.category !== source.category) break;
      return { ...source, name: parent.name, code: parent.code, provenance: `${source.provenance},name-from-parent` };
    }
    return source;
  });

  rejected.sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.reason < b.reason ? -1 : 1));
  return { sources: communes === undefined ? named : withEpciSitesActive(withCitySitesActive(named, communes), communes), rejected };
}

/** Towns above this population: their name in .fr is not left to lapse unnoticed. */
export const CITY_POPULATION = 10_000;

/**
 * A town's site that the 2024 consolidation did not see answer, activated all the same when every
 * sign points one way: the State's directory of mairies (DILA) gives it for that commune, the commune
 * has at least 10,000 inhabitants, the hostname is the commune's own name (`valence.fr`,
 * `ville-castres.fr`, `mairie-perpignan.fr`), and no other site of the list claims that commune (an
 * old address beside a new one stays suspended for the crawler to settle).
 */
function withCitySitesActive(sources: Source[], communes: CommuneIndex): Source[] {
  const sitesByCode = new Map<string, number>();
  for (const source of sources) if (source.category === 'commune' && source.code !== '') sitesByCode.set(source.code, (sitesByCode.get(source.code) ?? 0) + 1);
  return sources.map((source) => {
    const provenance = source.provenance.split(',');
    if (source.status !== 'suspended' || source.category !== 'commune' || !provenance.includes('unverified')) return source;
    if (!provenance.some((token) => token.startsWith('dila/')) || sitesByCode.get(source.code) !== 1) return source;
    const commune = communes.communeOfCode(source.code);
    if (commune === undefined || commune.code !== source.code || commune.population < CITY_POPULATION) return source;
    const ownNames = nameSlugs(commune.nom).flatMap((slug) => [`${slug}.fr`, `ville-${slug}.fr`, `mairie-${slug}.fr`]);
    if (!ownNames.includes(source.host)) return source;
    return { ...source, status: 'active', provenance: [...provenance.filter((token) => token !== 'unverified'), 'city-in-official-directory'].join(',') };
  });
}

/** Intercommunalités of this population or more (a communauté d'agglomération's threshold): their name is not left to lapse unnoticed. */
export const EPCI_POPULATION = 50_000;

/**
 * An intercommunalité's site activated on the same signs as a town's: the State's directory gives
 * it, the EPCI has at least 50,000 inhabitants, its hostname (a `.fr` name) names that EPCI and no
 * other (`toulouse-metropole.fr`, `nantesmetropole.fr`), and no other site of the list claims it.
 */
function withEpciSitesActive(sources: Source[], communes: CommuneIndex): Source[] {
  const sitesBySiren = new Map<string, number>();
  for (const source of sources) if (source.category === 'intercommunalite' && source.code !== '') sitesBySiren.set(source.code, (sitesBySiren.get(source.code) ?? 0) + 1);
  return sources.map((source) => {
    const provenance = source.provenance.split(',');
    if (source.status !== 'suspended' || source.category !== 'intercommunalite' || !provenance.includes('unverified')) return source;
    if (!provenance.some((token) => token.startsWith('dila/')) || sitesBySiren.get(source.code) !== 1 || !source.host.endsWith('.fr')) return source;
    const epci = communes.epciOfSiren(source.code);
    if (epci === undefined || epci.population < EPCI_POPULATION || communes.epciOfLabel(source.host.slice(0, -'.fr'.length))?.siren !== epci.siren) return source;
    return { ...source, status: 'active', provenance: [...provenance.filter((token) => token !== 'unverified'), 'epci-in-official-directory'].join(',') };
  });
}
