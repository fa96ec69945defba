"""Offres d'emploi et réponses à « Quels sont vos objectifs de carrière? », en français.

CASES : (clé de l'offre, réponse, codes attendus). Un ensemble vide : la réponse est alignée.
"""

POSTINGS = {
    "directeur_ventes": (
        "Directeur ou directrice des ventes – Québec. Nous recherchons un directeur des ventes "
        "pour diriger une équipe de six représentants, faire croître le chiffre d'affaires auprès "
        "des comptes clés et bâtir des relations durables avec nos clients. Vous fixerez les "
        "objectifs de vente et négocierez les contrats importants."
    ),
    "infirmiere": (
        "Infirmière ou infirmier, unité de médecine. Nous embauchons une infirmière pour offrir "
        "des soins sécuritaires aux patients, de jour comme de nuit. Vous évaluerez les patients, "
        "administrerez les médicaments et travaillerez avec les médecins et les familles."
    ),
    "prepose": (
        "Préposé ou préposée aux bénéficiaires – CHSLD. Nous recherchons un préposé aux "
        "bénéficiaires pour aider les résidents dans leurs soins d'hygiène, leurs repas et leurs "
        "déplacements, avec respect et bienveillance. Quarts de soir et de fin de semaine."
    ),
    "technicien_comptable": (
        "Technicien ou technicienne comptable. Notre cabinet recherche un technicien comptable "
        "pour la tenue de livres, les comptes fournisseurs et clients, la paie et les "
        "conciliations bancaires de fin de mois. La préparation des déclarations d'impôts est un "
        "atout."
    ),
    "developpeur": (
        "Développeur ou développeuse back-end. Nous recherchons un développeur pour concevoir des "
        "API en Python et Django pour notre application web. Vous écrirez du code testé et "
        "améliorerez la performance de nos logiciels."
    ),
    "enseignant": (
        "Enseignant ou enseignante au primaire. Nous embauchons un enseignant pour une classe de "
        "4e année : planifier les cours, évaluer les élèves et collaborer avec les parents."
    ),
    "cuisinier": (
        "Cuisinier ou cuisinière. Restaurant achalandé du centre-ville recrute un cuisinier pour "
        "préparer les plats du menu, garder la cuisine propre et servir rapidement nos clients."
    ),
}

