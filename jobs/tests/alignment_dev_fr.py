"""Un deuxième ensemble de développement (ajustement) pour la vérification d'alignement.

Les paramètres de la règle se choisissent sur cet ensemble et sur alignment_cases_en/fr.py
ensemble (jamais sur alignment_fresh_*.py). D'autres domaines encore : ventes régionales
(l'exemple de l'issue), sécurité incendie, bibliothèque, menuiserie, transport en commun,
travail social, physiothérapie, coiffure, analyse de données, sécurité, aménagement paysager,
pharmacie, journalisme.
"""

POSTINGS = {
    "ventes_region": (
        "Représentant ou représentante des ventes – Est du Québec. Nous recherchons un "
        "représentant pour développer les ventes de nos équipements agricoles auprès des "
        "concessionnaires de la région, prospecter de nouveaux comptes et atteindre les "
        "objectifs trimestriels."
    ),
    "pompier": (
        "Pompier ou pompière – Service de sécurité incendie de Lévis. La Ville embauche un "
        "pompier pour intervenir lors d'incendies, d'appels médicaux et de sauvetages, entretenir "
        "les véhicules et l'équipement, et faire de la prévention dans les écoles."
    ),
    "bibliothecaire": (
        "Bibliothécaire – services au public. La bibliothèque recherche une bibliothécaire pour "
        "aider les usagers à trouver l'information, animer l'heure du conte et les clubs de "
        "lecture, et développer la collection."
    ),
    "menuisier": (
        "Charpentier-menuisier ou charpentière-menuisière. Nous embauchons un "
        "charpentier-menuisier pour construire des charpentes, poser des portes, des fenêtres "
        "et des moulures dans des maisons neuves, et lire des plans."
    ),
    "chauffeur_autobus": (
        "Chauffeur ou chauffeuse d'autobus – Société de transport. Nous recrutons des chauffeurs "
        "pour conduire les autobus sur les circuits de la ville en toute sécurité, accueillir "
        "les passagers et signaler les incidents."
    ),
    "travailleuse_sociale": (
        "Travailleuse sociale ou travailleur social – DPJ. Nous recherchons une personne pour "
        "évaluer la sécurité des enfants signalés, accompagner les familles, rédiger des "
        "rapports pour le tribunal et orienter les familles vers les ressources."
    ),
    "physio": (
        "Physiothérapeute – clinique privée. Nous recherchons un physiothérapeute pour évaluer "
        "des patients blessés, concevoir des programmes de traitement et d'exercices, et suivre "
        "leur progression."
    ),
    "coiffeuse": (
        "Coiffeur ou coiffeuse – Salon Mèche Rebelle. Nous cherchons une coiffeuse pour couper, "
        "colorer et coiffer les cheveux de nos clients, les conseiller sur les produits et "
        "fidéliser sa clientèle."
    ),
    "analyste": (
        "Analyste de données – commerce de détail. Nous recherchons un analyste pour construire "
        "des tableaux de bord, analyser les données de ventes avec SQL et Python, et présenter "
        "ses constats aux gérants de magasin."
    ),
    "agent_securite": (
        "Agent ou agente de sécurité – centre commercial. Nous embauchons un agent de sécurité "
        "pour patrouiller, surveiller les caméras, contrôler les accès et intervenir lors "
        "d'incidents."
    ),
    "paysagiste": (
        "Ouvrier paysagiste ou ouvrière paysagiste. Nous recherchons une personne pour planter "
        "des arbres et des arbustes, poser de la tourbe et du pavé uni, et entretenir les "
        "jardins de nos clients résidentiels."
    ),
    "pharmacie": (
        "Assistant ou assistante technique en pharmacie. Notre pharmacie recherche une personne "
        "pour préparer les ordonnances sous la supervision du pharmacien, gérer l'inventaire et "
        "servir les clients au comptoir."
    ),
}

