"""A third development (tuning) set for the alignment check, both languages, other phrasings.

Written after the second one, to tune on more ways of saying the same things: long and short
sentences, "joining your team would let me…", "my eye for detail will mean…", "à terme",
"ce qui m'amènera", answers that mention the employer by name. Never the held-out
alignment_fresh_*.py. CASES: (posting key, language, answer, expected codes).
"""

POSTINGS = {
    "translator": (
        "Translator (French to English) – Government of Canada Translation Bureau. Translate "
        "reports, web content and correspondence, revise colleagues' work and maintain "
        "terminology records."
    ),
    "bank_teller": (
        "Bank Teller – Caisse Horizon. We are looking for a teller to serve members at the "
        "counter, process deposits and withdrawals, balance the cash drawer and refer members "
        "to advisors."
    ),
    "forestry": (
        "Forestry Technician. Our consulting firm is hiring a forestry technician to inventory "
        "forest stands, mark trees for harvest, map cut blocks with GPS and monitor "
        "regeneration."
    ),
    "dental_assistant": (
        "Dental Assistant. Our family practice needs a certified dental assistant to prepare "
        "treatment rooms, sterilise instruments, assist the dentist chairside and take "
        "radiographs."
    ),
    "baker": (
        "Baker – artisan bakery. We are hiring a baker to mix and shape doughs, bake breads and "
        "pastries before opening, and keep the bakery clean and food-safe."
    ),
    "help_desk": (
        "IT Help Desk Technician. We are looking for a technician to answer employees' calls "
        "and tickets, troubleshoot laptops and accounts, and install software."
    ),
    "entretien": (
        "Préposé ou préposée à l'entretien ménager – Hôtel du Lac. Nous recherchons une personne "
        "pour nettoyer les chambres et les aires communes, changer la literie et réapprovisionner "
        "les produits d'accueil."
    ),
    "postier": (
        "Facteur ou factrice – Postes Canada. Nous recrutons une personne pour trier et livrer le "
        "courrier et les colis à pied ou en véhicule sur un itinéraire urbain, par tous les "
        "temps."
    ),
    "opticien": (
        "Opticien ou opticienne d'ordonnances. Notre boutique recherche un opticien pour "
        "conseiller les clients dans le choix de leurs montures, prendre les mesures, ajuster "
        "les lunettes et ajuster les lentilles cornéennes."
    ),
    "paramedic": (
        "Technicien ambulancier paramédical ou technicienne ambulancière paramédicale. "
        "Nous recherchons une personne pour répondre aux appels d'urgence, évaluer et stabiliser "
        "les patients et les transporter vers le centre hospitalier."
    ),
    "greffier": (
        "Greffier ou greffière – Cour du Québec. Le ministère recrute un greffier pour assister "
        "le juge à l'audience, rédiger les procès-verbaux et tenir les dossiers judiciaires."
    ),
    "designer": (
        "Designer d'intérieur. Notre firme recherche un designer pour rencontrer les clients, "
        "concevoir des plans d'aménagement, choisir les matériaux et suivre les chantiers de "
        "rénovation."
    ),
}

