/**
 * The credit the Licence Ouverte 2.0 asks for: the source of the data and its date, shown or
 * shipped wherever the corpus is (corpus text header, extension popup, console footer).
 */
export const DATA_CREDIT = {
  fr:
    "Données : « Liste de noms de domaine de la sphère publique », DINUM / Etalab " +
    '(instantané catégorisé du 10/01/2023, origines vérifiées du 11/12/2024), Licence Ouverte 2.0 ; ' +
    'corpus nettoyé et tenu à jour par les curateurs de Sources de confiance.',
  en:
    'Data: "Liste de noms de domaine de la sphère publique" (public-sector domain names), DINUM / Etalab ' +
    '(categorized snapshot of 2023-01-10, verified origins of 2024-12-11), Licence Ouverte 2.0 (Open Licence 2.0); ' +
    'corpus cleaned and maintained by the Sources de confiance curators.',
  sourceUrl: 'https://gitlab.adullact.net/dinum/noms-de-domaine-organismes-secteur-public',
  licenceUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;
