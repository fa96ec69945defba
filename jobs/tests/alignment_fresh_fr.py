"""Cas frais (jamais ajustés) pour la vérification de l'alignement d'une réponse, en français.

Écrits avant la réécriture de la règle (issue 15) et jamais utilisés pour la régler : les
paramètres se choisissent sur les cas d'ajustement (alignment_cases_en.py / _fr.py); ceux-ci
mesurent seulement si la règle se généralise. Domaines absents des cas d'ajustement : petite
enfance (CPE), toiture, agriculture maraîchère, entrepôt, restauration en salle, chimie
analytique, fonction publique, soutien à domicile, musée, santé animale, hygiène dentaire,
mécanique automobile. Tournures québécoises.

CASES : (clé de l'offre, réponse, codes attendus). Un ensemble vide : la réponse est alignée.
Les étiquettes suivent le sens documenté de chaque code (docs/apps/text-checks.md); voir
alignment_fresh_en.py.
"""

POSTINGS = {
    "educatrice": (
        "Éducatrice ou éducateur à la petite enfance – CPE Les Petits Pas. Nous recherchons une "
        "éducatrice qualifiée pour planifier des activités éducatives pour un groupe d'enfants de "
        "3 à 4 ans, observer leur développement, remplir le dossier éducatif de chaque enfant et "
        "communiquer chaque jour avec les parents. DEC en techniques d'éducation à l'enfance "
        "exigé."
    ),
    "couvreur": (
        "Couvreur ou couvreuse – Toitures Laurentides. Nous embauchons un couvreur pour installer "
        "et réparer des toitures en bardeaux d'asphalte et des membranes élastomères sur des "
        "bâtiments résidentiels et commerciaux. Travail en hauteur, respect des normes de la "
        "CNESST, carte de compétence exigée."
    ),
    "maraicher": (
        "Ouvrier ou ouvrière agricole – ferme maraîchère biologique. La Ferme des Trois Rangs "
        "recherche une personne pour semer, désherber, récolter et laver les légumes, entretenir "
        "le système d'irrigation et préparer les paniers pour nos abonnés. Saison de mai à "
        "octobre, travail extérieur."
    ),
    "entrepot": (
        "Préparateur ou préparatrice de commandes – centre de distribution. Nous recrutons un "
        "préparateur de commandes pour préparer et emballer les commandes à l'aide d'un lecteur "
        "optique, conduire un chariot élévateur, faire le décompte des stocks et charger les "
        "camions de livraison. Quarts de jour et de soir."
    ),
    "serveur": (
        "Serveur ou serveuse – Bistro Le Marché. Nous cherchons un serveur pour accueillir les "
        "clients, présenter le menu et les vins, prendre les commandes, servir les plats et "
        "encaisser les paiements dans une ambiance chaleureuse. Soirs et fins de semaine."
    ),
    "labo_chimie": (
        "Technicien ou technicienne de laboratoire en chimie – Laboratoire d'analyses "
        "environnementales. Nous recherchons un technicien pour préparer les échantillons d'eau "
        "et de sol, effectuer des analyses par chromatographie et spectrométrie, calibrer les "
        "instruments et consigner les résultats selon les normes ISO 17025."
    ),
    "services_quebec": (
        "Agent ou agente aux services à la clientèle – Services Québec. Le ministère recrute un "
        "agent pour renseigner les citoyens au comptoir et au téléphone sur les programmes "
        "gouvernementaux, vérifier les demandes et les pièces justificatives, et tenir les "
        "dossiers à jour dans le système."
    ),
    "auxiliaire": (
        "Auxiliaire aux services de santé et sociaux – soutien à domicile, CLSC. Nous "
        "recherchons une auxiliaire pour aider les usagers à domicile dans leurs soins "
        "d'hygiène, leurs déplacements et leurs repas, observer leur état de santé et en faire "
        "rapport à l'infirmière."
    ),
    "guide_musee": (
        "Guide-animateur ou guide-animatrice – Musée d'histoire. Le musée recherche une personne "
        "pour animer des visites guidées pour des groupes scolaires et des touristes, en "
        "français et en anglais, concevoir des activités éducatives et accueillir les visiteurs."
    ),
    "tsa": (
        "Technicien ou technicienne en santé animale – clinique vétérinaire. Nous recherchons un "
        "TSA pour assister les vétérinaires en chirurgie, surveiller l'anesthésie, faire des "
        "prises de sang et des radiographies, et conseiller les propriétaires sur les soins à "
        "domicile."
    ),
    "hygieniste": (
        "Hygiéniste dentaire – Clinique dentaire du Vieux-Port. Nous recherchons une hygiéniste "
        "dentaire pour effectuer des détartrages et des polissages, prendre des radiographies, "
        "évaluer la santé parodontale des patients et leur enseigner les bonnes habitudes "
        "d'hygiène buccale."
    ),
    "mecanicien": (
        "Mécanicien ou mécanicienne automobile – Garage Beaulieu. Nous embauchons un mécanicien "
        "pour diagnostiquer et réparer les véhicules des clients, faire l'entretien préventif, "
        "changer les pneus et expliquer les travaux aux clients. DEP en mécanique automobile "
        "exigé."
    ),
}