CASES = [
    ("translator", "en",
     "By 2029 I'd like to be a certified translator specialising in legal texts. Clear, "
     "accurate translations from me mean Canadians get the same information in both languages, "
     "and revising with senior colleagues at the Bureau is the best school for that.", set()),
    ("translator", "en",
     "Joining your team would let me grow into terminology work over the next four years, and "
     "I'd make sure every report I translate reads as if it had been written in English.",
     set()),
    ("translator", "en",
     "In three years I want to move away from translation and work in event planning. I'll "
     "help with the office's events, and this job is a start.",
     {"contradicts_role", "unrelated_field"}),
    ("bank_teller", "en",
     "Within two years I hope to become a financial services advisor. Members will get quick, "
     "friendly service at my counter, and the daily contact with them here teaches me what "
     "they need from an advisor.", set()),
    ("bank_teller", "en",
     "I'd like to be a veterinarian in five years. I'll balance my drawer every day, and this "
     "job helps me pay for my studies.", {"unrelated_field"}),
    ("bank_teller", "en", "I just want something stable for now and see later.",
     {"vague", "no_value_to_employer", "no_win_win"}),
    ("forestry", "en",
     "Over the next five years my goal is to become a registered professional forester. My "
     "inventories will give the firm reliable data for its harvest plans, and working in the "
     "field every season is the experience the designation requires.", set()),
    ("forestry", "en",
     "In a few years I'd like to spend much less time in the bush and no more fieldwork. I'll "
     "support the office with reports, and this role is a good first step.",
     {"contradicts_role"}),
    ("dental_assistant", "en",
     "In three years I plan to become a dental hygienist. Patients will feel at ease in a "
     "well-prepared room, and assisting chairside every day is how I learn the clinical side.",
     set()),
    ("dental_assistant", "en",
     "Within four years I want to become an office manager for a dental practice. I'll keep "
     "your instruments sterile and your rooms ready on time.", {"no_win_win"}),
    ("baker", "en",
     "Long term I want to open my own bakery, and this job is where I can learn the craft "
     "from real bakers.", {"no_value_to_employer"}),
    ("baker", "en",
     "Within three years I'd like to become head baker. Customers will find fresh bread on the "
     "shelves at opening, and early mornings in this bakery will teach me to run production.",
     set()),
    ("help_desk", "en",
     "In the next two years I want to earn my network administration certification and move "
     "into system administration. I'll solve employees' problems on the first call, and the "
     "variety of tickets here is great practice for that.", set()),
    ("help_desk", "en",
     "In two years I want to stop answering calls and tickets; I'd rather avoid dealing with "
     "users. I'll help the team with documentation, and this job is a start.",
     {"contradicts_role"}),
    ("entretien", "fr",
     "D'ici deux ans, je veux devenir gouvernante responsable d'un étage. Les clients "
     "trouveront des chambres impeccables à leur arrivée, et ce travail me fait connaître "
     "toutes les normes de l'hôtel.", set()),
    ("entretien", "fr",
     "À terme, je voudrais ne plus faire de ménage et travailler à la réception. Je vais aider "
     "l'hôtel au besoin, et ce poste m'ouvre la porte.", {"contradicts_role"}),
    ("postier", "fr",
     "Dans trois ans, je me vois chef d'équipe au centre de tri. Je vais livrer chaque colis à "
     "temps et avec soin, ce qui m'amènera à connaître toutes les étapes du service.", set()),
    ("postier", "fr",
     "Dans cinq ans, je veux être travailleuse sociale. Je vais livrer le courrier à temps, et "
     "ce poste paie mes études.", {"unrelated_field"}),
    ("opticien", "fr",
     "Au cours des quatre prochaines années, je veux me spécialiser en lentilles cornéennes. "
     "Mes clients repartiront avec des montures qui leur vont et une vision nette, et ce "
     "poste me donne l'occasion de pratiquer les ajustements tous les jours.", set()),
    ("opticien", "fr", "Je veux réussir ma vie.",
     {"vague", "no_value_to_employer", "no_win_win"}),
    ("paramedic", "fr",
     "D'ici cinq ans, je vise à devenir paramédic en soins avancés. Je vais stabiliser les "
     "patients avec calme et précision, et chaque appel d'urgence me prépare à ce niveau de "
     "soins.", set()),
    ("paramedic", "fr",
     "Dans trois ans, je veux devenir superviseure des opérations préhospitalières. Je "
     "vais donner des soins sécuritaires à chaque patient.", {"no_win_win"}),
    ("greffier", "fr",
     "D'ici trois ans, j'aimerais devenir greffière-audiencière principale. Des procès-verbaux "
     "exacts aideront la cour à rendre ses décisions à temps, et ce poste me fait connaître la "
     "procédure de l'intérieur.", set()),
    ("greffier", "fr",
     "Dans quatre ans, je veux être pâtissière dans un grand hôtel. Je serai rigoureuse à "
     "l'audience, et cet emploi me donne un revenu stable.", {"unrelated_field"}),
    ("designer", "fr",
     "D'ici cinq ans, je veux diriger des projets d'aménagement commerciaux. Je vais concevoir "
     "des plans qui plaisent à vos clients et respectent leur budget, et ce poste me permettra "
     "de suivre des chantiers du début à la fin.", set()),
    ("designer", "fr",
     "Dans deux ans, j'aimerais éviter les rencontres avec les clients et ne plus suivre de "
     "chantiers. Je vais aider la firme avec les commandes, et ce poste est un bon début.",
     {"contradicts_role"}),
]  # fmt: skip