CASES = [
    ("ventes_region",
     "Dans les prochaines années, je veux prendre en charge un plus grand territoire. "
     "J'apporterai ma connaissance des clients pour augmenter votre part de marché, et ce "
     "poste est exactement l'endroit où je peux le faire.", set()),
    ("ventes_region",
     "D'ici deux ans, je veux apprendre le plus possible sur la vente d'équipements complexes "
     "et devenir représentante principale. J'amènerai de nouveaux concessionnaires à "
     "l'entreprise, et ce poste me permettra d'apprendre.", set()),
    ("ventes_region",
     "D'ici trois ans, j'aimerais arrêter la prospection et ne plus faire d'appels à froid. Je "
     "vais aider l'équipe avec les rapports, et ce poste est une étape.", {"contradicts_role"}),
    ("ventes_region",
     "Dans quatre ans, je veux enseigner l'histoire au secondaire. J'atteindrai vos objectifs "
     "d'ici là, et ce poste paie mon baccalauréat en enseignement.", {"unrelated_field"}),
    ("pompier",
     "D'ici cinq ans, je veux devenir préventionniste. Je vais répondre à chaque appel prêt et "
     "garder l'équipement en service, et les visites de prévention dans les écoles me "
     "prépareront à ce rôle.", set()),
    ("pompier",
     "À long terme, j'aimerais éviter les interventions dans les bâtiments en feu et faire "
     "moins de sauvetages. Je vais aider le service avec les horaires, et ce poste me fait "
     "entrer dans le milieu.", {"contradicts_role"}),
    ("pompier",
     "Dans trois ans, je veux être lieutenant; ce poste me donne l'expérience dont j'ai "
     "besoin.", {"no_value_to_employer"}),
    ("bibliothecaire",
     "Au cours des cinq prochaines années, je veux diriger les services de médiation de la "
     "bibliothèque. Les usagers de tous âges trouveront plus facilement ce qu'ils cherchent, "
     "et animer les clubs de lecture me donne l'expérience pour y arriver.", set()),
    ("bibliothecaire", "Je veux faire quelque chose d'intéressant.",
     {"vague", "no_value_to_employer", "no_win_win"}),
    ("menuisier",
     "Dans quatre ans, je veux diriger ma propre équipe de finition. Les clients auront des "
     "moulures et des portes posées avec précision, et ce poste m'apprend les parties les plus "
     "difficiles du métier.", set()),
    ("menuisier",
     "D'ici trois ans, je veux obtenir ma carte de compagnon. Je vais poser les portes et les "
     "fenêtres avec soin et respecter les échéanciers.", {"no_win_win"}),
    ("menuisier",
     "Dans deux ans, je veux être hygiéniste dentaire. Je vais travailler fort sur vos "
     "chantiers, et ce poste paie ma formation.", {"unrelated_field"}),
    ("chauffeur_autobus",
     "Au cours des trois prochaines années, je veux devenir superviseur de l'exploitation. Les "
     "passagers auront un trajet sécuritaire et courtois avec moi, et conduire pour la "
     "société de transport est la meilleure préparation à ce rôle.", set()),
    ("chauffeur_autobus", "Je veux évoluer. Je vais aider, et ce poste est bon pour moi.",
     {"vague", "no_value_to_employer"}),
    ("travailleuse_sociale",
     "Dans les cinq prochaines années, je veux me spécialiser en réunification familiale. Je "
     "vais bâtir des plans de sécurité qui protègent les enfants tout en gardant les familles "
     "unies, et ce poste me donne l'expérience d'intervention dont j'ai besoin.", set()),
    ("travailleuse_sociale",
     "D'ici deux ans, je veux m'éloigner des signalements et ne plus rédiger de rapports pour "
     "le tribunal. Je vais aider l'organisme avec ses programmes, et ce poste est un début.",
     {"contradicts_role"}),
    ("physio",
     "Dans trois ans, je veux être certifiée en rééducation vestibulaire. Mes patients "
     "récupéreront plus vite grâce à des programmes adaptés, et la variété des blessures à "
     "cette clinique est exactement la pratique dont j'ai besoin.", set()),
    ("physio",
     "Dans cinq ans, je veux être pilote de ligne. Je vais bien traiter vos patients d'ici "
     "là, et ce poste finance mes heures de vol.", {"unrelated_field"}),
    ("coiffeuse",
     "D'ici 2028, j'aimerais devenir coloriste et former les coiffeuses juniors. Les clients "
     "repartiront avec une couleur qui leur va et reviendront, et ce salon me permet de "
     "pratiquer la coloration avancée chaque jour.", set()),
    ("coiffeuse",
     "Dans deux ans, je veux être coiffeuse principale, et ce poste me donne la clientèle pour "
     "y arriver.", {"no_value_to_employer"}),
    ("analyste",
     "D'ici deux ans, je veux devenir analyste principale responsable des modèles de "
     "prévision. Les gérants prendront de meilleures décisions grâce à mes tableaux de bord, et "
     "ce poste me permettra d'approfondir Python et SQL.", set()),
    ("analyste",
     "Dans les prochaines années, j'aimerais faire moins de SQL et de tableaux de bord et ne "
     "plus travailler avec des données. Je vais aider les magasins avec les événements, et ce "
     "poste est un début.", {"contradicts_role"}),
    ("agent_securite",
     "Dans trois ans, je veux devenir superviseur de la sécurité. Je vais garder les clients "
     "et les commerçants en sécurité et gérer les incidents avec calme, et ce poste est le bon "
     "endroit pour apprendre à diriger une équipe.", set()),
    ("agent_securite",
     "Dans cinq ans, je veux être pâtissière. Je vais bien patrouiller, et ce poste paie mes "
     "cours de pâtisserie.", {"unrelated_field"}),
    ("paysagiste",
     "Au cours des trois prochaines années, je veux devenir horticultrice certifiée. Je vais "
     "planter et entretenir des jardins dont nos clients sont fiers, et travailler dehors sur "
     "ces projets m'apprend les plantes en toute saison.", set()),
    ("pharmacie",
     "D'ici quatre ans, je veux devenir technicienne en pharmacie. Je vais préparer les "
     "ordonnances avec exactitude pour que les patients n'attendent pas, et ce poste me permet "
     "d'apprendre auprès du pharmacien chaque jour.", set()),
    ("pharmacie",
     "Dans trois ans, je veux être technicienne en pharmacie. Je vais servir les clients avec "
     "soin et tenir l'inventaire à jour.", {"no_win_win"}),
]  # fmt: skip
