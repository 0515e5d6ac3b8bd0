/**
 * The credit the Licence Ouverte 2.0 asks for: the source of the data and its date, shown or
 * shipped wherever the corpus is (corpus text header, extension popup, console footer).
 */
export const DATA_CREDIT = {
  fr:
    "Données : « Liste de noms de domaine de la sphère publique », DINUM / Etalab " +
    '(instantané catégorisé du 10/01/2023, origines vérifiées du 11/12/2024) ; découpage administratif (COG 2026), Etalab ; ' +
    "établissements d'enseignement supérieur (2025) et structures de recherche RNSR (02/2022), MESR ; " +
    "Annuaire de l'administration, DILA (mairies 05/2018, services locaux 09/2019) — Licence Ouverte 2.0 ; " +
    'Research Organization Registry (v2.9, 23/06/2026), CC0 ; ' +
    'corpus nettoyé et tenu à jour par les curateurs de Sources de confiance.',
  en:
    'Data: "Liste de noms de domaine de la sphère publique" (public-sector domain names), DINUM / Etalab ' +
    '(categorized snapshot of 2023-01-10, verified origins of 2024-12-11); administrative divisions (COG 2026), Etalab; ' +
    'higher-education establishments (2025) and RNSR research structures (2022-02), MESR; ' +
    "Annuaire de l'administration, DILA (mairies 2018-05, local services 2019-09) — Licence Ouverte 2.0 (Open Licence 2.0); " +
    'Research Organization Registry (v2.9, 2026-06-23), CC0; ' +
    'corpus cleaned and maintained by the Sources de confiance curators.',
  sourceUrl: 'https://gitlab.adullact.net/dinum/noms-de-domaine-organismes-secteur-public',
  licenceUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

/** The credit as the header lines of a compact list (what the extension carries). */
export const COMPACT_LIST_CREDIT = [DATA_CREDIT.fr, DATA_CREDIT.en, `Source : ${DATA_CREDIT.sourceUrl}`, `Licence : ${DATA_CREDIT.licenceUrl}`];