CASES = [
    # --- Petite enfance ---
    ("educatrice",
     "D'ici trois ans, je veux devenir responsable de l'accompagnement pédagogique dans un CPE. "
     "Les enfants de mon groupe vivront des journées riches et sécuritaires, et les parents "
     "sauront où en est leur enfant; ce poste me permettra d'approfondir l'approche par le jeu "
     "auprès des 3-4 ans.", set()),
    ("educatrice",
     "Dans cinq ans, j'aimerais travailler en comptabilité, loin des enfants. Je vais aider le "
     "CPE avec ses dossiers, et ce poste m'aidera à payer mes études.",
     {"contradicts_role", "unrelated_field"}),
    ("educatrice",
     "À moyen terme, je vise un poste de conseillère pédagogique. J'offrirai aux enfants un "
     "milieu stimulant et je tiendrai les parents informés chaque jour.", {"no_win_win"}),
    ("educatrice", "Je veux être heureuse au travail.",
     {"vague", "no_value_to_employer", "no_win_win"}),
    # --- Toiture ---
    ("couvreur",
     "Dans les quatre prochaines années, je veux obtenir mon statut de compagnon et devenir "
     "chef d'équipe. Je vais livrer des toitures étanches et des chantiers propres, ce qui évite "
     "les rappels pour l'entreprise, et ce poste me donne l'expérience des membranes dont j'ai "
     "besoin.", set()),
    ("couvreur",
     "D'ici cinq ans, j'aimerais lancer ma propre équipe de couvreurs spécialisée en toits "
     "verts. Je vais poser des membranes sans infiltration pour les clients de l'entreprise, et "
     "ce poste me permet d'apprendre les techniques commerciales.", set()),
    ("couvreur",
     "D'ici deux ans, je veux ne plus travailler en hauteur et arrêter de poser des bardeaux. "
     "Je vais aider l'entreprise avec les soumissions, et ce poste est un bon début pour moi.",
     {"contradicts_role"}),
    ("couvreur",
     "Dans cinq ans, je souhaite devenir infirmière en pédiatrie. D'ici là, je vais travailler "
     "fort sur vos chantiers, et ce poste me permet de payer mes cours.", {"unrelated_field"}),
    ("couvreur",
     "D'ici 2028, je veux être compagnon couvreur; ce poste me permettra d'accumuler les heures "
     "nécessaires.", {"no_value_to_employer"}),
    # --- Agriculture ---
    ("maraicher",
     "Au cours des trois prochaines saisons, je veux apprendre la planification des cultures "
     "pour un jour gérer ma propre ferme maraîchère. Je vais récolter avec soin pour que les "
     "paniers des abonnés soient beaux et frais, et travailler ici me donne exactement "
     "l'expérience en bio dont j'ai besoin.", set()),
    ("maraicher",
     "À long terme, j'aimerais travailler moins dehors et moins dans les champs, plutôt dans un "
     "bureau. Je vais aider la ferme avec ses courriels, et ce poste m'aide à commencer.",
     {"contradicts_role"}),
    ("maraicher", "Je veux voir où ça me mène et faire de mon mieux.",
     {"vague", "no_value_to_employer", "no_win_win"}),
    ("maraicher",
     "D'ici trois ans, je veux devenir développeuse web. Je vais travailler fort pendant la "
     "saison.", {"unrelated_field", "no_win_win"}),
    # --- Entrepôt ---
    ("entrepot",
     "D'ici deux ans, je veux devenir chef d'équipe à l'expédition. Je vais préparer des "
     "commandes exactes et rapides pour que les clients reçoivent la bonne marchandise, et ce "
     "poste me fait connaître toutes les étapes de l'entrepôt.", set()),
    ("entrepot",
     "Au cours des trois prochaines années, je veux obtenir ma carte de cariste et devenir "
     "responsable de l'inventaire. Grâce à des décomptes précis, il y aura moins d'erreurs "
     "d'expédition et moins de retours, et ce poste me donne l'occasion de maîtriser chaque "
     "étape.", set()),
    ("entrepot",
     "Dans quelques années, je veux éviter le travail physique et ne plus conduire de chariot "
     "élévateur. Je vais aider l'équipe avec les horaires, et ce poste me permet de commencer.",
     {"contradicts_role"}),
    ("entrepot",
     "Dans trois ans, je me vois superviseur d'entrepôt. Je vais garder les stocks exacts et "
     "aider l'équipe à charger les camions à temps.", {"no_win_win"}),
    ("entrepot",
     "À long terme, je vise un poste de coordonnateur logistique, et ce poste est une étape "
     "vers ce but.", {"no_value_to_employer"}),
    # --- Restauration en salle ---
    ("serveur",
     "D'ici trois ans, j'aimerais devenir sommelière. Je vais offrir aux clients un service "
     "attentionné et de bons accords mets-vins, ce qui fait revenir la clientèle, et ce poste me "
     "permettra de goûter et de présenter des vins tous les soirs.", set()),
    ("serveur",
     "Dans deux ans, je me vois maître d'hôtel. Je ferai en sorte que chaque table passe une "
     "belle soirée et revienne, et ce poste est l'endroit idéal pour apprendre à gérer une "
     "salle.", set()),
    ("serveur",
     "Dans cinq ans, je veux être ingénieure civile. En attendant, je serai fiable et "
     "souriante avec vos clients, et ce poste paie mes études.", {"unrelated_field"}),
    ("serveur",
     "À moyen terme, je veux un emploi où je n'aurai plus à servir des clients le soir. Je vais "
     "aider le bistro avec l'inventaire, et ce poste est un tremplin.", {"contradicts_role"}),
    ("serveur",
     "Je veux réussir dans la restauration. Je vais bien servir vos clients et ce poste "
     "m'aidera à évoluer.", {"vague"}),
    # --- Chimie analytique ---
    ("labo_chimie",
     "D'ici cinq ans, je veux devenir chimiste responsable de la validation des méthodes. Des "
     "analyses fiables et bien documentées aideront le laboratoire à garder son accréditation "
     "et la confiance de ses clients, et ce poste me permettra de maîtriser la chromatographie "
     "au quotidien.", set()),
    ("labo_chimie",
     "D'ici 2028, je vise une certification en assurance qualité. Je vais calibrer les "
     "instruments avec rigueur pour que les clients reçoivent des résultats fiables, et ce "
     "poste me donne accès aux normes ISO au quotidien.", set()),
    ("labo_chimie",
     "Dans trois ans, je veux ouvrir ma propre boulangerie. Je serai rigoureux avec vos "
     "échantillons, et ce poste m'aide à financer mon projet.", {"unrelated_field"}),
    ("labo_chimie",
     "Je veux évoluer et relever de nouveaux défis. Je vais aider le labo, et ce poste m'aidera "
     "à apprendre.", {"vague"}),
    ("labo_chimie",
     "Au cours des prochaines années, je veux me spécialiser en spectrométrie de masse; ce "
     "poste me donnera la pratique nécessaire.", {"no_value_to_employer"}),
    # --- Fonction publique ---
    ("services_quebec",
     "Dans les trois prochaines années, je veux devenir agente d'information spécialisée dans "
     "les programmes d'aide aux familles. Je vais donner aux citoyens des réponses claires et "
     "exactes du premier coup, ce qui réduit les délais pour tout le monde, et ce poste est le "
     "meilleur endroit pour apprendre les programmes de l'intérieur.", set()),
    ("services_quebec",
     "À long terme, je veux éviter le service au comptoir et ne plus répondre au téléphone. Je "
     "vais aider le ministère avec le classement, et ce poste me permet d'entrer dans la "
     "fonction publique.", {"contradicts_role"}),
    ("services_quebec",
     "D'ici quatre ans, je veux devenir mécanicienne automobile. Je vais faire un bon travail "
     "pour le ministère, et cet emploi me donne un revenu stable pendant ma formation.",
     {"unrelated_field"}),
    ("services_quebec",
     "Dans deux ans, je veux être chef d'équipe au centre d'appels. Je vais traiter chaque "
     "citoyen avec respect et tenir les dossiers à jour.", {"no_win_win"}),
    # --- Soutien à domicile ---
    ("auxiliaire",
     "D'ici trois ans, je vise à devenir infirmière auxiliaire. Je vais aider les usagers à "
     "rester chez eux en sécurité et avec dignité, et chaque visite à domicile me permettra "
     "d'apprendre à observer comme une infirmière.", set()),
    ("auxiliaire",
     "Au cours des deux prochaines années, je veux apprendre à prévenir les chutes pour que mes "
     "usagers aient moins de blessures. Je vais observer leur état avec soin et avertir "
     "l'infirmière rapidement, et ce poste m'offre exactement ce terrain d'apprentissage.",
     set()),
    ("auxiliaire",
     "Dans quelques années, j'aimerais ne plus faire de soins d'hygiène et m'éloigner des "
     "usagers. Je vais aider le CLSC avec la paperasse, et ce poste est une porte d'entrée.",
     {"contradicts_role"}),
    ("auxiliaire", "Dans cinq ans, je veux être infirmière clinicienne.",
     {"no_value_to_employer", "no_win_win"}),
    # --- Musée ---
    ("guide_musee",
     "D'ici quatre ans, je veux devenir responsable des programmes éducatifs d'un musée. Mes "
     "visites feront vivre l'histoire aux élèves et donneront envie aux touristes de revenir, et "
     "animer ici me permettra de développer des activités pour tous les publics.", set()),
    ("guide_musee",
     "À moyen terme, je veux parler moins devant des groupes et ne plus animer de visites. Je "
     "vais aider le musée avec l'inventaire des collections, et ce poste m'ouvre la porte du "
     "milieu muséal.", {"contradicts_role"}),
    ("guide_musee",
     "Dans trois ans, je veux être électricien industriel. Je vais accueillir vos visiteurs "
     "avec le sourire, et ce poste m'aide à payer ma formation.", {"unrelated_field"}),
    ("guide_musee", "Je veux aller loin.", {"vague", "no_value_to_employer", "no_win_win"}),
    # --- Santé animale ---
    ("tsa",
     "Dans les cinq prochaines années, je veux me spécialiser en dentisterie vétérinaire. Je "
     "vais assurer une anesthésie sécuritaire à chaque animal et bien conseiller les "
     "propriétaires, et ce poste en clinique me donne la pratique chirurgicale dont j'ai "
     "besoin.", set()),
    ("tsa",
     "D'ici trois ans, je veux devenir technicienne en chef. Je vais surveiller chaque "
     "anesthésie de près et expliquer clairement les soins aux propriétaires.", {"no_win_win"}),
    ("tsa",
     "À long terme, je veux devenir avocate en droit du travail. Je vais être ponctuelle et "
     "appliquée à la clinique, et ce poste m'aide à payer mon bac en droit.",
     {"unrelated_field"}),
    ("tsa",
     "Dans deux ans, je veux arrêter de travailler avec les animaux malades et éviter la "
     "chirurgie. Je vais aider la clinique à l'accueil, et ce poste est une étape pour moi.",
     {"contradicts_role"}),
    # --- Hygiène dentaire ---
    ("hygieniste",
     "D'ici trois ans, je veux me perfectionner en parodontie et offrir des traitements plus "
     "avancés. Mes patients comprendront mieux leur santé buccale et reviendront à leurs "
     "rendez-vous, et cette clinique me permettra de voir une grande variété de cas.", set()),
    ("hygieniste",
     "J'aimerais m'améliorer dans mon travail. Je vais aider les patients, et ce poste m'aidera "
     "à progresser.", {"vague"}),
    ("hygieniste",
     "Dans quatre ans, je veux enseigner l'hygiène dentaire au cégep; ce poste me permettra "
     "d'acquérir l'expérience clinique exigée.", {"no_value_to_employer"}),
    ("hygieniste",
     "Dans deux ans, je veux quitter les soins aux patients et devenir programmeuse de jeux "
     "vidéo. Je vais faire de mon mieux à la clinique, et ce poste paie mes cours.",
     {"contradicts_role", "unrelated_field"}),
    # --- Mécanique automobile ---
    ("mecanicien",
     "D'ici trois ans, je veux devenir spécialiste des véhicules électriques et hybrides. Je "
     "vais faire des diagnostics justes du premier coup pour que les clients repartent "
     "satisfaits et reviennent au garage, et ce poste me permettra de me former sur les "
     "nouveaux modèles.", set()),
    ("mecanicien",
     "Dans quelques années, je veux sortir du garage et ne plus avoir les mains dans les "
     "moteurs. Je vais aider au service à la clientèle, et ce poste est un bon départ.",
     {"contradicts_role"}),
    ("mecanicien",
     "Dans cinq ans, je me vois chef d'atelier. Je vais réparer les véhicules de vos clients "
     "avec soin et leur expliquer clairement les travaux.", {"no_win_win"}),
    ("mecanicien", "Je veux un bon emploi stable.",
     {"vague", "no_value_to_employer", "no_win_win"}),
]  # fmt: skip