CASES = [
    # --- Réponses alignées (doivent passer) ---
    ("directeur_ventes",
     "D'ici trois ans, je veux devenir directeur régional des ventes. Dans ce poste, j'aiderai "
     "votre équipe à faire croître le chiffre d'affaires auprès des comptes clés, et diriger six "
     "représentants me rapprochera de cet objectif.", set()),
    ("directeur_ventes",
     "Dans cinq ans, je me vois à la tête d'une plus grande organisation de vente. Je vais "
     "apporter mes talents de négociation pour augmenter vos ventes, et ce poste me permettra "
     "d'acquérir l'expérience de coaching dont j'ai besoin.", set()),
    ("infirmiere",
     "À moyen terme, je veux me spécialiser en soins critiques. J'offrirai à vos patients des "
     "soins sécuritaires à chaque quart, et ce poste me permettra d'acquérir l'expérience "
     "clinique nécessaire pour les soins intensifs.", set()),
    ("prepose",
     "Dans les trois prochaines années, je veux devenir infirmière auxiliaire. Je vais offrir à "
     "vos résidents des soins d'hygiène attentifs et respectueux, et ce poste est une étape vers "
     "mon objectif parce que j'apprendrai auprès de l'équipe de soins.", set()),
    ("prepose",
     "D'ici deux ans, je souhaite devenir formatrice des nouveaux préposés. J'aiderai vos "
     "bénéficiaires au quotidien avec bienveillance, et ce poste me permet de développer mon "
     "expérience en CHSLD.", set()),
    ("technicien_comptable",
     "D'ici cinq ans, je veux obtenir mon titre de CPA. Je vais assurer une tenue de livres "
     "exacte et des conciliations à temps pour vos clients, et ce poste me donnera l'expérience "
     "comptable exigée par le programme.", set()),
    ("developpeur",
     "Dans deux ans, je veux être développeur principal. J'aiderai votre équipe à livrer des API "
     "Python fiables, et ce poste me permettra d'approfondir Django grâce aux revues de code.",
     set()),
    ("enseignant",
     "À long terme, je veux diriger des projets pédagogiques. J'aiderai vos élèves à progresser "
     "en lecture, et ce poste me permettra de développer ma pratique en classe.", set()),
    ("cuisinier",
     "D'ici trois ans, je veux devenir sous-chef. J'aiderai la cuisine à servir vos clients "
     "rapidement, et ce poste me permettra d'apprendre tous les postes d'un restaurant achalandé.",
     set()),
    # --- contradicts_role ---
    ("directeur_ventes",
     "Dans quelques années, j'aimerais un poste avec moins de contacts avec les clients. "
     "J'aiderai votre équipe à organiser ses rapports, et ce poste me permettra d'y arriver.",
     {"contradicts_role"}),
    ("directeur_ventes",
     "À long terme, je veux m'éloigner de la vente pour aller vers la coordination de projets. "
     "Je vais soutenir votre équipe dans la planification, et ce poste me permettra d'apprendre.",
     {"contradicts_role"}),
    ("infirmiere",
     "Dans trois ans, je veux ne plus faire de soins aux patients et travailler dans un bureau. "
     "J'aiderai votre équipe avec la documentation, et ce poste me donnera un pied à l'hôpital.",
     {"contradicts_role"}),
    ("prepose",
     "D'ici deux ans, je veux éviter les soins d'hygiène et les quarts de soir. Je vais aider "
     "votre établissement avec l'accueil, et ce poste me permettra de connaître le milieu.",
     {"contradicts_role"}),
    ("technicien_comptable",
     "Dans les trois prochaines années, j'aimerais un emploi sans paie ni conciliations. J'aiderai "
     "votre cabinet à organiser des événements, et ce poste me permettra de rencontrer des gens.",
     {"contradicts_role"}),
    ("developpeur",
     "Dans deux ans, je veux arrêter la programmation et gérer des budgets. J'aiderai votre équipe "
     "à planifier ses sprints, et ce poste me permettra d'apprendre le produit.",
     {"contradicts_role"}),
    ("cuisinier",
     "D'ici deux ans, je veux quitter la cuisine pour travailler dans un bureau. J'aiderai votre "
     "restaurant avec les horaires, et ce poste me permettra d'économiser pour mes études.",
     {"contradicts_role"}),
    # --- unrelated_field ---
    ("technicien_comptable",
     "Dans cinq ans, je veux être infirmière à l'hôpital et soigner des patients. J'aiderai votre "
     "cabinet en attendant, et ce poste financera mes études en soins infirmiers.",
     {"unrelated_field"}),
    ("developpeur",
     "Dans trois ans, je veux ouvrir mon propre restaurant et cuisiner pour mes clients. "
     "J'aiderai votre équipe avec ses API, et ce poste financera mon projet de cuisine.",
     {"unrelated_field"}),
    ("enseignant",
     "D'ici deux ans, je veux devenir développeur Python et travailler en programmation. "
     "J'aiderai vos élèves avec l'informatique, et ce poste me donnera du temps pour étudier.",
     {"unrelated_field"}),
    ("prepose",
     "Dans quatre ans, je veux faire carrière en marketing : campagnes sur les médias sociaux et "
     "contenu de marque. J'aiderai votre établissement avec son site, et ce poste paie mes cours.",
     {"unrelated_field"}),
    # --- no_value_to_employer ---
    ("directeur_ventes",
     "Dans trois ans, je veux être directeur des ventes, car diriger une plus grande équipe de "
     "représentants est mon rêve, et ce poste est une étape vers ce but.",
     {"no_value_to_employer"}),
    ("infirmiere",
     "Au cours des cinq prochaines années, je veux me spécialiser en pédiatrie; ce poste me "
     "permettra d'acquérir l'expérience hospitalière nécessaire.", {"no_value_to_employer"}),
    ("developpeur",
     "D'ici deux ans, je veux être développeur Python principal, et ce poste me permettra "
     "d'apprendre Django auprès de gens d'expérience.", {"no_value_to_employer"}),
    ("technicien_comptable",
     "Dans cinq ans, je veux mon titre de CPA; ce poste me donnera les heures d'expérience "
     "comptable nécessaires.", {"no_value_to_employer"}),
    # --- no_win_win ---
    ("directeur_ventes",
     "Dans trois ans, je veux être directeur régional des ventes. Je vais faire croître votre "
     "chiffre d'affaires et aider vos représentants à dépasser leurs objectifs.", {"no_win_win"}),
    ("infirmiere",
     "D'ici cinq ans, je veux devenir infirmière clinicienne spécialisée. J'offrirai à vos "
     "patients des soins sécuritaires et je soutiendrai leurs familles.", {"no_win_win"}),
    ("prepose",
     "Dans trois ans, je veux devenir infirmière auxiliaire. J'aiderai vos résidents avec "
     "respect dans leurs soins d'hygiène et leurs repas.", {"no_win_win"}),
    ("technicien_comptable",
     "D'ici quatre ans, je veux obtenir mon titre de CPA. Je vais tenir vos livres avec exactitude "
     "et fermer le mois à temps.", {"no_win_win"}),
    # --- vague ---
    ("directeur_ventes",
     "Je veux devenir directeur des ventes et accompagner de bons représentants. J'aiderai votre "
     "équipe à augmenter ses ventes, et ce poste me rapprochera de ce but.", {"vague"}),
    ("developpeur",
     "Je veux juste évoluer et réussir. J'aiderai votre équipe, et ce poste me permettra "
     "d'apprendre.", {"vague"}),
    ("prepose",
     "Je veux devenir infirmière auxiliaire. J'aiderai vos résidents avec bienveillance, et ce "
     "poste me permettra d'apprendre.", {"vague"}),
    # --- plusieurs problèmes ---
    ("directeur_ventes", "Je veux réussir.", {"no_value_to_employer", "no_win_win", "vague"}),
    ("prepose",
     "Je veux quitter les soins aux résidents et devenir développeuse web en Python.",
     {"contradicts_role", "unrelated_field", "no_value_to_employer", "no_win_win", "vague"}),
]  # fmt: skip