# A second batch, written after the first measure on the held-out set (its failures were not
# looked at): strong answers in still other fields and wordings, to tune against false alarms.
POSTINGS.update(
    {
        "electrician_apprentice": (
            "Electrician Apprentice – industrial maintenance. We are hiring an apprentice to help "
            "journeymen troubleshoot motors and controls, pull cable and keep maintenance logs."
        ),
        "cashier": (
            "Grocery Cashier. Our store needs a cashier to scan items, handle payments, bag "
            "groceries and greet customers."
        ),
        "nurse_aide_fr": (
            "Infirmière auxiliaire ou infirmier auxiliaire – CHSLD. Nous recherchons une "
            "infirmière auxiliaire pour administrer les médicaments, faire les pansements et "
            "surveiller l'état des résidents."
        ),
        "comptoir_fr": (
            "Commis de comptoir – quincaillerie. Nous cherchons une personne pour conseiller les "
            "clients sur les produits, préparer les commandes et tenir les rayons en ordre."
        ),
        "soudeur_fr": (
            "Soudeur ou soudeuse – fabrication métallique. Nous embauchons un soudeur pour souder "
            "des pièces d'acier selon les plans, inspecter les soudures et entretenir l'équipement."
        ),
        "researcher": (
            "Research Assistant – psychology lab. We are looking for an assistant to recruit "
            "participants, run experiments, enter and clean data and help prepare reports."
        ),
    }
)

CASES += [
    ("electrician_apprentice", "en",
     "My plan is to earn my industrial electrician licence within four years. I'll keep the "
     "maintenance logs accurate and help the journeymen get the motors back up fast, and "
     "every breakdown I troubleshoot with them gets me closer to my licence.", set()),
    ("electrician_apprentice", "en",
     "Over the next three years I'd like to specialise in PLC programming. I will make sure "
     "downtime on the lines stays short, and working next to experienced journeymen is "
     "exactly how I'll get there.", set()),
    ("cashier", "en",
     "Within a year I'd like to move up to head cashier and later to assistant store manager. "
     "Customers will get through my lane quickly and with a smile, and learning how the store "
     "runs from the front end is the first step toward management.", set()),
    ("cashier", "en",
     "In two years I want to stop dealing with customers at the till and work in the back "
     "office. I'll help the store with inventory counts, and this job is a start.",
     {"contradicts_role"}),
    ("researcher", "en",
     "Over the next five years I want to complete a PhD in cognitive psychology. Carefully "
     "run sessions and clean data will make the lab's findings more reliable, and "
     "running these experiments is the best preparation for graduate research.", set()),
    ("researcher", "en",
     "In the long term I want to become a clinical psychologist, and this position will give "
     "me research experience first.", {"no_value_to_employer"}),
    ("nurse_aide_fr", "fr",
     "D'ici trois ans, je veux devenir infirmière clinicienne en gériatrie. Les résidents "
     "recevront leurs médicaments à temps et des soins attentifs, et travailler en CHSLD me "
     "donne l'expérience auprès des aînés dont j'ai besoin.", set()),
    ("nurse_aide_fr", "fr",
     "À moyen terme, j'aimerais me former en soins de plaies. Je vais surveiller chaque "
     "résident de près et signaler les changements à l'infirmière, ce qui me permettra "
     "d'apprendre à reconnaître les complications.", set()),
    ("comptoir_fr", "fr",
     "Dans deux ans, je vise un poste de gérant de rayon. Je vais bien conseiller les clients "
     "pour qu'ils repartent avec le bon produit, et ce travail au comptoir m'apprend à "
     "connaître toute la marchandise.", set()),
    ("comptoir_fr", "fr",
     "D'ici trois ans, je veux devenir électricienne. Je vais servir vos clients avec "
     "le sourire, et cet emploi m'aide à payer mon DEP.", {"unrelated_field"}),
    ("soudeur_fr", "fr",
     "D'ici quatre ans, je veux obtenir ma certification CWB et devenir inspecteur en "
     "soudage. Des soudures solides du premier coup éviteront des reprises à l'usine, et ce "
     "poste me fait pratiquer tous les procédés.", set()),
    ("soudeur_fr", "fr",
     "Dans quelques années, j'aimerais ne plus souder et éviter l'atelier. Je vais aider "
     "l'entreprise avec la planification, et ce poste est une étape.", {"contradicts_role"}),
]  # fmt: skip
